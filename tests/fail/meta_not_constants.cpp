// Plain numbers in a meta layer: the message says that weights must be constants.
// EXPECT: ctnn::meta::dense: weights and biases must be constants
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

#ifdef CTNN_TWIN
constexpr auto row = hana::tuple_c<int, 5, 5>;
#else
constexpr auto row = hana::make_tuple(5, 5);
#endif
constexpr auto layer = meta::dense(hana::make_tuple(row), hana::tuple_c<int, 0>, meta::relu);
static_assert(decltype(layer)::input_size == 2);
