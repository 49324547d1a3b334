/// @file proof/box.hpp
/// Moved to bounds/box.hpp in 0.2 (the bounds are a layer below verification, which uses them for
/// finite domains); this header forwards to it. `<ctnn/prove.hpp>` includes it.
#pragma once

#include <ctnn/bounds/box.hpp>
