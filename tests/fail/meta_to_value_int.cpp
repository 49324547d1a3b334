// A weight of 1/2 cannot be an int: to_value<int> refuses it and names the constant.
// EXPECT: constant_is_not_exact_in_scalar<ctnn::meta::rational<1, 2>, int>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

constexpr auto half = meta::network(meta::dense(hana::make_tuple(hana::make_tuple(meta::ratio_c<1, 2>)), hana::tuple_c<int, 0>));
#ifdef CTNN_TWIN
constexpr auto value = meta::to_value<meta::fraction>(half);
#else
constexpr auto value = meta::to_value<int>(half);
#endif
static_assert(decltype(value)::input_size == 1);
