// A domain of 2^40 rows, too many to enumerate, verified through bounds on sub-cubes
// (verify/cubes.hpp): output 1 - 9 x0 + x1 + ... + x39 is above 0 except where x0 = 1 and at most
// eight other inputs are 1. The bounds settle the half x0 = 0 in one box; the first failing row,
// 2^39 (x0 = 1, the rest 0), is found in the first sub-cube the bounds leave open, and shown as the
// row-by-row sweep shows it. The twin's bias, 10, keeps the output above 0 on every row.
// EXPECT: truth_table_row_mismatch<ctnn::row<549755813888>, ctnn::inputs<1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0>, ctnn::expected<1>, ctnn::actual<-8>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr int bias = 10;
#else
constexpr int bias = 1;
#endif
constexpr auto net = ctnn::network(ctnn::dense<40, 1>(
    {{-9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}}, {bias}));
CTNN_VERIFY(net, ctnn::everywhere(true), ctnn::above(0), ctnn::boolean_inputs<40>);
