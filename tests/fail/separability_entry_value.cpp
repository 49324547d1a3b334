// A table entry that is neither 0 nor 1 (the exact output 10 of the seed network, not its decision):
// a value, not a type, so no template can name it; the compile error names the function that
// refuses it, detail::separability_table_entry_is_not_0_or_1 (at run time, ctnn::separability_error).
// EXPECT: separability_table_entry_is_not_0_or_1
// FIRST: non-constant condition for static assertion|static_assert expression is not an integral constant
#include <ctnn/separability.hpp>

#ifdef CTNN_TWIN
static_assert(!ctnn::single_neuron_can_realise({0, 1, 1, 0}));
#else
static_assert(!ctnn::single_neuron_can_realise({0, 10, 10, 0}));
#endif
