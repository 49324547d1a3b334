// A meta table with two values per row for a network with one output: CTNN_META_VERIFY names both
// counts (2 given, 1 output).
// EXPECT: expected_values_per_row_differ_from_outputs<2, 1>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

constexpr auto buy = meta::network(
    meta::dense(hana::make_tuple(hana::tuple_c<int, 5, 5>, hana::tuple_c<int, -5, -5>), hana::tuple_c<int, -5, 5>,
                meta::relu),
    meta::dense(hana::make_tuple(hana::tuple_c<int, -10, -10>), hana::tuple_c<int, 10>, meta::relu));

#ifdef CTNN_TWIN
CTNN_META_VERIFY(buy, meta::table(hana::tuple_c<int, 0, 10, 10, 0>), meta::exact);
#else
CTNN_META_VERIFY(buy, meta::table(hana::make_tuple(hana::tuple_c<int, 0, 0>, hana::tuple_c<int, 10, 1>,
                                                   hana::tuple_c<int, 10, 1>, hana::tuple_c<int, 0, 0>)),
                 meta::exact);
#endif
