// Over a named domain, the failing row is shown with the record's field names and values.
// EXPECT: ctnn::fields<ctnn::field<'d', 'e', 's', 'i', 'g', 'n', '=', '1'>, ctnn::field<'q', 'u', 'a', 'l', 'i', 't', 'y', '=', '1'>
#include <boost/hana/define_struct.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

struct product {
  BOOST_HANA_DEFINE_STRUCT(product, (int, design), (int, quality));
};

#ifdef CTNN_TWIN
constexpr int first_bias = -5;
#else
constexpr int first_bias = -10;
#endif
constexpr auto buy = meta::network(
    meta::dense(hana::make_tuple(hana::tuple_c<int, 5, 5>, hana::tuple_c<int, -5, -5>),
                hana::tuple_c<int, first_bias, 5>, meta::relu),
    meta::dense(hana::make_tuple(hana::tuple_c<int, -10, -10>), hana::tuple_c<int, 10>, meta::relu));

CTNN_META_VERIFY(buy, meta::truth_table_of([](product p) { return p.design != p.quality; }),
                 meta::above(hana::int_c<0>), meta::named<product>(meta::boolean_inputs<2>));
