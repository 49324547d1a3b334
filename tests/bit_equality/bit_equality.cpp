// Run-time results equal compile-time results bit for bit. tests/CMakeLists.txt builds this file
// at -O0/-O2/-O3, with and without -march=native, in -std=c++20 and -std=gnu++20: contraction into
// fused multiply-add (clang++ -O2 -march=native, g++ in gnu++ mode) would change the bits.
#include <catch2/catch.hpp>
#include <ctnn/ctnn.hpp>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

// Deterministic pseudo-random values in [-1, 1), computed at compile time.
constexpr double uniform(std::uint64_t& state) {
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  return static_cast<double>(state >> 11) / 4503599627370496.0 - 1.0;  // 2^52
}

template <class T, std::size_t In, std::size_t Out, class Activation>
constexpr auto random_layer(std::uint64_t seed, Activation activation) {
  std::array<std::array<T, In>, Out> w{};
  std::array<T, Out> b{};
  for (auto& row : w)
    for (auto& v : row) v = static_cast<T>(uniform(seed));
  for (auto& v : b) v = static_cast<T>(uniform(seed));
  return ctnn::dense(w, b, activation);
}

template <class T, std::size_t N>
constexpr auto random_inputs(std::uint64_t seed) {
  std::array<std::array<T, 16>, N> rows{};
  for (auto& row : rows)
    for (auto& v : row) v = static_cast<T>(uniform(seed) * 4);
  return rows;
}

template <class T>
constexpr auto relu_net = ctnn::network(random_layer<T, 16, 16>(1, ctnn::relu),
                                        random_layer<T, 16, 8>(2, ctnn::leaky_relu(1, 8)),
                                        random_layer<T, 8, 1>(3, ctnn::identity));
template <class T>
constexpr auto smooth_net = ctnn::network(random_layer<T, 16, 8>(4, ctnn::tanh),
                                          random_layer<T, 8, 4>(5, ctnn::sigmoid),
                                          random_layer<T, 4, 2>(6, ctnn::hard_tanh));

constexpr std::size_t rows = 64;

template <class Net, class T>
constexpr auto outputs_of(const Net& net, const std::array<std::array<T, 16>, rows>& inputs) {
  std::array<typename Net::output_type, rows> out{};
  for (std::size_t r = 0; r < rows; ++r) out[r] = net(inputs[r]);
  return out;
}

template <class T>
auto bits(T x) {
  if constexpr (sizeof(T) == 8)
    return std::bit_cast<std::uint64_t>(x);
  else
    return std::bit_cast<std::uint32_t>(x);
}

// Keeps the optimiser from folding run-time evaluation into constants.
template <class T, std::size_t N>
std::array<T, N> launder(const std::array<T, N>& x) {
  std::array<T, N> copy{};
  for (std::size_t i = 0; i < N; ++i) {
    volatile T v = x[i];
    copy[i] = v;
  }
  return copy;
}

template <class T, class Net>
void check_network(const Net& net, const std::array<typename Net::output_type, rows>& expected,
                   const std::array<std::array<T, 16>, rows>& inputs) {
  std::size_t differing = 0;
  std::vector<T> flat;
  for (std::size_t r = 0; r < rows; ++r) {
    const auto x = launder(inputs[r]);
    const auto single = net(x);
    const auto through_span = ctnn::evaluate(net, std::span<const T>(x));
    for (std::size_t o = 0; o < single.size(); ++o) {
      differing += bits(single[o]) != bits(expected[r][o]);
      differing += bits(through_span[o]) != bits(expected[r][o]);
    }
    flat.insert(flat.end(), x.begin(), x.end());
  }
  std::vector<T> batch(rows * Net::output_size);
  ctnn::evaluate_batch(net, std::span<const T>(flat), std::span<T>(batch));
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t o = 0; o < Net::output_size; ++o)
      differing += bits(batch[r * Net::output_size + o]) != bits(expected[r][o]);
  REQUIRE(differing == 0);
}

}  // namespace

TEMPLATE_TEST_CASE("run-time outputs equal compile-time outputs bit for bit", "[bits]", float, double) {
  using T = TestType;
  static constexpr auto inputs = random_inputs<T, rows>(42);
  SECTION("relu / leaky_relu / identity, 16-16-8-1") {
    static constexpr auto expected = outputs_of(relu_net<T>, inputs);
    check_network<T>(relu_net<T>, expected, inputs);
  }
  SECTION("tanh / sigmoid / hard_tanh, 16-8-4-2") {
    static constexpr auto expected = outputs_of(smooth_net<T>, inputs);
    check_network<T>(smooth_net<T>, expected, inputs);
  }
}

TEST_CASE("ctnn::math at run time equals ctnn::math at compile time", "[bits]") {
  static constexpr std::array<double, 12> points{-745.0, -30.5, -2.25, -0.3, -1e-9, 0.0,
                                                 1e-9,   0.3,   0.75,  2.5,  30.5,  709.0};
  static constexpr auto expected = [] {
    std::array<std::array<double, 4>, points.size()> out{};
    for (std::size_t i = 0; i < points.size(); ++i)
      out[i] = {ctnn::math::exp(points[i]), ctnn::math::expm1(points[i]), ctnn::math::tanh(points[i]),
                ctnn::math::sigmoid(points[i])};
    return out;
  }();
  const auto x = launder(points);
  for (std::size_t i = 0; i < points.size(); ++i) {
    INFO("x = " << x[i]);
    CHECK(bits(ctnn::math::exp(x[i])) == bits(expected[i][0]));
    CHECK(bits(ctnn::math::expm1(x[i])) == bits(expected[i][1]));
    CHECK(bits(ctnn::math::tanh(x[i])) == bits(expected[i][2]));
    CHECK(bits(ctnn::math::sigmoid(x[i])) == bits(expected[i][3]));
  }
}
