// One bias for two outputs (here from std::arrays, as generated headers write them).
// EXPECT: dense_bias_count_differs_from_outputs<1, 2>
#include <ctnn/ctnn.hpp>

constexpr std::array<std::array<int, 2>, 2> weights{{{5, 5}, {-5, -5}}};
#ifdef CTNN_TWIN
constexpr auto hidden = ctnn::dense<2, 2>(weights, std::array<int, 2>{-5, 5}, ctnn::relu);
#else
constexpr auto hidden = ctnn::dense<2, 2>(weights, std::array<int, 1>{-5}, ctnn::relu);
#endif
static_assert(hidden.output_size == 2);
