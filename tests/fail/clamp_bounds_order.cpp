// clamp is consteval: bounds in the wrong order stop the build and say why.
// EXPECT: clamp_lower_bound_must_not_exceed_upper_bound
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr auto limit = ctnn::clamp(1, 2);
#else
constexpr auto limit = ctnn::clamp(2, 1);
#endif
static_assert(limit(5) == 2 || limit(5) == 1);
