// A meta layer whose second row of weights has one entry where the first has two: the error names
// the row, its length and row 0's length.
// EXPECT: weight_rows_differ_in_length<1, 1, 2>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

#ifdef CTNN_TWIN
constexpr auto second_row = hana::tuple_c<int, 1, -1>;
#else
constexpr auto second_row = hana::tuple_c<int, 1>;
#endif
constexpr auto layer =
    meta::dense(hana::make_tuple(hana::tuple_c<int, 1, 1>, second_row), hana::tuple_c<int, 0, 0>, meta::relu);
static_assert(decltype(layer)::output_size == 2);
