// A table of 3 entries for ctnn::single_neuron_can_realise: a boolean function of n inputs has 2^n
// rows (here 4, the row (1, 1) forgotten).
// EXPECT: separability_table_rows_are_not_a_power_of_two<3>
#include <ctnn/separability.hpp>

#ifdef CTNN_TWIN
static_assert(ctnn::single_neuron_can_realise({0, 0, 0, 1}));
#else
static_assert(ctnn::single_neuron_can_realise({0, 0, 0}));
#endif
