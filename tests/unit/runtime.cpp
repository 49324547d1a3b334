// Run-time evaluation: ctnn::evaluate on std::array, std::span and std::vector, size errors,
// evaluate_batch, parse_value / parse_inputs, and agreement with the compile-time results.
#include <array>
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <ctnn/runtime.hpp>
#include <ctnn/truth_table.hpp>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace {

constexpr auto seed = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                    ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

// Two outputs: (a AND b, a OR b).
constexpr auto and_or = ctnn::network(ctnn::dense<2, 2>({{1, 1}, {1, 1}}, {-1, 0}, ctnn::step));

constexpr auto smooth =
    ctnn::network(ctnn::dense<3, 2, double>({{0.1, -0.7, 1.3}, {2.5, 0.01, -0.4}}, {0.2, -0.1}, ctnn::tanh),
                  ctnn::dense<2, 1, double>({{1.5, -2.25}}, {0.3}, ctnn::sigmoid));

template <class F>
std::string message_of(F f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(nothing thrown)";
}

std::uint64_t bits(double x) { return std::bit_cast<std::uint64_t>(x); }

}  // namespace

TEST_CASE("evaluate on std::array", "[runtime]") {
  STATIC_REQUIRE(ctnn::evaluate(seed, std::array{0, 1}) == std::array{10});
  STATIC_REQUIRE(std::is_same_v<decltype(ctnn::evaluate(seed, std::array{0, 1})), std::array<int, 1>>);
  CHECK(ctnn::evaluate(seed, std::array{0, 0}) == std::array{0});
  CHECK(ctnn::evaluate(seed, std::array{0, 1}) == std::array{10});
  CHECK(ctnn::evaluate(seed, std::array{1, 0}) == std::array{10});
  CHECK(ctnn::evaluate(seed, std::array{1, 1}) == std::array{0});
  CHECK(ctnn::evaluate(and_or, std::array{1, 0}) == std::array{0, 1});

  SECTION("an array of another element type is converted") {
    STATIC_REQUIRE(ctnn::evaluate(seed, std::array<long long, 2>{1, 0}) == std::array{10});
    CHECK(ctnn::evaluate(seed, std::array<short, 2>{1, 0}) == std::array{10});
    CHECK(ctnn::evaluate(seed, std::array<long long, 2>{1, 1}) == std::array{0});
    CHECK(ctnn::evaluate(seed, std::array{1.0, 0.0}) == std::array{10});
    CHECK(ctnn::evaluate(seed, std::array{0.9, 1.0}) == std::array{10});  // 0.9 converts to 0
    CHECK(ctnn::evaluate(smooth, std::array{1, 0, -1}) == smooth(std::array{1.0, 0.0, -1.0}));
    CHECK(ctnn::evaluate(smooth, std::array{0.5f, 0.25f, -2.0f}) == smooth(std::array{0.5, 0.25, -2.0}));
  }
}

TEST_CASE("evaluate on std::span and std::vector", "[runtime]") {
  const std::vector<int> v{0, 1};
  CHECK(ctnn::evaluate(seed, v) == std::array{10});
  CHECK(ctnn::evaluate(seed, std::vector{1, 1}) == std::array{0});
  const int raw[] = {1, 0, 1, 1};
  CHECK(ctnn::evaluate(seed, std::span<const int>(raw, 2)) == std::array{10});
  CHECK(ctnn::evaluate(seed, std::span<const int>(raw + 2, 2)) == std::array{0});
  CHECK(ctnn::evaluate(seed, std::span<const int, 2>(raw + 1, 2)) == std::array{10});  // (0, 1), fixed extent
  const std::vector<double> d{0.5, 0.25, -2.0};
  CHECK(ctnn::evaluate(smooth, d) == smooth(std::array{0.5, 0.25, -2.0}));
  // a span is usable in constant expressions too
  STATIC_REQUIRE([] {
    const int x[] = {1, 0};
    return ctnn::evaluate(seed, std::span<const int>(x))[0];
  }() == 10);
}

TEST_CASE("evaluate throws ctnn::size_error on a wrong size", "[runtime]") {
  CHECK_THROWS_AS(ctnn::evaluate(seed, std::vector{1, 0, 1}), ctnn::size_error);
  CHECK_THROWS_AS(ctnn::evaluate(seed, std::vector{1, 0, 1}), std::invalid_argument);
  CHECK_THROWS_WITH(ctnn::evaluate(seed, std::vector{1, 0, 1}), "ctnn::evaluate: expected 2 values, got 3");
  CHECK_THROWS_WITH(ctnn::evaluate(seed, std::vector<int>{}), "ctnn::evaluate: expected 2 values, got 0");
  CHECK_THROWS_WITH(ctnn::evaluate(smooth, std::vector{1.0}), "ctnn::evaluate: expected 3 values, got 1");
  try {
    ctnn::evaluate(seed, std::vector{1, 0, 1, 1, 0});
    FAIL("no exception");
  } catch (const ctnn::size_error& e) {
    CHECK(e.expected() == 2);
    CHECK(e.actual() == 5);
    CHECK(std::string(e.what()) == "ctnn::evaluate: expected 2 values, got 5");
  }
  const ctnn::size_error made("where", 7, 8);
  CHECK(std::string(made.what()) == "where: expected 7 values, got 8");
  CHECK(made.expected() == 7);
  CHECK(made.actual() == 8);
  CHECK(std::string(ctnn::size_error("where", 1, 2).what()) == "where: expected 1 value, got 2");
  CHECK(std::string(ctnn::size_error("where", 1, 2, "row").what()) == "where: expected 1 row, got 2");
  CHECK(std::string(ctnn::size_error("where", 3, 2, "row").what()) == "where: expected 3 rows, got 2");
}

TEST_CASE("evaluate_batch, span to span", "[runtime]") {
  const std::vector<int> in{0, 0, 0, 1, 1, 0, 1, 1};
  std::vector<int> out(4, -1);
  ctnn::evaluate_batch(seed, in, out);
  CHECK(out == std::vector{0, 10, 10, 0});

  std::vector<int> out2(8, -1);
  ctnn::evaluate_batch(and_or, in, out2);
  CHECK(out2 == std::vector{0, 0, 0, 1, 0, 1, 1, 1});

  // no rows: nothing to do
  std::vector<int> none;
  CHECK_NOTHROW(ctnn::evaluate_batch(seed, std::vector<int>{}, none));

  // usable in constant expressions
  STATIC_REQUIRE([] {
    const int x[] = {0, 1, 1, 1};
    int y[2]{};
    ctnn::evaluate_batch(seed, std::span<const int>(x), std::span<int>(y));
    return y[0] == 10 && y[1] == 0;
  }());

  SECTION("inputs that are not a whole number of rows") {
    std::vector<int> o(2);
    CHECK_THROWS_AS(ctnn::evaluate_batch(seed, std::vector{0, 1, 1}, o), ctnn::size_error);
    CHECK_THROWS_WITH(
        ctnn::evaluate_batch(seed, std::vector{0, 1, 1}, o),
        "ctnn::evaluate_batch (inputs, a multiple of the input count): expected 4 values, got 3");
    CHECK(message_of([&] {
            ctnn::evaluate_batch(smooth, std::vector{1.0, 2.0, 3.0, 4.0}, std::span<double>());
          }) == "ctnn::evaluate_batch (inputs, a multiple of the input count): expected 6 values, got 4");
    try {
      ctnn::evaluate_batch(seed, std::vector{0}, o);
      FAIL("no exception");
    } catch (const ctnn::size_error& e) {
      CHECK(e.expected() == 2);
      CHECK(e.actual() == 1);
    }
    CHECK(o == std::vector{0, 0});  // nothing written
  }
  SECTION("outputs of the wrong size") {
    std::vector<int> small(1, -1), large(3, -1);
    CHECK_THROWS_WITH(ctnn::evaluate_batch(seed, in, small),
                      "ctnn::evaluate_batch (outputs): expected 4 values, got 1");
    CHECK_THROWS_WITH(ctnn::evaluate_batch(and_or, std::vector{1, 1}, large),
                      "ctnn::evaluate_batch (outputs): expected 2 values, got 3");
    try {
      ctnn::evaluate_batch(seed, in, large);
      FAIL("no exception");
    } catch (const ctnn::size_error& e) {
      CHECK(e.expected() == 4);
      CHECK(e.actual() == 3);
    }
    CHECK(small == std::vector{-1});  // nothing written
    CHECK(large == std::vector{-1, -1, -1});
  }
}

TEST_CASE("evaluate_batch of std::array rows into a vector", "[runtime]") {
  const std::array<std::array<int, 2>, 4> rows{{{0, 0}, {0, 1}, {1, 0}, {1, 1}}};
  const auto results = ctnn::evaluate_batch(seed, rows);
  STATIC_REQUIRE(std::is_same_v<decltype(results), const std::vector<std::array<int, 1>>>);
  REQUIRE(results.size() == 4);
  CHECK(results[0] == std::array{0});
  CHECK(results[1] == std::array{10});
  CHECK(results[2] == std::array{10});
  CHECK(results[3] == std::array{0});

  const std::vector<std::array<int, 2>> vector_rows{{1, 1}, {0, 1}};
  const auto two = ctnn::evaluate_batch(and_or, vector_rows);
  REQUIRE(two.size() == 2);
  CHECK(two[0] == std::array{1, 1});
  CHECK(two[1] == std::array{0, 1});

  CHECK(ctnn::evaluate_batch(seed, std::span<const std::array<int, 2>>()).empty());
}

TEST_CASE("parse_value", "[runtime]") {
  CHECK(ctnn::parse_value<int>("42") == 42);
  CHECK(ctnn::parse_value<int>("-7") == -7);
  CHECK(ctnn::parse_value<int>("+5") == 5);
  CHECK(ctnn::parse_value<int>("0") == 0);
  CHECK(ctnn::parse_value<int>("2147483647") == std::numeric_limits<int>::max());
  CHECK(ctnn::parse_value<int>("-2147483648") == std::numeric_limits<int>::min());
  CHECK(ctnn::parse_value<long long>("9000000000") == 9000000000LL);
  CHECK(ctnn::parse_value<double>("2.5") == 2.5);
  CHECK(ctnn::parse_value<double>("-0.25") == -0.25);
  CHECK(ctnn::parse_value<double>("+1e3") == 1000.0);
  CHECK(ctnn::parse_value<double>("7") == 7.0);
  CHECK(ctnn::parse_value<double>("0.1") == 0.1);  // correctly rounded, like the literal
  CHECK(ctnn::parse_value<float>("0.1") == 0.1f);

  SECTION("not a number") {
    CHECK_THROWS_AS(ctnn::parse_value<int>("x"), ctnn::parse_error);
    CHECK_THROWS_AS(ctnn::parse_value<int>("x"), std::invalid_argument);
    CHECK_THROWS_WITH(ctnn::parse_value<int>("x"), "not a number: 'x'");
    CHECK_THROWS_WITH(ctnn::parse_value<int>("12x"), "not a number: '12x'");  // trailing garbage
    CHECK_THROWS_WITH(ctnn::parse_value<int>("1.5"), "not a number: '1.5'");  // not an integer
    CHECK_THROWS_WITH(ctnn::parse_value<int>(""), "not a number: ''");
    CHECK_THROWS_WITH(ctnn::parse_value<int>("+"), "not a number: '+'");
    CHECK_THROWS_WITH(ctnn::parse_value<int>("-"), "not a number: '-'");
    CHECK_THROWS_WITH(ctnn::parse_value<int>("++1"), "not a number: '++1'");
    CHECK_THROWS_WITH(ctnn::parse_value<int>(" 1"), "not a number: ' 1'");
    CHECK_THROWS_WITH(ctnn::parse_value<int>("1 "), "not a number: '1 '");
    CHECK_THROWS_WITH(ctnn::parse_value<int>("0x10"), "not a number: '0x10'");
    CHECK_THROWS_WITH(ctnn::parse_value<double>("2.5.1"), "not a number: '2.5.1'");
    CHECK_THROWS_WITH(ctnn::parse_value<double>("abc"), "not a number: 'abc'");
    CHECK_THROWS_WITH(ctnn::parse_value<double>(""), "not a number: ''");
    CHECK_THROWS_WITH(ctnn::parse_value<unsigned>("-1"), "not a number: '-1'");
  }
  SECTION("out of range") {
    CHECK_THROWS_AS(ctnn::parse_value<int>("2147483648"), ctnn::parse_error);
    CHECK_THROWS_WITH(ctnn::parse_value<int>("2147483648"), "out of range: '2147483648'");
    CHECK_THROWS_WITH(ctnn::parse_value<int>("-2147483649"), "out of range: '-2147483649'");
    CHECK_THROWS_WITH(ctnn::parse_value<short>("40000"), "out of range: '40000'");
    CHECK_THROWS_WITH(ctnn::parse_value<double>("1e400"), "out of range: '1e400'");
    CHECK_THROWS_WITH(ctnn::parse_value<float>("1e40"), "out of range: '1e40'");
  }
  SECTION("the reason and the text, apart") {
    try {
      (void)ctnn::parse_value<int>("12 'x'");
      FAIL("no parse_error");
    } catch (const ctnn::parse_error& e) {
      CHECK(e.quotes_text());
      CHECK(e.reason() == "not a number");
      CHECK(e.text() == "12 'x'");  // quotes in the text do not confuse the parts
      const ctnn::parse_error copy = e;
      CHECK(copy.text() == "12 'x'");
      CHECK(copy.reason() == "not a number");
    }
    const char* const three[] = {"1", "2", "3"};
    try {
      (void)ctnn::parse_inputs<int, 2>(three);
      FAIL("no parse_error");
    } catch (const ctnn::parse_error& e) {
      CHECK_FALSE(e.quotes_text());
      CHECK(e.reason() == "expected 2 inputs, got 3");
      CHECK(e.text().empty());
    }
    // A NUL (impossible in argv) ends what(), and the text with it.
    using namespace std::string_literals;
    const ctnn::parse_error nul("not a number", "ab\0cd"s);
    CHECK(std::string(nul.what()) == "not a number: 'ab");
    CHECK(nul.text() == "ab");
    CHECK(nul.reason() == "not a number");
  }
}

TEST_CASE("parse_inputs", "[runtime]") {
  const char* const two[] = {"0", "1"};
  CHECK(ctnn::parse_inputs<int, 2>(two) == std::array{0, 1});
  const char* const three[] = {"+1.5", "-2", "3e-1"};
  CHECK(ctnn::parse_inputs<double, 3>(three) == std::array{1.5, -2.0, 0.3});
  // as from main(argc, argv)
  const char* argv[] = {"program", "1", "0"};
  CHECK(ctnn::parse_inputs<int, 2>(std::span<const char* const>(argv + 1, 2)) == std::array{1, 0});

  CHECK_THROWS_AS((ctnn::parse_inputs<int, 2>(three)), ctnn::parse_error);
  CHECK_THROWS_WITH((ctnn::parse_inputs<int, 2>(three)), "expected 2 inputs, got 3");
  CHECK_THROWS_WITH((ctnn::parse_inputs<int, 3>(two)), "expected 3 inputs, got 2");
  CHECK_THROWS_WITH((ctnn::parse_inputs<int, 1>(std::span<const char* const>())), "expected 1 inputs, got 0");
  // the first bad value is named
  const char* const bad[] = {"1", "x", "y"};
  CHECK_THROWS_WITH((ctnn::parse_inputs<int, 3>(bad)), "not a number: 'x'");
  const char* const large[] = {"1", "99999999999"};
  CHECK_THROWS_WITH((ctnn::parse_inputs<int, 2>(large)), "out of range: '99999999999'");
}

TEST_CASE("run-time results equal compile-time results", "[runtime]") {
  constexpr auto table = ctnn::truth_table(seed, ctnn::uniform_domain<2>({-2, 0, 1, 3}));
  for (const auto& row : table) {
    CAPTURE(row.inputs[0], row.inputs[1]);
    const std::vector<int> v{row.inputs[0], row.inputs[1]};
    CHECK(ctnn::evaluate(seed, v) == row.outputs);
    CHECK(ctnn::evaluate(seed, row.inputs) == row.outputs);
    const std::string texts[] = {std::to_string(row.inputs[0]), std::to_string(row.inputs[1])};
    const char* const argv[] = {texts[0].c_str(), texts[1].c_str()};
    CHECK(ctnn::evaluate(seed, ctnn::parse_inputs<int, 2>(argv)) == row.outputs);
  }

  constexpr std::array<std::array<double, 3>, 3> inputs{{{0.5, 0.25, -2.0}, {-1.25, 3.5, 0.1}, {0, 0, 0}}};
  constexpr std::array<double, 3> at_compile_time{smooth(inputs[0])[0], smooth(inputs[1])[0],
                                                  smooth(inputs[2])[0]};
  const auto batch = ctnn::evaluate_batch(smooth, inputs);
  std::vector<double> flat;
  for (const auto& x : inputs) flat.insert(flat.end(), x.begin(), x.end());
  std::vector<double> out(3);
  ctnn::evaluate_batch(smooth, flat, out);
  for (std::size_t r = 0; r < inputs.size(); ++r) {
    INFO("row " << r);
    CHECK(bits(ctnn::evaluate(smooth, inputs[r])[0]) == bits(at_compile_time[r]));
    CHECK(bits(ctnn::evaluate(smooth, std::span<const double>(flat).subspan(3 * r, 3))[0]) ==
          bits(at_compile_time[r]));
    CHECK(bits(batch[r][0]) == bits(at_compile_time[r]));
    CHECK(bits(out[r]) == bits(at_compile_time[r]));
  }
}

// parse_value skips a leading '+' (std::from_chars rejects it) but not one followed by a '-'.
TEST_CASE("parse_value rejects a sign after '+'", "[runtime]") {
  CHECK_THROWS_WITH(ctnn::parse_value<int>("+-1"), "not a number: '+-1'");
  CHECK_THROWS_WITH(ctnn::parse_value<double>("+-2.5"), "not a number: '+-2.5'");
}
