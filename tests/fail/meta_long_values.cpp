// The longest fraction, -9223372036854775808/9223372036854775807, as a named input with a long field
// name and as the output: the diagnostic shows both in full, not cut after 32 or 96 characters.
// EXPECT: '=', '-', '9', '2', '2', '3', '3', '7', '2', '0', '3', '6', '8', '5', '4', '7', '7', '5', '8', '0', '8', '/', '9', '2', '2', '3', '3', '7', '2', '0', '3', '6', '8', '5', '4', '7', '7', '5', '8', '0', '7'>[ ]?>, ctnn::expected<0>, ctnn::actual_decimal<ctnn::decimal<'-', '9', '2', '2', '3', '3', '7', '2', '0', '3', '6', '8', '5', '4', '7', '7', '5', '8', '0', '8', '/', '9', '2', '2', '3', '3', '7', '2', '0', '3', '6', '8', '5', '4', '7', '7', '5', '8', '0', '7'>[ ]?>
#include <boost/hana/define_struct.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <climits>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

struct order {
  BOOST_HANA_DEFINE_STRUCT(order, (meta::fraction,
                                   the_share_of_the_items_ordered_by_the_customer_that_were_discounted));
};

constexpr auto longest = meta::ratio_c<LLONG_MIN, LLONG_MAX>;
constexpr auto pass_through =
    meta::network(meta::dense(hana::make_tuple(hana::tuple_c<int, 1>), hana::tuple_c<int, 0>));

#ifdef CTNN_TWIN
constexpr auto expected = longest;
#else
constexpr auto expected = hana::int_c<0>;
#endif
CTNN_META_VERIFY(pass_through, meta::table(hana::make_tuple(expected)), meta::exact,
                 meta::named<order>(meta::domain(hana::make_tuple(longest))));
