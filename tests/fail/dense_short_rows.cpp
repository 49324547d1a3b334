// Every row has one weight for a layer declared with two inputs: the rows are even, so the count is
// checked against the declared size.
// EXPECT: dense_weight_row_length_differs_from_inputs<0, 1, 2>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr auto hidden = ctnn::dense<2, 2>({{5, 0}, {-5, 0}}, {-5, 5}, ctnn::relu);
#else
constexpr auto hidden = ctnn::dense<2, 2>({{5}, {-5}}, {-5, 5}, ctnn::relu);
#endif
static_assert(hidden.input_size == 2);
