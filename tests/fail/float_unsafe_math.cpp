// g++ announces -funsafe-math-optimizations (__ASSOCIATIVE_MATH__): refused. clang++ announces nothing; its run-time path is kept precise instead (CTNN_DETAIL_PRECISE_FLOAT_BEGIN).
// Integer networks (the twin) are unaffected by the flag and still compile.
// FLAGS: -funsafe-math-optimizations
// COMPILERS: GNU
// EXPECT: cannot be built with -funsafe-math-optimizations or -fassociative-math
#include "float_mode_network.hpp"
