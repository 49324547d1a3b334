// A double field has no exact constant: evaluating a record with one in the meta form is refused,
// and the error names the field's index and type (0.5 is written ctnn::meta::fraction(1, 2)).
// EXPECT: record_field_has_no_exact_constant<0, double>
#include <boost/hana/define_struct.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>
#include <type_traits>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

#ifdef CTNN_TWIN
using share_type = meta::fraction;
constexpr share_type half = meta::fraction(1, 2);
#else
using share_type = double;
constexpr share_type half = 0.5;
#endif
struct order {
  BOOST_HANA_DEFINE_STRUCT(order, (share_type, share), (int, count));
};

constexpr auto sum =
    meta::network(meta::dense(hana::make_tuple(hana::tuple_c<int, 1, 1>), hana::tuple_c<int, 0>));
static_assert(
    std::is_same_v<decltype(meta::evaluate<order{half, 1}>(sum)), hana::tuple<meta::rational<3, 2>>>);
