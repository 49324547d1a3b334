/// @file meta.hpp
/// The type-level form of ctnn, in one include: networks whose weights, biases and outputs are
/// constants carried in types (`hana::integral_constant`, `ctnn::meta::rational`), their truth tables
/// as Hana sequences, their verification (by CTNN_VERIFY, as value networks; CTNN_META_VERIFY is its
/// 0.1 alias), conversion to and from the value form, and named inputs.
/// docs/type-level.md teaches it side by side with the value form.
#pragma once

/// @namespace ctnn::meta
/// The type-level form: networks whose weights, biases and outputs are constants carried in types,
/// verified by CTNN_VERIFY like value networks and converted to and from them (docs/type-level.md).

#include <ctnn/meta/activations.hpp>
#include <ctnn/meta/convert.hpp>
#include <ctnn/meta/dense.hpp>
#include <ctnn/meta/fraction.hpp>
#include <ctnn/meta/network.hpp>
#include <ctnn/meta/rational.hpp>
#include <ctnn/meta/record.hpp>
#include <ctnn/meta/truth_table.hpp>
#include <ctnn/meta/verify.hpp>
