// A value network of unsigned long long has no exact meta form (its values can exceed long long, its
// arithmetic wraps around): from_value refuses it and names the scalar.
// EXPECT: scalar_has_no_meta_form<(long long unsigned int|unsigned long long)>
#include <ctnn/ctnn.hpp>
#include <ctnn/meta.hpp>

#ifdef CTNN_TWIN
using scalar = long long;
#else
using scalar = unsigned long long;
#endif
constexpr auto net = ctnn::network(ctnn::dense<2, 1, scalar>({{1, 2}}, {0}, ctnn::relu));
constexpr auto meta_net = ctnn::meta::from_value<net>;
static_assert(decltype(meta_net)::input_size == 2);
