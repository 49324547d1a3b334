/// @file spec/specification.hpp
/// Specifications: what each row of a domain should give. Built in: a table literal
/// (`ctnn::table({0, 10, 10, 0})`) and a reference function (`ctnn::truth_table_of(f)`).
///
/// The Specification concept. Minimal complete definition:
/// - `spec.expected(r, inputs)` -> std::array of the row's expected values, for row index r and its
///   inputs (a std::array of the domain's values);
/// - `spec.template check<Out>(r, x, y, at, rule)` -> bool: does row r (inputs x, a plain array)
///   meet the rule with the outputs y[at], ..., y[at + Out - 1] (a plain array)? The hot path.
///
/// Optional capabilities, found as members:
/// - `static constexpr std::size_t row_count`: the specification lists this many rows (a table);
///   verification checks it against the domain's size;
/// - `spec.reference()` -> const F&: the expected value of a row is `f(x0, ..., xn-1)`; the sweeps
///   call it directly, one call per row.
#pragma once

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <ctnn/diagnostic/errors.hpp>

namespace ctnn {

namespace detail {
template <class X>
constexpr bool array_like = requires(const X& x) {
  std::tuple_size<X>::value;
  x.data();
};
}  // namespace detail

/// Expected outputs listed row by row, in the domain's row order (see domain.hpp).
template <class E, std::size_t Rows, std::size_t Outputs>
struct table_spec {
  /// rows[r]: the expected values of row r, rows in the domain's row order.
  E rows[Rows][Outputs];
  /// The number of rows listed (the row_count capability: verification checks it against the domain's size).
  static constexpr std::size_t row_count = Rows;
  /// Row r's expected values (the inputs are not needed).
  template <class Row>
  constexpr std::array<E, Outputs> expected(std::size_t r, const Row&) const {
    std::array<E, Outputs> e{};
    for (std::size_t o = 0; o < Outputs; ++o) e[o] = rows[r][o];
    return e;
  }
  /// Whether the outputs y[at], ..., y[at + Out - 1] meet row r's expected values under `rule`.
  template <std::size_t Out, class Inputs, class Outputs_, class Rule>
  constexpr bool check(std::size_t r, const Inputs&, const Outputs_& y, std::size_t at, const Rule& rule) const {
    return rule.template holds<Out>(y, at, rows[r]);
  }
};

/// `ctnn::table({0, 10, 10, 0})`: one expected value per row (single-output networks, or decisions).
template <class E, std::size_t Rows>
constexpr table_spec<E, Rows, 1> table(const E (&rows)[Rows]) {
  table_spec<E, Rows, 1> spec{};
  for (std::size_t r = 0; r < Rows; ++r) spec.rows[r][0] = rows[r];
  return spec;
}

/// `ctnn::table({{1, 0}, {0, 1}, ...})`: one brace list of expected outputs per row.
template <class E, std::size_t Rows, std::size_t Outputs>
constexpr table_spec<E, Rows, Outputs> table(const E (&rows)[Rows][Outputs]) {
  table_spec<E, Rows, Outputs> spec{};
  for (std::size_t r = 0; r < Rows; ++r)
    for (std::size_t o = 0; o < Outputs; ++o) spec.rows[r][o] = rows[r][o];
  return spec;
}

namespace detail {
/// Whether `F` can be called with x[0], x[1], ... for an `Inputs` x (one argument per index).
template <class F, class Inputs, class Indices>
inline constexpr bool callable_on = false;
template <class F, class Inputs, std::size_t... I>
inline constexpr bool callable_on<F, Inputs, std::index_sequence<I...>> =
    std::is_invocable_v<const F&, decltype(std::declval<const Inputs&>()[I])...>;
}  // namespace detail

/// A reference function called with one argument per input (the row's values, as listed in the
/// domain); it returns the expected output (a scalar or bool) or outputs (a `std::array`).
template <class F>
struct reference_spec {
  /// The reference function.
  F function;

  /// The reference capability: the expected value of a row is `reference()(x0, ..., xn-1)`.
  constexpr const F& reference() const { return function; }

  /// The function on x[I]...: one argument per input.
  template <class Inputs, std::size_t... I>
    requires detail::callable_on<F, Inputs, std::index_sequence<I...>>
  constexpr auto call(const Inputs& x, std::index_sequence<I...>) const {
    return function(x[I]...);
  }
  /// The expected values of the row with inputs `x`: the function's result, as a std::array (of one element
  /// for a number or a bool).
  template <class V, std::size_t N>
    requires detail::callable_on<F, std::array<V, N>, std::make_index_sequence<N>>
  constexpr auto expected(std::size_t, const std::array<V, N>& x) const {
    const auto e = call(x, std::make_index_sequence<N>{});
    if constexpr (detail::array_like<std::remove_cvref_t<decltype(e)>>)
      return e;
    else
      return std::array<std::remove_cvref_t<decltype(e)>, 1>{e};
  }
  /// Whether the outputs y[at], ..., y[at + Out - 1] meet the function's result on `x` under `rule`.
  template <std::size_t Out, class V, std::size_t N, class Outputs, class Rule>
  constexpr bool check(std::size_t, const V (&x)[N], const Outputs& y, std::size_t at, const Rule& rule) const {
    using result = std::remove_cvref_t<decltype(call(x, std::make_index_sequence<N>{}))>;
    if constexpr (detail::array_like<result>) {
      const result e = call(x, std::make_index_sequence<N>{});
      typename result::value_type plain[std::tuple_size_v<result>]{};
      for (std::size_t k = 0; k < std::tuple_size_v<result>; ++k) plain[k] = e[k];
      return rule.template holds<Out>(y, at, plain);
    } else if constexpr (Out == 1 && requires { rule.holds_value(y[at], call(x, std::make_index_sequence<N>{})); }) {
      return rule.holds_value(y[at], call(x, std::make_index_sequence<N>{}));
    } else {
      const result e[1] = {call(x, std::make_index_sequence<N>{})};
      return rule.template holds<Out>(y, at, e);
    }
  }
};

/// The expected truth table, given by a function of the inputs:
/// `ctnn::truth_table_of([](int design, int quality) { return design != quality; })`.
template <class F>
constexpr reference_spec<F> truth_table_of(F function) {
  return {function};
}

/// The same expected values on every row: `ctnn::everywhere(true)` ("above the threshold on every
/// row"), `ctnn::everywhere(2)` (class 2 on every row, with ctnn::argmax).
template <class E, std::size_t K>
struct constant_spec {
  /// The expected values of every row.
  E values[K];
  /// The constant capability: every row expects `values`. With ctnn::above(t) or ctnn::argmax,
  /// verification bounds the network over sub-cubes of the domain first and evaluates only the rows
  /// the bounds cannot decide (docs/proofs.md, "Finite domains through bounds").
  constexpr std::array<E, K> constant_values() const {
    std::array<E, K> e{};
    for (std::size_t k = 0; k < K; ++k) e[k] = values[k];
    return e;
  }
  /// Row r's expected values: `values`.
  template <class Row>
  constexpr std::array<E, K> expected(std::size_t, const Row&) const {
    return constant_values();
  }
  /// Whether the outputs y[at], ..., y[at + Out - 1] meet `values` under `rule`.
  template <std::size_t Out, class Inputs, class Outputs, class Rule>
  constexpr bool check(std::size_t, const Inputs&, const Outputs& y, std::size_t at, const Rule& rule) const {
    return rule.template holds<Out>(y, at, values);
  }
};

/// `ctnn::everywhere(e0, e1, ...)`: every row expects e0, e1, ... (one per output, or one class).
template <class... E>
requires(sizeof...(E) > 0)
constexpr constant_spec<std::common_type_t<E...>, sizeof...(E)> everywhere(E... expected) {
  return {{static_cast<std::common_type_t<E...>>(expected)...}};
}

/// Names a compile error: the reference function cannot be called with `Inputs` arguments.
template <std::size_t Inputs>
struct reference_function_must_take_one_argument_per_input;

namespace detail {
/// True when `Spec` fits domain `Dom` (a table's row count, a reference function's arity);
/// otherwise also a compile error naming what does not fit.
template <class Spec, class Dom>
constexpr bool check_spec() {
  if constexpr (requires { Spec::row_count; }) {
    return check_table_rows<Spec::row_count, Dom::size()>();
  } else if constexpr (!requires(const Spec& s, const typename Dom::row_type& x) { s.expected(0, x); }) {
    static_assert(named_error<reference_function_must_take_one_argument_per_input<Dom::input_count>>,
                  "ctnn::truth_table_of(f): f must be callable with one argument per network input");
    return false;
  }
  return true;
}
}  // namespace detail

}  // namespace ctnn
