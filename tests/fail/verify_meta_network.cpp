// CTNN_VERIFY takes a ctnn::meta network too: the article's slip (1 where ReLU gives 10) is named
// with the very words of the value form.
// EXPECT: truth_table_row_mismatch<ctnn::row<1>, ctnn::inputs<0, 1>, ctnn::expected<1>, ctnn::actual<10>
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
CTNN_VERIFY(buy, meta::table(hana::tuple_c<int, 0, 10, 10, 0>), meta::exact);
#else
CTNN_VERIFY(buy, meta::table(hana::tuple_c<int, 0, 1, 1, 0>), meta::exact);
#endif
