// ctnn::evaluate on a braced list of three values for a two-input network.
// EXPECT: input_count_differs_from_network<2, 3>
#include <ctnn/ctnn.hpp>

constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));
#ifdef CTNN_TWIN
static_assert(ctnn::evaluate(buy, {0, 1})[0] == 10);
#else
static_assert(ctnn::evaluate(buy, {0, 1, 1})[0] == 10);
#endif
