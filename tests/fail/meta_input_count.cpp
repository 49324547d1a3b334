// Three input constants for a two-input meta network: the error gives both counts.
// EXPECT: input_count_differs_from_network<2, 3>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>
#include <type_traits>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

constexpr auto buy = meta::network(
    meta::dense(hana::make_tuple(hana::tuple_c<int, 5, 5>, hana::tuple_c<int, -5, -5>), hana::tuple_c<int, -5, 5>,
                meta::relu),
    meta::dense(hana::make_tuple(hana::tuple_c<int, -10, -10>), hana::tuple_c<int, 10>, meta::relu));

#ifdef CTNN_TWIN
constexpr auto inputs = hana::tuple_c<int, 0, 1>;
#else
constexpr auto inputs = hana::tuple_c<int, 0, 1, 1>;
#endif
static_assert(std::is_same_v<decltype(buy(inputs)), hana::tuple<hana::int_<10>>>);
