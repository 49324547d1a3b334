/// @file math.hpp
/// Forwarding header (ctnn 0.1's path, kept for users' code): core/math.hpp.
#pragma once

#include <ctnn/core/math.hpp>
