// A domain of 3 inputs for a network of 2.
// EXPECT: domain_input_count_differs_from_network<3, 2>
#include <ctnn/ctnn.hpp>

constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

#ifdef CTNN_TWIN
static_assert(ctnn::truth_table(buy, ctnn::uniform_domain<2>({0, 1, 2})).size() == 9);
#else
static_assert(ctnn::truth_table(buy, ctnn::uniform_domain<3>({0, 1, 2})).size() == 27);
#endif
