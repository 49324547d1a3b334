// sigmoid has no meta form: the message says why (irrational results would be rounded) and what to
// use instead.
// EXPECT: sigmoid and tanh have no meta form: their results are irrational, so they would have to be rounded
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

#ifdef CTNN_TWIN
constexpr auto squash = meta::hard_tanh;
#else
constexpr auto squash = meta::sigmoid;
#endif
constexpr auto net = meta::network(meta::dense(hana::make_tuple(hana::tuple_c<int, 1, 1>), hana::tuple_c<int, 0>, squash));
static_assert(decltype(net)::output_size == 1);
