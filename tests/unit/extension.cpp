// The extension points, used from outside namespace ctnn as a user would: an activation with an
// interval image and no vector form, a rule of its own, and a scalar of its own (with exact
// addition), in value networks, CTNN_VERIFY, run-time evaluation (bit-equal to the compile-time
// values) and batches. Nothing in ctnn names these types.
#include <array>
#include <catch2/catch.hpp>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <ctnn/ctnn.hpp>
#include <ctnn/meta.hpp>
#include <span>
#include <vector>

namespace user {

/// A user activation: max(x, 0) capped at `cap`, with an interval image (and no `monotone` flag,
/// no vector form: the kernels apply it lane by lane).
struct capped_relu {
  int cap = 6;
  static constexpr bool exact = true;
  template <ctnn::scalar T>
  constexpr T operator()(const T& x) const {
    return x > T(0) ? (T(cap) < x ? T(cap) : x) : T(0);
  }
  template <ctnn::scalar T>
  constexpr ctnn::interval<T> image(const ctnn::interval<T>& x) const {
    return {(*this)(x.lower), (*this)(x.upper)};
  }
  friend constexpr bool operator==(const capped_relu&, const capped_relu&) = default;
};

/// A user rule: every output is at least its expected value.
struct at_least : ctnn::rule_base<at_least> {
  template <std::size_t Out, class Outputs, class E, std::size_t K>
  constexpr bool holds(const Outputs& y, std::size_t at, const E (&expected)[K]) const {
    for (std::size_t o = 0; o < Out; ++o)
      if (y[at + o] < static_cast<std::remove_cvref_t<decltype(y[at])>>(expected[o])) return false;
    return true;
  }
};

/// A rule with the minimal definition alone: `holds`, no rule_base (so no std::array call operator).
struct not_below {
  template <std::size_t Out, class Outputs, class E, std::size_t K>
  constexpr bool holds(const Outputs& y, std::size_t at, const E (&expected)[K]) const {
    for (std::size_t o = 0; o < Out; ++o)
      if (y[at + o] < expected[o]) return false;
    return true;
  }
};

/// A user scalar: fixed point with 8 fractional bits; addition is exact.
struct q8 {
  std::int32_t raw = 0;
  constexpr q8() = default;
  constexpr q8(int value) : raw(value * 256) {}
  static constexpr q8 from_raw(std::int32_t r) {
    q8 q;
    q.raw = r;
    return q;
  }
  friend constexpr q8 operator+(q8 a, q8 b) { return from_raw(a.raw + b.raw); }
  friend constexpr q8 operator-(q8 a, q8 b) { return from_raw(a.raw - b.raw); }
  friend constexpr q8 operator*(q8 a, q8 b) { return from_raw(a.raw * b.raw / 256); }
  friend constexpr q8 operator/(q8 a, q8 b) { return from_raw(a.raw * 256 / b.raw); }
  constexpr q8 operator-() const { return from_raw(-raw); }
  constexpr explicit operator double() const { return raw / 256.0; }
  friend constexpr bool operator==(const q8&, const q8&) = default;
  friend constexpr auto operator<=>(const q8&, const q8&) = default;
};

}  // namespace user

/// The scalar's optional capability: its addition is exact, so verification may sweep in Gray order.
template <>
inline constexpr bool ctnn::exact_addition_v<user::q8> = true;

namespace {

constexpr user::capped_relu capped{4};

// The seed network with the user activation in the hidden layer.
constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, capped),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));
// Hidden (capped at 4): (0,0) -> (0,4): output 10 - 40 < 0 -> 0; (0,1) -> (0,0): 10; (1,1) -> (4,0): 0.
CTNN_VERIFY(buy, ctnn::table({0, 10, 10, 0}), ctnn::exact);
CTNN_VERIFY(buy, ctnn::table({0, 9, 9, 0}), user::at_least{});
CTNN_VERIFY(buy, ctnn::truth_table_of([](int d, int q) { return d != q; }), ctnn::above(0));

// The user scalar, with the user activation, over a ternary domain.
constexpr auto fixed_net = ctnn::network(
    ctnn::dense<2, 3, user::q8>({{1, -1}, {-1, 1}, {1, 1}}, {0, 0, -1}, capped),
    // (one row of braces would be ambiguous between the plain-array and std::array overloads)
    ctnn::dense<3, 1, user::q8>(std::array<std::array<user::q8, 3>, 1>{{{2, 2, -1}}}, std::array<user::q8, 1>{0},
                                ctnn::identity));
constexpr auto ternary = ctnn::uniform_domain<2>({0, 1, 2});
constexpr user::q8 reference(int a, int b) {
  const int d = a > b ? a - b : b - a;
  const int s = a + b - 1 > 0 ? (a + b - 1 < 4 ? a + b - 1 : 4) : 0;
  return user::q8(2 * d - s);
}
CTNN_VERIFY(fixed_net, ctnn::truth_table_of(reference), ctnn::exact, ternary);
static_assert(ctnn::detail::use_gray(fixed_net, ternary), "q8 declares exact addition: Gray order");

// A float network with the user activation: the kernels run it lane by lane at run time.
constexpr auto wide = ctnn::network(
    ctnn::dense<3, 9, float>({{0.5f, -1.25f, 2}, {1, 1, 1}, {-3, 0.75f, 0.125f}, {2, -2, 0.5f}, {0.1f, 0.2f, 0.3f},
                              {-0.5f, 4, -1}, {1.5f, -0.25f, 0.625f}, {7, -3, 0.01f}, {-2, -2, 3}},
                             {0.1f, -0.2f, 0.3f, 0, 1, -1, 0.5f, -0.5f, 2}, capped),
    ctnn::dense<9, 2, float>({{1, -1, 0.5f, 0.25f, -0.125f, 2, -2, 1, 0.5f}, {-1, 1, 1, 1, 1, -0.5f, 0.75f, 0.2f, 0.3f}},
                             {0.01f, -0.02f}, ctnn::identity));

template <std::size_t Rows>
constexpr auto compile_time_outputs(const std::array<std::array<float, 3>, Rows>& rows) {
  std::array<std::array<float, 2>, Rows> out{};
  for (std::size_t r = 0; r < Rows; ++r) out[r] = wide(rows[r]);
  return out;
}
constexpr std::array<std::array<float, 3>, 5> samples{
    {{0, 0, 0}, {1, 2, 3}, {-1, 0.5f, 4}, {3.25f, -2, 0.75f}, {10, -10, 0.001f}}};
constexpr auto expected_outputs = compile_time_outputs(samples);

bool same_bits(float a, float b) { return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b); }

}  // namespace

TEST_CASE("a user activation declares its capabilities; engines query them", "[extension]") {
  using traits = ctnn::activation_traits<user::capped_relu>;
  STATIC_REQUIRE(traits::exact);
  STATIC_REQUIRE(!traits::monotone);
  STATIC_REQUIRE(!traits::rectifier);
  STATIC_REQUIRE(traits::cost == ctnn::activation_cost::call);
  STATIC_REQUIRE(ctnn::has_interval_image<user::capped_relu, int>);
  STATIC_REQUIRE(!ctnn::has_vector_form<user::capped_relu, float>);
  STATIC_REQUIRE(ctnn::image(capped, ctnn::interval<int>{-3, 9}) == ctnn::interval<int>{0, 4});
}

TEST_CASE("a user activation, rule and scalar in CTNN_VERIFY and ctnn::verify", "[extension]") {
  STATIC_REQUIRE(ctnn::verify(buy, ctnn::table({0, 10, 10, 0}), ctnn::exact));
  constexpr auto wrong = ctnn::verify(buy, ctnn::table({0, 11, 10, 0}), user::at_least{});
  STATIC_REQUIRE(!wrong);
  STATIC_REQUIRE(wrong.row == 1);
  STATIC_REQUIRE(wrong.actual[0] == 10);
  REQUIRE(ctnn::verify(fixed_net, ctnn::truth_table_of(reference), ctnn::exact, ternary));
  constexpr auto fixed_wrong =
      ctnn::verify(fixed_net, ctnn::truth_table_of([](int a, int b) { return reference(a, b) + user::q8(a == 2 && b == 2); }),
                   ctnn::exact, ternary);
  STATIC_REQUIRE(!fixed_wrong);
  STATIC_REQUIRE(fixed_wrong.row == 8);
}

TEST_CASE("a rule with `holds` alone, at compile time and at run time (floating point)", "[extension]") {
  static constexpr auto soft = ctnn::network(ctnn::dense<2, 1, double>({{0.5, 0.25}}, {0.125}, capped));
  CTNN_VERIFY(soft, ctnn::table({0.0, 0.25, 0.5, 0.75}), user::not_below{});
  STATIC_REQUIRE(!ctnn::verify(soft, ctnn::table({0.0, 0.5, 0.0, 0.0}), user::not_below{}));
  REQUIRE(ctnn::verify(soft, ctnn::table({0.0, 0.25, 0.5, 0.75}), user::not_below{}));
  const auto wrong = ctnn::verify(soft, ctnn::table({0.0, 0.0, 0.75, 0.0}), user::not_below{});
  REQUIRE(!wrong);
  REQUIRE(wrong.row == 2);
}

TEST_CASE("a user activation at run time: the compile-time bits, single and batch", "[extension]") {
  for (std::size_t r = 0; r < samples.size(); ++r) {
    const auto y = ctnn::evaluate(wide, std::span<const float>(samples[r]));
    for (std::size_t o = 0; o < 2; ++o) REQUIRE(same_bits(y[o], expected_outputs[r][o]));
  }
  // A batch long enough for whole kernel tiles and a padded tail.
  std::vector<std::array<float, 3>> rows;
  for (std::size_t k = 0; k < 77; ++k) rows.push_back(samples[k % samples.size()]);
  const auto outputs = ctnn::evaluate_batch(wide, std::span<const std::array<float, 3>>(rows));
  for (std::size_t k = 0; k < rows.size(); ++k)
    for (std::size_t o = 0; o < 2; ++o) REQUIRE(same_bits(outputs[k][o], expected_outputs[k % samples.size()][o]));
  // The user scalar at run time, one row and a batch of every row of the ternary domain.
  const auto fixed_y = ctnn::evaluate(fixed_net, std::array<user::q8, 2>{2, 0});
  REQUIRE(fixed_y[0] == reference(2, 0));
  std::vector<std::array<user::q8, 2>> fixed_rows;
  for (std::size_t r = 0; r < ternary.size(); ++r) fixed_rows.push_back({ternary.row(r)[0], ternary.row(r)[1]});
  const auto fixed_outputs = ctnn::evaluate_batch(fixed_net, std::span<const std::array<user::q8, 2>>(fixed_rows));
  for (std::size_t r = 0; r < ternary.size(); ++r)
    REQUIRE(fixed_outputs[r][0] == reference(ternary.row(r)[0], ternary.row(r)[1]));
}

TEST_CASE("an exact user activation has a type-level form", "[extension]") {
  static constexpr auto meta_buy = ctnn::meta::from_value<buy>;
  using hidden = decltype(meta_buy.layer<0>())::activation_type;
  STATIC_REQUIRE(std::is_same_v<hidden, ctnn::meta::lifted<capped>>);
  namespace hana = boost::hana;
  STATIC_REQUIRE(std::is_same_v<decltype(meta_buy(hana::tuple_c<int, 1, 1>)), hana::tuple<hana::int_<0>>>);
  STATIC_REQUIRE(std::is_same_v<decltype(meta_buy(hana::tuple_c<int, 0, 1>)), hana::tuple<hana::int_<10>>>);
  CTNN_VERIFY(meta_buy, ctnn::meta::table(hana::tuple_c<int, 0, 10, 10, 0>), ctnn::meta::exact);
  STATIC_REQUIRE(ctnn::meta::to_value(meta_buy).layer<0>().activation == capped);
}
