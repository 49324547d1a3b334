/// @file ctnn.hpp
/// Everything ctnn offers, in one include.
#pragma once

#include <ctnn/activations.hpp>
#include <ctnn/dense.hpp>
#include <ctnn/domain.hpp>
#include <ctnn/math.hpp>
#include <ctnn/network.hpp>
#include <ctnn/runtime.hpp>
#include <ctnn/scalar.hpp>
#include <ctnn/truth_table.hpp>
#include <ctnn/verify.hpp>
