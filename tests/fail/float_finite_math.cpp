// -ffinite-math-only (__FINITE_MATH_ONLY__, both compilers) lets the run-time path assume no NaN or infinity: refused.
// Integer networks (the twin) are unaffected by the flag and still compile.
// FLAGS: -ffinite-math-only
// EXPECT: cannot be built with -ffinite-math-only
#include "float_mode_network.hpp"
