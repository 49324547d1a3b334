// dense layers and networks: outputs, sizes, parameter counts, trace(), layer<I>(), the ways to
// build a layer, every built-in scalar type, a deeper network, and the summation order contract.
#include <array>
#include <bit>
#include <boost/hana/at.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/size.hpp>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <ctnn/dense.hpp>
#include <ctnn/network.hpp>
#include <type_traits>

namespace {

namespace hana = boost::hana;

// Evaluates at run time: every value goes through a volatile, so nothing is folded.
template <class T, std::size_t N>
std::array<T, N> runtime(const std::array<T, N>& x) {
  std::array<T, N> copy{};
  for (std::size_t i = 0; i < N; ++i) {
    volatile T value = x[i];
    copy[i] = value;
  }
  return copy;
}

template <class T>
std::uint64_t bits(T x) {
  if constexpr (sizeof(T) == 8)
    return std::bit_cast<std::uint64_t>(x);
  else
    return std::bit_cast<std::uint32_t>(x);
}

// The seed network: XOR with two hidden ReLU units (see examples/buy_decision).
constexpr auto seed = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                    ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));
using seed_t = std::remove_const_t<decltype(seed)>;

template <class T>
constexpr auto seed_in = ctnn::network(ctnn::dense<2, 2, T>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                       ctnn::dense<2, 1, T>({{-10, -10}}, {10}, ctnn::relu));

// Five layers with every integer-friendly activation; expected values worked out by hand.
constexpr auto deep =
    ctnn::network(ctnn::dense<3, 4>({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}}, {0, 0, 0, -1}, ctnn::relu),
                  ctnn::dense<4, 3>({{1, -1, 0, 0}, {0, 1, -1, 0}, {0, 0, 0, 2}}, {0, 0, 1}, ctnn::identity),
                  ctnn::dense<3, 2>({{3, 1, 0}, {-2, 0, 1}}, {-1, 0}, ctnn::leaky_relu(1, 2)),
                  ctnn::dense<2, 2>({{2, 0}, {-1, 1}}, {1, 0}, ctnn::clamp(-5, 5)),
                  ctnn::dense<2, 1>({{1, 3}}, {0}, ctnn::identity));

}  // namespace

TEST_CASE("the seed network computes XOR (times 10)", "[network]") {
  STATIC_REQUIRE(seed(std::array{0, 0}) == std::array{0});
  STATIC_REQUIRE(seed(std::array{0, 1}) == std::array{10});
  STATIC_REQUIRE(seed(std::array{1, 0}) == std::array{10});
  STATIC_REQUIRE(seed(std::array{1, 1}) == std::array{0});
  // Outside {0,1}^2 it keeps computing the same formula: 10 exactly when the inputs add up to 1.
  STATIC_REQUIRE(seed(std::array{2, 0}) == std::array{0});
  STATIC_REQUIRE(seed(std::array{-1, 0}) == std::array{0});  // h2 = 10, output relu(10 - 100)
  STATIC_REQUIRE(seed(std::array{2, -1}) == std::array{10});

  CHECK(seed(runtime(std::array{0, 0}))[0] == 0);
  CHECK(seed(runtime(std::array{0, 1}))[0] == 10);
  CHECK(seed(runtime(std::array{1, 0}))[0] == 10);
  CHECK(seed(runtime(std::array{1, 1}))[0] == 0);
}

TEST_CASE("network sizes, types and parameter count", "[network]") {
  STATIC_REQUIRE(seed_t::input_size == 2);
  STATIC_REQUIRE(seed_t::output_size == 1);
  STATIC_REQUIRE(seed_t::layer_count == 2);
  STATIC_REQUIRE(seed_t::parameter_count == 9);  // 2*2 + 2 + 2*1 + 1
  STATIC_REQUIRE(std::is_same_v<seed_t::scalar_type, int>);
  STATIC_REQUIRE(std::is_same_v<seed_t::input_type, std::array<int, 2>>);
  STATIC_REQUIRE(std::is_same_v<seed_t::output_type, std::array<int, 1>>);
  STATIC_REQUIRE(ctnn::network_like<seed_t>);
  STATIC_REQUIRE(ctnn::network_like<const seed_t&>);
  STATIC_REQUIRE(ctnn::is_network_v<seed_t>);
  STATIC_REQUIRE(!ctnn::network_like<int>);
  STATIC_REQUIRE(!ctnn::network_like<ctnn::dense_layer<2, 1, int, ctnn::relu_t>>);

  using deep_t = std::remove_const_t<decltype(deep)>;
  STATIC_REQUIRE(deep_t::input_size == 3);
  STATIC_REQUIRE(deep_t::output_size == 1);
  STATIC_REQUIRE(deep_t::layer_count == 5);
  STATIC_REQUIRE(deep_t::parameter_count == 16 + 15 + 8 + 6 + 3);
}

TEST_CASE("trace() gives every layer's output", "[network]") {
  constexpr auto t11 = seed.trace(std::array{1, 1});
  STATIC_REQUIRE(decltype(hana::size(t11))::value == 2);
  STATIC_REQUIRE(t11[hana::size_c<0>] == std::array{5, 0});
  STATIC_REQUIRE(t11[hana::size_c<1>] == std::array{0});
  constexpr auto t00 = seed.trace(std::array{0, 0});
  STATIC_REQUIRE(t00[hana::size_c<0>] == std::array{0, 5});
  STATIC_REQUIRE(t00[hana::size_c<1>] == std::array{0});
  constexpr auto t01 = seed.trace(std::array{0, 1});
  STATIC_REQUIRE(t01[hana::size_c<0>] == std::array{0, 0});
  STATIC_REQUIRE(t01[hana::size_c<1>] == std::array{10});

  const auto rt = seed.trace(runtime(std::array{1, 1}));
  CHECK(rt[hana::size_c<0>] == std::array{5, 0});
  CHECK(rt[hana::size_c<1>] == std::array{0});

  // The last element of a trace is the network's output.
  constexpr auto td = deep.trace(std::array{-4, 2, 0});
  STATIC_REQUIRE(decltype(hana::size(td))::value == 5);
  STATIC_REQUIRE(td[hana::size_c<0>] == std::array{0, 2, 0, 0});
  STATIC_REQUIRE(td[hana::size_c<1>] == std::array{-2, 2, 1});
  STATIC_REQUIRE(td[hana::size_c<2>] == std::array{-2, 5});
  STATIC_REQUIRE(td[hana::size_c<3>] == std::array{-3, 5});
  STATIC_REQUIRE(td[hana::size_c<4>] == deep(std::array{-4, 2, 0}));
}

TEST_CASE("layer<I>() gives access to each layer", "[network]") {
  STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(seed.layer<0>())>,
                                ctnn::dense_layer<2, 2, int, ctnn::relu_t>>);
  STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(seed.layer<1>())>,
                                ctnn::dense_layer<2, 1, int, ctnn::relu_t>>);
  STATIC_REQUIRE(seed.layer<0>().weights[0][0] == 5);
  STATIC_REQUIRE(seed.layer<0>().weights[0][1] == 5);
  STATIC_REQUIRE(seed.layer<0>().weights[1][0] == -5);
  STATIC_REQUIRE(seed.layer<0>().weights[1][1] == -5);
  STATIC_REQUIRE(seed.layer<0>().biases[0] == -5);
  STATIC_REQUIRE(seed.layer<0>().biases[1] == 5);
  STATIC_REQUIRE(seed.layer<1>().weights[0][0] == -10);
  STATIC_REQUIRE(seed.layer<1>().weights[0][1] == -10);
  STATIC_REQUIRE(seed.layer<1>().biases[0] == 10);
  STATIC_REQUIRE(seed.layer<0>()(std::array{1, 1}) == std::array{5, 0});
  STATIC_REQUIRE(seed.layer<0>().pre_activation(1, std::array{1, 1}) == -5);
  STATIC_REQUIRE(deep.layer<2>().activation.numerator == 1);
  STATIC_REQUIRE(deep.layer<2>().activation.denominator == 2);
  STATIC_REQUIRE(deep.layer<3>().activation.lower == -5);
  CHECK(&seed.layer<1>() == &hana::at_c<1>(seed.layers));
}

TEST_CASE("dense: deduced sizes, explicit scalar, std::array overload", "[network][dense]") {
  SECTION("sizes and scalar deduced from the braces, identity by default") {
    constexpr auto d = ctnn::dense({{1, 2}}, {3});
    STATIC_REQUIRE(std::is_same_v<decltype(d), const ctnn::dense_layer<2, 1, int, ctnn::identity_t>>);
    STATIC_REQUIRE(d.input_size == 2);
    STATIC_REQUIRE(d.output_size == 1);
    STATIC_REQUIRE(d.parameter_count == 3);
    STATIC_REQUIRE(d(std::array{1, 1}) == std::array{6});
    STATIC_REQUIRE(d(std::array{-4, 0}) == std::array{-1});  // no relu
    constexpr auto wide = ctnn::dense({{1, 2, 3}, {4, 5, 6}}, {0, 1}, ctnn::step);
    STATIC_REQUIRE(std::is_same_v<decltype(wide), const ctnn::dense_layer<3, 2, int, ctnn::step_t>>);
    STATIC_REQUIRE(wide(std::array{1, 0, -1}) == std::array{0, 0});  // -2 and -1
    STATIC_REQUIRE(wide(std::array{0, 0, 0}) == std::array{0, 1});
    constexpr auto doubles = ctnn::dense({{0.5, 0.25}}, {1.0});
    STATIC_REQUIRE(std::is_same_v<decltype(doubles)::scalar_type, double>);
    STATIC_REQUIRE(doubles(std::array{2.0, 4.0}) == std::array{3.0});
  }
  SECTION("explicit scalar type with integer literals") {
    constexpr auto d = ctnn::dense<2, 1, double>({{1, 2}}, {3}, ctnn::relu);
    STATIC_REQUIRE(std::is_same_v<decltype(d), const ctnn::dense_layer<2, 1, double, ctnn::relu_t>>);
    STATIC_REQUIRE(d(std::array{0.5, 0.25}) == std::array{4.0});
    STATIC_REQUIRE(d(std::array{0.5, -4.0}) == std::array{0.0});  // -4.5 through relu
    CHECK(d(runtime(std::array{0.5, 0.25}))[0] == 4.0);
  }
  SECTION("from std::array, the same layer as from braces") {
    constexpr std::array<std::array<int, 2>, 2> w{{{1, 2}, {3, 4}}};
    constexpr std::array<int, 2> b{5, 6};
    constexpr auto from_arrays = ctnn::dense(w, b, ctnn::relu);
    constexpr auto from_braces = ctnn::dense({{1, 2}, {3, 4}}, {5, 6}, ctnn::relu);
    STATIC_REQUIRE(std::is_same_v<decltype(from_arrays), decltype(from_braces)>);
    STATIC_REQUIRE(from_arrays == from_braces);
    STATIC_REQUIRE(from_arrays != ctnn::dense({{1, 2}, {3, 4}}, {5, 7}, ctnn::relu));
    STATIC_REQUIRE(from_arrays(std::array{1, -3}) == std::array{0, 0});  // 0 and -3
    STATIC_REQUIRE(from_arrays(std::array{1, 1}) == std::array{8, 13});
    // weights computed by constexpr code
    constexpr auto generated = [] {
      std::array<std::array<long long, 3>, 2> weights{};
      for (std::size_t o = 0; o < 2; ++o)
        for (std::size_t i = 0; i < 3; ++i) weights[o][i] = static_cast<long long>(o * 3 + i);
      return ctnn::dense(weights, std::array<long long, 2>{100, -100});
    }();
    STATIC_REQUIRE(generated.weights[1][0] == 3);
    STATIC_REQUIRE(generated.weights[1][2] == 5);
    STATIC_REQUIRE(generated(std::array<long long, 3>{1, 1, 1}) == std::array<long long, 2>{103, -88});
  }
  SECTION("a lambda as activation") {
    constexpr auto square = ctnn::dense<1, 1>({{2}}, {1}, [](int x) { return x * x; });
    STATIC_REQUIRE(square(std::array{3}) == std::array{49});
    CHECK(square(runtime(std::array{-1}))[0] == 1);
  }
}

TEMPLATE_TEST_CASE("the seed network in every built-in scalar type", "[network]", int, long long, float,
                   double) {
  using T = TestType;
  constexpr auto& net = seed_in<T>;
  using net_t = std::remove_cvref_t<decltype(net)>;
  STATIC_REQUIRE(std::is_same_v<typename net_t::scalar_type, T>);
  STATIC_REQUIRE(net_t::parameter_count == 9);
  STATIC_REQUIRE(net(std::array<T, 2>{0, 0})[0] == T(0));
  STATIC_REQUIRE(net(std::array<T, 2>{0, 1})[0] == T(10));
  STATIC_REQUIRE(net(std::array<T, 2>{1, 0})[0] == T(10));
  STATIC_REQUIRE(net(std::array<T, 2>{1, 1})[0] == T(0));
  CHECK(net(runtime(std::array<T, 2>{0, 1}))[0] == T(10));
  CHECK(net(runtime(std::array<T, 2>{1, 1}))[0] == T(0));
  if constexpr (std::is_floating_point_v<T>) {
    // Between the corners (exact in binary): (0.5, 0.5): both hidden units 0, output 10;
    // (0.5, 0.25): h2 = 1.25, output relu(-2.5) = 0; (0.75, 0.375): h1 = 0.625, output 3.75.
    STATIC_REQUIRE(net(std::array<T, 2>{T(0.5), T(0.5)})[0] == T(10));
    STATIC_REQUIRE(net(std::array<T, 2>{T(0.5), T(0.25)})[0] == T(0));
    STATIC_REQUIRE(net(std::array<T, 2>{T(0.75), T(0.375)})[0] == T(3.75));
  }
}

TEST_CASE("a five-layer network", "[network]") {
  STATIC_REQUIRE(deep(std::array{0, 0, 0}) == std::array{4});
  STATIC_REQUIRE(deep(std::array{1, 0, 0}) == std::array{-1});
  STATIC_REQUIRE(deep(std::array{0, 1, 1}) == std::array{12});
  STATIC_REQUIRE(deep(std::array{1, 1, 1}) == std::array{16});
  STATIC_REQUIRE(deep(std::array{3, -2, 5}) == std::array{11});
  STATIC_REQUIRE(deep(std::array{-4, 2, 0}) == std::array{12});
  CHECK(deep(runtime(std::array{0, 0, 0}))[0] == 4);
  CHECK(deep(runtime(std::array{1, 0, 0}))[0] == -1);
  CHECK(deep(runtime(std::array{3, -2, 5}))[0] == 11);
  CHECK(deep(runtime(std::array{-4, 2, 0}))[0] == 12);
}

TEST_CASE("summation order: bias first, then w[0]*x[0], w[1]*x[1], ... left to right", "[network]") {
  SECTION("the bias is added first") {
    // (1 + 1e16) - 1e16 == 0 (1e16 + 1 rounds to 1e16), whereas (1e16 - 1e16) + 1 == 1.
    STATIC_REQUIRE((1.0 + 1e16) + -1e16 == 0.0);
    STATIC_REQUIRE((1e16 + -1e16) + 1.0 == 1.0);
    constexpr auto layer = ctnn::dense<2, 1, double>({{1, 1}}, {1});
    constexpr std::array x{1e16, -1e16};
    STATIC_REQUIRE(layer(x)[0] == 0.0);
    CHECK(bits(layer(runtime(x))[0]) == bits(0.0));
  }
  SECTION("the inputs are added left to right") {
    // (-1e16 + 1e16) + 1 == 1, whereas (-1e16 + 1) + 1e16 == 0 and (1e16 + 1) - 1e16 == 0.
    STATIC_REQUIRE((-1e16 + 1e16) + 1.0 == 1.0);
    STATIC_REQUIRE((-1e16 + 1.0) + 1e16 == 0.0);
    STATIC_REQUIRE((1e16 + 1.0) + -1e16 == 0.0);
    constexpr auto layer = ctnn::dense<2, 1, double>({{1, 1}}, {-1e16});
    constexpr std::array x{1e16, 1.0};
    STATIC_REQUIRE(layer(x)[0] == 1.0);
    CHECK(bits(layer(runtime(x))[0]) == bits(1.0));
    constexpr std::array swapped{1.0, 1e16};
    STATIC_REQUIRE(layer(swapped)[0] == 0.0);
    CHECK(bits(layer(runtime(swapped))[0]) == bits(0.0));
  }
  SECTION("each product is rounded before it is added (no fused multiply-add)") {
    // a*a = 1 + 2^-29 + 2^-60 rounds to 1 + 2^-29, so c + a*a == 0; a fused multiply-add gives 2^-60.
    constexpr double a = 1.0 + 0x1p-30;
    constexpr double c = -(1.0 + 0x1p-29);
    constexpr auto layer = ctnn::dense<1, 1, double>({{a}}, {c});
    STATIC_REQUIRE(layer(std::array{a})[0] == 0.0);
    CHECK(bits(layer(runtime(std::array{a}))[0]) == bits(0.0));
  }
  SECTION("a float network with mixed magnitudes: compile time == run time, bit for bit") {
    constexpr auto net = ctnn::network(
        ctnn::dense<3, 3, float>({{1e8f, 1.0f, -1e8f}, {0.1f, 0.2f, 0.3f}, {-3.3f, 7.7f, 1e-7f}},
                                 {0.5f, -0.25f, 1e7f}, ctnn::tanh),
        ctnn::dense<3, 2, float>({{1.1f, -2.2f, 3.3f}, {1e-3f, 1e3f, -1.0f}}, {0.0f, 1.0f}, ctnn::sigmoid));
    constexpr std::array x{0.3f, -1.7f, 2.9f};
    constexpr auto at_compile_time = net(x);
    const auto at_run_time = net(runtime(x));
    CHECK(bits(at_run_time[0]) == bits(at_compile_time[0]));
    CHECK(bits(at_run_time[1]) == bits(at_compile_time[1]));
  }
  SECTION("a double network: compile time == run time, bit for bit") {
    static constexpr auto net =
        ctnn::network(ctnn::dense<3, 4, double>(
                          {{0.1, 0.2, 0.3}, {1e16, 1, -1e16}, {-0.7, 0.11, 1.3}, {3.14, -2.71, 0.577}},
                          {0.01, 1, -0.5, 0.25}, ctnn::leaky_relu(1, 3)),
                      ctnn::dense<4, 2, double>({{0.3, -0.2, 1.7, 0.9}, {-1.1, 0.6, 0.05, 2.2}},
                                                {0.125, -0.375}, ctnn::tanh),
                      ctnn::dense<2, 1, double>({{0.7, -0.3}}, {0.1}, ctnn::sigmoid));
    static constexpr std::array<std::array<double, 3>, 4> inputs{
        {{0.1, 0.2, 0.3}, {-1.5, 2.25, 0.125}, {1e-3, -7.0, 4.5}, {1.0, 1.0, 1.0}}};
    constexpr auto at_compile_time = [] {
      std::array<double, 4> y{};
      for (std::size_t r = 0; r < 4; ++r) y[r] = net(inputs[r])[0];
      return y;
    }();
    for (std::size_t r = 0; r < 4; ++r) {
      INFO("row " << r);
      CHECK(bits(net(runtime(inputs[r]))[0]) == bits(at_compile_time[r]));
    }
  }
}
