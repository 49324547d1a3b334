// A meta layer with weights for one output and no biases: the message says that the biases are
// empty, and names both counts.
// EXPECT: ctnn::meta::dense: the biases are empty
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

#ifdef CTNN_TWIN
constexpr auto biases = hana::tuple_c<int, 0>;
#else
constexpr auto biases = hana::tuple_c<int>;
#endif
constexpr auto layer = meta::dense(hana::make_tuple(hana::tuple_c<int, 1, 1>), biases, meta::relu);
static_assert(decltype(layer)::output_size == 1);
