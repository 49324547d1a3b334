/// @file ctnn.hpp
/// Everything public of ctnn's value form, in one include: scalars and activations, dense layers
/// and networks, domains, specifications and rules, truth tables, verification (CTNN_VERIFY),
/// interval bounds over boxes (bounds/), run-time evaluation and parsing, named inputs (records) and
/// text tables. The type-level form is <ctnn/meta.hpp>. docs/architecture.md draws the layers.
#pragma once

/// @namespace ctnn
/// ctnn's public names, value form: scalars and activations (core/), dense layers and networks
/// (model/), domains, specifications and rules (spec/), verification (verify/), run-time evaluation
/// (runtime/), records (record/) and text tables (text/). The type-level form is ctnn::meta. Names in
/// a `detail` namespace are not public.

#include <ctnn/config.hpp>
#include <ctnn/core/activation.hpp>
#include <ctnn/core/activations.hpp>
#include <ctnn/core/interval.hpp>
#include <ctnn/core/math.hpp>
#include <ctnn/core/scalar.hpp>
#include <ctnn/diagnostic/fields.hpp>
#include <ctnn/model/dense.hpp>
#include <ctnn/model/network.hpp>
#include <ctnn/record/record.hpp>
#include <ctnn/runtime/evaluate.hpp>
#include <ctnn/runtime/parse.hpp>
#include <ctnn/spec/domain.hpp>
#include <ctnn/spec/named.hpp>
#include <ctnn/spec/rules.hpp>
#include <ctnn/spec/specification.hpp>
#include <ctnn/text/table.hpp>
#include <ctnn/verify/named.hpp>
#include <ctnn/verify/truth_table.hpp>
#include <ctnn/verify/verify.hpp>

// Last, so that a diagnostic's include chain through the layers above stays as short as before.
#include <ctnn/bounds/bounds.hpp>
#include <ctnn/bounds/box.hpp>
