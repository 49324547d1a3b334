// argmax compares one class index per row with the index of the largest output; a table of one-hot
// rows (one value per output) does not fit it: the error gives both counts (2 given, 1 needed).
// The network passes its inputs through, so the first maximum of (x0, x1) is class 1 only on (0, 1).
// EXPECT: expected_values_per_row_do_not_fit_rule<2, 1>
#include <ctnn/ctnn.hpp>

constexpr auto pass = ctnn::network(ctnn::dense<2, 2>({{1, 0}, {0, 1}}, {0, 0}));

#ifdef CTNN_TWIN
CTNN_VERIFY(pass, ctnn::table({0, 1, 0, 0}), ctnn::argmax);
#else
CTNN_VERIFY(pass, ctnn::table({{1, 0}, {0, 1}, {1, 0}, {1, 0}}), ctnn::argmax);
#endif
