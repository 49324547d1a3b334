/// @file activations.hpp
/// Forwarding header (ctnn 0.1's path, kept for users' code): core/activations.hpp.
#pragma once

#include <ctnn/core/activations.hpp>
