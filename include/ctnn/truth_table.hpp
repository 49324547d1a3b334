/// @file truth_table.hpp
/// Forwarding header (ctnn 0.1's path, kept for users' code): verify/truth_table.hpp.
#pragma once

#include <ctnn/verify/truth_table.hpp>
