// A bias of type unsigned long long: its values can exceed long long, which holds every exact value
// of the meta form (ULLONG_MAX would read as -1), and its arithmetic wraps around, so the layer is
// refused and the error names the type.
// EXPECT: integer_constant_type_exceeds_long_long<(long long unsigned int|unsigned long long)>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

#ifdef CTNN_TWIN
using integer = long long;
constexpr integer bias = 9223372036854775807LL;
#else
using integer = unsigned long long;
constexpr integer bias = 18446744073709551615ULL;
#endif
constexpr auto net =
    meta::network(meta::dense(hana::make_tuple(hana::tuple_c<integer, 0>), hana::tuple_c<integer, bias>));
CTNN_META_VERIFY(net, meta::table(hana::make_tuple(hana::integral_constant<integer, bias>{})), meta::exact,
                 meta::domain(hana::tuple_c<integer, 0>));
