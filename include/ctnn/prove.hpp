/// @file prove.hpp
/// Proofs over boxes of inputs, in one include (docs/proofs.md): `ctnn::box` and `ctnn::ball`,
/// `ctnn::bounds` (interval bounds sound for the network's own arithmetic), `ctnn::prove` and
/// `CTNN_PROVE` (branch and bound, counterexamples), `ctnn::guarded` (evaluation refused outside the
/// verified region). Kept out of <ctnn/ctnn.hpp>, which it
/// complements, so that files that do not prove do not parse it.
#pragma once

#include <ctnn/ctnn.hpp>
#include <ctnn/bounds/bounds.hpp>
#include <ctnn/bounds/box.hpp>
#include <ctnn/proof/guarded.hpp>
#include <ctnn/proof/prove.hpp>
