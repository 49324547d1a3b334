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

namespace ctnn {

/// The product of one finite value list per input: input i takes the `Counts[i]` values given for it.
/// `V` is the value type of the lists (converted to the network's scalar when evaluated).
template <class V, std::size_t... Counts>
struct domain {
  static_assert(sizeof...(Counts) > 0, "ctnn::domain: a domain needs at least one input");
  static_assert(((Counts > 0) && ...), "ctnn::domain: every input needs at least one value");

  /// The type of the listed values, V.
  using value_type = V;
  /// One row: a std::array with one value per input.
  using row_type = std::array<V, sizeof...(Counts)>;
  /// The number of inputs.
  static constexpr std::size_t input_count = sizeof...(Counts);
  /// The number of values listed for each input.
  static constexpr std::array<std::size_t, input_count> counts{Counts...};
  /// Number of rows: the product of the list sizes.
  static constexpr std::size_t size() { return (std::size_t{1} * ... * Counts); }

  /// Number of values in all lists together.
  static constexpr std::size_t value_count = (Counts + ...);
  /// All value lists, one after the other; input i's list starts at offset(i).
  std::array<V, value_count> values;

  /// Where input `input`'s list starts in `values`.
  static constexpr std::size_t offset(std::size_t input) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < input; ++i) start += counts[i];
    return start;
  }

  /// The inputs of row `r` (0 <= r < size()), in the order documented at the top of this header.
  constexpr row_type row(std::size_t r) const {
    row_type x{};
    for (std::size_t i = input_count; i-- > 0;) {
      x[i] = values[offset(i) + r % counts[i]];
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
      while (k < counts[i] && !(values[offset(i) + k] == x[i])) ++k;
      if (k == counts[i]) return size();
      r = r * counts[i] + k;
    }
    return r;
  }

  /// True when every input of `x` is one of its listed values.
  template <class U, std::size_t N>
  constexpr bool contains(const std::array<U, N>& x) const {
    return index_of(x) != size();
  }
};

/// `ctnn::make_domain({0, 1}, {0, 1, 2})`: one brace list per input.
template <class V, std::size_t... Counts>
constexpr domain<V, Counts...> make_domain(const V (&... lists)[Counts]) {
  domain<V, Counts...> d{};
  std::size_t at = 0;
  auto append = [&d, &at](const V* list, std::size_t count) {
    for (std::size_t k = 0; k < count; ++k) d.values[at++] = list[k];
  };
  (append(lists, Counts), ...);
  return d;
}

namespace detail {
template <class V, std::size_t K, std::size_t... I>
constexpr auto uniform(const V (&list)[K], std::index_sequence<I...>) {
  return make_domain(((void)I, list)...);
}
}  // namespace detail

/// All `N` inputs take the same values: `ctnn::uniform_domain<3>({0, 1, 2})` is {0,1,2}^3.
template <std::size_t N, class V, std::size_t K>
constexpr auto uniform_domain(const V (&list)[K]) {
  static_assert(N > 0, "ctnn::uniform_domain: a domain needs at least one input");
  return detail::uniform(list, std::make_index_sequence<N>{});
}

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
