// g++ -fno-signed-zeros (__NO_SIGNED_ZEROS__) lets -0 and +0 trade places at run time: refused.
// Integer networks (the twin) are unaffected by the flag and still compile.
// FLAGS: -fno-signed-zeros
// COMPILERS: GNU
// EXPECT: cannot be built with -fno-signed-zeros
#include <array>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
using scalar = int;
#else
using scalar = double;
#endif
constexpr auto net = ctnn::network(ctnn::dense<2, 1, scalar>({{1, 1}}, {0}, ctnn::relu));
static_assert(net({1, 1})[0] == 2);
