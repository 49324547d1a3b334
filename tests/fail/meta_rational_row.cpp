// Rational outputs are exact: -1/30 is not the -1/3 the table expects, and the diagnostic shows both
// as fractions.
// EXPECT: ctnn::expected_decimal<ctnn::decimal<'-', '1', '/', '3'>[ ]?>, ctnn::actual_decimal<ctnn::decimal<'-', '1', '/', '3', '0'>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;
using meta::ratio_c;

constexpr auto thirds = meta::network(meta::dense(hana::make_tuple(hana::make_tuple(ratio_c<1, 2>, ratio_c<-1, 3>)),
                                                  hana::make_tuple(hana::int_c<0>), meta::leaky_relu<1, 10>));

#ifdef CTNN_TWIN
constexpr auto second = ratio_c<-1, 30>;
#else
constexpr auto second = ratio_c<-1, 3>;
#endif
CTNN_META_VERIFY(thirds, meta::table(hana::make_tuple(hana::int_c<0>, second, ratio_c<1, 2>, ratio_c<1, 6>)),
                 meta::exact);
