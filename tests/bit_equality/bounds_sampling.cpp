// Box bounds (bounds/bounds.hpp, and the linear bounds of proof/linear_bounds.hpp, which lie inside
// them) computed by the compiler hold what the run-time path computes under
// every flag set of the bit-equality matrix: tests/CMakeLists.txt links this file into each
// bits.<variant> program. 500,000 sampled inputs per variant (6 million over the full matrix of 12;
// ends of the intervals favoured, where the extremes are); the same bounds computed at run time are
// the compiler's, bit for bit. (tests/unit/proof.cpp checks the linear functions themselves.)
#include <array>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <ctnn/prove.hpp>
#include <random>

#include "random_layers.hpp"

namespace {

using bit_matrix::random_layer;
using bit_matrix::uniform;

template <class T>
constexpr auto relu_net = ctnn::network(random_layer<T, 8, 16>(11, ctnn::relu),
                                        random_layer<T, 16, 8>(12, ctnn::leaky_relu(1, 8)),
                                        random_layer<T, 8, 2>(13, ctnn::identity));
template <class T>
constexpr auto smooth_net = ctnn::network(random_layer<T, 8, 8>(14, ctnn::tanh),
                                          random_layer<T, 8, 4>(15, ctnn::clamp(-1, 1)),
                                          random_layer<T, 4, 2>(16, ctnn::sigmoid));

template <class T>
constexpr ctnn::box<T, 8> region = [] {
  ctnn::box<T, 8> b{};
  std::uint64_t seed = 17;
  for (auto& r : b.ranges) {
    const T x = static_cast<T>(uniform(seed)), y = static_cast<T>(uniform(seed) * 0.25);
    r = {x, static_cast<T>(x + (y < 0 ? -y : y))};
  }
  return b;
}();

template <const auto& Net, class T>
void sample_inside(std::size_t samples) {
  constexpr auto bounds = ctnn::bounds(Net, region<T>);
  static_assert(bounds.known());
  constexpr auto linear = ctnn::linear_bounds(Net, region<T>);
  static_assert(linear.known());
  const auto box = region<T>;  // a run-time copy
  REQUIRE(ctnn::bounds(Net, box).outputs == bounds.outputs);
  const auto linear_again = ctnn::linear_bounds(Net, box);
  REQUIRE(linear_again.outputs == linear.outputs);
  for (std::size_t o = 0; o < linear.outputs.size(); ++o) {
    REQUIRE(bounds.outputs[o].contains(linear.outputs[o]));
    REQUIRE(linear_again.lower[o].coefficients == linear.lower[o].coefficients);
    REQUIRE(linear_again.upper[o].constant == linear.upper[o].constant);
  }
  std::mt19937_64 g(samples);
  std::uniform_real_distribution<double> u(0, 1);
  std::uniform_int_distribution<int> kind(0, 3);
  for (std::size_t s = 0; s < samples; ++s) {
    std::array<T, 8> x{};
    for (std::size_t i = 0; i < 8; ++i) {
      const auto& r = box[i];
      const int k = kind(g);
      x[i] = k == 0 ? r.lower : k == 1 ? r.upper : static_cast<T>(r.lower + (r.upper - r.lower) * u(g));
      if (x[i] < r.lower) x[i] = r.lower;
      if (r.upper < x[i]) x[i] = r.upper;
    }
    const auto y = Net(x);
    for (std::size_t o = 0; o < y.size(); ++o) {
      if (!linear.outputs[o].contains(y[o])) {
        INFO("sample " << s << ", output " << o << " = " << y[o] << " outside [" << linear.outputs[o].lower
                       << ", " << linear.outputs[o].upper << "] (intervals [" << bounds.outputs[o].lower << ", "
                       << bounds.outputs[o].upper << "])");
        REQUIRE(linear.outputs[o].contains(y[o]));
      }
    }
  }
}

}  // namespace

TEST_CASE("compile-time box bounds hold every sampled run-time output", "[bits][proof]") {
  sample_inside<relu_net<double>, double>(200'000);
  sample_inside<relu_net<float>, float>(200'000);
  sample_inside<smooth_net<double>, double>(50'000);
  sample_inside<smooth_net<float>, float>(50'000);
}
