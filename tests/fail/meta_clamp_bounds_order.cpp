// A meta clamp whose bounds are in the wrong order: the message says so, and the network that
// holds it computes nothing after it (no second error).
// EXPECT: ctnn::meta::clamp<Lower, Upper>: Lower must not exceed Upper
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

#ifdef CTNN_TWIN
constexpr int upper = 6;
#else
constexpr int upper = -6;
#endif
constexpr auto net = meta::network(meta::dense(hana::make_tuple(hana::tuple_c<int, 1>), hana::tuple_c<int, 0>,
                                               meta::clamp<0, upper>));
static_assert(decltype(net)::output_size == 1);
[[maybe_unused]] constexpr auto y = net(hana::tuple_c<int, 3>);
