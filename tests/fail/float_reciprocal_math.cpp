// g++ -freciprocal-math (__RECIPROCAL_MATH__) may turn x / d into x * (1 / d): refused.
// Integer networks (the twin) are unaffected by the flag and still compile.
// FLAGS: -freciprocal-math
// COMPILERS: GNU
// EXPECT: cannot be built with -freciprocal-math
#include <array>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
using scalar = int;
#else
using scalar = double;
#endif
constexpr auto net = ctnn::network(ctnn::dense<2, 1, scalar>({{1, 1}}, {0}, ctnn::relu));
static_assert(net({1, 1})[0] == 2);
