// g++ announces -funsafe-math-optimizations (__ASSOCIATIVE_MATH__): refused. clang++ announces nothing; its run-time path is kept precise instead (CTNN_DETAIL_PRECISE_FLOAT_BEGIN).
// Integer networks (the twin) are unaffected by the flag and still compile.
// FLAGS: -funsafe-math-optimizations
// COMPILERS: GNU
// EXPECT: cannot be built with -funsafe-math-optimizations or -fassociative-math
#include <array>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
using scalar = int;
#else
using scalar = double;
#endif
constexpr auto net = ctnn::network(ctnn::dense<2, 1, scalar>({{1, 1}}, {0}, ctnn::relu));
static_assert(net({1, 1})[0] == 2);
