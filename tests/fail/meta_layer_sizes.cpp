// Layer 0 has one output, layer 1 takes two inputs: the error names the layers and their sizes.
// EXPECT: layer_sizes_do_not_match<0, 1, 1, 2>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

#ifdef CTNN_TWIN
constexpr auto first = meta::dense(hana::make_tuple(hana::tuple_c<int, 1, 1>, hana::tuple_c<int, 1, -1>), hana::tuple_c<int, 0, 0>);
#else
constexpr auto first = meta::dense(hana::make_tuple(hana::tuple_c<int, 1, 1>), hana::tuple_c<int, 0>);
#endif
constexpr auto net = meta::network(first, meta::dense(hana::make_tuple(hana::tuple_c<int, 1, 1>), hana::tuple_c<int, 0>));
static_assert(decltype(net)::input_size == 2);
