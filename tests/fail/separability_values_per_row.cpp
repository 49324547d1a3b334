// A ctnn::table with two values per row (one-hot rows) for ctnn::single_neuron_can_realise: one
// neuron has one output, so the table needs one value per row.
// EXPECT: separability_table_has_several_values_per_row<2>
#include <ctnn/separability.hpp>

#ifdef CTNN_TWIN
static_assert(!ctnn::single_neuron_can_realise(ctnn::table({0, 1, 1, 0})));
#else
static_assert(!ctnn::single_neuron_can_realise(ctnn::table({{1, 0}, {0, 1}, {0, 1}, {1, 0}})));
#endif
