// sigmoid needs a floating-point scalar; the message says what to use instead.
// EXPECT: sigmoid and tanh need a floating-point scalar
#include <array>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr auto net = ctnn::network(ctnn::dense<2, 1, double>({{1, 1}}, {0}, ctnn::sigmoid));
static_assert(net({0, 0})[0] == 0.5);
#else
constexpr auto net = ctnn::network(ctnn::dense<2, 1>({{1, 1}}, {0}, ctnn::sigmoid));
static_assert(net({0, 0})[0] == 0);
#endif
