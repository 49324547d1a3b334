// x87 arithmetic (g++ -mfpmath=387; FLT_EVAL_METHOD 2) keeps extra bits in run-time sums: refused. clang++ rejects the flag on x86-64.
// Integer networks (the twin) are unaffected by the flag and still compile.
// FLAGS: -mfpmath=387
// COMPILERS: GNU
// EXPECT: cannot be built with excess precision
#include "float_mode_network.hpp"
