/// @file proof/bounds.hpp
/// Moved to bounds/bounds.hpp in 0.2 (the bounds are a layer below verification, which uses them for
/// finite domains); this header forwards to it. `<ctnn/prove.hpp>` includes it.
#pragma once

#include <ctnn/bounds/bounds.hpp>
