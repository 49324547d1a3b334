/// @file separability.hpp
/// Linear separability, decided exactly: `ctnn::single_neuron_can_realise(table)` (proof/separability.hpp,
/// docs/separability.md). Not part of `<ctnn/ctnn.hpp>`, so that only the files that ask for it parse it.
#pragma once

#include <ctnn/proof/separability.hpp>
