// The seed article's last table writes 1 for the two "buy" rows, but ReLU(10) is 10.
// The build must stop and name row 1, its inputs (0, 1), the expected 1 and the actual 10.
// EXPECT: truth_table_row_mismatch<ctnn::row<1>, ctnn::inputs<0, 1>, ctnn::expected<1>, ctnn::actual<10>
#include <ctnn/ctnn.hpp>

constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

#ifdef CTNN_TWIN
CTNN_VERIFY(buy, ctnn::table({0, 10, 10, 0}), ctnn::exact);
#else
CTNN_VERIFY(buy, ctnn::table({0, 1, 1, 0}), ctnn::exact);
#endif
