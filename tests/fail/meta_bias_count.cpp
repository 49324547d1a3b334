// A meta layer with two rows of weights and one bias (meta_empty_biases.cpp covers no bias at all):
// the error names both counts.
// EXPECT: bias_count_differs_from_output_count<1, 2>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta.hpp>

namespace hana = boost::hana;
namespace meta = ctnn::meta;

#ifdef CTNN_TWIN
constexpr auto biases = hana::tuple_c<int, 0, 0>;
#else
constexpr auto biases = hana::tuple_c<int, 0>;
#endif
constexpr auto layer =
    meta::dense(hana::make_tuple(hana::tuple_c<int, 1, 1>, hana::tuple_c<int, 1, -1>), biases, meta::relu);
static_assert(decltype(layer)::output_size == 2);
