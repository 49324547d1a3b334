/// @file scalar.hpp
/// Forwarding header (ctnn 0.1's path, kept for users' code): core/scalar.hpp.
#pragma once

#include <ctnn/core/scalar.hpp>
