// A table of doubles (the outputs of a network, say) for ctnn::single_neuron_can_realise, which
// decides boolean tables: its entries must be bool or integers, 0 or 1.
// EXPECT: separability_table_entries_are_not_bool_or_integers<double>
#include <ctnn/separability.hpp>

#ifdef CTNN_TWIN
constexpr std::array outputs{0, 1, 1, 1};
#else
constexpr std::array outputs{0.0, 1.0, 1.0, 1.0};
#endif
static_assert(ctnn::single_neuron_can_realise(outputs));
