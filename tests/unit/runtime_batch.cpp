// Run-time batch API (issue 5): ctnn::evaluate_batch on flat spans and on spans of std::array rows,
// every batch size around the kernels' tiles, size errors (nothing written), no heap allocation in any
// evaluation (counted by replacing the global operator new), and the size of network objects.
// Bit equality with compile time, at every optimisation level, is tests/bit_equality's job.
#include <array>
#include <atomic>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <ctnn/runtime.hpp>
#include <new>
#include <span>
#include <string>
#include <vector>

// The path under test: the kernels where the build expects them (tests/CMakeLists.txt defines
// CTNN_EXPECT_KERNELS on x86-64 with g++ 12 or later or clang++), the scalar path when
// CTNN_NO_KERNELS is defined (runtime_batch_no_kernels). Else a switched-off kernel would pass
// every test here on the scalar path.
#if defined(CTNN_NO_KERNELS)
static_assert(CTNN_KERNELS == 0, "CTNN_NO_KERNELS is defined, yet CTNN_KERNELS is not 0");
#elif defined(CTNN_EXPECT_KERNELS)
static_assert(CTNN_KERNELS == 1,
              "CTNN_EXPECT_KERNELS: this build expects the run-time kernels, but CTNN_KERNELS is 0");
#endif

// ------------------------------------------------------------------------------------------------
// Every allocation of this program goes through these: `allocations` counts them.

namespace {
std::atomic<std::size_t> allocations{0};

void* allocate(std::size_t size, std::size_t alignment = alignof(std::max_align_t)) {
  ++allocations;
  if (size == 0) size = 1;
  void* p = alignment <= alignof(std::max_align_t)
                ? std::malloc(size)
                : std::aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, std::align_val_t a) {
  return allocate(size, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t size, std::align_val_t a) {
  return allocate(size, static_cast<std::size_t>(a));
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

namespace {

// Allocations made while f runs.
template <class F>
std::size_t allocations_in(F&& f) {
  const std::size_t before = allocations.load();
  f();
  return allocations.load() - before;
}

constexpr auto seed = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                    ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

// 3 inputs, 5 hidden, 2 outputs; exact binary fractions, so that hand-computed values are exact too.
constexpr auto small =
    ctnn::network(ctnn::dense<3, 5, float>(
                      {{0.5f, -0.25f, 1}, {1, 1, -1}, {-0.5f, 0.75f, 0.125f}, {2, 0, -2}, {0, 0.5f, 0.5f}},
                      {0.25f, -1, 0, 0.5f, -0.125f}, ctnn::relu),
                  ctnn::dense<5, 2, float>({{1, -1, 0.5f, 0.25f, -2}, {0.5f, 0.5f, 0.5f, 0.5f, 0.5f}}, {0, 1},
                                           ctnn::identity));

template <class T, std::size_t In, std::size_t Out>
constexpr auto filled_layer(int salt) {
  std::array<std::array<T, In>, Out> w{};
  std::array<T, Out> b{};
  for (std::size_t o = 0; o < Out; ++o) {
    b[o] = T(static_cast<int>((o * 7 + static_cast<std::size_t>(salt)) % 5) - 2);
    for (std::size_t i = 0; i < In; ++i)
      w[o][i] = T(static_cast<int>((o * 13 + i * 5 + static_cast<std::size_t>(salt)) % 9) - 4);
  }
  return ctnn::dense(w, b, ctnn::relu);
}
constexpr auto wide_int = ctnn::network(filled_layer<int, 64, 64>(1), filled_layer<int, 64, 1>(2));
constexpr auto deep_double = ctnn::network(filled_layer<double, 16, 16>(3), filled_layer<double, 16, 16>(4),
                                           filled_layer<double, 16, 1>(5));

template <class Net>
std::vector<typename Net::scalar_type> inputs_for(std::size_t rows) {
  using T = typename Net::scalar_type;
  std::vector<T> x(rows * Net::input_size);
  for (std::size_t k = 0; k < x.size(); ++k) x[k] = T(static_cast<int>((k * 31 + 7) % 11) - 5) / T(2);
  return x;
}

// The batch against one net(x) per row, for every size from 0 to max_rows.
template <class Net>
void check_all_sizes(const Net& net, std::size_t max_rows) {
  using T = typename Net::scalar_type;
  constexpr std::size_t in = Net::input_size, out = Net::output_size;
  for (std::size_t rows = 0; rows <= max_rows; ++rows) {
    const auto x = inputs_for<Net>(rows);
    std::vector<T> y(rows * out, T(-99));
    ctnn::evaluate_batch(net, std::span<const T>(x), std::span<T>(y));
    std::size_t wrong = 0;
    for (std::size_t r = 0; r < rows; ++r) {
      typename Net::input_type row{};
      for (std::size_t i = 0; i < in; ++i) row[i] = x[r * in + i];
      const auto single = net(row);
      for (std::size_t o = 0; o < out; ++o) wrong += !(y[r * out + o] == single[o]);
    }
    INFO(rows << " rows");
    CHECK(wrong == 0);
  }
}

}  // namespace

TEST_CASE("evaluate_batch: every batch size gives the single-sample results", "[runtime][batch]") {
  check_all_sizes(seed, 70);
  check_all_sizes(small, 70);
  check_all_sizes(wide_int, 70);
  check_all_sizes(deep_double, 70);

  SECTION("known values") {
    const std::vector<int> in{0, 0, 0, 1, 1, 0, 1, 1, 0, 1};
    std::vector<int> out(5, -1);
    ctnn::evaluate_batch(seed, in, out);
    CHECK(out == std::vector{0, 10, 10, 0, 10});
    // small, row (1, 2, -1): hidden relu(0.25+0.5-0.5-1, -1+1+2+1, 0-0.5+1.5-0.125, 0.5+2+0+2,
    // -0.125+0+1-0.5)
    //   = (0, 3, 0.875, 4.5, 0.375); outputs (0-3+0.4375+1.125-0.75, 1+1.5+0.4375+2.25+0.1875)
    const std::vector<float> x{1, 2, -1};
    std::vector<float> y(2);
    ctnn::evaluate_batch(small, x, y);
    CHECK(y == std::vector<float>{-2.1875f, 5.375f});
  }
}

TEST_CASE("evaluate_batch on spans of std::array rows", "[runtime][batch]") {
  const std::vector<std::array<int, 2>> rows{{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 2}};
  std::vector<std::array<int, 1>> out(5, {-1});
  ctnn::evaluate_batch(seed, std::span<const std::array<int, 2>>(rows), std::span<std::array<int, 1>>(out));
  CHECK(out == std::vector<std::array<int, 1>>{{0}, {10}, {10}, {0}, {0}});

  // all sizes: the same as the flat overload
  for (std::size_t n = 0; n <= 40; ++n) {
    const auto flat = inputs_for<decltype(small)>(n);
    std::vector<std::array<float, 3>> array_rows(n);
    for (std::size_t r = 0; r < n; ++r) array_rows[r] = {flat[3 * r], flat[3 * r + 1], flat[3 * r + 2]};
    std::vector<float> y(2 * n);
    std::vector<std::array<float, 2>> y_rows(n);
    ctnn::evaluate_batch(small, flat, y);
    ctnn::evaluate_batch(small, std::span<const std::array<float, 3>>(array_rows),
                         std::span<std::array<float, 2>>(y_rows));
    std::size_t wrong = 0;
    for (std::size_t r = 0; r < n; ++r) wrong += !(y_rows[r][0] == y[2 * r] && y_rows[r][1] == y[2 * r + 1]);
    INFO(n << " rows");
    CHECK(wrong == 0);
  }

  // usable in constant expressions
  STATIC_REQUIRE([] {
    const std::array<std::array<int, 2>, 2> x{{{0, 1}, {1, 1}}};
    std::array<std::array<int, 1>, 2> y{};
    ctnn::evaluate_batch(seed, std::span<const std::array<int, 2>>(x), std::span<std::array<int, 1>>(y));
    return y[0][0] == 10 && y[1][0] == 0;
  }());

  SECTION("a different number of output rows: ctnn::size_error, nothing written") {
    std::vector<std::array<int, 1>> three(3, {-1});
    CHECK_THROWS_AS(ctnn::evaluate_batch(seed, std::span<const std::array<int, 2>>(rows),
                                         std::span<std::array<int, 1>>(three)),
                    ctnn::size_error);
    CHECK_THROWS_WITH(ctnn::evaluate_batch(seed, std::span<const std::array<int, 2>>(rows),
                                           std::span<std::array<int, 1>>(three)),
                      "ctnn::evaluate_batch (output rows, one per input row): expected 5 rows, got 3");
    CHECK(three == std::vector<std::array<int, 1>>(3, {-1}));
  }
}

TEST_CASE("evaluate_batch size errors on the kernel path write nothing", "[runtime][batch]") {
  const auto x = inputs_for<decltype(small)>(40);  // 120 values: 40 rows of 3
  std::vector<float> y(80, -7.f);
  try {
    ctnn::evaluate_batch(small, std::span<const float>(x).first(119), std::span<float>(y));
    FAIL("no exception");
  } catch (const ctnn::size_error& e) {
    CHECK(e.expected() == 120);
    CHECK(e.actual() == 119);
    CHECK(std::string(e.what()) ==
          "ctnn::evaluate_batch (inputs, a multiple of the input count): expected 120 values, got 119");
  }
  CHECK_THROWS_WITH(ctnn::evaluate_batch(small, std::span<const float>(x), std::span<float>(y).first(79)),
                    "ctnn::evaluate_batch (outputs): expected 80 values, got 79");
  std::vector<float> too_long(81, -7.f);
  CHECK_THROWS_WITH(ctnn::evaluate_batch(small, std::span<const float>(x), std::span<float>(too_long)),
                    "ctnn::evaluate_batch (outputs): expected 80 values, got 81");
  CHECK(y == std::vector<float>(80, -7.f));
  CHECK(too_long == std::vector<float>(81, -7.f));
  // no rows at all: fine, nothing written
  CHECK_NOTHROW(ctnn::evaluate_batch(small, std::span<const float>(), std::span<float>()));
  CHECK_THROWS_WITH(ctnn::evaluate_batch(small, std::span<const float>(), std::span<float>(y).first(2)),
                    "ctnn::evaluate_batch (outputs): expected 0 values, got 2");
}

TEST_CASE("evaluation allocates nothing", "[runtime][batch][memory]") {
  // The counter sees allocations: a vector does one.
  CHECK(allocations_in([] { std::vector<int> v(3); }) == 1);

  const std::array<int, 2> s{0, 1};
  const std::array<float, 3> f{1, 2, -1};
  const std::array<double, 16> d{1, 2, 3, 4, 5, 6, 7, 8, -1, -2, -3, -4, -5, -6, -7, -8};
  std::array<int, 64> w{};
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = static_cast<int>(i % 7) - 3;
  int sink = 0;
  CHECK(allocations_in([&] { sink += ctnn::evaluate(seed, s)[0]; }) == 0);
  CHECK(allocations_in([&] { sink += seed(s)[0]; }) == 0);
  CHECK(allocations_in([&] { sink += static_cast<int>(ctnn::evaluate(small, f)[1]); }) == 0);
  CHECK(allocations_in(
            [&] { sink += static_cast<int>(ctnn::evaluate(small, std::span<const float>(f))[1]); }) == 0);
  CHECK(allocations_in([&] { sink += static_cast<int>(ctnn::evaluate(deep_double, d)[0]); }) == 0);
  CHECK(allocations_in([&] { sink += ctnn::evaluate(wide_int, std::span<const int>(w))[0]; }) == 0);
  CHECK(allocations_in([&] { sink += ctnn::evaluate(wide_int, std::array<long long, 64>{})[0]; }) == 0);
  CHECK(allocations_in([&] { sink += small.layer<0>()(f)[0] > 0; }) == 0);

  for (const std::size_t rows : {std::size_t{0}, std::size_t{1}, std::size_t{17}, std::size_t{1000}}) {
    const auto x = inputs_for<decltype(wide_int)>(rows);
    std::vector<int> y(rows);
    CHECK(allocations_in(
              [&] { ctnn::evaluate_batch(wide_int, std::span<const int>(x), std::span<int>(y)); }) == 0);
    const auto xf = inputs_for<decltype(small)>(rows);
    std::vector<float> yf(2 * rows);
    CHECK(allocations_in(
              [&] { ctnn::evaluate_batch(small, std::span<const float>(xf), std::span<float>(yf)); }) == 0);
    std::vector<std::array<float, 3>> array_rows(rows);
    std::vector<std::array<float, 2>> array_out(rows);
    CHECK(allocations_in([&] {
            ctnn::evaluate_batch(small, std::span<const std::array<float, 3>>(array_rows),
                                 std::span<std::array<float, 2>>(array_out));
          }) == 0);
    // the overload that returns a vector allocates that vector, once
    CHECK(allocations_in([&] {
            const auto results =
                ctnn::evaluate_batch(small, std::span<const std::array<float, 3>>(array_rows));
            sink += static_cast<int>(results.size());
          }) == (rows == 0 ? 0 : 1));
  }
  CHECK(sink != 12345);  // (uses the results)
}

// The size of a network is that of its parameters plus, per layer, the activation's storage (an empty
// activation such as relu occupies one byte, padded to the alignment of the scalar type; leaky_relu
// and clamp hold two ints). Known at compile time, and evaluation adds no heap memory.
template <class Layer>
constexpr std::size_t documented_layer_size() {
  using T = typename Layer::scalar_type;
  using A = typename Layer::activation_type;
  const std::size_t parameters = Layer::parameter_count * sizeof(T);
  const std::size_t activation = (sizeof(A) + alignof(T) - 1) / alignof(T) * alignof(T);
  const std::size_t align = alignof(T) > alignof(A) ? alignof(T) : alignof(A);
  return (parameters + activation + align - 1) / align * align;
}
template <class Net, std::size_t... K>
constexpr std::size_t documented_size(std::index_sequence<K...>) {
  return (documented_layer_size<std::tuple_element_t<K, typename Net::layer_types>>() + ...);
}
template <class Net>
constexpr std::size_t documented_size() {
  return documented_size<Net>(std::make_index_sequence<Net::layer_count>{});
}

TEST_CASE("sizeof(network): parameters plus activations, known at compile time", "[runtime][memory]") {
  // the seed network, 2-2-1 int: 9 parameters, and 2 relu layers (one padded int each) = 11 ints
  STATIC_REQUIRE(decltype(seed)::parameter_count == 9);
  STATIC_REQUIRE(sizeof(seed) == 11 * sizeof(int));
  STATIC_REQUIRE(sizeof(seed) == documented_size<decltype(seed)>());
  // 3-5-2 float: 32 parameters + 2 activations = 34 floats
  STATIC_REQUIRE(sizeof(small) == 34 * sizeof(float));
  STATIC_REQUIRE(sizeof(small) == documented_size<decltype(small)>());
  // 64-64-1 int: 4225 parameters + 2 activations
  STATIC_REQUIRE(sizeof(wide_int) == (4225 + 2) * sizeof(int));
  STATIC_REQUIRE(sizeof(wide_int) == documented_size<decltype(wide_int)>());
  // 16-16-16-1 double: 561 parameters + 3 activations (8 bytes each)
  STATIC_REQUIRE(sizeof(deep_double) == (561 + 3) * sizeof(double));
  STATIC_REQUIRE(sizeof(deep_double) == documented_size<decltype(deep_double)>());
  // activations with state: leaky_relu holds two ints (8 bytes)
  constexpr auto leaky = ctnn::network(ctnn::dense<2, 1, float>({{1, 2}}, {0}, ctnn::leaky_relu(1, 10)));
  STATIC_REQUIRE(sizeof(leaky) == 3 * sizeof(float) + 2 * sizeof(int));
  STATIC_REQUIRE(sizeof(leaky) == documented_size<decltype(leaky)>());
}
