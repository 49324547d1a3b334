/// @file dense.hpp
/// Forwarding header (ctnn 0.1's path, kept for users' code): model/dense.hpp.
#pragma once

#include <ctnn/model/dense.hpp>
