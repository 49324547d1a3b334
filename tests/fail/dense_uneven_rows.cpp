// Sizes deduced from the braces, rows of different lengths: the first row whose length differs
// from row 0's is named.
// EXPECT: dense_weight_row_length_differs_from_inputs<1, 1, 2>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr auto hidden = ctnn::dense({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu);
#else
constexpr auto hidden = ctnn::dense({{5, 5}, {-5}}, {-5, 5}, ctnn::relu);
#endif
static_assert(hidden.input_size == 2);
