// A value network with tanh cannot become a meta network: the same message as meta::sigmoid.
// EXPECT: sigmoid and tanh have no meta form: their results are irrational
#include <ctnn/ctnn.hpp>
#include <ctnn/meta.hpp>

using ctnn::meta::fraction;

#ifdef CTNN_TWIN
constexpr auto squash = ctnn::hard_tanh;
#else
constexpr auto squash = ctnn::tanh;
#endif
constexpr auto net = ctnn::network(ctnn::dense<2, 1, fraction>({{fraction(1, 2), fraction(1)}}, {0}, squash));
constexpr auto meta_net = ctnn::meta::from_value<net>;
static_assert(decltype(meta_net)::output_size == 1);
