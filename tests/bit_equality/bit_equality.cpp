// Run-time results equal compile-time results bit for bit. tests/CMakeLists.txt builds this file
// at -O0/-O2/-O3, with and without -march=native, in -std=c++20 and -std=gnu++20: contraction into
// fused multiply-add (clang++ -O2 -march=native, g++ in gnu++ mode) would change the bits.
//
// The run-time kernels (ctnn/detail/kernels.hpp) take different paths that all must give these bits:
// one sample with the weights known to the optimiser (a constexpr network, -O2/-O3) or loaded from
// memory (-O0, or a copy of the network behind an opaque pointer); batches of every size around the
// tile sizes (8, 16 or 32 samples depending on the target and the scalar type), tails included; float, double, int
// and long long; every built-in activation.
#include <catch2/catch.hpp>
#include <ctnn/ctnn.hpp>

#include "random_layers.hpp"

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

// Where the build expects the run-time kernels (tests/CMakeLists.txt defines CTNN_EXPECT_KERNELS on
// x86-64 with g++ 12 or later or clang++), they must be on: else this test checks the scalar path
// only.
#if defined(CTNN_EXPECT_KERNELS)
static_assert(CTNN_KERNELS == 1,
              "CTNN_EXPECT_KERNELS: this build expects the run-time kernels, but CTNN_KERNELS is 0");
#endif

namespace {

using bit_matrix::random_layer;
using bit_matrix::uniform;

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

// -------------------------------------------------------------------------------------------------
// Kernel paths: bigger shapes, integer scalars, batches of every size.

namespace {

template <class T>
constexpr T draw(std::uint64_t& state) {
  if constexpr (std::is_floating_point_v<T>)
    return static_cast<T>(uniform(state) / 2);
  else
    return static_cast<T>(static_cast<int>((uniform(state) + 1) * 4.5) - 4);  // -4 .. 4
}

template <class T, std::size_t In, std::size_t Out, class Activation>
constexpr auto layer_of(std::uint64_t seed, Activation activation) {
  std::array<std::array<T, In>, Out> w{};
  std::array<T, Out> b{};
  for (auto& row : w)
    for (auto& v : row) v = draw<T>(seed);
  for (auto& v : b) v = draw<T>(seed);
  if constexpr (std::is_floating_point_v<T>) b[0] = T(-0.0);  // a negative zero bias, kept as is
  return ctnn::dense(w, b, activation);
}

// The shapes of the run-time benchmark, and odd sizes with the other activations.
template <class T>
constexpr auto net_2_2_1 = ctnn::network(layer_of<T, 2, 2>(11, ctnn::relu),
                                         layer_of<T, 2, 1>(12, ctnn::relu));
template <class T>
constexpr auto net_16_16_16_1 = ctnn::network(layer_of<T, 16, 16>(21, ctnn::relu),
                                              layer_of<T, 16, 16>(22, ctnn::relu),
                                              layer_of<T, 16, 1>(23, ctnn::identity));
template <class T>
constexpr auto net_64_64_1 = ctnn::network(layer_of<T, 64, 64>(31, ctnn::relu),
                                           layer_of<T, 64, 1>(32, ctnn::identity));
template <class T>
constexpr auto net_odd = ctnn::network(layer_of<T, 5, 13>(41, ctnn::leaky_relu(1, 8)),
                                       layer_of<T, 13, 7>(42, ctnn::clamp(-1, 2)),
                                       layer_of<T, 7, 19>(43, ctnn::step),
                                       layer_of<T, 19, 3>(44, ctnn::hard_tanh));
template <class T>
constexpr auto net_wide_out = ctnn::network(layer_of<T, 3, 40>(51, ctnn::relu),
                                            layer_of<T, 40, 33>(52, ctnn::identity));

constexpr std::size_t distinct_rows = 37;  // rows of a batch repeat these (37: prime, no tile divides it)

template <class T, std::size_t In>
constexpr auto rows_of = [] {
  std::uint64_t state = 1234 + In;
  std::array<std::array<T, In>, distinct_rows> x{};
  for (auto& row : x)
    for (auto& v : row)
      v = static_cast<T>(std::is_floating_point_v<T> ? uniform(state) * 3 : uniform(state) * 9);
  if constexpr (std::is_floating_point_v<T>) x[1][0] = T(-0.0);
  return x;
}();

// One constant evaluation per row: each stays far below the compilers' step limits.
template <const auto& Net, std::size_t R>
inline constexpr auto expected_row = Net(rows_of<typename std::remove_cvref_t<decltype(Net)>::scalar_type,
                                                 std::remove_cvref_t<decltype(Net)>::input_size>[R]);
template <const auto& Net, std::size_t... R>
constexpr auto expected_rows(std::index_sequence<R...>) {
  return std::array{expected_row<Net, R>...};
}
template <const auto& Net>
inline constexpr auto expected_of = expected_rows<Net>(std::make_index_sequence<distinct_rows>{});

template <const auto& Net>
inline constexpr auto expected_first_layer = [] {
  using N = std::remove_cvref_t<decltype(Net)>;
  const auto& inputs = rows_of<typename N::scalar_type, N::input_size>;
  return std::array{Net.template layer<0>()(inputs[0]), Net.template layer<0>()(inputs[1]),
                    Net.template layer<0>()(inputs[2])};
}();

// The same network behind a pointer the optimiser cannot see through: its weights are loaded from
// memory at run time (the kernels' other single-sample path).
template <class Net>
const Net& opaque(const Net& net) {
  static Net copy = net;
  const Net* volatile pointer = &copy;
  return *pointer;
}

// (Each call of a constexpr network inlines a fully unrolled copy of its kernels: the layer-alone
// checks are left out for 64-64-1, whose copies cost seconds of compilation per build variant.)
template <const auto& Net, bool LayerAlone = true>
void check_kernels() {
  using N = std::remove_cvref_t<decltype(Net)>;
  using T = typename N::scalar_type;
  constexpr std::size_t in = N::input_size;
  constexpr std::size_t out = N::output_size;
  constexpr const auto& inputs = rows_of<T, in>;
  constexpr const auto& expected = expected_of<Net>;
  const N& hidden = opaque(Net);

  std::size_t differing = 0;
  const auto compare = [&](const auto& got, const auto& want) {
    for (std::size_t o = 0; o < want.size(); ++o) differing += bits(got[o]) != bits(want[o]);
  };
  for (std::size_t r = 0; r < distinct_rows; ++r) {
    const auto x = launder(inputs[r]);
    compare(Net(x), expected[r]);                                         // weights known: constant columns
    compare(ctnn::evaluate(hidden, std::span<const T>(x)), expected[r]);  // weights loaded
    compare(Net.trace(x)[boost::hana::size_c<N::layer_count - 1>], expected[r]);  // the scalar path
    if constexpr (LayerAlone) {
      if (r < expected_first_layer<Net>.size()) {  // one layer on its own
        compare(Net.template layer<0>()(x), expected_first_layer<Net>[r]);
        compare(hidden.template layer<0>()(x), expected_first_layer<Net>[r]);
      }
    }
  }
  CHECK(differing == 0);

  // Batches: every size up to 70, then a few large ones; rows r % distinct_rows. Guard values around
  // the output span must stay untouched (tails write only their rows).
  const T guard = T(77);
  std::vector<std::size_t> sizes;
  for (std::size_t n = 0; n <= 70; ++n) sizes.push_back(n);
  for (std::size_t n : {95, 96, 97, 127, 128, 129, 255, 256, 257, 1000}) sizes.push_back(n);
  for (const std::size_t n : sizes) {
    std::vector<T> flat(n * in);
    std::vector<typename N::input_type> array_rows(n);
    for (std::size_t r = 0; r < n; ++r) {
      array_rows[r] = launder(inputs[r % distinct_rows]);
      for (std::size_t i = 0; i < in; ++i) flat[r * in + i] = array_rows[r][i];
    }
    std::vector<T> y((n + 2) * out, guard);
    ctnn::evaluate_batch(n % 2 ? hidden : Net, std::span<const T>(flat),
                         std::span<T>(y).subspan(out, n * out));
    std::vector<typename N::output_type> y_rows(n);
    ctnn::evaluate_batch(Net, std::span<const typename N::input_type>(array_rows),
                         std::span<typename N::output_type>(y_rows));
    std::size_t wrong = 0, guards = 0;
    for (std::size_t r = 0; r < n; ++r)
      for (std::size_t o = 0; o < out; ++o) {
        wrong += bits(y[(r + 1) * out + o]) != bits(expected[r % distinct_rows][o]);
        wrong += bits(y_rows[r][o]) != bits(expected[r % distinct_rows][o]);
      }
    for (std::size_t o = 0; o < out; ++o) {
      guards += bits(y[o]) != bits(guard);
      guards += bits(y[(n + 1) * out + o]) != bits(guard);
    }
    INFO("batch of " << n << " rows");
    CHECK(wrong == 0);
    CHECK(guards == 0);
  }
}

}  // namespace

TEMPLATE_TEST_CASE("kernels: one sample and batches equal compile-time outputs bit for bit",
                   "[bits][kernels]", float, double, int, long long) {
  using T = TestType;
  SECTION("2-2-1") { check_kernels<net_2_2_1<T>>(); }
  SECTION("16-16-16-1") { check_kernels<net_16_16_16_1<T>>(); }
  SECTION("5-13-7-19-3, leaky_relu / clamp / step / hard_tanh") { check_kernels<net_odd<T>>(); }
}

// The larger shapes cost compilation time (every build variant compiles them): float, double, int.
TEMPLATE_TEST_CASE("kernels: 64-64-1 and 3-40-33 equal compile-time outputs bit for bit", "[bits][kernels]",
                   float, double, int) {
  using T = TestType;
  SECTION("64-64-1") { check_kernels<net_64_64_1<T>, false>(); }
  SECTION("3-40-33, outputs past a whole number of registers") { check_kernels<net_wide_out<T>>(); }
}

TEST_CASE("kernels: tanh / sigmoid lane by lane, and the 16-16-8-1 networks in batches", "[bits][kernels]") {
  check_kernels<smooth_net<float>>();
  check_kernels<smooth_net<double>>();
  check_kernels<relu_net<float>>();
  check_kernels<relu_net<double>>();
}
