// -ffinite-math-only (__FINITE_MATH_ONLY__, both compilers) lets the run-time path assume no NaN or infinity: refused.
// Integer networks (the twin) are unaffected by the flag and still compile.
// FLAGS: -ffinite-math-only
// EXPECT: cannot be built with -ffinite-math-only
#include <array>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
using scalar = int;
#else
using scalar = double;
#endif
constexpr auto net = ctnn::network(ctnn::dense<2, 1, scalar>({{1, 1}}, {0}, ctnn::relu));
static_assert(net({1, 1})[0] == 2);
