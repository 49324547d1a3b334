// A user-defined scalar: Q16.16 fixed point over std::int64_t. It models ctnn::scalar, a network
// built with it is verified at compile time and gives the same results at run time.
#include <algorithm>
#include <array>
#include <boost/hana/integral_constant.hpp>
#include <catch2/catch.hpp>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <ctnn/ctnn.hpp>
#include <type_traits>

namespace {

/// Q16.16: value = raw / 2^16. Products and quotients truncate toward zero.
struct fixed {
  static constexpr std::int64_t one = std::int64_t{1} << 16;
  std::int64_t raw = 0;

  constexpr fixed() = default;
  constexpr explicit fixed(int value) : raw(value * one) {}
  static constexpr fixed from_raw(std::int64_t r) {
    fixed f;
    f.raw = r;
    return f;
  }
  constexpr explicit operator double() const { return static_cast<double>(raw) / static_cast<double>(one); }

  friend constexpr fixed operator+(fixed a, fixed b) { return from_raw(a.raw + b.raw); }
  friend constexpr fixed operator-(fixed a, fixed b) { return from_raw(a.raw - b.raw); }
  friend constexpr fixed operator*(fixed a, fixed b) { return from_raw(a.raw * b.raw / one); }
  friend constexpr fixed operator/(fixed a, fixed b) { return from_raw(a.raw * one / b.raw); }
  constexpr fixed operator-() const { return from_raw(-raw); }
  friend constexpr bool operator==(const fixed&, const fixed&) = default;
  friend constexpr std::strong_ordering operator<=>(const fixed&, const fixed&) = default;
};

/// A fixed-point constant from a double (exact for the multiples of 2^-16 used here).
constexpr fixed q(double value) { return fixed::from_raw(static_cast<std::int64_t>(value * 65536.0)); }

/// A scalar-like type with division and ordering optional: candidate<true, true> is a scalar, and
/// removing either operation makes it not one.
template <bool HasDivision, bool HasOrder>
struct candidate {
  int value = 0;
  constexpr candidate() = default;
  constexpr explicit candidate(int v) : value(v) {}
  friend constexpr candidate operator+(candidate a, candidate b) { return candidate(a.value + b.value); }
  friend constexpr candidate operator-(candidate a, candidate b) { return candidate(a.value - b.value); }
  friend constexpr candidate operator*(candidate a, candidate b) { return candidate(a.value * b.value); }
  friend constexpr candidate operator/(candidate a, candidate b) requires HasDivision {
    return candidate(a.value / b.value);
  }
  constexpr candidate operator-() const { return candidate(-value); }
  friend constexpr bool operator==(const candidate&, const candidate&) = default;
  friend constexpr auto operator<=>(const candidate&, const candidate&) requires HasOrder = default;
};
using no_division = candidate<false, true>;
using unordered = candidate<true, false>;

// Three yes/no inputs; the layers use leaky_relu, clamp and relu.
//   h0 = leaky(a/2 + b/4 + c/8),  h1 = leaky(1/2 - a - b - c)          (leaky slope 1/4)
//   g0 = clamp(2 h0 + h1 - 1/4),  g1 = clamp(4 h0 - 2 h1 - 1)          (clamp to [0, 1])
//   y  = relu(1/4 + g0 - g1/2)
constexpr auto net = ctnn::network(
    ctnn::dense<3, 2, fixed>({{q(0.5), q(0.25), q(0.125)}, {q(-1), q(-1), q(-1)}}, {q(0), q(0.5)},
                             ctnn::leaky_relu(1, 4)),
    ctnn::dense<2, 2, fixed>({{q(2), q(1)}, {q(4), q(-2)}}, {q(-0.25), q(-1)}, ctnn::clamp(0, 1)),
    ctnn::dense<2, 1, fixed>({{q(1), q(-0.5)}}, {q(0.25)}, ctnn::relu));

// The same function written with doubles, independently of ctnn.
constexpr double reference_double(int a, int b, int c) {
  const auto leaky = [](double x) { return x > 0 ? x : x / 4; };
  const auto clamp01 = [](double x) { return std::clamp(x, 0.0, 1.0); };
  const double h0 = leaky(a / 2.0 + b / 4.0 + c / 8.0);
  const double h1 = leaky(0.5 - a - b - c);
  const double g0 = clamp01(2 * h0 + h1 - 0.25);
  const double g1 = clamp01(4 * h0 - 2 * h1 - 1);
  return std::max(0.0, 0.25 + g0 - g1 / 2);
}

constexpr auto reference = [](int a, int b, int c) { return q(reference_double(a, b, c)); };

// Verified at compile time, at namespace scope.
CTNN_VERIFY(net, ctnn::truth_table_of(reference), ctnn::exact);
CTNN_VERIFY(net, ctnn::table({q(0.5), q(0.25), q(0.25), q(0), q(0.375), q(0.375), q(0.625), q(0.625)}),
            ctnn::exact);
CTNN_VERIFY(net, ctnn::truth_table_of([](int a, int b, int c) { return a + b + c != 2 || a == 1; }),
            ctnn::above(0));

}  // namespace

TEST_CASE("Q16.16 fixed point models ctnn::scalar; types missing an operation do not", "[fixed_point]") {
  STATIC_REQUIRE(ctnn::scalar<fixed>);
  STATIC_REQUIRE(ctnn::scalar<candidate<true, true>>);
  STATIC_REQUIRE(!ctnn::scalar<no_division>);
  STATIC_REQUIRE(!ctnn::scalar<unordered>);
  // the fixed-point arithmetic itself
  STATIC_REQUIRE(q(1.5) + q(0.25) == q(1.75));
  STATIC_REQUIRE(q(1.5) - q(2) == q(-0.5));
  STATIC_REQUIRE(q(1.5) * q(-0.5) == q(-0.75));
  STATIC_REQUIRE(q(1) / q(4) == q(0.25));
  STATIC_REQUIRE(-q(0.5) == q(-0.5));
  STATIC_REQUIRE(q(-0.5) < q(0.25));
  STATIC_REQUIRE(fixed(3) == q(3));
  STATIC_REQUIRE(static_cast<double>(q(-2.5)) == -2.5);
}

TEST_CASE("activations on fixed point", "[fixed_point]") {
  STATIC_REQUIRE(ctnn::relu(q(-0.5)) == q(0));
  STATIC_REQUIRE(ctnn::relu(q(0.5)) == q(0.5));
  STATIC_REQUIRE(ctnn::step(q(0.5)) == q(1));
  STATIC_REQUIRE(ctnn::leaky_relu(1, 4)(q(-0.5)) == q(-0.125));
  // the quotient truncates like the type's operator/: -1/3 in Q16.16 is -21845 / 2^16
  STATIC_REQUIRE(ctnn::leaky_relu(1, 3)(q(-1)) == fixed::from_raw(-21845));
  STATIC_REQUIRE(ctnn::clamp(0, 1)(q(1.5)) == q(1));
  STATIC_REQUIRE(ctnn::clamp(0, 1)(q(-1.5)) == q(0));
  STATIC_REQUIRE(ctnn::hard_tanh(q(-0.75)) == q(-0.75));
  STATIC_REQUIRE(ctnn::activation_for<ctnn::leaky_relu_t, fixed>);
  STATIC_REQUIRE(ctnn::activation_for<ctnn::clamp_t, fixed>);
}

TEST_CASE("a fixed-point network is verified at compile time", "[fixed_point]") {
  using net_t = std::remove_const_t<decltype(net)>;
  STATIC_REQUIRE(std::is_same_v<net_t::scalar_type, fixed>);
  STATIC_REQUIRE(net_t::parameter_count == 8 + 6 + 3);
  STATIC_REQUIRE(net(std::array{q(0), q(0), q(0)})[0] == q(0.5));
  STATIC_REQUIRE(net(std::array{q(0), q(1), q(1)})[0] == q(0));
  STATIC_REQUIRE(net(std::array{q(1), q(1), q(1)})[0] == q(0.625));
  // the hidden layers, through trace()
  constexpr auto t = net.trace(std::array{q(1), q(0), q(1)});
  STATIC_REQUIRE(t[boost::hana::size_c<0>] == std::array{q(0.625), q(-0.375)});
  STATIC_REQUIRE(t[boost::hana::size_c<1>] == std::array{q(0.625), q(1)});

  // CTNN_VERIFY at block scope, and ctnn::verify as a predicate
  CTNN_VERIFY(net, ctnn::truth_table_of(reference), ctnn::within(q(0)));
  STATIC_REQUIRE(ctnn::verify(net, ctnn::truth_table_of(reference), ctnn::exact).rows_checked == 8);

  // a reference that differs on row 5 = (1, 0, 1) only
  constexpr auto wrong = [](int a, int b, int c) {
    return a == 1 && b == 0 && c == 1 ? q(0.5) : q(reference_double(a, b, c));
  };
  constexpr auto failed = ctnn::verify(net, ctnn::truth_table_of(wrong), ctnn::exact);
  STATIC_REQUIRE(!failed);
  STATIC_REQUIRE(failed.row == 5);
  STATIC_REQUIRE(failed.inputs == std::array{1, 0, 1});
  STATIC_REQUIRE(failed.expected == std::array{q(0.5)});
  STATIC_REQUIRE(failed.actual == std::array{q(0.375)});
  // within(1/8) accepts the difference of 1/8, within(1/16) does not
  STATIC_REQUIRE(ctnn::verify(net, ctnn::truth_table_of(wrong), ctnn::within(q(0.125))));
  STATIC_REQUIRE(!ctnn::verify(net, ctnn::truth_table_of(wrong), ctnn::within(q(0.0625))));
}

TEST_CASE("a fixed-point network gives the same results at run time", "[fixed_point]") {
  constexpr auto table = ctnn::truth_table(net);
  STATIC_REQUIRE(table.size() == 8);
  STATIC_REQUIRE(table[6].outputs == std::array{q(0.625)});
  for (std::size_t r = 0; r < table.size(); ++r) {
    volatile int a = table[r].inputs[0], b = table[r].inputs[1], c = table[r].inputs[2];
    const std::array x{fixed(a), fixed(b), fixed(c)};
    const fixed y = net(x)[0];
    INFO("row " << r);
    CHECK(y.raw == table[r].outputs[0].raw);
    CHECK(y == reference(a, b, c));
    CHECK(static_cast<double>(y) == reference_double(a, b, c));
    CHECK(ctnn::evaluate(net, std::array{a, b, c})[0] == y);  // int inputs, converted
  }
  // outside {0,1}^3 too, compile time and run time agree
  constexpr std::array outside{q(1.5), q(-2.25), q(0.375)};
  constexpr fixed at_compile_time = net(outside)[0];
  volatile std::int64_t raw = outside[1].raw;
  CHECK(net(std::array{outside[0], fixed::from_raw(raw), outside[2]})[0] == at_compile_time);
}
