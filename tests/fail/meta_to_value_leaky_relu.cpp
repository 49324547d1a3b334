// Integer weights, but a leaky ReLU of slope 1/10: the meta form gives fractions (-3 -> -3/10) where
// the value form on int would truncate, so to_value<int> refuses it and names the activation and the
// scalar (meta_to_value_int.cpp covers a fractional weight). The twin converts to fraction.
// EXPECT: activation_gives_fractions_but_scalar_is<ctnn::meta::leaky_relu_t<1, 10>, int>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

constexpr auto leaky = meta::network(
    meta::dense(hana::make_tuple(hana::tuple_c<int, 1, -1>), hana::tuple_c<int, 0>, meta::leaky_relu<1, 10>));
#ifdef CTNN_TWIN
constexpr auto value = meta::to_value<meta::fraction>(leaky);
#else
constexpr auto value = meta::to_value<int>(leaky);
#endif
static_assert(decltype(value)::input_size == 2);
