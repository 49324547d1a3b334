// -ffast-math would let the optimiser reorder sums, so floating-point networks refuse it; integer
// networks (the twin) are unaffected by it and still compile.
// FLAGS: -ffast-math
// EXPECT: floating-point networks cannot be built with -ffast-math
#include <array>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
using scalar = int;
#else
using scalar = double;
#endif
constexpr auto net = ctnn::network(ctnn::dense<2, 1, scalar>({{1, 1}}, {0}, ctnn::relu));
static_assert(net({1, 1})[0] == 2);
