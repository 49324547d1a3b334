/// @file verify.hpp
/// Forwarding header (ctnn 0.1's path, kept for users' code): verify/verify.hpp.
#pragma once

#include <ctnn/verify/verify.hpp>
