// ctnn::truth_table: every row of a domain with the network's outputs, in row order, computed in a
// constant expression; the same values as net(row) at run time.
#include <array>
#include <bit>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <ctnn/truth_table.hpp>
#include <type_traits>

namespace {

constexpr auto seed = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                    ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

// Two outputs: (a AND b, a OR b) with step units.
constexpr auto and_or = ctnn::network(ctnn::dense<2, 2>({{1, 1}, {1, 1}}, {-1, 0}, ctnn::step));

constexpr auto smooth = ctnn::network(ctnn::dense<2, 1, double>({{0.5, -1.25}}, {0.125}, ctnn::tanh));

}  // namespace

TEST_CASE("truth_table(net): the rows of {0,1}^N in order, with the outputs", "[truth_table]") {
  constexpr auto t = ctnn::truth_table(seed);
  using row = ctnn::truth_table_row<int, 2, int, 1>;
  STATIC_REQUIRE(std::is_same_v<decltype(t), const std::array<row, 4>>);
  STATIC_REQUIRE(t[0] == row{{0, 0}, {0}});
  STATIC_REQUIRE(t[1] == row{{0, 1}, {10}});
  STATIC_REQUIRE(t[2] == row{{1, 0}, {10}});
  STATIC_REQUIRE(t[3] == row{{1, 1}, {0}});
  STATIC_REQUIRE(t[1] != row{{0, 1}, {0}});   // equality looks at the outputs
  STATIC_REQUIRE(t[1] != row{{1, 0}, {10}});  // and at the inputs

  constexpr auto t2 = ctnn::truth_table(and_or);
  STATIC_REQUIRE(t2.size() == 4);
  STATIC_REQUIRE(t2[0].outputs == std::array{0, 0});
  STATIC_REQUIRE(t2[1].outputs == std::array{0, 1});
  STATIC_REQUIRE(t2[2].outputs == std::array{0, 1});
  STATIC_REQUIRE(t2[3].outputs == std::array{1, 1});
  STATIC_REQUIRE(t2[2].inputs == std::array{1, 0});
}

TEST_CASE("truth_table(net, domain): the rows of any domain, in its order", "[truth_table]") {
  constexpr auto t = ctnn::truth_table(seed, ctnn::uniform_domain<2>({0, 1, 2}));
  STATIC_REQUIRE(t.size() == 9);
  // 10 exactly when the inputs add up to 1
  STATIC_REQUIRE(t[0].inputs == std::array{0, 0});
  STATIC_REQUIRE(t[0].outputs[0] == 0);
  STATIC_REQUIRE(t[1].inputs == std::array{0, 1});
  STATIC_REQUIRE(t[1].outputs[0] == 10);
  STATIC_REQUIRE(t[2].inputs == std::array{0, 2});
  STATIC_REQUIRE(t[2].outputs[0] == 0);
  STATIC_REQUIRE(t[3].inputs == std::array{1, 0});
  STATIC_REQUIRE(t[3].outputs[0] == 10);
  STATIC_REQUIRE(t[4].outputs[0] == 0);
  STATIC_REQUIRE(t[8].inputs == std::array{2, 2});
  STATIC_REQUIRE(t[8].outputs[0] == 0);

  // a mixed-radix domain whose values are of another type than the network's scalar
  constexpr auto m = ctnn::truth_table(seed, ctnn::make_domain({-1LL, 2LL}, {-1LL, 0LL, 2LL}));
  STATIC_REQUIRE(std::is_same_v<decltype(m)::value_type, ctnn::truth_table_row<long long, 2, int, 1>>);
  STATIC_REQUIRE(m.size() == 6);
  STATIC_REQUIRE(m[0].inputs == std::array{-1LL, -1LL});
  STATIC_REQUIRE(m[2].inputs == std::array{-1LL, 2LL});
  STATIC_REQUIRE(m[2].outputs[0] == 10);  // -1 + 2 == 1
  STATIC_REQUIRE(m[3].inputs == std::array{2LL, -1LL});
  STATIC_REQUIRE(m[3].outputs[0] == 10);
  STATIC_REQUIRE(m[4].outputs[0] == 0);

  // a double network over a double domain
  constexpr auto s = ctnn::truth_table(smooth, ctnn::make_domain({0.0, 1.0}, {0.0, 0.5}));
  STATIC_REQUIRE(s.size() == 4);
  STATIC_REQUIRE(s[0].outputs[0] == ctnn::math::tanh(0.125));
  STATIC_REQUIRE(s[1].outputs[0] == ctnn::math::tanh(0.125 - 0.625));
  STATIC_REQUIRE(s[3].inputs == std::array{1.0, 0.5});
  STATIC_REQUIRE(s[3].outputs[0] == ctnn::math::tanh(0.125 + 0.5 - 0.625));
}

TEST_CASE("to_network_input converts a row to the network's input type", "[truth_table]") {
  using seed_t = std::remove_const_t<decltype(seed)>;
  STATIC_REQUIRE(ctnn::to_network_input<seed_t>(std::array{1LL, 0LL}) == std::array{1, 0});
  STATIC_REQUIRE(ctnn::to_network_input<seed_t>(std::array{1.75, -2.5}) == std::array{1, -2});
  using smooth_t = std::remove_const_t<decltype(smooth)>;
  STATIC_REQUIRE(ctnn::to_network_input<smooth_t>(std::array{1, 2}) == std::array{1.0, 2.0});
}

TEST_CASE("the truth table equals net(row) at run time", "[truth_table]") {
  constexpr auto t = ctnn::truth_table(seed, ctnn::uniform_domain<2>({-1, 0, 1, 2}));
  STATIC_REQUIRE(t.size() == 16);
  for (const auto& row : t) {
    volatile int first = row.inputs[0];  // evaluated at run time
    CAPTURE(row.inputs[0], row.inputs[1]);
    CHECK(seed(std::array{first + 0, row.inputs[1]}) == row.outputs);
  }
  const auto at_run_time = ctnn::truth_table(seed, ctnn::uniform_domain<2>({-1, 0, 1, 2}));
  CHECK(at_run_time == t);

  constexpr auto st = ctnn::truth_table(smooth, ctnn::uniform_domain<2>({-1.5, 0.0, 0.75}));
  for (const auto& row : st) {
    volatile double first = row.inputs[0];
    const double y = smooth(std::array{first + 0.0, row.inputs[1]})[0];
    CAPTURE(row.inputs[0], row.inputs[1]);
    CHECK(std::bit_cast<std::uint64_t>(y) == std::bit_cast<std::uint64_t>(row.outputs[0]));
  }

  constexpr auto t2 = ctnn::truth_table(and_or);
  for (std::size_t r = 0; r < t2.size(); ++r) CHECK(and_or(ctnn::boolean_inputs<2>.row(r)) == t2[r].outputs);
}
