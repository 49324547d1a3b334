// A bias changed from -5 to -10 makes the network buy on (1, 1): the decision rule names row 3.
// EXPECT: truth_table_row_mismatch<ctnn::row<3>, ctnn::inputs<1, 1>, ctnn::expected<0>, ctnn::actual<10>, ctnn::expected_decision<0>, ctnn::actual_decision<1>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr int first_bias = -5;
#else
constexpr int first_bias = -10;
#endif
constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {first_bias, 5}, ctnn::relu),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

CTNN_VERIFY(buy, ctnn::truth_table_of([](int design, int quality) { return design != quality; }),
            ctnn::above(0));
