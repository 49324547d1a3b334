// g++ -freciprocal-math (__RECIPROCAL_MATH__) may turn x / d into x * (1 / d): refused.
// Integer networks (the twin) are unaffected by the flag and still compile.
// FLAGS: -freciprocal-math
// COMPILERS: GNU
// EXPECT: cannot be built with -freciprocal-math
#include "float_mode_network.hpp"
