// Verification at scale: the Gray-code sweep (exact scalars) and the prefix-sharing sweep (floating
// point) agree, row by row, with direct evaluation of the network; the lowest failing row is the one
// reported whatever the visiting order; and a 16-input network verifies at compile time under the
// compilers' default limits (this file is built without any flag).
#include <array>
#include <bit>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <ctnn/ctnn.hpp>

namespace {

constexpr std::int64_t next_random(std::uint64_t& state, std::int64_t lo, std::int64_t hi) {
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  return lo + static_cast<std::int64_t>((state >> 33) % static_cast<std::uint64_t>(hi - lo + 1));
}

template <class T, std::size_t In, std::size_t Out, class Activation>
constexpr auto random_layer(std::uint64_t seed, Activation activation, double scale = 1.0) {
  std::array<std::array<T, In>, Out> w{};
  std::array<T, Out> b{};
  for (auto& row : w)
    for (auto& v : row) v = static_cast<T>(static_cast<double>(next_random(seed, -9, 9)) * scale);
  for (auto& v : b) v = static_cast<T>(static_cast<double>(next_random(seed, -9, 9)) * scale);
  return ctnn::dense(w, b, activation);
}

// The expected table of a network over a domain, computed by direct evaluation (net(row)), one row
// at a time, in documented row order.
template <class Net, class Dom>
constexpr auto direct_table(const Net& net, const Dom& dom) {
  ctnn::table_spec<typename Net::scalar_type, Dom::size(), Net::output_size> spec{};
  for (std::size_t r = 0; r < Dom::size(); ++r) {
    const auto y = net(ctnn::to_network_input<Net>(dom.row(r)));
    for (std::size_t o = 0; o < Net::output_size; ++o) spec.rows[r][o] = y[o];
  }
  return spec;
}

// A rule comparing bit patterns (exact would call -0.0 equal to +0.0).
struct same_bits : ctnn::detail::rule_base<same_bits> {
  template <std::size_t Out, class Outputs, class E, std::size_t K>
  constexpr bool holds(const Outputs& y, std::size_t at, const E (&expected)[K]) const {
    for (std::size_t o = 0; o < Out; ++o) {
      if constexpr (sizeof(E) == 8) {
        if (std::bit_cast<std::uint64_t>(y[at + o]) != std::bit_cast<std::uint64_t>(expected[o]))
          return false;
      } else if constexpr (sizeof(E) == 4 && std::is_floating_point_v<E>) {
        if (std::bit_cast<std::uint32_t>(y[at + o]) != std::bit_cast<std::uint32_t>(expected[o]))
          return false;
      } else {
        if (!(y[at + o] == expected[o])) return false;
      }
    }
    return true;
  }
};

// Every row agrees; a wrong value at row r is reported at row r, also when a later-numbered row
// fails too (the Gray order visits rows out of numerical order).
template <class Net, class Dom>
constexpr bool sweeps_agree_with_direct_evaluation(const Net& net, const Dom& dom) {
  auto spec = direct_table(net, dom);
  if (!ctnn::verify(net, spec, same_bits{}, dom)) return false;
  for (std::size_t r = 0; r < Dom::size(); r += 1 + Dom::size() / 7) {
    auto wrong = spec;
    wrong.rows[r][0] = wrong.rows[r][0] + 1;
    if (r + 3 < Dom::size()) wrong.rows[Dom::size() - 1][0] = wrong.rows[Dom::size() - 1][0] + 1;
    const auto result = ctnn::verify(net, wrong, same_bits{}, dom);
    if (result || result.row != r || result.rows_checked != r + 1) return false;
  }
  return true;
}

constexpr auto int_net =
    ctnn::network(random_layer<int, 6, 5>(1, ctnn::relu), random_layer<int, 5, 3>(2, ctnn::leaky_relu(1, 4)),
                  random_layer<int, 3, 2>(3, ctnn::identity));
constexpr auto int_wide_net = ctnn::network(random_layer<long long, 4, 130>(4, ctnn::relu),  // looped path
                                            random_layer<long long, 130, 1>(5, ctnn::step));
constexpr auto int_single = ctnn::network(random_layer<int, 5, 3>(6, ctnn::clamp(-4, 4)));
constexpr auto double_net = ctnn::network(random_layer<double, 6, 5>(7, ctnn::relu, 0.37),
                                          random_layer<double, 5, 1>(8, ctnn::identity, 0.21));
constexpr auto float_net = ctnn::network(random_layer<float, 4, 6>(9, ctnn::tanh, 0.3),
                                         random_layer<float, 6, 3>(10, ctnn::sigmoid, 0.3),
                                         random_layer<float, 3, 2>(11, ctnn::identity, 0.5));

constexpr auto binary6 = ctnn::boolean_inputs<6>;
constexpr auto ternary4 = ctnn::uniform_domain<4>({0, 1, 2});
constexpr auto mixed = ctnn::make_domain({-1, 0, 2}, {0, 1}, {3, 5, 7, 9}, {1}, {-2, 2}, {0, 1, 2, 3, 4});

}  // namespace

TEST_CASE("Gray-code sweep (integers) agrees with direct evaluation on every row", "[scale]") {
  STATIC_REQUIRE(sweeps_agree_with_direct_evaluation(int_net, binary6));
  STATIC_REQUIRE(sweeps_agree_with_direct_evaluation(
      int_net, ctnn::make_domain({-2, 0, 3}, {0, 1}, {-2, 0, 3}, {1}, {0, 1}, {5, -5})));
  STATIC_REQUIRE(sweeps_agree_with_direct_evaluation(int_net, mixed));
  STATIC_REQUIRE(sweeps_agree_with_direct_evaluation(int_wide_net, ctnn::make_domain({0, 1}, {0, 1, 2}, {1}, {-1, 1})));
  STATIC_REQUIRE(sweeps_agree_with_direct_evaluation(
      int_single, ctnn::make_domain({0, 1}, {2, 3, 4}, {-1, 1}, {0, 5}, {7})));
  CHECK(sweeps_agree_with_direct_evaluation(int_net, mixed));
}

TEST_CASE("prefix-sharing sweep (floating point) agrees bit for bit with direct evaluation", "[scale]") {
  STATIC_REQUIRE(sweeps_agree_with_direct_evaluation(double_net, binary6));
  STATIC_REQUIRE(sweeps_agree_with_direct_evaluation(double_net, mixed));
  STATIC_REQUIRE(sweeps_agree_with_direct_evaluation(float_net, ternary4));
  CHECK(sweeps_agree_with_direct_evaluation(double_net, mixed));
  CHECK(sweeps_agree_with_direct_evaluation(float_net, ternary4));
}

namespace {
// CTNN_VERIFY sweeps a domain in pieces [begin, end), each starting the Gray code (or the odometer) in
// the middle: any split must give the outcome of one whole sweep, failures included.
template <class Net, class Dom>
constexpr bool pieces_agree_with_one_sweep(const Net& net, const Dom& dom) {
  auto spec = direct_table(net, dom);
  spec.rows[Dom::size() / 3][0] = spec.rows[Dom::size() / 3][0] + 1;
  spec.rows[Dom::size() - 2][0] = spec.rows[Dom::size() - 2][0] + 1;
  const auto whole = ctnn::detail::sweep(net, spec, same_bits{}, dom, 0, Dom::size());
  if (whole.passed || whole.first_failing_row != Dom::size() / 3) return false;
  for (std::size_t piece : {3, 7, 16, 33}) {
    ctnn::detail::sweep_outcome merged{};
    for (std::size_t begin = 0; begin < Dom::size(); begin += piece)
      merged.merge(ctnn::detail::sweep(net, spec, same_bits{}, dom, begin,
                                       begin + piece < Dom::size() ? begin + piece : Dom::size()));
    if (merged.passed != whole.passed || merged.first_failing_row != whole.first_failing_row) return false;
  }
  return true;
}
}  // namespace

namespace {
// Large integer weights: the Gray sweep would form differences of products (here 3 * 10^9, beyond
// int) that direct evaluation never forms; ctnn then sweeps in row order instead, and this verifies.
constexpr auto large = ctnn::network(ctnn::dense<1, 1>({{1'500'000'000}}, {0}));
CTNN_VERIFY(large, ctnn::truth_table_of([](int x) { return x > 0; }), ctnn::above(0), ctnn::make_domain({-1, 1}));
}  // namespace

TEST_CASE("large integer weights fall back to the row-order sweep", "[scale]") {
  STATIC_REQUIRE(!ctnn::detail::gray_is_safe(large, ctnn::make_domain({-1, 1})));
  STATIC_REQUIRE(ctnn::detail::gray_is_safe(int_net, mixed));
  STATIC_REQUIRE(ctnn::verify(large, ctnn::truth_table_of([](int x) { return x > 0; }), ctnn::above(0),
                              ctnn::make_domain({-1, 1})));
}

TEST_CASE("a sweep split into pieces gives the outcome of one sweep", "[scale]") {
  STATIC_REQUIRE(pieces_agree_with_one_sweep(int_net, mixed));
  STATIC_REQUIRE(pieces_agree_with_one_sweep(int_net, binary6));
  STATIC_REQUIRE(pieces_agree_with_one_sweep(double_net, mixed));
}

namespace {
// 16 inputs, 8 hidden ReLU units, 2^16 rows, split into pieces under the default budgets. Hidden unit
// j is the AND of inputs 2j and 2j+1 (relu(x + y - 1)); the output counts the pairs that are both 1,
// minus 3, if positive.
constexpr auto pairs16 = [] {
  std::array<std::array<int, 16>, 8> w{};
  std::array<int, 8> b{};
  for (std::size_t j = 0; j < 8; ++j) w[j][2 * j] = w[j][2 * j + 1] = 1, b[j] = -1;
  return ctnn::network(ctnn::dense(w, b, ctnn::relu),
                       ctnn::dense<8, 1>({{1, 1, 1, 1, 1, 1, 1, 1}}, {-3}, ctnn::relu));
}();
constexpr auto pairs_minus_3 = [](auto... x) {
  const int v[] = {x...};
  int pairs = 0;
  for (std::size_t j = 0; j < 8; ++j) pairs += v[2 * j] & v[2 * j + 1];
  return pairs > 3 ? pairs - 3 : 0;
};
CTNN_VERIFY(pairs16, ctnn::truth_table_of(pairs_minus_3), ctnn::exact);
}  // namespace

TEST_CASE("a 16-input network verifies at compile time with default compiler limits", "[scale]") {
  // The CTNN_VERIFY above is the compile-time test; this is the same check at run time (one line
  // changes), and a wrong specification that fails on a late row.
  const auto result = ctnn::verify(pairs16, ctnn::truth_table_of(pairs_minus_3), ctnn::exact);
  CHECK(result.passed);
  CHECK(result.rows_checked == 65536);
  const auto wrong = ctnn::verify(
      pairs16, ctnn::truth_table_of([](auto... x) { return (x + ...) == 16 ? 4 : 0; }), ctnn::exact);
  REQUIRE_FALSE(wrong.passed);
  CHECK(wrong.row == 0b0000000011111111);  // the first row with four pairs of ones: inputs 8..15 set
  CHECK(wrong.actual == std::array{1});
}
