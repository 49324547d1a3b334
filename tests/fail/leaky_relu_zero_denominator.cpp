// leaky_relu is consteval: a slope with a zero denominator stops the build and says why.
// EXPECT: leaky_relu_denominator_must_not_be_zero
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr auto slope = ctnn::leaky_relu(1, 10);
#else
constexpr auto slope = ctnn::leaky_relu(1, 0);
#endif
static_assert(slope.numerator == 1);
