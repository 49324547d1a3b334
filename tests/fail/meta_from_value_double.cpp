// A double weight has no exact type-level value: from_value refuses it and names the scalar.
// EXPECT: scalar_has_no_meta_form<double>
#include <ctnn/ctnn.hpp>
#include <ctnn/meta.hpp>

#ifdef CTNN_TWIN
using scalar = ctnn::meta::fraction;
#else
using scalar = double;
#endif
constexpr auto net = ctnn::network(ctnn::dense<2, 1, scalar>({{scalar(1), scalar(2)}}, {scalar(0)}, ctnn::relu));
constexpr auto meta_net = ctnn::meta::from_value<net>;
static_assert(decltype(meta_net)::input_size == 2);
