/// @file verify.hpp
/// Specifications (a table literal or a reference function), decision rules (exact, above, argmax,
/// within), `ctnn::verify` (a constexpr predicate that returns the first failing row) and
/// `CTNN_VERIFY`, the one-line static form whose failure is a compile error naming the row, the
/// inputs, the expected and the actual output.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <tuple>
#include <type_traits>
#include <utility>

#include <ctnn/detail/diagnostic.hpp>
#include <ctnn/domain.hpp>
#include <ctnn/network.hpp>
#include <ctnn/truth_table.hpp>

namespace ctnn {

// ---------------------------------------------------------------------------------------------
// Specifications: what each row should give.

/// Expected outputs listed row by row, in the domain's row order (see domain.hpp).
template <class E, std::size_t Rows, std::size_t Outputs>
struct table_spec {
  std::array<std::array<E, Outputs>, Rows> rows;
  static constexpr std::size_t row_count = Rows;
  template <class Row>
  constexpr std::array<E, Outputs> expected(std::size_t r, const Row&) const {
    return rows[r];
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
template <class X>
constexpr auto as_array(const X& x) {
  if constexpr (requires { std::tuple_size<X>::value; x[0]; })
    return x;
  else
    return std::array<X, 1>{x};
}
}  // namespace detail

/// A reference function called with one argument per input (the row's values, as listed in the
/// domain); it returns the expected output (a scalar or bool) or outputs (a `std::array`).
template <class F>
struct reference_spec {
  F function;
  template <class V, std::size_t N>
  constexpr auto expected(std::size_t, const std::array<V, N>& x) const {
    return detail::as_array(std::apply(function, x));
  }
};

/// The expected truth table, given by a function of the inputs:
/// `ctnn::truth_table_of([](int design, int quality) { return design != quality; })`.
template <class F>
constexpr reference_spec<F> truth_table_of(F function) {
  return {function};
}

// ---------------------------------------------------------------------------------------------
// Decision rules: when does an actual output meet an expected one.

/// Every output equals its expected value (converted to the network's scalar type).
struct exact_t {
  template <class T, std::size_t N, class E>
  constexpr bool operator()(const std::array<T, N>& actual, const std::array<E, N>& expected) const {
    for (std::size_t o = 0; o < N; ++o)
      if (!(actual[o] == static_cast<T>(expected[o]))) return false;
    return true;
  }
};
inline constexpr exact_t exact{};

/// Output o is above the threshold exactly when expected[o] is true (or non-zero).
template <class Threshold>
struct above_t {
  Threshold threshold;
  template <class T, std::size_t N>
  constexpr bool decision(const std::array<T, N>& actual, std::size_t o) const {
    return static_cast<T>(threshold) < actual[o];
  }
  template <class T, std::size_t N, class E>
  constexpr bool operator()(const std::array<T, N>& actual, const std::array<E, N>& expected) const {
    for (std::size_t o = 0; o < N; ++o)
      if (decision(actual, o) != static_cast<bool>(expected[o])) return false;
    return true;
  }
};
/// Decision "output > threshold", compared with a bool (or 0/1) specification.
template <class Threshold>
constexpr above_t<Threshold> above(Threshold threshold) {
  return {threshold};
}

/// The index of the largest output (the first one on ties) equals the expected class.
struct argmax_t {
  template <class T, std::size_t N>
  static constexpr std::size_t decision(const std::array<T, N>& actual) {
    std::size_t best = 0;
    for (std::size_t o = 1; o < N; ++o)
      if (actual[best] < actual[o]) best = o;
    return best;
  }
  template <class T, std::size_t N, class E>
  constexpr bool operator()(const std::array<T, N>& actual, const std::array<E, 1>& expected) const {
    return decision(actual) == static_cast<std::size_t>(expected[0]);
  }
};
inline constexpr argmax_t argmax{};

/// Every output is within `tolerance` of its expected value: |actual - expected| <= tolerance.
template <class Tolerance>
struct within_t {
  Tolerance tolerance;
  template <class T, std::size_t N, class E>
  constexpr bool operator()(const std::array<T, N>& actual, const std::array<E, N>& expected) const {
    for (std::size_t o = 0; o < N; ++o) {
      const T e = static_cast<T>(expected[o]);
      const T distance = actual[o] < e ? T(e - actual[o]) : T(actual[o] - e);
      if (static_cast<T>(tolerance) < distance) return false;
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
  std::size_t rows_checked = 0;  ///< rows evaluated, the failing one included
  std::size_t row = 0;           ///< the failing row's index (meaningful when !passed)
  std::array<V, In> inputs{};
  std::array<E, K> expected{};
  std::array<T, Out> actual{};
  Rule rule{};
  constexpr explicit operator bool() const { return passed; }
};

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

/// Checks every row of `dom` (default: {0,1}^input_size), in row order, and returns the first one
/// where `rule(net(row), spec's expected value)` is false. Usable in constant expressions: a test
/// can `static_assert(!ctnn::verify(wrong_net, spec, rule))`.
template <network_like Net, class Spec, class Rule, class Dom>
constexpr auto verify(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom) {
  static_assert(is_domain_v<Dom>, "ctnn::verify(net, spec, rule, dom): 'dom' must be a ctnn::domain");
  static_assert(detail::check_domain<Net, Dom>());
  static_assert(detail::check_spec<Spec, Dom>());
  using expected_row = decltype(spec.expected(0, dom.row(0)));
  constexpr std::size_t K = std::tuple_size_v<expected_row>;
  static_assert(detail::check_rule<Rule, K, Net::output_size>());
  using result_type = verification<typename Dom::value_type, Dom::input_count,
                                   typename expected_row::value_type, K, typename Net::scalar_type,
                                   Net::output_size, Rule>;
  result_type result{};
  result.rule = rule;
  for (std::size_t r = 0; r < Dom::size(); ++r) {
    const auto x = dom.row(r);
    const auto y = net(to_network_input<Net>(x));
    const auto e = spec.expected(r, x);
    ++result.rows_checked;
    if (!rule(y, e)) {
      result.passed = false;
      result.row = r;
      result.inputs = x;
      result.expected = e;
      result.actual = y;
      return result;
    }
  }
  return result;
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
  } else if constexpr (requires { v.rule.decision(v.actual, 0); }) {
    r.has_decision = true;
    for (std::size_t o = 0; o < Out; ++o) {
      if (v.rule.decision(v.actual, o) != static_cast<bool>(v.expected[o])) {
        r.expected_decision = static_cast<bool>(v.expected[o]);
        r.actual_decision = v.rule.decision(v.actual, o);
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

template <auto R>
constexpr bool require_passed() {
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

}  // namespace detail
}  // namespace ctnn

#define CTNN_DETAIL_CONCAT2(a, b) a##b
#define CTNN_DETAIL_CONCAT(a, b) CTNN_DETAIL_CONCAT2(a, b)
#define CTNN_DETAIL_VERIFY(name, ...)                                                            \
  constexpr auto name = ::ctnn::detail::make_report(::ctnn::verify(__VA_ARGS__));                \
  static_assert(::ctnn::detail::require_passed<name>(),                                          \
                "CTNN_VERIFY: the network does not meet its specification; the error above, "    \
                "ctnn::truth_table_row_mismatch<row, inputs, expected, actual>, shows the first " \
                "failing row")

/// `CTNN_VERIFY(net, spec, rule)` or `CTNN_VERIFY(net, spec, rule, domain)`, at namespace or block
/// scope: checks every row at compile time; on failure the build stops with an error that shows
/// `ctnn::truth_table_row_mismatch<ctnn::row<1>, ctnn::inputs<0, 1>, ctnn::expected<1>, ctnn::actual<10>>`.
#define CTNN_VERIFY(...) CTNN_DETAIL_VERIFY(CTNN_DETAIL_CONCAT(ctnn_verification_, __COUNTER__), __VA_ARGS__)
