// The network: row 0 of the hidden layer's weights has one value for two inputs (and one
// bias for two outputs). Before 0.2 the missing weight and bias became 0, silently; now the first
// short list is a compile error naming the row and both counts.
// EXPECT: dense_weight_row_length_differs_from_inputs<0, 1, 2>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr auto hidden = ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu);
#else
constexpr auto hidden = ctnn::dense<2, 2>({{5}, {-5, -5}}, {-5}, ctnn::relu);
#endif
static_assert(hidden.output_size == 2);
