// A network written from the README, other than the seed: a 3-input majority vote whose bias is
// -2 instead of -1 votes 0 on (0, 1, 1), which is row 3 of {0,1}^3.
// EXPECT: truth_table_row_mismatch<ctnn::row<3>, ctnn::inputs<0, 1, 1>, ctnn::expected<1>, ctnn::actual<0>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr int bias = -1;
#else
constexpr int bias = -2;
#endif
constexpr auto majority = ctnn::network(ctnn::dense<3, 1>({{1, 1, 1}}, {bias}, ctnn::step));

CTNN_VERIFY(majority, ctnn::truth_table_of([](int a, int b, int c) { return a + b + c >= 2; }),
            ctnn::exact);
