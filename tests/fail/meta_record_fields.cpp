// A record with three fields for a two-input meta network: the error gives both counts.
// EXPECT: record_fields_differ_from_network_inputs<3, 2>
#include <boost/hana/define_struct.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>
#include <type_traits>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

struct product {
#ifdef CTNN_TWIN
  BOOST_HANA_DEFINE_STRUCT(product, (int, design), (int, quality));
#else
  BOOST_HANA_DEFINE_STRUCT(product, (int, design), (int, quality), (int, price));
#endif
};

constexpr auto buy = meta::network(
    meta::dense(hana::make_tuple(hana::tuple_c<int, 5, 5>, hana::tuple_c<int, -5, -5>), hana::tuple_c<int, -5, 5>,
                meta::relu),
    meta::dense(hana::make_tuple(hana::tuple_c<int, -10, -10>), hana::tuple_c<int, 10>, meta::relu));

static_assert(std::is_same_v<decltype(meta::evaluate<product{0, 1}>(buy)), hana::tuple<hana::int_<10>>>);
