// Integer overflow during verification (verify/overflow.hpp): the row, layer and unit of the first
// overflow, at compile time and at run time (no undefined behaviour: the sanitizer build runs this
// file under UBSan), the interval bounds checked against an exhaustive oracle, and the guarded
// evaluation against a reference computed in 128 bits.
#include <array>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <ctnn/ctnn.hpp>
#include <limits>
#include <random>

namespace {

constexpr int big = 2'000'000'000;

// Row (1, 1) overflows the only unit's sum: big + big * 1.
constexpr auto one_layer = ctnn::network(ctnn::dense<2, 1>({{big, -big}}, {big}));
constexpr auto always = ctnn::truth_table_of([](int, int) { return true; });
constexpr auto v1 = ctnn::verify(one_layer, always, ctnn::above(-2'100'000'000), ctnn::make_domain({0, 1}, {1}));
static_assert(!v1.passed && v1.overflow && v1.row == 1 && v1.overflow_layer == 0 && v1.overflow_unit == 0);
static_assert(v1.inputs == std::array{1, 1} && v1.rows_checked == 2);

// The third layer overflows: hidden = (100000 x, x), then their sum, times 30000: 3e9 for x = 1.
constexpr auto two_layers = ctnn::network(ctnn::dense<1, 2>({{100'000}, {1}}, {0, 0}, ctnn::relu),
                                          ctnn::dense<2, 1>({{1, 1}, }, {0}),
                                          ctnn::dense<1, 1>({{30'000}}, {0}));
constexpr auto v2 = ctnn::verify(two_layers, ctnn::truth_table_of([](int) { return true; }), ctnn::above(-1),
                                 ctnn::make_domain({0, 1, 2}));
static_assert(!v2.passed && v2.overflow && v2.row == 1 && v2.overflow_layer == 2 && v2.overflow_unit == 0);

// The first failing row counts, overflow or mismatch: row 0 fails the rule (output 2e9 is not
// above 2.1e9) before row 1 overflows.
constexpr auto v3 = ctnn::verify(one_layer, always, ctnn::above(2'100'000'000), ctnn::make_domain({0, 1}, {0, 1}));
static_assert(!v3.passed && !v3.overflow && v3.row == 0);

// Loose bounds, no overflow: each row fires one hidden unit of two, whose sum alone fits; the
// interval bounds add both (4e9), so the rows are evaluated guarded, and all pass. 16 rows: more
// than the 8 below which the bounds are skipped.
constexpr int half = 1'000'000'000;
constexpr auto loose = ctnn::network(ctnn::dense<1, 2>({{1}, {-1}}, {0, 0}, ctnn::relu),
                                     ctnn::dense<2, 1>({{2, 2}}, {0}));
constexpr int loose_values[] = {-half, -half + 1, -half + 2, -half + 3, -3, -2, -1, 0,
                                1,     2,         3,         4,         half - 3, half - 2, half - 1, half};
constexpr auto loose_domain = ctnn::make_domain(loose_values);
constexpr auto twice_magnitude = ctnn::truth_table_of([](int x) { return x < 0 ? -2 * x : 2 * x; });
static_assert(!ctnn::detail::sums_cannot_overflow(loose, loose_domain));
static_assert(ctnn::verify(loose, twice_magnitude, ctnn::exact, loose_domain));
CTNN_VERIFY(loose, twice_magnitude, ctnn::exact, loose_domain);
// A wrong expectation there is a mismatch, not an overflow: row 8 (x = 1) expects 3.
constexpr auto off_by_one = ctnn::truth_table_of([](int x) { return x == 1 ? 3 : (x < 0 ? -2 * x : 2 * x); });
static_assert(ctnn::verify(loose, off_by_one, ctnn::exact, loose_domain).row == 8);
static_assert(!ctnn::verify(loose, off_by_one, ctnn::exact, loose_domain).overflow);

// Tight bounds: the sweep is planned and kept (no guarded rows).
constexpr auto seed = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                    ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));
constexpr auto four_values = ctnn::uniform_domain<2>({0, 1, 2, 3});
static_assert(ctnn::detail::sums_cannot_overflow(seed, four_values));
// Few rows: planned direct, so guarded (no bounds computed).
constexpr auto seed_task = ctnn::detail::make_task(seed, ctnn::truth_table_of([](int, int) { return true; }),
                                                   ctnn::above(-1), four_values);
static_assert(ctnn::detail::task_plan<seed_task>.guarded);
// Many rows: the sweep is planned, and kept, since the bounds hold.
constexpr auto ones = ctnn::network(
    ctnn::dense<10, 1>({{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}}, {0}, ctnn::relu));
constexpr auto count_task = ctnn::detail::make_task(
    ones, ctnn::truth_table_of([](auto... x) { return (0 + ... + x); }), ctnn::exact);
static_assert(!ctnn::detail::task_plan<count_task>.guarded && !ctnn::detail::task_plan<count_task>.direct);
CTNN_VERIFY(ones, ctnn::truth_table_of([](auto... x) { return (0 + ... + x); }), ctnn::exact);
constexpr auto loose_task = ctnn::detail::make_task(loose, twice_magnitude, ctnn::exact, loose_domain);
static_assert(ctnn::detail::task_plan<loose_task>.guarded);
CTNN_VERIFY(seed, ctnn::truth_table_of([](int a, int b) { return a + b == 1; }), ctnn::above(0), four_values);

// An activation whose interval image would overflow where no row goes: leaky_relu(3, 1) of the
// bounds' [-1.4e9, 0] is -4.2e9, of the rows' [-7e8, 0] at most -2.1e9. Its image is then the whole
// range of int (and a constant expression), the next sum fits anyway, and the sweep runs.
constexpr int far = 700'000'000;
constexpr auto leaky = ctnn::network(ctnn::dense<1, 2>({{1}, {-1}}, {0, 0}, ctnn::relu),
                                     ctnn::dense<2, 1>({{-1, -1}}, {0}, ctnn::leaky_relu(3, 1)),
                                     ctnn::dense<1, 1>({{1}}, {0}));
constexpr int far_values[] = {-far, -far + 1, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, far - 1, far};
constexpr auto far_domain = ctnn::make_domain(far_values);
static_assert(ctnn::image(ctnn::leaky_relu(3, 1), ctnn::interval<int>{-1'400'000'000, 0}) ==
              ctnn::interval<int>{std::numeric_limits<int>::min(), std::numeric_limits<int>::max()});
static_assert(ctnn::detail::sums_cannot_overflow(leaky, far_domain));
constexpr auto three_times_minus_magnitude = ctnn::truth_table_of([](int x) { return x < 0 ? 3 * x : -3 * x; });
static_assert(ctnn::verify(leaky, three_times_minus_magnitude, ctnn::exact, far_domain));

// long long sums are checked in 128 bits.
constexpr long long huge = 5'000'000'000'000'000'000LL;
constexpr auto wide = ctnn::network(ctnn::dense<1, 1, long long>({{huge}}, {huge}));
constexpr auto v4 = ctnn::verify(wide, ctnn::truth_table_of([](long long) { return true; }), ctnn::above(0LL),
                                 ctnn::make_domain({0LL, 1LL}));
static_assert(!v4.passed && v4.overflow && v4.row == 1);

// ---- against a reference, at run time ----

// Where the network's own order of operations first leaves int, computed in 128 bits.
struct reference_site {
  bool found = false;
  std::size_t layer = 0, unit = 0;
};

template <std::size_t In, std::size_t Hidden, std::size_t Out>
struct random_net {
  std::array<std::array<int, In>, Hidden> w0{};
  std::array<int, Hidden> b0{};
  std::array<std::array<int, Hidden>, Out> w1{};
  std::array<int, Out> b1{};

  // The reference: the partial sums as the network forms them, relu on the hidden layer.
  reference_site first_overflow(const std::array<int, In>& x, std::array<int, Out>& y) const {
    __extension__ typedef __int128 wide_int;
    const auto fits = [](wide_int v) {
      return v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max();
    };
    std::array<int, Hidden> h{};
    for (std::size_t o = 0; o < Hidden; ++o) {
      wide_int s = b0[o];
      for (std::size_t i = 0; i < In; ++i) {
        const wide_int term = wide_int(w0[o][i]) * x[i];
        s += term;
        if (!fits(term) || !fits(s)) return {true, 0, o};
      }
      h[o] = s > 0 ? int(s) : 0;
    }
    for (std::size_t o = 0; o < Out; ++o) {
      wide_int s = b1[o];
      for (std::size_t i = 0; i < Hidden; ++i) {
        const wide_int term = wide_int(w1[o][i]) * h[i];
        s += term;
        if (!fits(term) || !fits(s)) return {true, 1, o};
      }
      y[o] = int(s);
    }
    return {};
  }
};

// Weights and values of random magnitudes (up to 2^max_bits), so that some rows overflow and some do not.
int random_int(std::mt19937& g, int max_bits) {
  const int bits = std::uniform_int_distribution<int>(0, max_bits)(g);
  const int m = std::uniform_int_distribution<int>(0, (1 << bits) - 1 + (1 << bits))(g) - (1 << bits);
  return m;
}

}  // namespace

TEST_CASE("CTNN_VERIFY and ctnn::verify report the first overflowing row", "[overflow]") {
  STATIC_REQUIRE(v1.overflow);
  STATIC_REQUIRE(v2.overflow_layer == 2);
  // At run time too, without undefined behaviour (UBSan would report it in the sanitizer build).
  const auto r = ctnn::verify_at_run_time(two_layers, ctnn::truth_table_of([](int) { return true; }), ctnn::above(-1),
                                          ctnn::make_domain({0, 1, 2}));
  REQUIRE(!r.passed);
  REQUIRE(r.overflow);
  REQUIRE(r.row == 1);
  REQUIRE(r.overflow_layer == 2);
  REQUIRE(r.overflow_unit == 0);
  REQUIRE(ctnn::verify_at_run_time(loose, ctnn::truth_table_of([](int x) { return x < 0 ? -2 * x : 2 * x; }),
                                   ctnn::exact, loose_domain));
}

TEST_CASE("bounds, guarded and checked evaluation against a 128-bit reference", "[overflow]") {
  std::mt19937 g(20261202);
  constexpr std::size_t In = 3, Hidden = 4, Out = 1;
  int proven = 0, overflowing_rows = 0, rows = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const int max_bits = 8 + trial % 23;  // 8 to 30
    const auto random_int = [&](std::mt19937& gen) { return ::random_int(gen, max_bits); };
    random_net<In, Hidden, Out> r;
    for (auto& row : r.w0) for (auto& v : row) v = random_int(g);
    for (auto& v : r.b0) v = random_int(g);
    for (auto& row : r.w1) for (auto& v : row) v = random_int(g);
    for (auto& v : r.b1) v = random_int(g);
    const auto net = ctnn::network(ctnn::dense(r.w0, r.b0, ctnn::relu), ctnn::dense(r.w1, r.b1));
    int a[3], b[2], c[2];
    for (int& v : a) v = random_int(g);
    for (int& v : b) v = random_int(g);
    for (int& v : c) v = random_int(g);
    const auto dom = ctnn::make_domain(a, b, c);
    // Duplicate values are a compile-time error only; here they just repeat rows.
    const bool bounded = ctnn::detail::sums_cannot_overflow(net, dom);
    const auto norms = ctnn::detail::norms_of(net);
    // The first failing row: the first that overflows, or whose output is INT_MIN (not above it).
    std::size_t first_row = dom.size();
    reference_site first{};
    for (std::size_t row = 0; row < dom.size(); ++row) {
      const auto x = dom.row(row);
      std::array<int, Out> y{};
      const reference_site expected = r.first_overflow(x, y);
      ++rows;
      if (expected.found) ++overflowing_rows;
      const bool fails = expected.found || y[0] == std::numeric_limits<int>::min();
      if (fails && first_row == dom.size()) first_row = row, first = expected;
      // Soundness of the bounds: "cannot overflow" is never said of a network that does.
      if (bounded) REQUIRE(!expected.found);
      const int in[In] = {x[0], x[1], x[2]};
      int guarded[ctnn::detail::layout_of<std::remove_cvref_t<decltype(net)>>::size]{};
      int checked[ctnn::detail::layout_of<std::remove_cvref_t<decltype(net)>>::size]{};
      const auto site = ctnn::detail::evaluate_guarded(net, norms, ctnn::detail::largest_magnitude<int>(dom), in, guarded);
      const auto checked_site = ctnn::detail::evaluate_checked(net, in, checked);
      REQUIRE(site.found == expected.found);
      REQUIRE(checked_site.found == expected.found);
      if (expected.found) {
        REQUIRE(site.layer == expected.layer);
        REQUIRE(site.unit == expected.unit);
        REQUIRE(checked_site.layer == expected.layer);
        REQUIRE(checked_site.unit == expected.unit);
      } else {
        constexpr std::size_t last = ctnn::detail::layout_of<std::remove_cvref_t<decltype(net)>>::offsets[1];
        for (std::size_t o = 0; o < Out; ++o) {
          REQUIRE(guarded[last + o] == y[o]);
          REQUIRE(checked[last + o] == y[o]);
        }
      }
    }
    proven += bounded;
    // ctnn::verify names the first overflowing row (the specification always holds).
    const auto v = ctnn::verify_at_run_time(net, ctnn::truth_table_of([](int, int, int) { return true; }),
                                            ctnn::above(std::numeric_limits<int>::min()), dom);
    REQUIRE(v.passed == (first_row == dom.size()));
    REQUIRE(v.overflow == first.found);
    if (first_row < dom.size()) REQUIRE(v.row == first_row);
    if (first.found) {
      REQUIRE(v.overflow_layer == first.layer);
      REQUIRE(v.overflow_unit == first.unit);
    }
  }
  // The sample exercises both outcomes of the bounds and of the rows.
  UNSCOPED_INFO("proven " << proven << " of 3000 networks; " << overflowing_rows << " of " << rows << " rows overflow");
  REQUIRE(proven > 100);
  REQUIRE(proven < 2900);
  REQUIRE(overflowing_rows > 1000);
  REQUIRE(overflowing_rows < rows - 1000);
}
