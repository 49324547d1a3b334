/// @file record.hpp
/// Forwarding header (ctnn 0.1's path, kept for users' code): record/record.hpp runtime/evaluate.hpp text/table.hpp spec/named.hpp verify/named.hpp.
#pragma once

#include <ctnn/record/record.hpp>
#include <ctnn/runtime/evaluate.hpp>
#include <ctnn/text/table.hpp>
#include <ctnn/spec/named.hpp>
#include <ctnn/verify/named.hpp>
