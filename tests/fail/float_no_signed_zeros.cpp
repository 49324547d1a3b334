// g++ -fno-signed-zeros (__NO_SIGNED_ZEROS__) lets -0 and +0 trade places at run time: refused.
// Integer networks (the twin) are unaffected by the flag and still compile.
// FLAGS: -fno-signed-zeros
// COMPILERS: GNU
// EXPECT: cannot be built with -fno-signed-zeros
#include "float_mode_network.hpp"
