// -ffast-math would let the optimiser reorder sums, so floating-point networks refuse it; integer
// networks (the twin) are unaffected by it and still compile.
// FLAGS: -ffast-math
// EXPECT: floating-point networks cannot be built with -ffast-math
#include "float_mode_network.hpp"
