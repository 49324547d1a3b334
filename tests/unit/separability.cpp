// ctnn::single_neuron_can_realise: XOR and XNOR refused with their certificate, the threshold
// functions of the seed article and of 3 and 6 inputs realised, their weights verified as step
// networks by CTNN_VERIFY; the three table forms; the independent checks refusing wrong answers; and
// at run time every boolean function of 1 to 4 inputs against brute force and the known counts
// (OEIS A000609: 4, 14, 104, 1882), and those of 5 inputs (94572) on every threshold function and
// on a sample of the others (all 2^32 would take hours).
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <ctnn/separability.hpp>
#include <ctnn/verify.hpp>
#include <random>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

constexpr std::array xor_table{0, 1, 1, 0};
constexpr std::array xnor_table{1, 0, 0, 1};
constexpr std::array and_table{0, 0, 0, 1};
constexpr std::array or_table{0, 1, 1, 1};

// The table of a function of the N inputs of row r (input 0 the most significant bit of r).
template <std::size_t N, class F>
constexpr std::array<int, (std::size_t{1} << N)> table_of(F f) {
  std::array<int, (std::size_t{1} << N)> t{};
  for (std::size_t r = 0; r < t.size(); ++r) {
    std::array<int, N> x{};
    for (std::size_t k = 0; k < N; ++k) x[k] = int((r >> (N - 1 - k)) & 1);
    t[r] = f(x) ? 1 : 0;
  }
  return t;
}
template <std::size_t N>
constexpr int ones_in(const std::array<int, N>& x) {
  int count = 0;
  for (const int v : x) count += v;
  return count;
}

constexpr auto majority3 = table_of<3>([](const std::array<int, 3>& x) { return ones_in(x) >= 2; });
constexpr auto at_least_3_of_6 = table_of<6>([](const std::array<int, 6>& x) { return ones_in(x) >= 3; });
constexpr auto parity6 = table_of<6>([](const std::array<int, 6>& x) { return ones_in(x) % 2 == 1; });
// Weights 32, 16, ..., 1 (the binary number of the inputs) above 41: a threshold function that needs
// large weights, unlike the symmetric ones.
constexpr auto above_41 = table_of<6>([](const std::array<int, 6>& x) {
  int value = 0;
  for (const int v : x) value = 2 * value + v;
  return value > 41;
});

// 8x0 + 3x1 + x2 + x3 + 3x4 + 5x5 > 20: the table that took the most pivots (64) among 3 million
// random threshold functions of 6 inputs (docs/separability.md), still within clang++'s default budget.
constexpr auto most_pivots = table_of<6>(
    [](const std::array<int, 6>& x) { return 8 * x[0] + 3 * x[1] + x[2] + x[3] + 3 * x[4] + 5 * x[5] > 20; });

// The answers that the static_asserts and CTNN_VERIFY below read.
constexpr auto and_answer = ctnn::single_neuron_can_realise(and_table);
constexpr auto or_answer = ctnn::single_neuron_can_realise(or_table);

// The neuron of an answer as a network: one dense layer of N inputs and one output, ctnn::step.
template <std::size_t N>
constexpr auto step_neuron(const ctnn::separability<N>& answer) {
  return ctnn::network(ctnn::dense<N, 1>(std::array<std::array<long long, N>, 1>{answer.weights},
                                         std::array{answer.bias}, ctnn::step));
}

// The step networks built from the returned weights compute AND and OR exactly.
constexpr auto and_net = step_neuron(and_answer);
constexpr auto or_net = step_neuron(or_answer);
CTNN_VERIFY(and_net, ctnn::table({0, 0, 0, 1}), ctnn::exact);
CTNN_VERIFY(or_net, ctnn::table({0, 1, 1, 1}), ctnn::exact);

// Majority of 3 and "at least 3 of 6" alike.
constexpr auto majority_answer = ctnn::single_neuron_can_realise(majority3);
constexpr auto majority_net = step_neuron(majority_answer);
CTNN_VERIFY(majority_net, ctnn::table({0, 0, 0, 1, 0, 1, 1, 1}), ctnn::exact);
constexpr auto six_answer = ctnn::single_neuron_can_realise(at_least_3_of_6);
constexpr auto six_net = step_neuron(six_answer);
CTNN_VERIFY(six_net, ctnn::truth_table_of([](int a, int b, int c, int d, int e, int f) {
              return a + b + c + d + e + f >= 3 ? 1 : 0;
            }),
            ctnn::exact, ctnn::boolean_inputs<6>);

// A result is a structural type: it can be a template argument.
template <ctnn::separability<2> Answer>
constexpr bool realisable_v = Answer.realisable;

// The table as the brute force and the decision see it: row r's entry is bit r of `mask`.
template <std::size_t N>
std::array<bool, (std::size_t{1} << N)> table_of_mask(std::uint64_t mask) {
  std::array<bool, (std::size_t{1} << N)> t{};
  for (std::size_t r = 0; r < t.size(); ++r) t[r] = (mask >> r) & 1;
  return t;
}

// Every function that some neuron with integer weights in [-w_max, w_max] and any bias realises, as
// a mask of its rows (bit r: row r's output); sorted, each once. For each weight vector, the sums of
// the rows in increasing order: a bias cuts them, each cut is one function.
template <std::size_t N>
std::vector<std::uint64_t> brute_force_threshold_functions(int w_max) {
  constexpr std::size_t rows = std::size_t{1} << N;
  std::vector<std::uint64_t> found;
  std::array<int, N> w{};
  w.fill(-w_max);
  for (;;) {
    std::array<std::pair<int, std::size_t>, rows> sums{};
    for (std::size_t r = 0; r < rows; ++r) {
      int s = 0;
      for (std::size_t k = 0; k < N; ++k) s += int((r >> (N - 1 - k)) & 1) * w[k];
      sums[r] = {s, r};
    }
    std::sort(sums.begin(), sums.end());
    // A bias b gives the rows whose sum exceeds -b: none, or the rows from the highest sum down to
    // each distinct sum in turn.
    std::uint64_t above = 0;
    found.push_back(0);
    for (std::size_t i = rows; i-- > 0;) {
      above |= std::uint64_t{1} << sums[i].second;
      if (i == 0 || sums[i - 1].first != sums[i].first) found.push_back(above);
    }
    std::size_t k = 0;
    while (k < N && w[k] == w_max) w[k++] = -w_max;
    if (k == N) break;
    ++w[k];
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

// The decision at run time for the table `mask`, its answer checked by the independent checks.
// (A failed check throws: a Catch2 assertion per function would cost more than the decision.)
template <std::size_t N>
bool decided_realisable(std::uint64_t mask) {
  const auto table = table_of_mask<N>(mask);
  const auto answer = ctnn::single_neuron_can_realise(table);
  if (answer.realisable ? !ctnn::neuron_realises(table, answer.weights, answer.bias)
                        : !ctnn::certificate_refutes_neuron(table, answer.multipliers))
    throw std::logic_error("the answer for a table failed the independent check");
  return answer.realisable;
}

// All 2^(2^N) functions of N inputs: the decision agrees with the brute force over weights in
// [-w_max, w_max]; returns how many are realisable.
template <std::size_t N>
std::size_t count_all(int w_max) {
  const auto brute = brute_force_threshold_functions<N>(w_max);
  std::size_t count = 0;
  for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << (std::size_t{1} << N)); ++mask) {
    const bool realisable = decided_realisable<N>(mask);
    const bool found = std::binary_search(brute.begin(), brute.end(), mask);
    if (realisable != found)
      FAIL_CHECK("function " << mask << " of " << N << " inputs: decided " << realisable);
    count += realisable;
  }
  CHECK(count == brute.size());
  return count;
}

// Evaluates at run time: the argument goes through a volatile, so nothing is folded.
int runtime(int x) {
  volatile int copy = x;
  return copy;
}

}  // namespace

TEST_CASE("XOR and XNOR: no single neuron, with the Farkas certificate", "[separability]") {
  STATIC_REQUIRE(!ctnn::single_neuron_can_realise(xor_table));
  STATIC_REQUIRE(!ctnn::single_neuron_can_realise(xnor_table));
  // (0,1) + (1,0) = (0,0) + (1,1): one of each row
  STATIC_REQUIRE(ctnn::single_neuron_can_realise(xor_table).multipliers == std::array{1LL, 1LL, 1LL, 1LL});
  STATIC_REQUIRE(ctnn::single_neuron_can_realise(xnor_table).multipliers == std::array{1LL, 1LL, 1LL, 1LL});
  STATIC_REQUIRE(ctnn::certificate_refutes_neuron(xor_table, std::array{1LL, 1LL, 1LL, 1LL}));
  // the seed article's table: buy exactly when design and quality differ
  STATIC_REQUIRE(!ctnn::single_neuron_can_realise(ctnn::table({0, 1, 1, 0})));
  STATIC_REQUIRE(!ctnn::single_neuron_can_realise({false, true, true, false}));
  STATIC_REQUIRE(!realisable_v<ctnn::single_neuron_can_realise(xor_table)>);
  STATIC_REQUIRE(realisable_v<and_answer>);
}

TEST_CASE("AND, OR, NAND, NOR and the constants: small integer weights", "[separability]") {
  STATIC_REQUIRE(and_answer.weights == std::array{1LL, 1LL});
  STATIC_REQUIRE(and_answer.bias == -1);
  STATIC_REQUIRE(or_answer.weights == std::array{1LL, 1LL});
  STATIC_REQUIRE(or_answer.bias == 0);  // step(0) == 0: (0,0) gives 0
  STATIC_REQUIRE(ctnn::neuron_realises(and_table, and_answer.weights, and_answer.bias));
  STATIC_REQUIRE(ctnn::single_neuron_can_realise({1, 1, 1, 0}));  // NAND
  STATIC_REQUIRE(ctnn::single_neuron_can_realise({1, 0, 0, 0}));  // NOR
  STATIC_REQUIRE(ctnn::single_neuron_can_realise(ctnn::table({1, 1, 1, 0})).weights ==
                 std::array{-1LL, -1LL});
  STATIC_REQUIRE(ctnn::single_neuron_can_realise(ctnn::table({1, 0, 0, 0})).bias == 1);
  // one input: the four functions
  STATIC_REQUIRE(ctnn::single_neuron_can_realise({0, 1}).weights == std::array{1LL});
  STATIC_REQUIRE(ctnn::single_neuron_can_realise({1, 0}).weights == std::array{-1LL});
  // constants: no weight, bias 0 (step(0) == 0) or 1
  constexpr auto zero = ctnn::single_neuron_can_realise({0, 0, 0, 0});
  constexpr auto one = ctnn::single_neuron_can_realise({true, true, true, true});
  STATIC_REQUIRE(zero && zero.weights == std::array{0LL, 0LL} && zero.bias == 0);
  STATIC_REQUIRE(one && one.weights == std::array{0LL, 0LL} && one.bias == 1);
  // the answer's shape
  STATIC_REQUIRE(decltype(and_answer)::input_count == 2 && decltype(and_answer)::row_count == 4);
  STATIC_REQUIRE(and_answer.multipliers == std::array{0LL, 0LL, 0LL, 0LL});
  STATIC_REQUIRE(ctnn::single_neuron_can_realise(xor_table).weights == std::array{0LL, 0LL});
}

TEST_CASE("three and six inputs", "[separability]") {
  STATIC_REQUIRE(majority_answer);
  STATIC_REQUIRE(majority_answer.weights == std::array{1LL, 1LL, 1LL});
  STATIC_REQUIRE(majority_answer.bias == -1);
  STATIC_REQUIRE(!ctnn::single_neuron_can_realise({0, 1, 1, 0, 1, 0, 0, 1}));  // parity of 3
  STATIC_REQUIRE(six_answer);
  STATIC_REQUIRE(six_answer.weights == std::array{1LL, 1LL, 1LL, 1LL, 1LL, 1LL});
  STATIC_REQUIRE(six_answer.bias == -2);
  STATIC_REQUIRE(!ctnn::single_neuron_can_realise(parity6));
  STATIC_REQUIRE(
      ctnn::certificate_refutes_neuron(parity6, ctnn::single_neuron_can_realise(parity6).multipliers));
  constexpr auto binary = ctnn::single_neuron_can_realise(above_41);
  STATIC_REQUIRE(binary);
  STATIC_REQUIRE(ctnn::neuron_realises(above_41, binary.weights, binary.bias));
  STATIC_REQUIRE(ctnn::single_neuron_can_realise(most_pivots));
}

TEST_CASE("the independent checks refuse wrong answers", "[separability]") {
  // weights that fail a row
  STATIC_REQUIRE(!ctnn::neuron_realises(xor_table, std::array{1LL, 1LL}, 0));
  STATIC_REQUIRE(!ctnn::neuron_realises(and_table, std::array{1LL, 1LL}, 0));  // that is OR
  STATIC_REQUIRE(!ctnn::neuron_realises(or_table, std::array{1LL, 1LL}, 1));   // (0,0) gives 1
  STATIC_REQUIRE(ctnn::neuron_realises(or_table, std::array{2LL, 2LL}, -1));
  // certificates that are not: AND is realisable, so no certificate can hold for it
  STATIC_REQUIRE(!ctnn::certificate_refutes_neuron(and_table, std::array{1LL, 1LL, 1LL, 1LL}));
  STATIC_REQUIRE(!ctnn::certificate_refutes_neuron(xor_table, std::array{0LL, 0LL, 0LL, 0LL}));  // empty
  STATIC_REQUIRE(
      !ctnn::certificate_refutes_neuron(xor_table, std::array{1LL, 1LL, 1LL, 2LL}));  // sums differ
  STATIC_REQUIRE(
      !ctnn::certificate_refutes_neuron(xor_table, std::array{2LL, 0LL, 2LL, 0LL}));  // inputs differ
  STATIC_REQUIRE(!ctnn::certificate_refutes_neuron(xor_table, std::array{-1LL, 0LL, 0LL, -1LL}));  // negative
  STATIC_REQUIRE(ctnn::certificate_refutes_neuron(xor_table, std::array{3LL, 3LL, 3LL, 3LL}));
  // the table forms alike
  STATIC_REQUIRE(ctnn::certificate_refutes_neuron(ctnn::table({0, 1, 1, 0}), std::array{1LL, 1LL, 1LL, 1LL}));
  STATIC_REQUIRE(ctnn::neuron_realises(std::array{false, false, false, true}, std::array{1LL, 1LL}, -1));
}

TEST_CASE("at run time: the same answers, and an entry other than 0 or 1 throws", "[separability]") {
  const std::array table{runtime(0), runtime(1), runtime(1), runtime(0)};
  const auto answer = ctnn::single_neuron_can_realise(table);
  CHECK(!answer);
  CHECK(answer.multipliers == std::array{1LL, 1LL, 1LL, 1LL});
  const std::array bad{runtime(0), runtime(2), runtime(1), runtime(0)};
  CHECK_THROWS_AS(ctnn::single_neuron_can_realise(bad), ctnn::separability_error);
  CHECK_THROWS_AS(ctnn::neuron_realises(bad, std::array{1LL, 1LL}, 0), ctnn::separability_error);
}

TEST_CASE("every function of 1, 2 and 3 inputs against brute force over weights and bias in [-3, 3]",
          "[separability]") {
  // Bias in [-3, 3] as well: for these n, every threshold function has such a neuron. (The brute
  // force of count_all takes every bias; this one the narrower range, as a second opinion.)
  const auto narrow = [](auto n_constant) {
    constexpr std::size_t n = decltype(n_constant)::value;
    std::vector<std::uint64_t> found;
    std::array<int, n + 1> w{};  // the weights, then the bias
    w.fill(-3);
    for (;;) {
      std::uint64_t mask = 0;
      for (std::size_t r = 0; r < (std::size_t{1} << n); ++r) {
        int s = w[n];
        for (std::size_t k = 0; k < n; ++k) s += int((r >> (n - 1 - k)) & 1) * w[k];
        if (s > 0) mask |= std::uint64_t{1} << r;
      }
      found.push_back(mask);
      std::size_t k = 0;
      while (k <= n && w[k] == 3) w[k++] = -3;
      if (k > n) break;
      ++w[k];
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
  };
  CHECK(narrow(std::integral_constant<std::size_t, 1>{}).size() == 4);
  CHECK(narrow(std::integral_constant<std::size_t, 2>{}).size() == 14);
  CHECK(narrow(std::integral_constant<std::size_t, 3>{}).size() == 104);
  CHECK(narrow(std::integral_constant<std::size_t, 3>{}) == brute_force_threshold_functions<3>(3));
  CHECK(count_all<1>(3) == 4);
  CHECK(count_all<2>(3) == 14);
  CHECK(count_all<3>(3) == 104);
}

TEST_CASE("every function of 4 inputs: 1882 threshold functions", "[separability]") {
  CHECK(count_all<4>(3) == 1882);
}

TEST_CASE("5 inputs: all 94572 threshold functions, and a sample of the others", "[separability]") {
  // Weights in [-5, 5] give every threshold function of 5 inputs: the count is A000609's.
  const auto brute = brute_force_threshold_functions<5>(5);
  REQUIRE(brute.size() == 94572);
  for (const std::uint64_t mask : brute)
    if (!decided_realisable<5>(mask)) FAIL_CHECK("threshold function " << mask << " decided not realisable");
  // One threshold function in four with one row flipped (at random), and random tables: realisable
  // exactly when the brute force has them.
  std::mt19937_64 random(20240610);
  std::size_t mismatches = 0, realisable = 0;
  const std::size_t flipped = brute.size() / 4;
  for (std::size_t i = 0; i < flipped + 10000; ++i) {
    const std::uint64_t mask =
        i < flipped ? brute[4 * i] ^ (std::uint64_t{1} << (random() % 32)) : random() & 0xffffffffu;
    const bool decided = decided_realisable<5>(mask);
    realisable += decided;
    mismatches += decided != std::binary_search(brute.begin(), brute.end(), mask);
  }
  CHECK(mismatches == 0);
  CHECK(realisable > 0);
}
