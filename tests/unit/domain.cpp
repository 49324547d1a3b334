// Finite input domains: row order (last input fastest), sizes, uniform and mixed-radix domains,
// index_of / contains round trips and values outside the domain.
#include <array>
#include <catch2/catch.hpp>
#include <cstddef>
#include <ctnn/domain.hpp>
#include <type_traits>

namespace {

// Row r of {0,1}^N holds the N binary digits of r, most significant (input 0) first.
template <std::size_t N>
constexpr bool boolean_rows_are_binary_digits() {
  constexpr auto d = ctnn::boolean_inputs<N>;
  for (std::size_t r = 0; r < d.size(); ++r) {
    const auto x = d.row(r);
    for (std::size_t i = 0; i < N; ++i)
      if (x[i] != static_cast<int>((r >> (N - 1 - i)) & 1u)) return false;
  }
  return true;
}

// Every row maps back to its own index and is contained.
template <class Domain>
constexpr bool round_trips(const Domain& d) {
  for (std::size_t r = 0; r < d.size(); ++r) {
    if (d.index_of(d.row(r)) != r) return false;
    if (!d.contains(d.row(r))) return false;
  }
  return true;
}

// All rows differ from each other.
template <class Domain>
constexpr bool rows_are_distinct(const Domain& d) {
  for (std::size_t r = 0; r < d.size(); ++r)
    for (std::size_t s = r + 1; s < d.size(); ++s)
      if (d.row(r) == d.row(s)) return false;
  return true;
}

}  // namespace

TEST_CASE("boolean_inputs<N>: rows are the binary digits of the row number", "[domain]") {
  constexpr auto b2 = ctnn::boolean_inputs<2>;
  STATIC_REQUIRE(b2.size() == 4);
  STATIC_REQUIRE(b2.input_count == 2);
  STATIC_REQUIRE(std::is_same_v<decltype(b2)::value_type, int>);
  STATIC_REQUIRE(b2.row(0) == std::array{0, 0});
  STATIC_REQUIRE(b2.row(1) == std::array{0, 1});  // the last input changes fastest
  STATIC_REQUIRE(b2.row(2) == std::array{1, 0});
  STATIC_REQUIRE(b2.row(3) == std::array{1, 1});

  constexpr auto b3 = ctnn::boolean_inputs<3>;
  STATIC_REQUIRE(b3.size() == 8);
  STATIC_REQUIRE(b3.row(1) == std::array{0, 0, 1});
  STATIC_REQUIRE(b3.row(4) == std::array{1, 0, 0});
  STATIC_REQUIRE(b3.row(6) == std::array{1, 1, 0});

  STATIC_REQUIRE(ctnn::boolean_inputs<1>.size() == 2);
  STATIC_REQUIRE(ctnn::boolean_inputs<1>.row(1) == std::array{1});
  STATIC_REQUIRE(ctnn::boolean_inputs<10>.size() == 1024);
  STATIC_REQUIRE(ctnn::boolean_inputs<10>.row(0b1000000011) == std::array{1, 0, 0, 0, 0, 0, 0, 0, 1, 1});
  STATIC_REQUIRE(boolean_rows_are_binary_digits<1>());
  STATIC_REQUIRE(boolean_rows_are_binary_digits<4>());
  STATIC_REQUIRE(boolean_rows_are_binary_digits<7>());

  for (std::size_t r = 0; r < b3.size(); ++r) {
    const auto x = b3.row(r);
    CHECK(static_cast<std::size_t>(x[0] * 4 + x[1] * 2 + x[2]) == r);
  }
}

TEST_CASE("uniform_domain<N>: every input takes the same values", "[domain]") {
  constexpr auto d = ctnn::uniform_domain<3>({0, 1, 2});
  STATIC_REQUIRE(d.size() == 27);
  STATIC_REQUIRE(d.input_count == 3);
  STATIC_REQUIRE(d.counts == std::array<std::size_t, 3>{3, 3, 3});
  STATIC_REQUIRE(d.row(0) == std::array{0, 0, 0});
  STATIC_REQUIRE(d.row(1) == std::array{0, 0, 1});
  STATIC_REQUIRE(d.row(2) == std::array{0, 0, 2});
  STATIC_REQUIRE(d.row(3) == std::array{0, 1, 0});
  STATIC_REQUIRE(d.row(5) == std::array{0, 1, 2});
  STATIC_REQUIRE(d.row(9) == std::array{1, 0, 0});
  STATIC_REQUIRE(d.row(26) == std::array{2, 2, 2});  // 26 = 222 in base 3
  STATIC_REQUIRE(d.row(17) == std::array{1, 2, 2});  // 17 = 122 in base 3
  STATIC_REQUIRE(rows_are_distinct(d));

  // the values are listed values, not indices
  constexpr auto odd = ctnn::uniform_domain<2>({-3, 7});
  STATIC_REQUIRE(odd.size() == 4);
  STATIC_REQUIRE(odd.row(0) == std::array{-3, -3});
  STATIC_REQUIRE(odd.row(1) == std::array{-3, 7});
  STATIC_REQUIRE(odd.row(2) == std::array{7, -3});

  constexpr auto halves = ctnn::uniform_domain<2>({0.0, 0.5, 1.0});
  STATIC_REQUIRE(std::is_same_v<decltype(halves)::value_type, double>);
  STATIC_REQUIRE(halves.row(5) == std::array{0.5, 1.0});

  CHECK(d.row(5) == std::array{0, 1, 2});
  CHECK(d.row(25) == std::array{2, 2, 1});
}

TEST_CASE("make_domain: one value list per input, mixed radix", "[domain]") {
  constexpr auto d = ctnn::make_domain({0, 1}, {0, 1, 2});
  STATIC_REQUIRE(d.size() == 6);
  STATIC_REQUIRE(d.input_count == 2);
  STATIC_REQUIRE(d.counts == std::array<std::size_t, 2>{2, 3});
  STATIC_REQUIRE(d.offset(0) == 0);
  STATIC_REQUIRE(d.offset(1) == 2);
  STATIC_REQUIRE(d.values == std::array{0, 1, 0, 1, 2});
  STATIC_REQUIRE(d.row(0) == std::array{0, 0});
  STATIC_REQUIRE(d.row(1) == std::array{0, 1});
  STATIC_REQUIRE(d.row(2) == std::array{0, 2});
  STATIC_REQUIRE(d.row(3) == std::array{1, 0});
  STATIC_REQUIRE(d.row(4) == std::array{1, 1});
  STATIC_REQUIRE(d.row(5) == std::array{1, 2});

  // three inputs with 3, 1 and 2 values: 6 rows
  constexpr auto m = ctnn::make_domain({10, 20, 30}, {-1}, {5, 6});
  STATIC_REQUIRE(m.size() == 6);
  STATIC_REQUIRE(m.offset(2) == 4);
  STATIC_REQUIRE(m.row(0) == std::array{10, -1, 5});
  STATIC_REQUIRE(m.row(1) == std::array{10, -1, 6});
  STATIC_REQUIRE(m.row(2) == std::array{20, -1, 5});
  STATIC_REQUIRE(m.row(5) == std::array{30, -1, 6});
  STATIC_REQUIRE(rows_are_distinct(m));

  // the type of ctnn::domain
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(d)>, ctnn::domain<int, 2, 3>>);
  STATIC_REQUIRE(ctnn::is_domain_v<ctnn::domain<int, 2, 3>>);
  STATIC_REQUIRE(!ctnn::is_domain_v<int>);
  STATIC_REQUIRE(!ctnn::is_domain_v<std::array<int, 2>>);

  CHECK(d.row(4) == std::array{1, 1});
  CHECK(m.row(3) == std::array{20, -1, 6});
}

TEST_CASE("index_of and contains: every row round trips", "[domain]") {
  STATIC_REQUIRE(round_trips(ctnn::boolean_inputs<1>));
  STATIC_REQUIRE(round_trips(ctnn::boolean_inputs<5>));
  STATIC_REQUIRE(round_trips(ctnn::uniform_domain<3>({0, 1, 2})));
  STATIC_REQUIRE(round_trips(ctnn::make_domain({0, 1}, {0, 1, 2})));
  STATIC_REQUIRE(round_trips(ctnn::make_domain({10, 20, 30}, {-1}, {5, 6})));
  STATIC_REQUIRE(round_trips(ctnn::uniform_domain<2>({0.25, -0.5, 8.0})));

  constexpr auto d = ctnn::make_domain({0, 1}, {0, 1, 2});
  STATIC_REQUIRE(d.index_of(std::array{1, 2}) == 5);
  STATIC_REQUIRE(d.index_of(std::array{0, 2}) == 2);
  // a row of another value type compares by value
  STATIC_REQUIRE(d.index_of(std::array{1.0, 1.0}) == 4);
  STATIC_REQUIRE(d.index_of(std::array<long long, 2>{1, 0}) == 3);
  for (std::size_t r = 0; r < d.size(); ++r) {
    CHECK(d.index_of(d.row(r)) == r);
    CHECK(d.contains(d.row(r)));
  }
}

TEST_CASE("values outside the domain: index_of gives size(), contains is false", "[domain]") {
  constexpr auto d = ctnn::make_domain({0, 1}, {0, 1, 2});
  STATIC_REQUIRE(d.index_of(std::array{2, 0}) == d.size());  // 2 is not a value of input 0
  STATIC_REQUIRE(d.index_of(std::array{0, 3}) == d.size());
  STATIC_REQUIRE(d.index_of(std::array{-1, -1}) == d.size());
  STATIC_REQUIRE(d.index_of(std::array{0.5, 1.0}) == d.size());
  STATIC_REQUIRE(!d.contains(std::array{2, 0}));
  STATIC_REQUIRE(!d.contains(std::array{0, 3}));
  STATIC_REQUIRE(d.contains(std::array{1, 2}));

  constexpr auto b = ctnn::boolean_inputs<3>;
  STATIC_REQUIRE(b.index_of(std::array{0, 1, 2}) == 8);
  STATIC_REQUIRE(!b.contains(std::array{1, 1, -1}));
  STATIC_REQUIRE(b.contains(std::array{1, 1, 0}));

  constexpr auto m = ctnn::make_domain({10, 20, 30}, {-1}, {5, 6});
  STATIC_REQUIRE(!m.contains(std::array{10, 0, 5}));  // input 1 only takes -1
  STATIC_REQUIRE(m.index_of(std::array{30, -1, 7}) == 6);

  const std::array runtime_row{2, 0};
  CHECK(d.index_of(runtime_row) == 6);
  CHECK_FALSE(d.contains(runtime_row));
  CHECK_FALSE(b.contains(std::array{0, 0, 5}));
}
