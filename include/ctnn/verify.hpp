/// @file verify.hpp
/// Specifications (a table literal or a reference function), decision rules (exact, above, argmax,
/// within), `ctnn::verify` (a constexpr predicate that returns the first failing row) and
/// `CTNN_VERIFY`, the one-line static form whose failure is a compile error naming the row, the
/// inputs, the expected and the actual output.
#pragma once

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <ctnn/detail/diagnostic.hpp>
#include <ctnn/detail/sweep.hpp>
#include <ctnn/domain.hpp>
#include <ctnn/network.hpp>
#include <ctnn/truth_table.hpp>

namespace ctnn {

// ---------------------------------------------------------------------------------------------
// Comparisons between an output of type T and a value given by the user (expected value, threshold,
// tolerance) of another type U. Two arithmetic types are compared as numbers, without first
// converting U to T (so above(-0.5) on an int network means "output >= 0", and an int output 0 is
// not equal to an expected 0.5); any other pair converts U to T.

namespace detail {
template <class U>
constexpr auto promote_bool(const U& u) {
  if constexpr (std::is_same_v<U, bool>)
    return static_cast<int>(u);
  else
    return u;
}

template <class T, class U>
constexpr bool equal(const T& t, const U& u) {
  if constexpr (std::is_arithmetic_v<T> && std::is_arithmetic_v<U>) {
    using A = decltype(promote_bool(t));
    using B = decltype(promote_bool(u));
    if constexpr (std::is_integral_v<A> && std::is_integral_v<B>)
      return std::cmp_equal(promote_bool(t), promote_bool(u));
    else
      return static_cast<std::common_type_t<A, B>>(t) == static_cast<std::common_type_t<A, B>>(u);
  } else {
    return t == static_cast<T>(u);
  }
}

template <class T, class U>
constexpr bool less(const T& t, const U& u) {
  if constexpr (std::is_arithmetic_v<T> && std::is_arithmetic_v<U>) {
    using A = decltype(promote_bool(t));
    using B = decltype(promote_bool(u));
    if constexpr (std::is_integral_v<A> && std::is_integral_v<B>)
      return std::cmp_less(promote_bool(t), promote_bool(u));
    else
      return static_cast<std::common_type_t<A, B>>(t) < static_cast<std::common_type_t<A, B>>(u);
  } else {
    return t < static_cast<T>(u);
  }
}

template <class T, class U>
constexpr bool greater(const T& t, const U& u) {
  if constexpr (std::is_arithmetic_v<T> && std::is_arithmetic_v<U>)
    return less(u, t);
  else
    return static_cast<T>(u) < t;
}

template <class X>
constexpr bool array_like = requires(const X& x) {
  std::tuple_size<X>::value;
  x.data();
};
}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Specifications: what each row should give. A specification answers `expected(row, inputs)` with
// a std::array, and `check<Out>(row, x, y, at, rule)` on plain arrays, the network's outputs being
// y[at], y[at + 1], ... (the hot path of verification: no pointers, no std::array calls).

/// Expected outputs listed row by row, in the domain's row order (see domain.hpp).
template <class E, std::size_t Rows, std::size_t Outputs>
struct table_spec {
  E rows[Rows][Outputs];
  static constexpr std::size_t row_count = Rows;
  template <class Row>
  constexpr std::array<E, Outputs> expected(std::size_t r, const Row&) const {
    std::array<E, Outputs> e{};
    for (std::size_t o = 0; o < Outputs; ++o) e[o] = rows[r][o];
    return e;
  }
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

/// A reference function called with one argument per input (the row's values, as listed in the
/// domain); it returns the expected output (a scalar or bool) or outputs (a `std::array`).
template <class F>
struct reference_spec {
  F function;

  template <class Inputs, std::size_t... I>
  constexpr auto call(const Inputs& x, std::index_sequence<I...>) const {
    return function(x[I]...);
  }
  template <class V, std::size_t N>
  constexpr auto expected(std::size_t, const std::array<V, N>& x) const {
    const auto e = call(x, std::make_index_sequence<N>{});
    if constexpr (detail::array_like<std::remove_cvref_t<decltype(e)>>)
      return e;
    else
      return std::array<std::remove_cvref_t<decltype(e)>, 1>{e};
  }
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

// ---------------------------------------------------------------------------------------------
// Decision rules: when does an actual output meet an expected one. Each rule has
// `holds<Out>(y, at, expected)` on plain arrays (outputs y[at], ..., y[at + Out - 1]; `expected` a
// plain array of K values) and `operator()(actual, expected)` on std::arrays.

namespace detail {
template <class Rule>
struct rule_base {
  template <class T, std::size_t N, class E, std::size_t K>
  constexpr bool operator()(const std::array<T, N>& actual, const std::array<E, K>& expected) const {
    T y[N]{};
    for (std::size_t o = 0; o < N; ++o) y[o] = actual[o];
    E e[K]{};
    for (std::size_t k = 0; k < K; ++k) e[k] = expected[k];
    return static_cast<const Rule&>(*this).template holds<N>(y, 0, e);
  }
};
}  // namespace detail

/// Every output equals its expected value (compared as numbers; see "Comparisons" above).
struct exact_t : detail::rule_base<exact_t> {
  template <class T, class E>
  constexpr bool holds_value(const T& actual, const E& expected) const {
    if constexpr (std::is_same_v<T, E>)
      return actual == expected;
    else
      return detail::equal(actual, expected);
  }
  template <std::size_t Out, class Outputs, class E, std::size_t K>
  constexpr bool holds(const Outputs& y, std::size_t at, const E (&expected)[K]) const {
    static_assert(K == Out, "ctnn::exact: one expected value per output");
    for (std::size_t o = 0; o < Out; ++o)
      if (!detail::equal(y[at + o], expected[o])) return false;
    return true;
  }
};
inline constexpr exact_t exact{};

/// Output o is above the threshold exactly when expected[o] is true (or non-zero).
template <class Threshold>
struct above_t : detail::rule_base<above_t<Threshold>> {
  Threshold threshold{};
  constexpr above_t() = default;
  constexpr above_t(Threshold t) : threshold(t) {}
  /// The decision for one output value: is it above the threshold?
  template <class T>
  constexpr bool decision(const T& value) const {
    if constexpr (std::is_same_v<T, Threshold>)
      return threshold < value;
    else
      return detail::greater(value, threshold);
  }
  template <class T, class E>
  constexpr bool holds_value(const T& actual, const E& expected) const {
    if constexpr (std::is_same_v<T, Threshold>)
      return (threshold < actual) == static_cast<bool>(expected);
    else
      return detail::greater(actual, threshold) == static_cast<bool>(expected);
  }
  template <std::size_t Out, class Outputs, class E, std::size_t K>
  constexpr bool holds(const Outputs& y, std::size_t at, const E (&expected)[K]) const {
    static_assert(K == Out, "ctnn::above: one expected decision per output");
    for (std::size_t o = 0; o < Out; ++o)
      if (decision(y[at + o]) != static_cast<bool>(expected[o])) return false;
    return true;
  }
};
/// Decision "output > threshold", compared with a bool (or 0/1) specification.
template <class Threshold>
constexpr above_t<Threshold> above(Threshold threshold) {
  return {threshold};
}

/// The index of the largest output (the first one on ties) equals the expected class.
struct argmax_t : detail::rule_base<argmax_t> {
  /// The index of the largest output (the first on ties).
  template <class T, std::size_t N>
  static constexpr std::size_t decision(const std::array<T, N>& outputs) {
    return decision<N>(outputs, 0);
  }
  /// The index of the largest of y[at], ..., y[at + Out - 1] (the first on ties).
  template <std::size_t Out, class Outputs>
  static constexpr std::size_t decision(const Outputs& y, std::size_t at = 0) {
    std::size_t best = 0;
    for (std::size_t o = 1; o < Out; ++o)
      if (y[at + best] < y[at + o]) best = o;
    return best;
  }
  template <std::size_t Out, class Outputs, class E, std::size_t K>
  constexpr bool holds(const Outputs& y, std::size_t at, const E (&expected)[K]) const {
    static_assert(K == 1, "ctnn::argmax: one expected class index per row");
    return detail::equal(decision<Out>(y, at), expected[0]);
  }
};
inline constexpr argmax_t argmax{};

/// Every output is within `tolerance` of its expected value: |actual - expected| <= tolerance,
/// computed in the common type of the three when all are arithmetic, else in the network's type.
template <class Tolerance>
struct within_t : detail::rule_base<within_t<Tolerance>> {
  Tolerance tolerance{};
  constexpr within_t() = default;
  constexpr within_t(Tolerance t) : tolerance(t) {}
  template <std::size_t Out, class Outputs, class E, std::size_t K>
  constexpr bool holds(const Outputs& y, std::size_t at, const E (&expected)[K]) const {
    static_assert(K == Out, "ctnn::within: one expected value per output");
    using T = std::remove_cvref_t<decltype(y[0])>;
    for (std::size_t o = 0; o < Out; ++o) {
      const T& actual_o = y[at + o];
      if constexpr (std::is_arithmetic_v<T> && std::is_arithmetic_v<E> && std::is_arithmetic_v<Tolerance>) {
        using C = std::common_type_t<T, decltype(detail::promote_bool(expected[o])), Tolerance>;
        const C a = static_cast<C>(actual_o), e = static_cast<C>(expected[o]);
        if (static_cast<C>(tolerance) < (a < e ? e - a : a - e)) return false;
      } else {
        const T e = static_cast<T>(expected[o]);
        const T distance = actual_o < e ? T(e - actual_o) : T(actual_o - e);
        if (static_cast<T>(tolerance) < distance) return false;
      }
    }
    return true;
  }
};
/// Decision "|actual - expected| <= tolerance" for every output.
template <class Tolerance>
constexpr within_t<Tolerance> within(Tolerance tolerance) {
  return {tolerance};
}

// ---------------------------------------------------------------------------------------------
// Verification.

/// The outcome of `ctnn::verify`: `passed`, or the first failing row with its inputs, the expected
/// values and the network's actual outputs. Converts to bool (true when it passed).
template <class V, std::size_t In, class E, std::size_t K, class T, std::size_t Out, class Rule>
struct verification {
  bool passed = true;
  std::size_t rows_checked = 0;  ///< rows known good, plus the failing one: row + 1, or every row
  std::size_t row = 0;           ///< the failing row's index (meaningful when !passed)
  std::array<V, In> inputs{};
  std::array<E, K> expected{};
  std::array<T, Out> actual{};
  Rule rule{};
  constexpr explicit operator bool() const { return passed; }
};

/// Names a compile error: one row (plus the start of a piece) costs about `RowCost` units, more than
/// half the compiler's constexpr budget `Budget` (see CTNN_CONSTEXPR_BUDGET).
template <std::size_t RowCost, std::size_t Budget>
struct one_row_exceeds_the_constexpr_budget;

/// Names a compile error: a table literal has `TableRows` rows, the domain `DomainRows`.
template <std::size_t TableRows, std::size_t DomainRows>
struct table_rows_differ_from_domain_rows;

/// Names a compile error: the specification gives `Expected` values per row, the rule needs `Needed`.
template <std::size_t Expected, std::size_t Needed>
struct expected_values_per_row_do_not_fit_rule;

/// Names a compile error: the reference function cannot be called with `Inputs` arguments.
template <std::size_t Inputs>
struct reference_function_must_take_one_argument_per_input;

namespace detail {

template <class Spec, class Dom>
constexpr bool check_spec() {
  if constexpr (requires { Spec::row_count; }) {
    if constexpr (Spec::row_count != Dom::size()) {
      static_assert(Spec::row_count == Dom::size(),
                    "ctnn::verify: the table literal must have one entry per row of the domain; "
                    "ctnn::table_rows_differ_from_domain_rows<table rows, domain rows> shows both");
      return sizeof(table_rows_differ_from_domain_rows<Spec::row_count, Dom::size()>) > 0;
    }
  } else if constexpr (!requires(const Spec& s, const typename Dom::row_type& x) { s.expected(0, x); }) {
    static_assert(Dom::input_count == 0,
                  "ctnn::truth_table_of(f): f must be callable with one argument per network input");
    return sizeof(reference_function_must_take_one_argument_per_input<Dom::input_count>) > 0;
  }
  return true;
}

template <class Rule, std::size_t K, std::size_t Out>
constexpr bool check_rule() {
  constexpr std::size_t needed = std::is_same_v<Rule, argmax_t> ? 1 : Out;
  if constexpr (K != needed) {
    static_assert(K == needed,
                  "ctnn::verify: each row must give one expected value per network output (argmax: "
                  "one class index); ctnn::expected_values_per_row_do_not_fit_rule<given, needed>");
    return sizeof(expected_values_per_row_do_not_fit_rule<K, needed>) > 0;
  }
  return true;
}

}  // namespace detail

namespace detail {

/// What one verification needs, checked once: the network, the specification, the rule, the domain.
/// CTNN_VERIFY keeps it in a static constexpr variable, so that templates can refer to it.
template <class Net, class Spec, class Rule, class Dom>
struct verification_task {
  Net net;
  Spec spec;
  Rule rule;
  Dom dom;
};

template <network_like Net, class Spec, class Rule, class Dom>
constexpr verification_task<Net, Spec, Rule, Dom> make_task(const Net& net, const Spec& spec, const Rule& rule,
                                                            const Dom& dom) {
  static_assert(is_domain_v<Dom>, "ctnn::verify(net, spec, rule, dom): 'dom' must be a ctnn::domain");
  static_assert(check_domain<Net, Dom>());
  static_assert(check_spec<Spec, Dom>());
  constexpr std::size_t K = std::tuple_size_v<decltype(spec.expected(0, dom.row(0)))>;
  static_assert(check_rule<Rule, K, Net::output_size>());
  return {net, spec, rule, dom};
}

template <network_like Net, class Spec, class Rule>
constexpr auto make_task(const Net& net, const Spec& spec, const Rule& rule) {
  return make_task(net, spec, rule, boolean_inputs<Net::input_size>);
}

/// The full verification result for an outcome: the failing row is evaluated once more, directly.
template <class Net, class Spec, class Rule, class Dom>
constexpr auto describe(const verification_task<Net, Spec, Rule, Dom>& task, const sweep_outcome& outcome) {
  using expected_row = decltype(task.spec.expected(0, task.dom.row(0)));
  verification<typename Dom::value_type, Dom::input_count, typename expected_row::value_type,
               std::tuple_size_v<expected_row>, typename Net::scalar_type, Net::output_size, Rule>
      result{};
  result.rule = task.rule;
  result.passed = outcome.passed;
  result.rows_checked = Dom::size();
  if (!outcome.passed) {
    result.row = outcome.first_failing_row;
    result.rows_checked = result.row + 1;
    result.inputs = task.dom.row(result.row);
    result.expected = task.spec.expected(result.row, result.inputs);
    result.actual = task.net(to_network_input<Net>(result.inputs));
  }
  return result;
}

}  // namespace detail

/// Checks every row of `dom` (default: {0,1}^input_size) and returns the first row, in row order,
/// where `rule(net(row), spec's expected value)` is false, with its inputs, expected and actual
/// values. Usable in constant expressions (a test can `static_assert(!ctnn::verify(wrong, ...))`)
/// and at run time (`REQUIRE(ctnn::verify(...))` checks domains past the compile-time budget).
/// Integer (exact) networks are swept in Gray-code order, others row by row; see docs/scale.md.
template <network_like Net, class Spec, class Rule, class Dom>
constexpr auto verify(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom) {
  const auto task = detail::make_task(net, spec, rule, dom);
  return detail::describe(task, detail::sweep(net, spec, rule, dom, 0, Dom::size()));
}

/// Same, over {0,1}^input_size.
template <network_like Net, class Spec, class Rule>
constexpr auto verify(const Net& net, const Spec& spec, const Rule& rule) {
  return verify(net, spec, rule, boolean_inputs<Net::input_size>);
}

// ---------------------------------------------------------------------------------------------
// The static form.

/// What a failing CTNN_VERIFY prints. Declared, never defined: the compiler shows the arguments.
/// Integer values appear as themselves (`inputs<0, 1>`), other values as decimal text
/// (`actual_decimal<ctnn::decimal<'0', '.', '5'>>`).
template <class Row, class Inputs, class Expected, class Actual, class... Decisions>
struct truth_table_row_mismatch;

template <std::size_t Index>
struct row {};
template <long long... Values>
struct inputs {};
template <long long... Values>
struct expected {};
template <long long... Values>
struct actual {};
template <class... Decimals>
struct inputs_decimal {};
template <class... Decimals>
struct expected_decimal {};
template <class... Decimals>
struct actual_decimal {};
/// For the rules above(t) (true: output above t) and argmax (the class index).
template <long long Value>
struct expected_decision {};
template <long long Value>
struct actual_decision {};

namespace detail {

template <std::size_t In, std::size_t K, std::size_t Out>
struct report {
  bool passed = true;
  std::size_t row = 0;
  diagnostic_value inputs[In]{};
  diagnostic_value expected[K]{};
  diagnostic_value actual[Out]{};
  bool has_decision = false;
  long long expected_decision = 0;
  long long actual_decision = 0;
};

template <class V, std::size_t In, class E, std::size_t K, class T, std::size_t Out, class Rule>
constexpr report<In, K, Out> make_report(const verification<V, In, E, K, T, Out, Rule>& v) {
  report<In, K, Out> r{};
  r.passed = v.passed;
  if (v.passed) return r;  // formatting costs compile time: only a failure pays it
  r.row = v.row;
  for (std::size_t i = 0; i < In; ++i) r.inputs[i] = to_diagnostic(v.inputs[i]);
  for (std::size_t i = 0; i < K; ++i) r.expected[i] = to_diagnostic(v.expected[i]);
  for (std::size_t i = 0; i < Out; ++i) r.actual[i] = to_diagnostic(v.actual[i]);
  if constexpr (std::is_same_v<Rule, argmax_t>) {
    r.has_decision = true;
    r.expected_decision = static_cast<long long>(v.expected[0]);
    r.actual_decision = static_cast<long long>(argmax_t::decision(v.actual));
  } else if constexpr (requires { v.rule.decision(v.actual[0]); }) {
    r.has_decision = true;
    for (std::size_t o = 0; o < Out; ++o) {
      if (v.rule.decision(v.actual[o]) != static_cast<bool>(v.expected[o])) {
        r.expected_decision = static_cast<bool>(v.expected[o]);
        r.actual_decision = v.rule.decision(v.actual[o]);
        break;
      }
    }
  }
  return r;
}

template <template <long long...> class Integers, template <class...> class Decimals, auto Values,
          std::size_t... I>
auto shown(std::index_sequence<I...>) {
  if constexpr (((Values[I].integral) && ...))
    return Integers<Values[I].integer...>{};
  else
    return Decimals<decimal_t<Values, I>...>{};
}

/// True; on a failed report, also a compile error whose template arguments show the failing row.
template <auto R>
constexpr bool show_failure() {
  if constexpr (R.passed) {
    return true;
  } else {
    constexpr auto in = std::to_array(R.inputs);
    constexpr auto ex = std::to_array(R.expected);
    constexpr auto ac = std::to_array(R.actual);
    using shown_inputs = decltype(shown<ctnn::inputs, inputs_decimal, in>(std::make_index_sequence<in.size()>{}));
    using shown_expected =
        decltype(shown<ctnn::expected, expected_decimal, ex>(std::make_index_sequence<ex.size()>{}));
    using shown_actual = decltype(shown<ctnn::actual, actual_decimal, ac>(std::make_index_sequence<ac.size()>{}));
    // An error here means that the network gives a wrong output on the row shown in the template
    // arguments: row<index>, inputs<...>, expected<...>, actual<...> (see docs/getting-started.md).
    if constexpr (R.has_decision)
      return sizeof(truth_table_row_mismatch<ctnn::row<R.row>, shown_inputs, shown_expected, shown_actual,
                                             expected_decision<R.expected_decision>,
                                             actual_decision<R.actual_decision>>) > 0;
    else
      return sizeof(truth_table_row_mismatch<ctnn::row<R.row>, shown_inputs, shown_expected, shown_actual>) > 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Splitting a static verification into constant expressions that each fit the compiler's budget.

/// The budget of one constant expression, in the compiler's own unit: clang++ counts evaluation steps
/// (-fconstexpr-steps, default 1048576), g++ operations (-fconstexpr-ops-limit, default 33554432).
/// Define CTNN_CONSTEXPR_BUDGET to the raised limit if you raise it (larger pieces compile faster).
#ifndef CTNN_CONSTEXPR_BUDGET
#if defined(__clang__)
#define CTNN_CONSTEXPR_BUDGET 1048576
#else
#define CTNN_CONSTEXPR_BUDGET 33554432
#endif
#endif
inline constexpr std::size_t constexpr_budget = CTNN_CONSTEXPR_BUDGET;
/// g++ also limits each loop to 262144 iterations (-fconstexpr-loop-limit).
inline constexpr std::size_t rows_per_piece_limit = 200000;

/// Estimated cost, in budget units, of one row and of starting a piece. The factors were measured by
/// finding, for a set of networks, the smallest -fconstexpr-steps (clang++) or -fconstexpr-ops-limit
/// (g++) under which 64 and then 192 rows pass (docs/scale.md has the method and the figures); each
/// factor here is the largest measured value times about 1.5.
struct cost_model {
  std::size_t per_row;            // row bookkeeping, the spec and the rule
  std::size_t per_prefix_row;     // extra for the row-order (non-exact) sweep
  std::size_t per_unit;           // per first-layer unit, unrolled (<= 128 units)
  std::size_t per_unit_looped;    // per first-layer unit, looped (> 128 units)
  std::size_t per_multiply_add;   // in layers after the second
  std::size_t per_fold_multiply_add;  // in the second layer (fold expressions when unrolled)
  std::size_t per_call;           // an activation that is called, not inlined
  std::size_t per_smooth_call;    // sigmoid or tanh
  std::size_t setup, per_setup_value;
};
#if defined(__clang__)
inline constexpr cost_model costs{60, 60, 1, 12, 12, 1, 10, 400, 4000, 8};
#else
inline constexpr cost_model costs{400, 900, 45, 150, 24, 24, 100, 700, 60000, 260};
#endif

template <class Activation>
constexpr std::size_t activation_cost() {
  if constexpr (std::is_same_v<Activation, relu_t>)
    return 0;
  else if constexpr (std::is_same_v<Activation, sigmoid_t> || std::is_same_v<Activation, tanh_t>)
    return costs.per_smooth_call;
  else
    return costs.per_call;
}

template <class Layer, bool Second>
constexpr std::size_t later_layer_cost() {
  constexpr bool folded = Second && Layer::input_size <= 128;
  return Layer::input_size * Layer::output_size *
             (folded ? costs.per_fold_multiply_add : costs.per_multiply_add) +
         Layer::output_size * (activation_cost<typename Layer::activation_type>() + costs.per_call);
}

template <class Net, std::size_t... K>
constexpr std::size_t row_cost(std::index_sequence<K...>) {
  using layers = typename Net::layer_types;
  using first = std::tuple_element_t<0, layers>;
  // The row-order sweep's extra cost is counted for every scalar: integers fall back to it when their
  // sums could overflow (detail::gray_is_safe).
  std::size_t cost = costs.per_row + costs.per_prefix_row;
  cost += first::output_size * ((first::output_size <= 128 ? costs.per_unit : costs.per_unit_looped) +
                                activation_cost<typename first::activation_type>());
  return (cost + ... + (K == 0 ? 0 : later_layer_cost<std::tuple_element_t<K, layers>, K == 1>()));
}

template <class Task>
constexpr std::size_t rows_per_piece() {
  using Net = decltype(Task::net);
  using Dom = decltype(Task::dom);
  constexpr std::size_t cost = row_cost<Net>(std::make_index_sequence<Net::layer_count>{});
  constexpr std::size_t hidden = std::tuple_element_t<0, typename Net::layer_types>::output_size;
  constexpr std::size_t setup = costs.setup + Dom::value_count * hidden * costs.per_setup_value;
  if constexpr (cost + setup > constexpr_budget / 2) {
    static_assert(cost + setup <= constexpr_budget / 2,
                  "CTNN_VERIFY: a single row of this network costs more than the compiler's default "
                  "constexpr budget (clang++: -fconstexpr-steps=1048576, g++: "
                  "-fconstexpr-ops-limit=33554432); verify it at run time with "
                  "REQUIRE(ctnn::verify(...)), or raise the limit and define CTNN_CONSTEXPR_BUDGET "
                  "to match; ctnn::one_row_exceeds_the_constexpr_budget<row cost, budget>");
    return sizeof(ctnn::one_row_exceeds_the_constexpr_budget<cost + setup, constexpr_budget>);
  } else {
    constexpr std::size_t rows = (constexpr_budget / 2 - setup) / cost;
    return rows < rows_per_piece_limit ? rows : rows_per_piece_limit;
  }
}

/// `sweep_in_order<Gray>`, called Depth frames deep. g++ memoises constexpr calls whose arguments are
/// constants (the reference function's, for one) in a table that only grows, but only up to a nesting
/// depth of 8 (-fconstexpr-cache-depth): calls made below that depth are not stored, and memory stays
/// flat.
template <int Depth, bool Gray, class Net, class Spec, class Rule, class Dom>
constexpr sweep_outcome sweep_uncached(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom,
                                       std::size_t begin, std::size_t end) {
  if constexpr (Depth == 0)
    return sweep_in_order<Gray>(net, spec, rule, dom, begin, end);
  else
    return sweep_uncached<Depth - 1, Gray>(net, spec, rule, dom, begin, end);
}

/// Whether the pieces of CTNN_VERIFY(Task) use the Gray order: decided once per piece, in a constant
/// expression of its own.
template <const auto& Task>
inline constexpr bool gray_order =
    exact_addition_v<typename std::remove_cvref_t<decltype(Task.net)>::scalar_type> &&
    gray_is_safe(Task.net, Task.dom);

/// Piece `I` of a static verification: one constant expression, one template instantiation.
template <const auto& Task, std::size_t I>
inline constexpr sweep_outcome piece_outcome = [] {
  using Dom = std::remove_cvref_t<decltype(Task.dom)>;
  constexpr std::size_t rows = rows_per_piece<std::remove_cvref_t<decltype(Task)>>();
  constexpr std::size_t end = (I + 1) * rows < Dom::size() ? (I + 1) * rows : Dom::size();
  return sweep_uncached<8, gray_order<Task>>(Task.net, Task.spec, Task.rule, Task.dom, I * rows, end);
}();

template <const auto& Task, std::size_t... I>
constexpr sweep_outcome sweep_pieces(std::index_sequence<I...>) {
  const sweep_outcome pieces[] = {piece_outcome<Task, I>...};  // an array, not a fold: no nesting limit
  sweep_outcome all{};
  for (const auto& piece : pieces) all.merge(piece);
  return all;
}

/// The report of CTNN_VERIFY(Task): every piece swept, the first failing row described.
template <const auto& Task>
constexpr auto static_report() {
  using Dom = std::remove_cvref_t<decltype(Task.dom)>;
  constexpr std::size_t rows = rows_per_piece<std::remove_cvref_t<decltype(Task)>>();
  constexpr std::size_t pieces = (Dom::size() + rows - 1) / rows;
  constexpr sweep_outcome outcome = sweep_pieces<Task>(std::make_index_sequence<pieces>{});
  return make_report(describe(Task, outcome));
}

}  // namespace detail
}  // namespace ctnn

#define CTNN_DETAIL_CONCAT2(a, b) a##b
#define CTNN_DETAIL_CONCAT(a, b) CTNN_DETAIL_CONCAT2(a, b)
#define CTNN_DETAIL_VERIFY(name, ...)                                                              \
  static constexpr auto name = ::ctnn::detail::make_task(__VA_ARGS__);                             \
  static constexpr auto CTNN_DETAIL_CONCAT(name, _report) = ::ctnn::detail::static_report<name>(); \
  static_assert(::ctnn::detail::show_failure<CTNN_DETAIL_CONCAT(name, _report)>());                \
  static_assert(CTNN_DETAIL_CONCAT(name, _report).passed,                                          \
                "CTNN_VERIFY: the network does not meet its specification on the row shown by "    \
                "ctnn::truth_table_row_mismatch<row, inputs, expected, actual> above")

/// `CTNN_VERIFY(net, spec, rule)` or `CTNN_VERIFY(net, spec, rule, domain)`, at namespace or block
/// scope: checks every row at compile time, split into pieces that each stay within the compiler's
/// default constexpr budget; on failure the build stops with an error that shows e.g.
/// `ctnn::truth_table_row_mismatch<ctnn::row<1>, ctnn::inputs<0, 1>, ctnn::expected<1>, ctnn::actual<10>>`.
#define CTNN_VERIFY(...) CTNN_DETAIL_VERIFY(CTNN_DETAIL_CONCAT(ctnn_verification_, __COUNTER__), __VA_ARGS__)
