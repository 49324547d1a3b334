// Layer 1 computes in double, layer 0 in int: the error names layer 1 and both types.
// EXPECT: layer_scalar_differs_from_first_layer<1, double, int>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr auto net = ctnn::network(ctnn::dense<2, 1, double>({{1, 1}}, {0}, ctnn::relu),
                                   ctnn::dense<1, 1>({{0.5}}, {0.0}, ctnn::relu));
#else
constexpr auto net = ctnn::network(ctnn::dense<2, 1>({{1, 1}}, {0}, ctnn::relu),
                                   ctnn::dense<1, 1>({{0.5}}, {0.0}, ctnn::relu));
#endif
static_assert(net.layer_count == 2);
