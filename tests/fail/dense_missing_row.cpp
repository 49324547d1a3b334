// One row of weights for a layer declared with two outputs: the missing row is not zero-filled.
// EXPECT: dense_weight_rows_differ_from_outputs<1, 2>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr auto hidden = ctnn::dense<2, 2>({{5, 5}, {0, 0}}, {-5, 5}, ctnn::relu);
#else
constexpr auto hidden = ctnn::dense<2, 2>({{5, 5}}, {-5, 5}, ctnn::relu);
#endif
static_assert(hidden.output_size == 2);
