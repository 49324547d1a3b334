// rational<2, 4> would be a second type for 1/2: the message says to write ratio<2, 4>.
// EXPECT: must be in lowest terms with Den > 0
#include <ctnn/meta.hpp>
#include <type_traits>

#ifdef CTNN_TWIN
using half = ctnn::meta::ratio<2, 4>;
#else
using half = ctnn::meta::rational<2, 4>;
#endif
static_assert(half::value == ctnn::meta::fraction(1, 2));
