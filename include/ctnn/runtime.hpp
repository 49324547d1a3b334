/// @file runtime.hpp
/// Forwarding header (ctnn 0.1's path, kept for users' code): runtime/evaluate.hpp runtime/parse.hpp.
#pragma once

#include <ctnn/runtime/evaluate.hpp>
#include <ctnn/runtime/parse.hpp>
