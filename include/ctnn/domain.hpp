/// @file domain.hpp
/// Forwarding header (ctnn 0.1's path, kept for users' code): spec/domain.hpp.
#pragma once

#include <ctnn/spec/domain.hpp>
