/// @file network.hpp
/// Forwarding header (ctnn 0.1's path, kept for users' code): model/network.hpp.
#pragma once

#include <ctnn/model/network.hpp>
