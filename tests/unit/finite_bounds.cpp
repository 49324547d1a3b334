// Finite domains through bounds (verify/cubes.hpp): a ctnn::everywhere specification with
// ctnn::above or ctnn::argmax is verified by bounding sub-cubes of the domain first and evaluating
// only the rows the bounds leave open. Checked against the plain row-by-row sweep, which evaluates
// every row: the same verdict, the same first failing (or overflowing) row and outputs, on random
// networks, thresholds and domains, at compile time and at run time.
#include <array>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <ctnn/ctnn.hpp>
#include <random>

#include "../bit_equality/random_layers.hpp"

namespace {

using bit_matrix::random_layer;

// 2^32 rows: too many to enumerate, decided by 325 boxes (docs/proofs.md has the figures).
constexpr auto wide = ctnn::network(random_layer<double, 32, 16>(5, ctnn::relu),
                                    random_layer<double, 16, 1>(6, ctnn::identity));
CTNN_VERIFY(wide, ctnn::everywhere(true), ctnn::above(-16.0), ctnn::boolean_inputs<32>);

constexpr auto small =
    ctnn::network(random_layer<double, 12, 8>(7, ctnn::relu), random_layer<double, 8, 1>(8, ctnn::identity));
constexpr auto every_row = ctnn::truth_table_of([](auto...) { return true; });

// The plain sweep, for comparison: the same expectation, through a reference function.
template <class Net, class Rule, class Dom, class E>
constexpr auto plain(const Net& net, const Rule& rule, const Dom& dom, E expected) {
  return ctnn::verify(net, ctnn::truth_table_of([expected](auto...) { return expected; }), rule, dom);
}

// What the random cases reached: passes, failures, and passes where bounds decided some sub-cubes
// and rows were evaluated in others.
struct reached {
  int passed = 0, failed = 0, mixed = 0;
};

template <class A, class B>
void require_same(const A& cubes, const B& rows, reached* seen = nullptr) {
  if (seen) {
    seen->passed += cubes.passed;
    seen->failed += !cubes.passed;
    seen->mixed += cubes.passed && cubes.boxes_bounded > 1 && cubes.rows_evaluated > 0 &&
                   cubes.rows_evaluated < cubes.rows_checked;
  }
  REQUIRE(cubes.passed == rows.passed);
  REQUIRE(cubes.overflow == rows.overflow);
  if (!rows.passed) {
    REQUIRE(cubes.row == rows.row);
    REQUIRE(cubes.inputs == rows.inputs);
    REQUIRE(cubes.actual == rows.actual);
    REQUIRE(cubes.overflow_layer == rows.overflow_layer);
    REQUIRE(cubes.overflow_unit == rows.overflow_unit);
  }
  REQUIRE(cubes.rows_checked == rows.rows_checked);
  REQUIRE(cubes.rows_evaluated <= rows.rows_evaluated);
}

}  // namespace

TEST_CASE("everywhere(e) is a specification like the others") {
  constexpr auto spec = ctnn::everywhere(true, false);
  STATIC_REQUIRE(spec.constant_values() == std::array{true, false});
  STATIC_REQUIRE(spec.expected(3, std::array{0, 1}) == std::array{true, false});
  // With a rule that bounds do not decide, the plain sweep.
  constexpr auto identity = ctnn::network(ctnn::dense<1, 1>({{1}}, {0}));
  constexpr auto r = ctnn::verify(identity, ctnn::everywhere(1), ctnn::exact, ctnn::make_domain({1}));
  STATIC_REQUIRE(r.passed);
  STATIC_REQUIRE(r.boxes_bounded == 0);
  STATIC_REQUIRE(!ctnn::verify(identity, ctnn::everywhere(1), ctnn::exact, ctnn::make_domain({1, 2})));
}

TEST_CASE("bounds decide sub-cubes, at compile time as the plain sweep") {
  using ctnn::above;
  constexpr auto dom = ctnn::boolean_inputs<12>;
  // Thresholds from far below the outputs (one box) to above some of them (a failing row).
  constexpr auto low = ctnn::verify(small, ctnn::everywhere(true), above(-20.0), dom);
  STATIC_REQUIRE(low.passed);
  STATIC_REQUIRE(low.boxes_bounded == 1);
  STATIC_REQUIRE(low.rows_evaluated == 0);
  constexpr auto high = ctnn::verify(small, ctnn::everywhere(true), above(0.0), dom);
  constexpr auto high_rows = ctnn::verify(small, every_row, above(0.0), dom);
  STATIC_REQUIRE(!high.passed);
  STATIC_REQUIRE(high.row == high_rows.row);
  STATIC_REQUIRE(high.actual == high_rows.actual);
  // "Not above": the decision false everywhere.
  constexpr auto below = ctnn::verify(small, ctnn::everywhere(false), above(20.0), dom);
  STATIC_REQUIRE(below.passed);
  STATIC_REQUIRE(below.rows_evaluated < dom.size());
}

TEST_CASE("the search over 2^32 rows at run time") {
  const auto r =
      ctnn::verify_at_run_time(wide, ctnn::everywhere(true), ctnn::above(-15.0), ctnn::boolean_inputs<32>);
  REQUIRE(r.passed);
  REQUIRE(r.rows_checked == std::size_t{1} << 32);
  REQUIRE(r.boxes_bounded == 1133);
  REQUIRE(r.rows_evaluated == 0);
  const auto too_high =
      ctnn::verify_at_run_time(wide, ctnn::everywhere(true), ctnn::above(100.0), ctnn::boolean_inputs<32>);
  REQUIRE(!too_high.passed);
  REQUIRE(too_high.row == 0);
  REQUIRE(too_high.actual == wide(std::array<double, 32>{}));
}

TEST_CASE("random networks, thresholds and domains: the plain sweep's verdict and row") {
  std::mt19937_64 g(20261203);
  std::uniform_real_distribution<double> weight(-1, 1);
  constexpr auto domains = std::array{0, 1, 2};
  reached seen{};
  for (int trial = 0; trial < 150; ++trial) {
    auto net = ctnn::network(ctnn::dense_layer<10, 8, double, ctnn::relu_t>{},
                             ctnn::dense_layer<8, 2, double, ctnn::identity_t>{});
    auto& l0 = boost::hana::at_c<0>(net.layers);
    auto& l1 = boost::hana::at_c<1>(net.layers);
    for (auto& row : l0.weights)
      for (auto& w : row) w = weight(g);
    for (auto& b : l0.biases) b = weight(g);
    for (auto& row : l1.weights)
      for (auto& w : row) w = weight(g);
    for (auto& b : l1.biases) b = weight(g) + (trial % 3 == 0 ? 4.0 : 0.0);  // class 0 often everywhere
    // Thresholds from the outputs themselves: quantiles of output 0 over the domain's rows.
    constexpr auto rows = ctnn::make_domain({0, 1}, {1, 0}, {0, 1, 2}, {2, -1}, {0, 1}, {0, 1}, {1, 0, 3},
                                            {0, 1}, {0, 1}, {0, 1});
    const auto boolean = ctnn::boolean_inputs<10>;
    for (const int d : domains) {
      const auto check = [&](const auto& dom) {
        double lo = 1e300, hi = -1e300;
        for (std::size_t r = 0; r < dom.size(); ++r) {
          std::array<double, 10> x{};
          for (std::size_t i = 0; i < 10; ++i) x[i] = dom.row(r)[i];
          const double y = net(x)[0];
          lo = y < lo ? y : lo;
          hi = hi < y ? y : hi;
        }
        for (const double q : {-0.5, 0.0, 0.02, 0.3, 1.0}) {
          const double t = lo + q * (hi - lo) - (q == 0.0 ? 1e-9 : 0.0);
          require_same(ctnn::verify(net, ctnn::everywhere(true, false), ctnn::above(t), dom),
                       plain(net, ctnn::above(t), dom, std::array{true, false}), &seen);
          require_same(ctnn::verify(net, ctnn::everywhere(true, true), ctnn::above(t), dom),
                       plain(net, ctnn::above(t), dom, std::array{true, true}), &seen);
        }
        require_same(ctnn::verify(net, ctnn::everywhere(0), ctnn::argmax, dom),
                     plain(net, ctnn::argmax, dom, 0), &seen);
        require_same(ctnn::verify(net, ctnn::everywhere(1), ctnn::argmax, dom),
                     plain(net, ctnn::argmax, dom, 1), &seen);
      };
      if (d == 0) check(boolean);
      if (d == 1) check(rows);
      if (d == 2) check(ctnn::uniform_domain<10>({1, 0}));
    }
  }
  INFO(seen.passed << " passed, " << seen.failed << " failed, " << seen.mixed << " mixed");
  REQUIRE(seen.passed > 100);
  REQUIRE(seen.failed > 100);
  REQUIRE(seen.mixed > 20);
}

TEST_CASE("signed integers: the first overflowing row, as the plain sweep") {
  std::mt19937_64 g(7);
  std::uniform_int_distribution<int> weight(-9, 9);
  int overflowed = 0, failed = 0;
  for (int trial = 0; trial < 200; ++trial) {
    auto net = ctnn::network(ctnn::dense_layer<8, 6, int, ctnn::relu_t>{},
                             ctnn::dense_layer<6, 1, int, ctnn::identity_t>{});
    auto& l0 = boost::hana::at_c<0>(net.layers);
    auto& l1 = boost::hana::at_c<1>(net.layers);
    // Large weights on some trials: partial sums leave int on some rows.
    const int scale = trial % 4 == 0 ? 100'000'000 : 1;
    for (auto& row : l0.weights)
      for (auto& w : row) w = weight(g) * scale;
    for (auto& b : l0.biases) b = weight(g);
    for (auto& row : l1.weights)
      for (auto& w : row) w = weight(g);
    l1.biases[0] = weight(g) * 10;
    constexpr auto dom = ctnn::uniform_domain<8>({0, 1, 2});
    for (const int t : {-200, -50, -10, 0, 10}) {
      const auto cubes = ctnn::verify(net, ctnn::everywhere(true), ctnn::above(t), dom);
      require_same(cubes, plain(net, ctnn::above(t), dom, true));
      overflowed += cubes.overflow;
      failed += !cubes.passed;
    }
  }
  REQUIRE(overflowed > 0);  // the cases above reach both outcomes
  REQUIRE(failed > overflowed);
}
