// The network of the floating-point mode tests (fast_math.cpp, float_*.cpp): a double layer, which
// the mode refuses, or in the twin an int layer, which the mode does not affect and which compiles.
#pragma once
#include <array>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
using scalar = int;
#else
using scalar = double;
#endif
constexpr auto net = ctnn::network(ctnn::dense<2, 1, scalar>({{1, 1}}, {0}, ctnn::relu));
static_assert(net({1, 1})[0] == 2);
