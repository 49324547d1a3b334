// Layer 0 has 3 outputs, layer 1 takes 2 inputs: the error names both layers and both sizes.
// EXPECT: layer_sizes_do_not_match<0, 3, 1, 2>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr auto net = ctnn::network(ctnn::dense<2, 3>({{1, 1}, {1, 0}, {0, 1}}, {0, 0, 0}, ctnn::relu),
                                   ctnn::dense<3, 1>({{1, 1, 1}}, {0}, ctnn::relu));
#else
constexpr auto net = ctnn::network(ctnn::dense<2, 3>({{1, 1}, {1, 0}, {0, 1}}, {0, 0, 0}, ctnn::relu),
                                   ctnn::dense<2, 1>({{1, 1}}, {0}, ctnn::relu));
#endif
static_assert(net.layer_count == 2);
