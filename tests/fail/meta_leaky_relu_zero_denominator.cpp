// A meta leaky ReLU whose slope has a zero denominator: the message says so (and no division by
// zero is reported after it).
// EXPECT: ctnn::meta::leaky_relu<Num, Den>: the slope's denominator must not be zero
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

#ifdef CTNN_TWIN
constexpr int denominator = 10;
#else
constexpr int denominator = 0;
#endif
constexpr auto net = meta::network(meta::dense(hana::make_tuple(hana::tuple_c<int, 1>), hana::tuple_c<int, 0>,
                                               meta::leaky_relu<1, denominator>));
static_assert(decltype(net)::output_size == 1);
