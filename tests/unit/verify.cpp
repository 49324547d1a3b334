// ctnn::verify as a constexpr predicate: every rule (exact, above, argmax, within) passing and
// failing, table literals and reference functions, default and explicit domains, the fields of the
// first failing row, and CTNN_VERIFY at namespace and block scope.
#include <array>
#include <catch2/catch.hpp>
#include <cstddef>
#include <ctnn/verify.hpp>
#include <type_traits>

namespace {

constexpr auto seed = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                    ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

// The seed network with one wrong weight: the first hidden bias is -4 instead of -5, so row 1 = (0, 1)
// gives 0 (hidden unit 1 fires with 1) where 10 is expected.
constexpr auto seed_wrong = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-4, 5}, ctnn::relu),
                                          ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

// Outputs (b, a): the inputs swapped.
constexpr auto swap = ctnn::network(ctnn::dense<2, 2>({{0, 1}, {1, 0}}, {0, 0}));

// Three scores; the largest one is the number of inputs that are 1:
// (0,0) -> (1, 0, -3), (0,1) and (1,0) -> (-1, 0, -1), (1,1) -> (-3, 0, 1).
constexpr auto counter = ctnn::network(ctnn::dense<2, 3>({{-2, -2}, {0, 0}, {2, 2}}, {1, 0, -3}));

// sigmoid(a + b): 0.5, sigmoid(1) = 0.7310585786..., sigmoid(2) = 0.8807970779...
constexpr auto soft = ctnn::network(ctnn::dense<2, 1, double>({{1, 1}}, {0}, ctnn::sigmoid));

constexpr auto differ = [](int a, int b) { return a != b; };

// Passing specifications at namespace scope.
CTNN_VERIFY(seed, ctnn::table({0, 10, 10, 0}), ctnn::exact);
CTNN_VERIFY(seed, ctnn::truth_table_of(differ), ctnn::above(0));
CTNN_VERIFY(seed, ctnn::truth_table_of([](int a, int b) { return a + b == 1 ? 10 : 0; }), ctnn::exact,
            ctnn::uniform_domain<2>({0, 1, 2}));
CTNN_VERIFY(counter, ctnn::table({0, 1, 1, 2}), ctnn::argmax);
CTNN_VERIFY(soft, ctnn::table({0.5, 0.731, 0.731, 0.881}), ctnn::within(0.001));
CTNN_VERIFY(swap, ctnn::table({{0, 0}, {1, 0}, {0, 1}, {1, 1}}), ctnn::exact);

}  // namespace

TEST_CASE("exact: passing and failing, with a single-output table", "[verify]") {
  constexpr auto ok = ctnn::verify(seed, ctnn::table({0, 10, 10, 0}), ctnn::exact);
  STATIC_REQUIRE(ok.passed);
  STATIC_REQUIRE(static_cast<bool>(ok));
  STATIC_REQUIRE(ok.rows_checked == 4);

  // several rows are wrong: the first one is reported, and checking stops there
  constexpr auto bad = ctnn::verify(seed, ctnn::table({0, 9, 9, 0}), ctnn::exact);
  STATIC_REQUIRE(!bad);
  STATIC_REQUIRE(!bad.passed);
  STATIC_REQUIRE(bad.row == 1);
  STATIC_REQUIRE(bad.rows_checked == 2);
  STATIC_REQUIRE(bad.inputs == std::array{0, 1});
  STATIC_REQUIRE(bad.expected == std::array{9});
  STATIC_REQUIRE(bad.actual == std::array{10});

  constexpr auto last = ctnn::verify(seed, ctnn::table({0, 10, 10, 1}), ctnn::exact);
  STATIC_REQUIRE(!last);
  STATIC_REQUIRE(last.row == 3);
  STATIC_REQUIRE(last.rows_checked == 4);
  STATIC_REQUIRE(last.inputs == std::array{1, 1});
  STATIC_REQUIRE(last.expected == std::array{1});
  STATIC_REQUIRE(last.actual == std::array{0});

  // rows 2 and 3 are wrong: row 2 is reported, whatever order the rows are evaluated in
  constexpr auto two = ctnn::verify(seed, ctnn::table({0, 10, 9, 9}), ctnn::exact);
  STATIC_REQUIRE(two.row == 2);
  STATIC_REQUIRE(two.rows_checked == 3);
  STATIC_REQUIRE(two.inputs == std::array{1, 0});
  STATIC_REQUIRE(two.actual == std::array{10});

  constexpr auto first = ctnn::verify(seed, ctnn::table({5, 10, 10, 0}), ctnn::exact);
  STATIC_REQUIRE(first.row == 0);
  STATIC_REQUIRE(first.rows_checked == 1);

  // a bool reference is compared as 0/1 by exact: true != 10
  constexpr auto as_bool = ctnn::verify(seed, ctnn::truth_table_of(differ), ctnn::exact);
  STATIC_REQUIRE(!as_bool);
  STATIC_REQUIRE(as_bool.row == 1);
  STATIC_REQUIRE(std::is_same_v<decltype(as_bool.expected), std::array<bool, 1>>);
  STATIC_REQUIRE(as_bool.expected == std::array{true});
}

TEST_CASE("a wrong weight makes verify fail on the right row", "[verify]") {
  static_assert(!ctnn::verify(seed_wrong, ctnn::table({0, 10, 10, 0}), ctnn::exact));
  STATIC_REQUIRE(!ctnn::verify(seed_wrong, ctnn::truth_table_of(differ), ctnn::above(0)));
  constexpr auto v = ctnn::verify(seed_wrong, ctnn::table({0, 10, 10, 0}), ctnn::exact);
  STATIC_REQUIRE(v.row == 1);
  STATIC_REQUIRE(v.inputs == std::array{0, 1});
  STATIC_REQUIRE(v.expected == std::array{10});
  STATIC_REQUIRE(v.actual == std::array{0});
  STATIC_REQUIRE(v.rows_checked == 2);
}

TEST_CASE("above(t): the output is above t exactly when the expected value is true", "[verify]") {
  constexpr auto ok = ctnn::verify(seed, ctnn::truth_table_of(differ), ctnn::above(0));
  STATIC_REQUIRE(ok);
  STATIC_REQUIRE(ok.rows_checked == 4);
  STATIC_REQUIRE(ok.rule.threshold == 0);
  STATIC_REQUIRE(ctnn::verify(seed, ctnn::truth_table_of(differ), ctnn::above(9)));
  // 0/1 table literal
  STATIC_REQUIRE(ctnn::verify(seed, ctnn::table({0, 1, 1, 0}), ctnn::above(5)));
  // non-zero means true
  STATIC_REQUIRE(ctnn::verify(seed, ctnn::table({0, 7, -3, 0}), ctnn::above(5)));

  // output 10 is not above 10: row 1 fails
  constexpr auto high = ctnn::verify(seed, ctnn::truth_table_of(differ), ctnn::above(10));
  STATIC_REQUIRE(!high);
  STATIC_REQUIRE(high.row == 1);
  STATIC_REQUIRE(high.rows_checked == 2);
  STATIC_REQUIRE(high.inputs == std::array{0, 1});
  STATIC_REQUIRE(high.expected == std::array{true});
  STATIC_REQUIRE(high.actual == std::array{10});
  STATIC_REQUIRE(high.rule.threshold == 10);

  // output 0 is above -1: row 0 fails (false expected)
  constexpr auto low = ctnn::verify(seed, ctnn::truth_table_of(differ), ctnn::above(-1));
  STATIC_REQUIRE(!low);
  STATIC_REQUIRE(low.row == 0);
  STATIC_REQUIRE(low.rows_checked == 1);
  STATIC_REQUIRE(low.expected == std::array{false});
  STATIC_REQUIRE(low.actual == std::array{0});

  // the reverse decision fails at row 0 too
  STATIC_REQUIRE(ctnn::verify(seed, ctnn::table({1, 0, 0, 1}), ctnn::above(0)).row == 0);

  // double outputs and a double threshold
  STATIC_REQUIRE(
      ctnn::verify(soft, ctnn::truth_table_of([](int a, int b) { return a + b == 2; }), ctnn::above(0.8)));
  constexpr auto soft_bad =
      ctnn::verify(soft, ctnn::truth_table_of([](int a, int b) { return a + b == 2; }), ctnn::above(0.7));
  STATIC_REQUIRE(soft_bad.row == 1);
  STATIC_REQUIRE(soft_bad.actual[0] == ctnn::math::sigmoid(1.0));
}

TEST_CASE("argmax: the index of the largest output is the expected class", "[verify]") {
  constexpr auto ok = ctnn::verify(counter, ctnn::table({0, 1, 1, 2}), ctnn::argmax);
  STATIC_REQUIRE(ok);
  STATIC_REQUIRE(ok.rows_checked == 4);
  STATIC_REQUIRE(
      ctnn::verify(counter, ctnn::truth_table_of([](int a, int b) { return a + b; }), ctnn::argmax));

  constexpr auto bad = ctnn::verify(counter, ctnn::table({0, 1, 2, 2}), ctnn::argmax);
  STATIC_REQUIRE(!bad);
  STATIC_REQUIRE(bad.row == 2);
  STATIC_REQUIRE(bad.rows_checked == 3);
  STATIC_REQUIRE(bad.inputs == std::array{1, 0});
  STATIC_REQUIRE(bad.expected == std::array{2});
  STATIC_REQUIRE(bad.actual == std::array{-1, 0, -1});
  STATIC_REQUIRE(ctnn::argmax_t::decision(bad.actual) == 1);

  // ties go to the first largest output
  constexpr auto tie = ctnn::network(ctnn::dense<2, 3>({{0, 0}, {1, 1}, {1, 1}}, {1, 1, 1}));
  STATIC_REQUIRE(ctnn::verify(tie, ctnn::table({0, 1, 1, 1}), ctnn::argmax));
  STATIC_REQUIRE(ctnn::verify(tie, ctnn::table({0, 1, 2, 1}), ctnn::argmax).row == 2);
  STATIC_REQUIRE(ctnn::argmax_t::decision(std::array{3, 7, 7, 1}) == 1);
  STATIC_REQUIRE(ctnn::argmax_t::decision(std::array{2.5, -1.0}) == 0);
}

TEST_CASE("within(tol): every output within tol of its expected value", "[verify]") {
  constexpr auto ok = ctnn::verify(soft, ctnn::table({0.5, 0.731, 0.731, 0.881}), ctnn::within(0.001));
  STATIC_REQUIRE(ok);
  STATIC_REQUIRE(ok.rows_checked == 4);

  // |sigmoid(1) - 0.731| = 5.9e-5: row 0 is exact, row 1 fails
  constexpr auto tight = ctnn::verify(soft, ctnn::table({0.5, 0.731, 0.731, 0.881}), ctnn::within(1e-5));
  STATIC_REQUIRE(!tight);
  STATIC_REQUIRE(tight.row == 1);
  STATIC_REQUIRE(tight.rows_checked == 2);
  STATIC_REQUIRE(tight.inputs == std::array{0, 1});
  STATIC_REQUIRE(tight.expected == std::array{0.731});
  STATIC_REQUIRE(tight.actual == std::array{ctnn::math::sigmoid(1.0)});
  STATIC_REQUIRE(tight.rule.tolerance == 1e-5);

  // the bound is inclusive, in both directions
  STATIC_REQUIRE(ctnn::verify(seed, ctnn::table({1, 9, 11, -1}), ctnn::within(1)));
  constexpr auto two_off = ctnn::verify(seed, ctnn::table({1, 9, 12, -1}), ctnn::within(1));
  STATIC_REQUIRE(!two_off);
  STATIC_REQUIRE(two_off.row == 2);
  STATIC_REQUIRE(two_off.expected == std::array{12});
  // within(0) is exact
  STATIC_REQUIRE(ctnn::verify(seed, ctnn::table({0, 10, 10, 0}), ctnn::within(0)));
  STATIC_REQUIRE(!ctnn::verify(seed, ctnn::table({0, 10, 10, 1}), ctnn::within(0)));
}

TEST_CASE("multi-output specifications", "[verify]") {
  SECTION("table literal, one brace list per row") {
    constexpr auto ok = ctnn::verify(swap, ctnn::table({{0, 0}, {1, 0}, {0, 1}, {1, 1}}), ctnn::exact);
    STATIC_REQUIRE(ok);
    constexpr auto bad = ctnn::verify(swap, ctnn::table({{0, 0}, {1, 0}, {0, 1}, {1, 0}}), ctnn::exact);
    STATIC_REQUIRE(!bad);
    STATIC_REQUIRE(bad.row == 3);
    STATIC_REQUIRE(bad.inputs == std::array{1, 1});
    STATIC_REQUIRE(bad.expected == std::array{1, 0});
    STATIC_REQUIRE(bad.actual == std::array{1, 1});
    // the second output alone is wrong on row 1: (0, 1) gives (1, 0)
    STATIC_REQUIRE(ctnn::verify(swap, ctnn::table({{0, 0}, {1, 1}, {0, 1}, {1, 1}}), ctnn::exact).row == 1);
  }
  SECTION("reference function returning std::array") {
    constexpr auto swapped = [](int a, int b) { return std::array{b, a}; };
    constexpr auto unswapped = [](int a, int b) { return std::array{a, b}; };
    constexpr auto ones = [](int a, int b) { return std::array{b == 1, a == 1}; };
    STATIC_REQUIRE(ctnn::verify(swap, ctnn::truth_table_of(swapped), ctnn::exact));
    constexpr auto bad = ctnn::verify(swap, ctnn::truth_table_of(unswapped), ctnn::exact);
    STATIC_REQUIRE(bad.row == 1);
    STATIC_REQUIRE(bad.expected == std::array{0, 1});
    STATIC_REQUIRE(bad.actual == std::array{1, 0});
    // above and within apply to every output
    STATIC_REQUIRE(ctnn::verify(swap, ctnn::truth_table_of(ones), ctnn::above(0)));
    STATIC_REQUIRE(ctnn::verify(swap, ctnn::table({{1, 1}, {2, 0}, {1, 0}, {0, 2}}), ctnn::within(1)));
    STATIC_REQUIRE(ctnn::verify(swap, ctnn::table({{1, 1}, {2, 0}, {1, 0}, {0, 3}}), ctnn::within(1)).row ==
                   3);
  }
  SECTION("a classifier with argmax over three outputs, reference returning int") {
    CTNN_VERIFY(counter, ctnn::truth_table_of([](int a, int b) { return a + b; }), ctnn::argmax);
    constexpr auto bad =
        ctnn::verify(counter, ctnn::truth_table_of([](int a, int) { return 2 * a; }), ctnn::argmax);
    STATIC_REQUIRE(bad.row == 1);  // (0, 1): class 1, not 0
    STATIC_REQUIRE(bad.expected == std::array{0});
    STATIC_REQUIRE(bad.actual == std::array{-1, 0, -1});
  }
}

TEST_CASE("reference functions returning bool, int or std::array", "[verify]") {
  STATIC_REQUIRE(ctnn::verify(seed, ctnn::truth_table_of(differ), ctnn::above(0)));
  STATIC_REQUIRE(
      ctnn::verify(seed, ctnn::truth_table_of([](int a, int b) { return a != b ? 10 : 0; }), ctnn::exact));
  STATIC_REQUIRE(ctnn::verify(
      seed, ctnn::truth_table_of([](int a, int b) { return std::array{(a ^ b) * 10}; }), ctnn::exact));
  constexpr auto bad =
      ctnn::verify(seed, ctnn::truth_table_of([](int a, int b) { return a == b ? 10 : 0; }), ctnn::exact);
  STATIC_REQUIRE(bad.row == 0);
  STATIC_REQUIRE(bad.expected == std::array{10});
  STATIC_REQUIRE(bad.actual == std::array{0});
}

TEST_CASE("explicit domains", "[verify]") {
  constexpr auto d3 = ctnn::uniform_domain<2>({0, 1, 2});
  SECTION("reference function over {0,1,2}^2") {
    constexpr auto ok = ctnn::verify(
        seed, ctnn::truth_table_of([](int a, int b) { return a + b == 1 ? 10 : 0; }), ctnn::exact, d3);
    STATIC_REQUIRE(ok);
    STATIC_REQUIRE(ok.rows_checked == 9);
    // "a != b" is not what the network does beyond {0,1}: row 2 = (0, 2) gives 0
    constexpr auto bad = ctnn::verify(seed, ctnn::truth_table_of(differ), ctnn::above(0), d3);
    STATIC_REQUIRE(!bad);
    STATIC_REQUIRE(bad.row == 2);
    STATIC_REQUIRE(bad.rows_checked == 3);
    STATIC_REQUIRE(bad.inputs == std::array{0, 2});
    STATIC_REQUIRE(bad.expected == std::array{true});
    STATIC_REQUIRE(bad.actual == std::array{0});
  }
  SECTION("table literal over {0,1,2}^2, in the domain's row order") {
    STATIC_REQUIRE(ctnn::verify(seed, ctnn::table({0, 10, 0, 10, 0, 0, 0, 0, 0}), ctnn::exact, d3));
    constexpr auto bad = ctnn::verify(seed, ctnn::table({0, 10, 0, 10, 0, 0, 0, 0, 10}), ctnn::exact, d3);
    STATIC_REQUIRE(bad.row == 8);
    STATIC_REQUIRE(bad.inputs == std::array{2, 2});
    STATIC_REQUIRE(bad.rows_checked == 9);
    CTNN_VERIFY(seed, ctnn::table({0, 10, 0, 10, 0, 0, 0, 0, 0}), ctnn::exact, d3);
  }
  SECTION("a mixed domain with values the network converts") {
    constexpr auto d = ctnn::make_domain({-1, 2}, {0, -1, 2});
    // rows: (-1,0) (-1,-1) (-1,2) (2,0) (2,-1) (2,2); 10 when a + b == 1
    constexpr auto v = ctnn::verify(seed, ctnn::table({0, 0, 10, 0, 10, 0}), ctnn::exact, d);
    STATIC_REQUIRE(v);
    STATIC_REQUIRE(v.rows_checked == 6);
    constexpr auto bad = ctnn::verify(seed, ctnn::table({0, 0, 10, 0, 0, 0}), ctnn::exact, d);
    STATIC_REQUIRE(bad.row == 4);
    STATIC_REQUIRE(bad.inputs == std::array{2, -1});
  }
  SECTION("the default domain is {0,1}^N") {
    constexpr auto by_default = ctnn::verify(seed, ctnn::table({0, 9, 9, 0}), ctnn::exact);
    constexpr auto given =
        ctnn::verify(seed, ctnn::table({0, 9, 9, 0}), ctnn::exact, ctnn::boolean_inputs<2>);
    STATIC_REQUIRE(by_default.row == given.row);
    STATIC_REQUIRE(by_default.rows_checked == given.rows_checked);
    STATIC_REQUIRE(by_default.inputs == given.inputs);
  }
}

TEST_CASE("CTNN_VERIFY at block scope", "[verify]") {
  CTNN_VERIFY(seed, ctnn::table({0, 10, 10, 0}), ctnn::exact);
  CTNN_VERIFY(seed, ctnn::truth_table_of(differ), ctnn::above(0));
  CTNN_VERIFY(soft, ctnn::truth_table_of([](int a, int b) {
                return a + b == 0 ? 0.5 : a + b == 1 ? 0.73 : 0.88;
              }),
              ctnn::within(0.01));
  CTNN_VERIFY(swap, ctnn::truth_table_of([](int a, int b) {
                return std::array{b, a};
              }),
              ctnn::exact, ctnn::uniform_domain<2>({-3, 0, 5}));
  SUCCEED("the specifications above hold at compile time");
}

TEST_CASE("the verification result", "[verify]") {
  using result = decltype(ctnn::verify(seed, ctnn::table({0, 10, 10, 0}), ctnn::exact));
  // it converts to bool explicitly only
  STATIC_REQUIRE(std::is_constructible_v<bool, result>);
  STATIC_REQUIRE(!std::is_convertible_v<result, bool>);
  STATIC_REQUIRE(std::is_same_v<decltype(result::inputs), std::array<int, 2>>);
  STATIC_REQUIRE(std::is_same_v<decltype(result::expected), std::array<int, 1>>);
  STATIC_REQUIRE(std::is_same_v<decltype(result::actual), std::array<int, 1>>);
  STATIC_REQUIRE(std::is_same_v<decltype(result::rule), ctnn::exact_t>);

  // the same at run time as at compile time
  constexpr auto at_compile_time = ctnn::verify(counter, ctnn::table({0, 1, 2, 2}), ctnn::argmax);
  volatile int two = 2;
  const auto at_run_time = ctnn::verify(counter, ctnn::table({0, 1, int{two}, 2}), ctnn::argmax);
  CHECK_FALSE(at_run_time.passed);
  CHECK(at_run_time.row == at_compile_time.row);
  CHECK(at_run_time.rows_checked == at_compile_time.rows_checked);
  CHECK(at_run_time.inputs == at_compile_time.inputs);
  CHECK(at_run_time.expected == at_compile_time.expected);
  CHECK(at_run_time.actual == at_compile_time.actual);
}

// above(t), exact and within compare two arithmetic types as numbers, without first converting the
// threshold, expected value or tolerance to the network's scalar type (which would truncate -0.5 to 0).
TEST_CASE("above(t) compares with the threshold as given", "[verify]") {
  constexpr auto zero = ctnn::network(ctnn::dense<1, 1>({{0}}, {0}));
  const auto v = ctnn::verify(zero, ctnn::truth_table_of([](int) { return true; }), ctnn::above(-0.5));
  CHECK(v.passed);  // 0 > -0.5
  STATIC_REQUIRE(ctnn::verify(zero, ctnn::truth_table_of([](int) { return true; }), ctnn::above(-0.5)));
  STATIC_REQUIRE(!ctnn::verify(zero, ctnn::truth_table_of([](int) { return true; }), ctnn::above(0)));
  // an int output 0 is not exactly 0.5, and is within 0.5 of 0.5
  STATIC_REQUIRE(!ctnn::verify(zero, ctnn::table({0.5, 0.5}), ctnn::exact));
  STATIC_REQUIRE(ctnn::verify(zero, ctnn::table({0.5, 0.5}), ctnn::within(0.5)));
  STATIC_REQUIRE(!ctnn::verify(zero, ctnn::table({0.5, 0.5}), ctnn::within(0.25)));
  // float outputs against double thresholds: 0.1f is above 0.1
  constexpr auto tenth = ctnn::network(ctnn::dense<1, 1, float>({{0}}, {0.1f}));
  STATIC_REQUIRE(ctnn::verify(tenth, ctnn::truth_table_of([](int) { return true; }), ctnn::above(0.1)));
}

TEST_CASE("verify_at_run_time: the result of verify, computed at run time", "[verify]") {
  constexpr auto expected_bad = ctnn::verify(seed, ctnn::table({0, 9, 9, 0}), ctnn::exact);
  const auto bad = ctnn::verify_at_run_time(seed, ctnn::table({0, 9, 9, 0}), ctnn::exact);
  static_assert(std::is_same_v<decltype(bad), decltype(expected_bad)>);
  REQUIRE(!bad);
  REQUIRE(bad.row == expected_bad.row);
  REQUIRE(bad.rows_checked == 2);
  REQUIRE(bad.inputs == expected_bad.inputs);
  REQUIRE(bad.actual == std::array{10});
  const auto ok = ctnn::verify_at_run_time(seed, ctnn::truth_table_of([](int d, int q) { return d != q; }),
                                           ctnn::above(0), ctnn::boolean_inputs<2>);
  REQUIRE(ok);
  REQUIRE(ok.rows_checked == 4);
}
