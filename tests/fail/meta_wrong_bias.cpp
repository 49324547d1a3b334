// A bias changed from -5 to -10 makes the meta network buy on (1, 1): the decision rule names row 3.
// EXPECT: truth_table_row_mismatch<ctnn::row<3>, ctnn::inputs<1, 1>, ctnn::expected<0>, ctnn::actual<10>, ctnn::expected_decision<0>, ctnn::actual_decision<1>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

#ifdef CTNN_TWIN
constexpr int first_bias = -5;
#else
constexpr int first_bias = -10;
#endif
constexpr auto buy = meta::network(
    meta::dense(hana::make_tuple(hana::tuple_c<int, 5, 5>, hana::tuple_c<int, -5, -5>),
                hana::tuple_c<int, first_bias, 5>, meta::relu),
    meta::dense(hana::make_tuple(hana::tuple_c<int, -10, -10>), hana::tuple_c<int, 10>, meta::relu));

CTNN_META_VERIFY(buy, meta::truth_table_of([](auto design, auto quality) { return design != quality; }),
                 meta::above(hana::int_c<0>));
