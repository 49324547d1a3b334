// min(s, 1) with s = x0 + ... + x39, written relu(s) - relu(s - 1), is 0 or 1 on every row of
// {0,1}^40, so "above -1" holds; but the interval bounds of the two units, [0, 40] and [0, 39],
// leave the output in [-39, 40] until few inputs are free, and the pieces are spent long before:
// CTNN_VERIFY says which rows are settled ("every row before row r holds"), never "verified". The
// twin asks for "above -40", which the bounds show at once.
// EXPECT: rows_undecided_within_budget<ctnn::row<[0-9]+>, [0-9]+, [0-9]+ ?>
// Two pieces (CTNN_VERIFY_BOUNDS_PIECES, default 64) keep the test short: the verdict is the same.
#define CTNN_VERIFY_BOUNDS_PIECES 2
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr int threshold = -40;
#else
constexpr int threshold = -1;
#endif
constexpr auto net = ctnn::network(
    ctnn::dense<40, 2>({{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}}, {0, -1}, ctnn::relu),
    ctnn::dense<2, 1>({{1, -1}}, {0}));
CTNN_VERIFY(net, ctnn::everywhere(true), ctnn::above(threshold), ctnn::boolean_inputs<40>);
