/// @file spec/domain.hpp
/// Finite input domains and their rows: `boolean_inputs<N>` ({0,1}^N), `uniform_domain<N>({0, 1, 2})`
/// and `make_domain({0, 1}, {0, 1, 2})` (one value list per input); `named<R>(dom)` names the inputs
/// by the fields of a record R
/// (spec/named.hpp).
///
/// Row order (documented and stable): rows are numbered like mixed-radix numbers whose most significant
/// digit is input 0, so the LAST input changes fastest. For {0,1}^2: row 0 = (0,0), row 1 = (0,1),
/// row 2 = (1,0), row 3 = (1,1); row r of {0,1}^N holds the N binary digits of r, most significant first.
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <ctnn/config.hpp>

namespace ctnn {

/// Names a compile error: the domain's rows cannot be counted in a std::size_t (the product of the
/// list sizes of its `InputCount` inputs is 2^64 or more); {0,1}^64 and larger domains can be built and
/// their rows read (`row`, `contains`), but not counted, indexed or verified.
template <std::size_t InputCount>
struct domain_rows_exceed_size_t;

/// Names a compile error: input `Input`'s value list holds `Value` (a `ctnn::decimal<...>`, its text)
/// twice, so that the domain's rows would repeat (CTNN_VERIFY checks every domain it is given).
template <std::size_t Input, class Value>
struct domain_lists_a_value_twice;

namespace detail {
// Loops, not fold expressions over the inputs: clang++ nests a fold of N terms N deep, and its limit
// (-fbracket-depth) is 256, so that a fold over 512 inputs does not compile.
template <std::size_t N>
constexpr bool all_positive(const std::array<std::size_t, N>& counts) {
  for (const std::size_t c : counts)
    if (c == 0) return false;
  return true;
}
template <std::size_t N>
constexpr std::size_t sum_of(const std::array<std::size_t, N>& counts) {
  std::size_t total = 0;
  for (const std::size_t c : counts) total += c;
  return total;
}
/// The product of the counts, or 0 when it does not fit a std::size_t (or a count is 0).
template <std::size_t N>
constexpr std::size_t product_of(const std::array<std::size_t, N>& counts) {
  std::size_t total = 1;
  for (const std::size_t c : counts) {
    if (c == 0 || total > static_cast<std::size_t>(-1) / c) return 0;
    total *= c;
  }
  return total;
}
template <std::size_t N>
constexpr std::array<std::size_t, N> starts_of(const std::array<std::size_t, N>& counts) {
  std::array<std::size_t, N> start{};
  for (std::size_t i = 1; i < N; ++i) start[i] = start[i - 1] + counts[i - 1];
  return start;
}
}  // namespace detail

/// The product of one finite value list per input: input i takes the `Counts[i]` values given for it.
/// `V` is the value type of the lists (converted to the network's scalar when evaluated).
template <class V, std::size_t... Counts>
struct domain {
  /// The type of the listed values, V.
  using value_type = V;
  /// One row: a std::array with one value per input.
  using row_type = std::array<V, sizeof...(Counts)>;
  /// The number of inputs.
  static constexpr std::size_t input_count = sizeof...(Counts);
  /// The number of values listed for each input.
  static constexpr std::array<std::size_t, input_count> counts{Counts...};

  static_assert(input_count > 0, "ctnn::domain: a domain needs at least one input");
  static_assert(detail::all_positive(counts), "ctnn::domain: every input needs at least one value");

  /// Number of rows: the product of the list sizes (a compile error,
  /// ctnn::domain_rows_exceed_size_t<inputs>, when that does not fit a std::size_t).
  static constexpr std::size_t size() {
    constexpr std::size_t rows = detail::product_of(counts);
    if constexpr (rows == 0) {
      static_assert(detail::named_error<domain_rows_exceed_size_t<input_count>>,
                    "ctnn::domain: the number of rows does not fit a std::size_t (2^64 or more); such a "
                    "domain cannot be counted or verified row by row: ctnn::domain_rows_exceed_size_t<inputs>");
      return 1;
    } else {
      return rows;
    }
  }

  /// Number of values in all lists together.
  static constexpr std::size_t value_count = detail::sum_of(counts);
  /// Where each input's list starts in `values`.
  static constexpr std::array<std::size_t, input_count> offsets = detail::starts_of(counts);
  /// All value lists, one after the other; input i's list starts at offset(i).
  std::array<V, value_count> values;

  /// Where input `input`'s list starts in `values`.
  static constexpr std::size_t offset(std::size_t input) { return offsets[input]; }

  /// The inputs of row `r` (0 <= r < size()), in the order documented at the top of this header.
  constexpr row_type row(std::size_t r) const {
    row_type x{};
    for (std::size_t i = input_count; i-- > 0;) {
      x[i] = values[offsets[i] + r % counts[i]];
      r /= counts[i];
    }
    return x;
  }

  /// The row number of `x`, or size() when some input is not in its list (outside the domain).
  template <class U, std::size_t N>
  constexpr std::size_t index_of(const std::array<U, N>& x) const {
    static_assert(N == input_count, "ctnn::domain::index_of: the row has the wrong number of inputs");
    std::size_t r = 0;
    for (std::size_t i = 0; i < input_count; ++i) {
      std::size_t k = 0;
      while (k < counts[i] && !(values[offsets[i] + k] == x[i])) ++k;
      if (k == counts[i]) return size();
      r = r * counts[i] + k;
    }
    return r;
  }

  /// True when every input of `x` is one of its listed values (also for domains too large to count).
  template <class U, std::size_t N>
  constexpr bool contains(const std::array<U, N>& x) const {
    static_assert(N == input_count, "ctnn::domain::contains: the row has the wrong number of inputs");
    for (std::size_t i = 0; i < input_count; ++i) {
      std::size_t k = 0;
      while (k < counts[i] && !(values[offsets[i] + k] == x[i])) ++k;
      if (k == counts[i]) return false;
    }
    return true;
  }
};

/// `ctnn::make_domain({0, 1}, {0, 1, 2})`: one brace list per input.
template <class V, std::size_t... Counts>
constexpr domain<V, Counts...> make_domain(const V (&... lists)[Counts]) {
  domain<V, Counts...> d{};
  const V* const starts[] = {lists...};  // an array, not a fold over the inputs: no nesting limit
  for (std::size_t i = 0, at = 0; i < sizeof...(Counts); ++i)
    for (std::size_t k = 0; k < d.counts[i]; ++k) d.values[at++] = starts[i][k];
  return d;
}

namespace detail {
template <class V, std::size_t K, std::size_t... I>
constexpr auto uniform(const V (&list)[K], std::index_sequence<I...>) {
  domain<V, ((void)I, K)...> d{};
  for (std::size_t at = 0; at < d.value_count; ++at) d.values[at] = list[at % K];
  return d;
}
}  // namespace detail

/// All `N` inputs take the same values: `ctnn::uniform_domain<3>({0, 1, 2})` is {0,1,2}^3.
template <std::size_t N, class V, std::size_t K>
constexpr auto uniform_domain(const V (&list)[K]) {
  static_assert(N > 0, "ctnn::uniform_domain: a domain needs at least one input");
  return detail::uniform(list, std::make_index_sequence<N>{});
}

namespace detail {
/// Where a domain first lists a value twice for one input: `found`, the input, and the two positions
/// in its list. Ascending lists (the usual case) are recognised in one pass; others are compared pair
/// by pair.
struct repeated_value {
  bool found = false;
  std::size_t input = 0, first = 0, again = 0;
};
template <class Dom>
constexpr repeated_value first_repeated_value(const Dom& dom) {
  for (std::size_t i = 0; i < Dom::input_count; ++i) {
    const std::size_t at = Dom::offsets[i], count = Dom::counts[i];
    bool ascending = true;
    for (std::size_t k = 1; k < count && ascending; ++k) ascending = dom.values[at + k - 1] < dom.values[at + k];
    if (ascending) continue;
    for (std::size_t k = 1; k < count; ++k)
      for (std::size_t j = 0; j < k; ++j)
        if (dom.values[at + j] == dom.values[at + k]) return {true, i, j, k};
  }
  return {};
}
}  // namespace detail

/// {0,1}^N, as `int` values: the domain of a truth table.
template <std::size_t N>
inline constexpr auto boolean_inputs = uniform_domain<N>({0, 1});

namespace detail {
template <class T>
inline constexpr bool is_domain = false;
template <class V, std::size_t... Counts>
inline constexpr bool is_domain<domain<V, Counts...>> = true;

/// The record that names a domain's inputs: void here; spec/named.hpp specialises it.
template <class Dom>
struct record_of_domain {
  using type = void;
};
}  // namespace detail

/// True for the types made by ctnn's domain functions (const or not).
template <class T>
inline constexpr bool is_domain_v = detail::is_domain<std::remove_cvref_t<T>>;

/// The record that names a domain's inputs (`ctnn::named`), or void.
template <class Dom>
using record_of_t = typename detail::record_of_domain<std::remove_cvref_t<Dom>>::type;

}  // namespace ctnn
