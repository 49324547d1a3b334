// A floating-point network's failure shows its values as decimal text (clang++ 14 accepts no
// floating-point template arguments): sigmoid(0) = 0.5 is not within 0.1 of 1.
// EXPECT: truth_table_row_mismatch<ctnn::row<0>, ctnn::inputs<0>, ctnn::expected<1>, ctnn::actual_decimal<ctnn::decimal<'0', '.', '5'>
#include <ctnn/ctnn.hpp>

constexpr auto gate = ctnn::network(ctnn::dense<1, 1, double>({{-8}}, {0}, ctnn::sigmoid));

#ifdef CTNN_TWIN
CTNN_VERIFY(gate, ctnn::table({0.5, 0.0}), ctnn::within(0.1), ctnn::boolean_inputs<1>);
#else
CTNN_VERIFY(gate, ctnn::table({1, 0}), ctnn::within(0.1), ctnn::boolean_inputs<1>);
#endif
