// Proofs over boxes (proof/*.hpp, docs/proofs.md): the seed network's three box properties at
// compile time, bounds checked against sampling at run time (random networks of every built-in
// activation, float and double: no sampled output may leave its bounds), integer bounds against
// exhaustive enumeration (exact for one layer; overflow named), counterexamples that replay, and
// "unknown" for what the bounds cannot decide.
#include <array>
#include <boost/hana/define_struct.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <ctnn/prove.hpp>
#include <limits>
#include <random>

namespace {

// The seed network (design, quality -> buy), on real-valued inputs through a double copy.
constexpr auto buy_int = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                       ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));
constexpr auto buy = ctnn::scalar_cast<double>(buy_int);
constexpr auto buys = ctnn::always(ctnn::above(0.0), true);
constexpr auto does_not_buy = ctnn::always(ctnn::above(0.0), false);

// 0.9 <= design + quality <= 1.1 there, so the output is 10 - 50 |design + quality - 1| > 0.
constexpr ctnn::box<double, 2> near_one{{{{0, 0.1}, {0.9, 1}}}};
constexpr auto buy_proof = ctnn::prove(buy, near_one, buys);
static_assert(buy_proof.proven());
CTNN_PROVE(buy, near_one, buys);
// Both small: the second unit's sum 5 - 5 (d + q) >= 2 drives the output to 0.
constexpr ctnn::box<double, 2> both_low{{{{0, 0.3}, {0, 0.3}}}};
CTNN_PROVE(buy, both_low, does_not_buy);
// (0.2, 1) gives 0: not a buy. The proof finds a counterexample (perhaps another one).
constexpr ctnn::box<double, 2> wider{{{{0, 0.2}, {0.8, 1}}}};
constexpr auto wider_proof = ctnn::prove(buy, wider, buys);
static_assert(wider_proof.verdict == ctnn::verdict::counterexample);
static_assert(wider.contains(wider_proof.counterexample));
static_assert(buy(wider_proof.counterexample) == wider_proof.outputs && !(wider_proof.outputs[0] > 0));

// Integer boxes: exact bounds on the integer network itself.
constexpr auto int_bounds = ctnn::bounds(buy_int, ctnn::box<int, 2>{{{{0, 1}, {0, 1}}}});
static_assert(int_bounds.known() && int_bounds.outputs[0] == ctnn::interval<int>{0, 10});
// An overflow is named: layer 1, unit 0 (x * 2e9 for x up to 2).
constexpr auto overflows =
    ctnn::network(ctnn::dense<1, 1>({{1}}, {1}, ctnn::relu), ctnn::dense<1, 1>({{2'000'000'000}}, {0}));
constexpr auto overflow_bounds = ctnn::bounds(overflows, ctnn::box<int, 1>{{{{0, 1}}}});
static_assert(overflow_bounds.status == ctnn::bounds_status::overflow && overflow_bounds.layer == 1 &&
              overflow_bounds.unit == 0);
static_assert(ctnn::bounds(overflows, ctnn::box<int, 1>{{{{-5, 0}}}}).known());
// A proof never evaluates a point where a sum may overflow (undefined behaviour): [0, 1] holds the
// overflowing input 1, so the proof is unknown, its open leaf the point 1 with the overflow named.
constexpr auto overflow_proof =
    ctnn::prove(overflows, ctnn::box<int, 1>{{{{-5, 1}}}},
                ctnn::outputs_within(std::array{ctnn::interval<int>{0, 2'000'000'000}}));
static_assert(overflow_proof.verdict == ctnn::verdict::unknown && overflow_proof.unknown_leaves == 1 &&
              overflow_proof.open_box.ranges[0] == ctnn::interval<int>{1, 1} &&
              overflow_proof.open_bounds.status == ctnn::bounds_status::overflow);

// Near the largest double: the bounds say "not finite" instead of overflowing (which would not be a
// constant expression), for a huge weight, input or bias alike.
constexpr double huge = std::numeric_limits<double>::max() / 2;
static_assert(ctnn::bounds(ctnn::network(ctnn::dense<1, 1>({{huge}}, {0.0})),
                           ctnn::box<double, 1>{{{{0, 4}}}})
                  .status == ctnn::bounds_status::not_finite);
static_assert(ctnn::bounds(ctnn::network(ctnn::dense<1, 1>({{1.0}}, {huge})),
                           ctnn::box<double, 1>{{{{0, huge}}}})
                  .status == ctnn::bounds_status::not_finite);
static_assert(ctnn::bounds(ctnn::network(ctnn::dense<1, 1>({{1.0}}, {huge * 1.9})),
                           ctnn::box<double, 1>{{{{0, 1}}}})
                  .status == ctnn::bounds_status::not_finite);

// argmax over a box: class 0 while x < 0.4 for y = (1 - x, x).
constexpr auto split_net = ctnn::network(ctnn::dense<1, 2>({{-1.0}, {1.0}}, {1.0, 0.0}));
static_assert(
    ctnn::prove(split_net, ctnn::box<double, 1>{{{{0, 0.4}}}}, ctnn::always(ctnn::argmax, 0)).proven());
static_assert(ctnn::prove(split_net, ctnn::box<double, 1>{{{{0.3, 0.7}}}}, ctnn::always(ctnn::argmax, 0))
                  .verdict == ctnn::verdict::counterexample);
// Ties go to the first output: at x = 0.5 both are 0.5 and argmax is 0.
static_assert(
    ctnn::prove(split_net, ctnn::box<double, 1>{{{{0.5, 0.5}}}}, ctnn::always(ctnn::argmax, 0)).proven());
static_assert(ctnn::prove(split_net, ctnn::box<double, 1>{{{{0.5, 0.5}}}}, ctnn::always(ctnn::argmax, 1))
                  .verdict == ctnn::verdict::counterexample);

// outputs_within: the seed's output stays in [0, 10] everywhere on [0, 1]^2.
static_assert(ctnn::prove(buy, ctnn::box<double, 2>{{{{0, 1}, {0, 1}}}},
                          ctnn::outputs_within(std::array{ctnn::interval<double>{0, 10}}))
                  .proven());

// sigmoid's image is [0, 1] whatever the range: "below 0.99 on [-1, 1]" is true (0.73 at most) but
// the bounds never show it, so the proof is unknown, never proven.
constexpr auto smooth = ctnn::network(ctnn::dense<1, 1>({{1.0}}, {0.0}, ctnn::sigmoid));
constexpr auto smooth_proof = ctnn::prove(smooth, ctnn::box<double, 1>{{{{-1, 1}}}},
                                          ctnn::outputs_within(std::array{ctnn::interval<double>{0, 0.99}}),
                                          ctnn::proof_options{200, 40});
static_assert(smooth_proof.verdict == ctnn::verdict::unknown && smooth_proof.boxes == 200 &&
              smooth_proof.remaining > 0);

// The scalars whose arithmetic the bounds rely on as monotone: IEEE floating point and integers.
static_assert(ctnn::monotone_arithmetic_v<double> && ctnn::monotone_arithmetic_v<float> &&
              ctnn::monotone_arithmetic_v<int> && ctnn::monotone_arithmetic_v<long long>);
struct wrapping {};
static_assert(!ctnn::monotone_arithmetic_v<wrapping>);

// An ill-formed or infinite box proves nothing.
constexpr double infinity = std::numeric_limits<double>::infinity();
static_assert(ctnn::prove(buy, ctnn::box<double, 2>{{{{0, infinity}, {0, 1}}}}, buys).verdict ==
              ctnn::verdict::unknown);
static_assert(ctnn::bounds(buy, ctnn::box<double, 2>{{{{0, infinity}, {0, 1}}}}).status ==
              ctnn::bounds_status::not_finite);
static_assert(ctnn::prove(buy, ctnn::box<double, 2>{{{{1, 0}, {0, 1}}}}, buys).verdict ==
              ctnn::verdict::unknown);

// Robustness: around (0.05, 0.95) "buy" holds within 0.05 (the box above), not within 0.1.
static_assert(ctnn::prove_robust(buy, std::array{0.05, 0.95}, 0.05, ctnn::above(0.0)).proven());
constexpr auto fragile = ctnn::prove_robust(buy, std::array{0.05, 0.95}, 0.2, ctnn::above(0.0));
static_assert(fragile.verdict == ctnn::verdict::counterexample && !(buy(fragile.counterexample)[0] > 0));
// Clipped to [0, 1]^2, and with argmax on a two-output network.
static_assert(ctnn::prove_robust(buy, std::array{0.0, 1.0}, 0.05, ctnn::above(0.0),
                                 ctnn::box<double, 2>{{{{0, 1}, {0, 1}}}})
                  .proven());
static_assert(ctnn::prove_robust(split_net, std::array{0.2}, 0.1, ctnn::argmax).proven());
static_assert(ctnn::prove_robust(split_net, std::array{0.45}, 0.1, ctnn::argmax).verdict ==
              ctnn::verdict::counterexample);

// The ball: every value within the radius is inside, rounding outward.
constexpr auto b = ctnn::ball(std::array{0.1, 1.0}, 0.05);
static_assert(b.contains(std::array{0.1, 1.0}) && b.ranges[0].lower <= 0.05 && b.ranges[1].upper >= 1.05);
static_assert(ctnn::ball(std::array{0.5}, 1.0, ctnn::box<double, 1>{{{{0, 1}}}}).ranges[0] ==
              ctnn::interval<double>{0, 1});

// ---------------------------------------------------------------------------------------------
// Linear bounds and linear constraints at compile time.

// y0 = x + 1 and y1 = x over [0, 10]: their intervals [1, 11] and [0, 10] overlap, their difference
// is exactly 1: linear bounds prove argmax == 0 in one box, intervals only once the split boxes are
// narrower than 1.
constexpr auto offset = ctnn::network(ctnn::dense<1, 2>({{1.0}, {1.0}}, {1.0, 0.0}));
constexpr ctnn::box<double, 1> zero_to_ten{{{{0, 10}}}};
constexpr auto first_wins = ctnn::always(ctnn::argmax, 0);
constexpr auto by_lines = ctnn::prove(offset, zero_to_ten, first_wins);
static_assert(by_lines.proven() && by_lines.boxes == 1);
constexpr auto by_intervals =
    ctnn::prove(offset, zero_to_ten, first_wins, {.max_boxes = 64, .method = ctnn::bound_method::intervals});
static_assert(by_intervals.proven() && by_intervals.boxes > 16);  // once the leaves are narrower than 1
constexpr auto difference = ctnn::combination_bounds(ctnn::linear_bounds(offset, zero_to_ten), std::array{1.0, -1.0});
static_assert(difference && difference->lower <= 1 && 1 <= difference->upper && difference->upper - difference->lower < 1e-12);

// VNN-LIB form: the unsafe outputs "y0 <= y1" never occur (never(...)), and 0.5 <= y0 - y1 <= 1.5
// always (y0 - y1 == 1 exactly could not be proven: the bounds carry rounding slack).
constexpr auto unsafe = ctnn::constraint(std::array{1.0, -1.0}, 0.0);
CTNN_PROVE(offset, zero_to_ten, ctnn::never(unsafe));
CTNN_PROVE(offset, zero_to_ten, ctnn::always(ctnn::all_of(ctnn::constraint(std::array{1.0, -1.0}, 1.5),
                                                         ctnn::constraint(std::array{-1.0, 1.0}, -0.5))));
// "buy" near (0, 1) as a linear constraint (-y <= -1e-9, i.e. y >= 1e-9), and its failure on the wider box.
constexpr auto buys_linearly = ctnn::never(ctnn::constraint(std::array{1.0}, 0.0));
CTNN_PROVE(buy, near_one, buys_linearly);
constexpr auto wider_linear = ctnn::prove(buy, wider, buys_linearly);
static_assert(wider_linear.verdict == ctnn::verdict::counterexample && wider_linear.outputs[0] <= 0);

// ---------------------------------------------------------------------------------------------
// Random networks at run time.

template <class T>
T random_value(std::mt19937& g, double scale) {
  std::uniform_real_distribution<double> d(-scale, scale);
  return static_cast<T>(d(g));
}

template <class Layer>
void randomise(Layer& layer, std::mt19937& g, double scale) {
  using T = typename Layer::scalar_type;
  for (std::size_t o = 0; o < Layer::output_size; ++o) {
    layer.biases[o] = random_value<T>(g, scale);
    for (std::size_t i = 0; i < Layer::input_size; ++i) layer.weights[o][i] = random_value<T>(g, scale);
  }
}

template <class Net>
void randomise_net(Net& net, std::mt19937& g, double scale) {
  [&]<std::size_t... K>(std::index_sequence<K...>) {
    (randomise(boost::hana::at_c<K>(net.layers), g, scale), ...);
  }
  (std::make_index_sequence<Net::layer_count>{});
}

template <class T, std::size_t N>
ctnn::box<T, N> random_box(std::mt19937& g, double scale) {
  ctnn::box<T, N> b{};
  for (std::size_t i = 0; i < N; ++i) {
    const T x = random_value<T>(g, scale), y = random_value<T>(g, scale);
    b.ranges[i] = ctnn::hull_of(x, y);
  }
  return b;
}

// A point of the box: uniform, or an end of some intervals (where the extremes are).
template <class T, std::size_t N>
std::array<T, N> sample(const ctnn::box<T, N>& b, std::mt19937& g) {
  std::array<T, N> x{};
  std::uniform_int_distribution<int> kind(0, 3);
  for (std::size_t i = 0; i < N; ++i) {
    const auto& r = b.ranges[i];
    switch (kind(g)) {
      case 0:
        x[i] = r.lower;
        break;
      case 1:
        x[i] = r.upper;
        break;
      default: {
        std::uniform_real_distribution<double> u(static_cast<double>(r.lower), static_cast<double>(r.upper));
        T v = static_cast<T>(u(g));
        x[i] = v < r.lower ? r.lower : (r.upper < v ? r.upper : v);
      }
    }
  }
  return x;
}

// A linear bound's function at x, in long double (64-bit significands), moved by its own rounding
// error bound toward `side` (-1: down, 1: up), so that the check accuses only a function that is wrong.
template <class T, std::size_t N>
long double value_of(const ctnn::linear_form<T, N>& f, const std::array<T, N>& x, int side) {
  long double v = f.constant, size = std::fabs(static_cast<long double>(f.constant));
  for (std::size_t k = 0; k < N; ++k) {
    const long double term = static_cast<long double>(f.coefficients[k]) * x[k];
    v += term;
    size += std::fabs(term);
  }
  return v + side * 0x1p-58L * size;
}

template <class Net>
std::size_t check_bounds_by_sampling(std::mt19937& g, int networks, int samples, double scale) {
  using T = typename Net::scalar_type;
  constexpr std::size_t N = Net::input_size;
  std::size_t checked = 0;
  for (int n = 0; n < networks; ++n) {
    Net net{};
    randomise_net(net, g, scale);
    const auto region = random_box<T, N>(g, 2.0);
    const auto bounds = ctnn::bounds(net, region);
    REQUIRE(bounds.known());
    const auto linear = ctnn::linear_bounds(net, region);
    REQUIRE(linear.known());
    for (std::size_t o = 0; o < Net::output_size; ++o) REQUIRE(bounds.outputs[o].contains(linear.outputs[o]));
    std::array<T, Net::output_size> c{};
    for (auto& f : c) f = random_value<T>(g, 2.0);
    const auto combined = ctnn::combination_bounds(linear, c);
    REQUIRE(combined);
    for (int s = 0; s < samples; ++s) {
      const auto x = sample(region, g);
      const auto y = net(x);
      for (std::size_t o = 0; o < Net::output_size; ++o) {
        if (!linear.outputs[o].contains(y[o])) {
          INFO("network " << n << ", sample " << s << ", output " << o << ": " << y[o] << " outside ["
                          << linear.outputs[o].lower << ", " << linear.outputs[o].upper << "] (intervals ["
                          << bounds.outputs[o].lower << ", " << bounds.outputs[o].upper << "])");
          REQUIRE(linear.outputs[o].contains(y[o]));
        }
        REQUIRE(value_of(linear.lower[o], x, -1) <= static_cast<long double>(y[o]));
        REQUIRE(static_cast<long double>(y[o]) <= value_of(linear.upper[o], x, 1));
      }
      long double sum = 0, size = 0;
      for (std::size_t o = 0; o < Net::output_size; ++o)
        sum += static_cast<long double>(c[o]) * y[o], size += std::fabs(static_cast<long double>(c[o]) * y[o]);
      REQUIRE(static_cast<long double>(combined->lower) <= sum + 0x1p-58L * size);
      REQUIRE(sum - 0x1p-58L * size <= static_cast<long double>(combined->upper));
      ++checked;
    }
  }
  return checked;
}

template <class T, class A1, class A2>
using random_net_t = decltype(ctnn::network(std::declval<ctnn::dense_layer<4, 8, T, A1>>(),
                                            std::declval<ctnn::dense_layer<8, 8, T, A2>>(),
                                            std::declval<ctnn::dense_layer<8, 3, T, ctnn::identity_t>>()));

}  // namespace

TEST_CASE("the seed network's box properties, at compile time", "[proof]") {
  STATIC_REQUIRE(buy_proof.proven());
  STATIC_REQUIRE(wider_proof.verdict == ctnn::verdict::counterexample);
  REQUIRE(buy(wider_proof.counterexample) == wider_proof.outputs);
  // The same function at run time: the same verdict and statistics.
  const auto box = near_one;
  const auto again = ctnn::prove(buy, box, buys);
  REQUIRE(again.proven());
  REQUIRE(again.boxes == buy_proof.boxes);
  const auto wider_again = ctnn::prove(buy, wider, buys);
  REQUIRE(wider_again.counterexample == wider_proof.counterexample);
}

TEST_CASE("bounds hold every sampled output: relu, leaky_relu, clamp, step, sigmoid, tanh", "[proof]") {
  std::mt19937 g(20261202);
  std::size_t checked = 0;
  checked += check_bounds_by_sampling<random_net_t<double, ctnn::relu_t, ctnn::relu_t>>(g, 200, 2000, 1.5);
  checked += check_bounds_by_sampling<random_net_t<float, ctnn::relu_t, ctnn::relu_t>>(g, 200, 2000, 1.5);
  checked +=
      check_bounds_by_sampling<random_net_t<double, ctnn::step_t, ctnn::identity_t>>(g, 100, 2000, 1.5);
  checked += check_bounds_by_sampling<random_net_t<double, ctnn::sigmoid_t, ctnn::tanh_t>>(g, 100, 2000, 1.5);
  checked += check_bounds_by_sampling<random_net_t<float, ctnn::tanh_t, ctnn::relu_t>>(g, 100, 2000, 1.5);
  // Value activations: a leaky slope (negative too) and a clamp.
  using leaky = random_net_t<double, ctnn::leaky_relu_t, ctnn::clamp_t>;
  for (int slope : {1, -3}) {
    for (int n = 0; n < 100; ++n) {
      leaky net{};
      randomise_net(net, g, 1.5);
      boost::hana::at_c<0>(net.layers).activation = ctnn::leaky_relu_t{slope, 10};
      boost::hana::at_c<1>(net.layers).activation = ctnn::clamp_t{-1, 2};
      const auto region = random_box<double, 4>(g, 2.0);
      const auto bounds = ctnn::bounds(net, region);
      REQUIRE(bounds.known());
      for (int s = 0; s < 2000; ++s) {
        const auto y = net(sample(region, g));
        for (std::size_t o = 0; o < 3; ++o) REQUIRE(bounds.outputs[o].contains(y[o]));
        ++checked;
      }
    }
  }
  REQUIRE(checked == 1'800'000);
}

TEST_CASE("a point box's bounds are the network's own outputs, bit for bit", "[proof]") {
  std::mt19937 g(7);
  for (int n = 0; n < 500; ++n) {
    random_net_t<float, ctnn::relu_t, ctnn::identity_t> net{};
    randomise_net(net, g, 3.0);
    const auto point = sample(random_box<float, 4>(g, 4.0), g);
    ctnn::box<float, 4> region{};
    for (std::size_t i = 0; i < 4; ++i) region.ranges[i] = {point[i], point[i]};
    const auto bounds = ctnn::bounds(net, region);
    const auto y = net(point);
    REQUIRE(bounds.known());
    for (std::size_t o = 0; o < 3; ++o) {
      REQUIRE(bounds.outputs[o].lower == y[o]);
      REQUIRE(bounds.outputs[o].upper == y[o]);
    }
  }
}

TEST_CASE("integer bounds: exact for one layer, sound for two, overflow named", "[proof]") {
  std::mt19937 g(11);
  std::uniform_int_distribution<int> weight(-9, 9), value(-6, 6);
  for (int n = 0; n < 300; ++n) {
    auto net = ctnn::network(ctnn::dense<3, 2>({{1, 1, 1}, {1, 1, 1}}, {0, 0}, ctnn::relu),
                             ctnn::dense<2, 1>({{1, 1}}, {0}, ctnn::identity));
    auto& first = boost::hana::at_c<0>(net.layers);
    auto& second = boost::hana::at_c<1>(net.layers);
    for (auto& row : first.weights)
      for (int& w : row) w = weight(g);
    for (int& b : first.biases) b = weight(g);
    for (int& w : second.weights[0]) w = weight(g);
    second.biases[0] = weight(g);
    ctnn::box<int, 3> region{};
    for (auto& r : region.ranges) r = ctnn::hull_of(value(g), value(g));
    const auto bounds = ctnn::bounds(net, region);
    REQUIRE(bounds.known());
    // Every point: inside; the first layer's extremes are reached (exactness of one layer).
    int lowest = std::numeric_limits<int>::max(), highest = std::numeric_limits<int>::min();
    int first_lowest = lowest, first_highest = highest;
    const auto first_alone = ctnn::network(first);
    const auto first_bounds = ctnn::bounds(first_alone, region);
    for (int a = region[0].lower; a <= region[0].upper; ++a)
      for (int b = region[1].lower; b <= region[1].upper; ++b)
        for (int c = region[2].lower; c <= region[2].upper; ++c) {
          const int y = net({a, b, c})[0];
          REQUIRE(bounds.outputs[0].contains(y));
          lowest = y < lowest ? y : lowest;
          highest = y > highest ? y : highest;
          const int h = first_alone({a, b, c})[0];
          first_lowest = h < first_lowest ? h : first_lowest;
          first_highest = h > first_highest ? h : first_highest;
        }
    REQUIRE(first_bounds.outputs[0] == ctnn::interval<int>{first_lowest, first_highest});
  }
  // Overflow: found exactly when some point of a one-layer box overflows (its extremes are points).
  for (int n = 0; n < 2000; ++n) {
    std::uniform_int_distribution<int> big(-2'000'000'000, 2'000'000'000);
    auto net = ctnn::network(ctnn::dense<2, 1>({{1, 1}}, {0}));
    auto& layer = boost::hana::at_c<0>(net.layers);
    layer.weights[0][0] = big(g);
    layer.weights[0][1] = big(g);
    layer.biases[0] = big(g);
    ctnn::box<int, 2> region{{{{0, value(g) & 1}, {-1, value(g) & 1}}}};
    bool any = false;
    for (int a = region[0].lower; a <= region[0].upper; ++a)
      for (int b = region[1].lower; b <= region[1].upper; ++b) {
        long long s = layer.biases[0];
        s += static_cast<long long>(layer.weights[0][0]) * a;
        any = any || s < INT32_MIN || s > INT32_MAX;
        s += static_cast<long long>(layer.weights[0][1]) * b;
        any = any || s < INT32_MIN || s > INT32_MAX;
      }
    const auto bounds = ctnn::bounds(net, region);
    REQUIRE(bounds.known() == !any);
    if (any) REQUIRE(bounds.status == ctnn::bounds_status::overflow);
  }
}

TEST_CASE("proofs of random networks: proven holds at every sample, counterexamples replay", "[proof]") {
  std::mt19937 g(2026);
  using Net = decltype(ctnn::network(std::declval<ctnn::dense_layer<3, 8, double, ctnn::relu_t>>(),
                                     std::declval<ctnn::dense_layer<8, 1, double, ctnn::identity_t>>()));
  int proven = 0, refuted = 0, unknown = 0;
  for (int n = 0; n < 300; ++n) {
    Net net{};
    randomise_net(net, g, 1.0);
    const auto region = random_box<double, 3>(g, 1.0);
    // A threshold near the sampled minimum: some properties hold, some fail.
    double lowest = std::numeric_limits<double>::max();
    for (int s = 0; s < 200; ++s) lowest = std::fmin(lowest, net(sample(region, g))[0]);
    std::uniform_real_distribution<double> shift(-0.3, 0.1);
    const double t = lowest + shift(g);
    const auto result =
        ctnn::prove(net, region, ctnn::always(ctnn::above(t), true), ctnn::proof_options{20000, 30});
    if (result.verdict == ctnn::verdict::proven) {
      ++proven;
      for (int s = 0; s < 2000; ++s) REQUIRE(net(sample(region, g))[0] > t);
    } else if (result.verdict == ctnn::verdict::counterexample) {
      ++refuted;
      REQUIRE(region.contains(result.counterexample));
      REQUIRE(net(result.counterexample) == result.outputs);
      REQUIRE(!(result.outputs[0] > t));
    } else {
      ++unknown;
    }
  }
  INFO("proven " << proven << ", refuted " << refuted << ", unknown " << unknown);
  REQUIRE(proven > 50);
  REQUIRE(refuted > 50);
  // A property that sampling shows false is never proven (the sampled minimum itself violates
  // "above lowest").
}

TEST_CASE("linear bounds: tighter than intervals, fewer boxes, the same verdicts", "[proof]") {
  STATIC_REQUIRE(by_lines.boxes == 1);
  STATIC_REQUIRE(by_intervals.boxes > 16);
  std::mt19937 g(7);
  using Net = random_net_t<double, ctnn::relu_t, ctnn::relu_t>;
  std::size_t tighter = 0, boxes_linear = 0, boxes_intervals = 0, compared = 0;
  for (int n = 0; n < 100; ++n) {
    Net net{};
    randomise_net(net, g, 1.0);
    const auto region = random_box<double, 4>(g, 0.5);
    const auto plain = ctnn::bounds(net, region);
    const auto linear = ctnn::linear_bounds(net, region);
    REQUIRE(linear.known());
    for (std::size_t o = 0; o < 3; ++o)
      tighter += linear.outputs[o].upper - linear.outputs[o].lower < plain.outputs[o].upper - plain.outputs[o].lower;
    // Output 0 stays above its sampled minimum less 0.05 (-y0 <= 0.05 - lowest): mostly true.
    double lowest = std::numeric_limits<double>::max();
    for (int s = 0; s < 500; ++s) lowest = std::fmin(lowest, net(sample(region, g))[0]);
    const auto p = ctnn::always(ctnn::constraint(std::array{-1.0, 0.0, 0.0}, -(lowest - 0.05)));
    const ctnn::proof_options lines{.max_boxes = 5000}, intervals{.max_boxes = 5000, .method = ctnn::bound_method::intervals};
    const auto a = ctnn::prove(net, region, p, lines), b = ctnn::prove(net, region, p, intervals);
    if (a.verdict == ctnn::verdict::counterexample) {
      REQUIRE(net(a.counterexample) == a.outputs);
      REQUIRE(a.outputs[0] <= lowest - 0.05);
    }
    if (a.proven() && b.proven()) {
      ++compared;
      boxes_linear += a.boxes;
      boxes_intervals += b.boxes;
      REQUIRE(a.boxes <= b.boxes);  // the same splits, each box's bounds at least as tight
    }
    REQUIRE(!(b.proven() && a.verdict != ctnn::verdict::proven));
  }
  INFO("tighter " << tighter << " of 300 outputs; boxes " << boxes_linear << " against " << boxes_intervals
                  << " over " << compared << " properties both proved");
  REQUIRE(tighter > 150);
  REQUIRE(compared > 20);
  REQUIRE(boxes_linear < boxes_intervals);
}

TEST_CASE("linear constraints: exact at points, proofs hold at samples, counterexamples replay", "[proof]") {
  // At a point: ties and neighbours decided exactly for one output against d or two against each other.
  const auto le = ctnn::constraint(std::array{1.0, -1.0}, 0.0);  // y0 <= y1
  REQUIRE(le.at({1.0, 1.0}) == ctnn::truth::yes);
  REQUIRE(le.at({std::nextafter(1.0, 2.0), 1.0}) == ctnn::truth::no);
  REQUIRE(ctnn::constraint(std::array{1.0, 1.0}, 0.0).at({-0.1, 0.1}) == ctnn::truth::yes);
  REQUIRE(ctnn::constraint(std::array{-1.0}, -3.99).at({3.99}) == ctnn::truth::yes);
  REQUIRE(ctnn::constraint(std::array{-1.0}, -3.99).at({std::nextafter(3.99, 0.0)}) == ctnn::truth::no);
  // Three terms within rounding of the boundary: unsure, never a guess.
  REQUIRE(ctnn::constraint(std::array{1.0, 1.0}, 0.3).at({0.1, 0.2}) == ctnn::truth::unsure);
  REQUIRE(ctnn::constraint(std::array{1.0, 1.0}, 0.5).at({0.1, 0.2}) == ctnn::truth::yes);
  REQUIRE(ctnn::constraint(std::array{1, 1}, 3).at({1, 2}) == ctnn::truth::yes);  // integers: exact
  REQUIRE(ctnn::constraint(std::array{1, 1}, 2).at({1, 2}) == ctnn::truth::no);

  std::mt19937 g(11);
  using Net = random_net_t<double, ctnn::relu_t, ctnn::relu_t>;
  int proven = 0, refuted = 0;
  for (int n = 0; n < 150; ++n) {
    Net net{};
    randomise_net(net, g, 1.0);
    const auto region = random_box<double, 4>(g, 0.3);
    // VNN-LIB style unsafe outputs: output 0 is the smallest (y0 <= y1 and y0 <= y2).
    const auto smallest = ctnn::all_of(ctnn::constraint(std::array{1.0, -1.0, 0.0}, 0.0),
                                       ctnn::constraint(std::array{1.0, 0.0, -1.0}, 0.0));
    const auto result = ctnn::prove(net, region, ctnn::never(smallest), {.max_boxes = 20000});
    if (result.proven()) {
      ++proven;
      for (int s = 0; s < 1000; ++s) {
        const auto y = net(sample(region, g));
        REQUIRE(!(y[0] <= y[1] && y[0] <= y[2]));
      }
    } else if (result.verdict == ctnn::verdict::counterexample) {
      ++refuted;
      REQUIRE(region.contains(result.counterexample));
      REQUIRE(net(result.counterexample) == result.outputs);
      REQUIRE((result.outputs[0] <= result.outputs[1] && result.outputs[0] <= result.outputs[2]));
    }
    // any_of: "y1 >= y0 or y2 >= y0" is the same region; always(any_of) of its complement agrees.
    const auto complement = ctnn::any_of(ctnn::constraint(std::array{-1.0, 1.0, 0.0}, -1e-9),
                                         ctnn::constraint(std::array{-1.0, 0.0, 1.0}, -1e-9));
    const auto other = ctnn::prove(net, region, ctnn::always(complement), {.max_boxes = 20000});
    if (other.verdict == ctnn::verdict::counterexample) {
      REQUIRE(net(other.counterexample) == other.outputs);
      REQUIRE(!(other.outputs[0] - other.outputs[1] >= 1e-9 || other.outputs[0] - other.outputs[2] >= 1e-9));
    }
    if (other.proven()) REQUIRE(result.verdict != ctnn::verdict::counterexample);
  }
  INFO("proven " << proven << ", refuted " << refuted);
  REQUIRE(proven > 10);
  REQUIRE(refuted > 10);
}

TEST_CASE("guarded: the network on its verified region only", "[proof]") {
  constexpr auto on_bits = ctnn::guarded(buy_int, ctnn::boolean_inputs<2>);
  STATIC_REQUIRE(on_bits(std::array{0, 1}) == std::array{10});
  STATIC_REQUIRE(!on_bits.try_evaluate(std::array{2, 1}));
  REQUIRE(on_bits.try_evaluate(std::array{1, 1}) == std::array{0});
  REQUIRE_THROWS_AS(on_bits(std::array{0, 2}), ctnn::outside_verified_domain);
  // Over the proven box: every input of it, none beyond.
  constexpr auto on_box = ctnn::guarded(buy, near_one);
  REQUIRE(on_box(std::array{0.05, 0.95})[0] > 0);
  REQUIRE_THROWS_AS(on_box(std::array{0.2, 0.95}), ctnn::outside_verified_domain);
  REQUIRE_FALSE(on_box.try_evaluate(std::array{0.0, std::nextafter(0.9, 0.0)}));
  // An integer box where a sum can overflow is refused.
  REQUIRE_THROWS_AS(ctnn::guarded(overflows, ctnn::box<int, 1>{{{{0, 1}}}}), std::invalid_argument);
  REQUIRE(ctnn::guarded(overflows, ctnn::box<int, 1>{{{{-5, 0}}}})(std::array{-3})[0] == 0);
}

TEST_CASE("midpoint and split keep every value of the interval", "[proof]") {
  STATIC_REQUIRE(ctnn::midpoint(ctnn::interval<int>{-2'147'483'647 - 1, 2'147'483'647}) == -1);
  STATIC_REQUIRE(ctnn::midpoint(ctnn::interval<int>{3, 4}) == 3);
  STATIC_REQUIRE(ctnn::midpoint(ctnn::interval<double>{0, 1}) == 0.5);
  constexpr double big = std::numeric_limits<double>::max();
  STATIC_REQUIRE(ctnn::midpoint(ctnn::interval<double>{-big, big}) == 0);
  constexpr double tiny = std::numeric_limits<double>::denorm_min();
  STATIC_REQUIRE(ctnn::midpoint(ctnn::interval<double>{tiny, 2 * tiny}) == tiny);
  STATIC_REQUIRE(ctnn::midpoint(ctnn::interval<double>{-tiny, tiny}) == 0);
  STATIC_REQUIRE(ctnn::detail::next_up(1.0) == 1.0 + std::numeric_limits<double>::epsilon());
  STATIC_REQUIRE(ctnn::detail::next_down(ctnn::detail::next_up(0.1f)) == 0.1f);
  // A ball: every float within the radius of the point, exactly, is inside.
  std::mt19937 g(3);
  std::uniform_real_distribution<float> u(-4, 4), r(0, 1);
  for (int n = 0; n < 100000; ++n) {
    const float p = u(g), radius = r(g);
    const auto ball = ctnn::ball(std::array{p}, radius);
    const double lo = static_cast<double>(p) - radius,
                 hi = static_cast<double>(p) + radius;  // exact in double
    REQUIRE(static_cast<double>(ball[0].lower) <= lo);
    REQUIRE(static_cast<double>(ball[0].upper) >= hi);
    REQUIRE(static_cast<double>(ctnn::detail::next_up(ball[0].lower)) > lo);
    REQUIRE(static_cast<double>(ctnn::detail::next_down(ball[0].upper)) < hi);
  }
}

TEST_CASE("a proof with progress reports finds what the proof without them finds") {
  std::mt19937 g(41);
  for (int trial = 0; trial < 20; ++trial) {
    auto net = ctnn::network(ctnn::dense_layer<3, 8, double, ctnn::relu_t>{},
                             ctnn::dense_layer<8, 1, double, ctnn::identity_t>{});
    randomise_net(net, g, 1.0);
    const ctnn::box<double, 3> region{{{{-1, 1}, {-1, 1}, {-1, 1}}}};
    const auto property = ctnn::always(ctnn::above(-0.5 + trial * 0.05), true);
    const ctnn::proof_options options{5000, 30};
    const auto plain = ctnn::prove(net, region, property, options);
    std::size_t calls = 0, last_boxes = 0, last_open = 1;
    const auto with = ctnn::prove(
        net, region, property, options,
        [&](const auto& r, std::size_t open) {
          ++calls;
          REQUIRE(r.boxes >= last_boxes);
          last_boxes = r.boxes;
          last_open = open;
        },
        7);
    REQUIRE(with.verdict == plain.verdict);
    REQUIRE(with.boxes == plain.boxes);
    REQUIRE(with.depth == plain.depth);
    REQUIRE(with.counterexample == plain.counterexample);
    REQUIRE(with.proven_leaves == plain.proven_leaves);
    REQUIRE(calls == (plain.boxes + 6) / 7);  // every 7 boxes, the last call where the proof ends
    REQUIRE(last_boxes == plain.boxes);
    if (plain.verdict == ctnn::verdict::proven) REQUIRE(last_open == 0);
  }
}

namespace {
struct design_quality {
  BOOST_HANA_DEFINE_STRUCT(design_quality, (double, design), (double, quality));
};
}  // namespace

TEST_CASE("a named box is proved as the box it is") {
  constexpr ctnn::box<double, 2> region{{{{0, 0.2}, {0.8, 1}}}};
  constexpr auto named = ctnn::named<design_quality>(region);
  STATIC_REQUIRE(std::is_same_v<decltype(named)::record_type, design_quality>);
  STATIC_REQUIRE(named.ranges == region.ranges);
  constexpr auto by_name = ctnn::prove(buy, named, buys);
  constexpr auto plain = ctnn::prove(buy, region, buys);
  STATIC_REQUIRE(by_name.verdict == ctnn::verdict::counterexample);
  STATIC_REQUIRE(by_name.counterexample == plain.counterexample);
  STATIC_REQUIRE(by_name.boxes == plain.boxes);
}
