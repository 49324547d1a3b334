// Sizes of real networks: a 784-256-10 network (a small MNIST classifier's shape, weights from a
// constexpr LCG) evaluated in a constant expression and verified by CTNN_VERIFY with default flags;
// domains, tables and networks of 512 and 1024 inputs (no fold over the inputs, no nesting limit);
// a 256-256-1 network over two rows, which the planner refused before it measured what a row costs
// (docs/scale.md). Built without any flag, like every unit test.
#include <array>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <ctnn/ctnn.hpp>
#include <utility>

namespace {

// Weights in [-8, 7] and biases in [-4, 3] from an LCG, one stream per unit. Written straight into
// the layer's plain arrays: one statement per weight, so that 200,704 of them stay far within
// clang's 1,048,576 steps.
template <std::size_t In, std::size_t Out, std::uint32_t Seed>
constexpr ctnn::dense_layer<In, Out, int, ctnn::relu_t> lcg_layer() {
  ctnn::dense_layer<In, Out, int, ctnn::relu_t> layer{};
  for (std::size_t o = 0; o < Out; ++o) {
    std::uint32_t s = static_cast<std::uint32_t>(o) * 2654435761u + Seed;
    for (std::size_t i = 0; i < In; ++i) layer.weights[o][i] = int((s = s * 1664525u + 1013904223u) >> 28) - 8;
    layer.biases[o] = int(s >> 29) - 4;
  }
  return layer;
}

// A domain of N inputs: input i fixed to image(i), except the last Free inputs, which take {0, 1}.
constexpr int image(std::size_t i) { return (i * 7) % 3 == 0 ? 1 : 0; }
template <std::size_t N, std::size_t Free, std::size_t... I>
constexpr auto around_image(std::index_sequence<I...>) {
  ctnn::domain<int, (I + Free < N ? 1 : 2)...> dom{};
  for (std::size_t i = 0, at = 0; i < N; ++i) {
    if (i + Free < N) {
      dom.values[at++] = image(i);
    } else {
      dom.values[at++] = 0;
      dom.values[at++] = 1;
    }
  }
  return dom;
}
template <std::size_t N, std::size_t Free>
constexpr auto image_domain = around_image<N, Free>(std::make_index_sequence<N>{});

// The outputs of a two-layer ReLU network computed here, with no part of ctnn: what the
// verification must agree with. One constant expression per row (r).
template <const auto& L0, const auto& L1, const auto& Dom, std::size_t R>
constexpr auto reference_row = [] {
  constexpr std::size_t in = std::remove_cvref_t<decltype(L0)>::input_size;
  constexpr std::size_t hidden = std::remove_cvref_t<decltype(L0)>::output_size;
  constexpr std::size_t out = std::remove_cvref_t<decltype(L1)>::output_size;
  const auto row = Dom.row(R);
  int x[in]{};  // plain arrays: std::array's operator[] is a call, a step each for clang
  for (std::size_t i = 0; i < in; ++i) x[i] = row[i];
  int h[hidden]{};
  for (std::size_t o = 0; o < hidden; ++o) {
    int sum = L0.biases[o];
    for (std::size_t i = 0; i < in; ++i) sum += L0.weights[o][i] * x[i];
    h[o] = sum > 0 ? sum : 0;
  }
  std::array<int, out> y{};
  for (std::size_t o = 0; o < out; ++o) {
    int sum = L1.biases[o];
    for (std::size_t i = 0; i < hidden; ++i) sum += L1.weights[o][i] * h[i];
    y[o] = sum > 0 ? sum : 0;
  }
  return y;
}();

template <const auto& L0, const auto& L1, const auto& Dom, std::size_t... R>
constexpr auto reference_table(std::index_sequence<R...>) {
  constexpr std::size_t out = std::remove_cvref_t<decltype(L1)>::output_size;
  ctnn::table_spec<int, sizeof...(R), out> spec{};
  const std::array<int, out> rows[] = {reference_row<L0, L1, Dom, R>...};
  for (std::size_t r = 0; r < sizeof...(R); ++r)
    for (std::size_t o = 0; o < out; ++o) spec.rows[r][o] = rows[r][o];
  return spec;
}

// ---- 784-256-10 ----
constexpr auto mnist0 = lcg_layer<784, 256, 1>();
constexpr auto mnist1 = lcg_layer<256, 10, 2>();
constexpr auto mnist = ctnn::network(mnist0, mnist1);
constexpr auto& mnist_rows = image_domain<784, 2>;  // 4 rows
constexpr auto mnist_expected = reference_table<mnist0, mnist1, mnist_rows>(std::make_index_sequence<4>{});

// One row in a constant expression.
constexpr std::array<int, 784> mnist_input = [] {
  std::array<int, 784> x{};
  for (std::size_t i = 0; i < 782; ++i) x[i] = image(i);  // row 0: the last two inputs 0
  return x;
}();
constexpr auto mnist_output = mnist(mnist_input);
static_assert(mnist_output == reference_row<mnist0, mnist1, mnist_rows, 0>);

// The whole verification, exact against the reference (4 rows).
CTNN_VERIFY(mnist, mnist_expected, ctnn::exact, mnist_rows);

// Which form the planner takes: row by row directly (a sweep's set-up, 786 values times 256 units,
// would cost more than the 4 rows), four rows in few pieces.
using mnist_task = decltype(ctnn::detail::make_task(mnist, mnist_expected, ctnn::exact, mnist_rows));
static_assert(ctnn::detail::plan_of<mnist_task>().direct && ctnn::detail::plan_of<mnist_task>().fits);

// A wrong expected value is found, at its row (row 3 alone: one row per constant expression).
constexpr auto mnist_wrong = [] {
  auto spec = mnist_expected;
  spec.rows[3][9] += 1;
  return spec;
}();
constexpr auto mnist_wrong_outcome = ctnn::detail::sweep_direct(mnist, mnist_wrong, ctnn::exact, mnist_rows, 3, 4);
static_assert(!mnist_wrong_outcome.passed && mnist_wrong_outcome.first_failing_row == 3);

#ifndef SIZES_NO_WIDE
// ---- 256-256-1 over two rows: refused before (the estimate was 17,211,964 g++ operations, half the
// budget 16,777,216; one row really costs 2.8 million) ----
constexpr auto wide = ctnn::network(lcg_layer<256, 256, 3>(), lcg_layer<256, 1, 4>());
constexpr auto& wide_rows = image_domain<256, 1>;
CTNN_VERIFY(wide, ctnn::truth_table_of([](auto...) { return true; }), ctnn::above(-1), wide_rows);

#endif
#ifndef SIZES_NO_BIG
// ---- 512 and 1024 inputs: domains, tables, networks ----
static_assert(ctnn::boolean_inputs<1024>.value_count == 2048 && ctnn::boolean_inputs<1024>.offset(1023) == 2046);
static_assert(ctnn::uniform_domain<512>({0, 1, 2}).value_count == 1536);
static_assert(ctnn::uniform_domain<512>({0, 1, 2}).row(5)[511] == 2 && ctnn::uniform_domain<512>({0, 1, 2}).row(5)[510] == 1);
static_assert(ctnn::boolean_inputs<1024>.contains(std::array<int, 1024>{}));
static_assert(!ctnn::boolean_inputs<1024>.contains(std::array<int, 1024>{2}));
template <std::size_t... I>
constexpr auto per_input_lists(std::index_sequence<I...>) {
  constexpr int single[] = {1};
  constexpr int pair[] = {0, 1};
  if constexpr (sizeof...(I) == 0)
    return ctnn::make_domain(single);
  else
    return ctnn::make_domain(((void)I, single)..., pair, pair);
}
constexpr auto lists512 = per_input_lists(std::make_index_sequence<510>{});  // 512 lists, 4 rows
static_assert(decltype(lists512)::input_count == 512 && lists512.size() == 4);
static_assert(lists512.index_of(lists512.row(3)) == 3 && lists512.row(2)[510] == 1 && lists512.row(2)[511] == 0);

constexpr auto net512 = ctnn::network(lcg_layer<512, 8, 5>(), lcg_layer<8, 1, 6>());
constexpr auto net1024 = ctnn::network(lcg_layer<1024, 4, 7>(), lcg_layer<4, 2, 8>());
constexpr auto& rows1024 = image_domain<1024, 3>;  // 8 rows
constexpr auto table512 = ctnn::truth_table(net512, lists512);
static_assert(table512.size() == 4 && table512[3].inputs[511] == 1);
CTNN_VERIFY(net512, ctnn::table({table512[0].outputs[0], table512[1].outputs[0], table512[2].outputs[0],
                                 table512[3].outputs[0]}),
            ctnn::exact, lists512);
constexpr auto table1024 = ctnn::truth_table(net1024, rows1024);
constexpr auto expected1024 = [] {
  ctnn::table_spec<int, 8, 2> spec{};
  for (std::size_t r = 0; r < 8; ++r)
    for (std::size_t o = 0; o < 2; ++o) spec.rows[r][o] = table1024[r].outputs[o];
  return spec;
}();
CTNN_VERIFY(net1024, expected1024, ctnn::exact, rows1024);
static_assert(ctnn::verify(net1024, expected1024, ctnn::exact, rows1024));

#endif
}  // namespace

#ifndef SIZES_NO_RT
TEST_CASE("a 784-256-10 network gives at run time the bits verified at compile time") {
  const auto y = ctnn::evaluate(mnist, mnist_input);
  REQUIRE(y == mnist_output);
  int positive = 0;
  for (const int v : y) positive += v > 0;
  REQUIRE(positive > 0);  // not a network of zeros
  // (ctnn::verify(mnist, ...) at run time is left out: g++ first tries such a call on constant
  // arguments as a constant expression, which costs it minutes and 1.7 GB here; issue 14, item 4.)
}

TEST_CASE("512- and 1024-input networks at run time") {
  REQUIRE(ctnn::verify(net1024, expected1024, ctnn::exact, rows1024));
  for (std::size_t r = 0; r < table512.size(); ++r) {
    std::array<int, 512> x{};
    for (std::size_t i = 0; i < 512; ++i) x[i] = lists512.row(r)[i];
    REQUIRE(ctnn::evaluate(net512, x) == table512[r].outputs);
  }
}
#endif
