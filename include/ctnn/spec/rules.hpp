/// @file spec/rules.hpp
/// Decision rules: when does an actual output meet an expected one. Built in: `exact`,
/// `above(threshold)`, `argmax`, `within(tolerance)`.
///
/// The Rule concept. Minimal complete definition:
/// - `rule.template holds<Out>(y, at, expected)` -> bool: do the outputs y[at], ..., y[at + Out - 1]
///   (a plain array) meet `expected`, a plain array of K values (the hot path of verification);
/// - `rule(actual, expected)` -> bool on std::arrays (derive from `ctnn::rule_base<Rule>` to have it
///   from `holds`).
///
/// Optional capabilities, found as members:
/// - `template <std::size_t Out> static constexpr std::size_t expected_count`: how many expected
///   values a row gives for Out outputs (default: Out; argmax: 1);
/// - `rule.holds_value(actual, expected)` -> bool for one output and one expected value (the sweeps
///   call it instead of `holds` for single-output networks);
/// - `rule.decision_threshold()` -> t: the rule is "output above t exactly when the expected value is
///   true": the sweeps write that comparison out;
/// - `rule.decisions(actual, expected)` -> `ctnn::detail::shown_decisions`: the decisions a failure
///   shows as `ctnn::expected_decision<d>, ctnn::actual_decision<d>`.
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>

#include <ctnn/diagnostic/report.hpp>
#include <ctnn/spec/compare.hpp>
#include <ctnn/config.hpp>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

namespace ctnn {

/// Gives a rule its `operator()(actual, expected)` on std::arrays from its `holds<Out>`.
template <class Rule>
struct rule_base {
  /// Whether `actual` meets `expected`: the rule's `holds<N>` on plain-array copies of both.
  template <class T, std::size_t N, class E, std::size_t K>
  constexpr bool operator()(const std::array<T, N>& actual, const std::array<E, K>& expected) const {
    T y[N]{};
    for (std::size_t o = 0; o < N; ++o) y[o] = actual[o];
    E e[K]{};
    for (std::size_t k = 0; k < K; ++k) e[k] = expected[k];
    return static_cast<const Rule&>(*this).template holds<N>(y, 0, e);
  }
};
namespace detail {
template <class Rule>
using rule_base = ctnn::rule_base<Rule>;  // its 0.1 name
}  // namespace detail

/// Every output equals its expected value (compared as numbers, as spec/compare.hpp describes).
struct exact_t : rule_base<exact_t> {
  /// Whether one output equals one expected value (compared as numbers).
  template <class T, class E>
  constexpr bool holds_value(const T& actual, const E& expected) const {
    if constexpr (std::is_same_v<T, E>)
      return actual == expected;
    else
      return detail::equal(actual, expected);
  }
  /// Whether y[at + o] equals expected[o] for every output o (K must equal Out).
  template <std::size_t Out, class Outputs, class E, std::size_t K>
  constexpr bool holds(const Outputs& y, std::size_t at, const E (&expected)[K]) const {
    static_assert(K == Out, "ctnn::exact: one expected value per output");
    for (std::size_t o = 0; o < Out; ++o)
      if (!detail::equal(y[at + o], expected[o])) return false;
    return true;
  }
};
/// The rule "every output equals its expected value".
inline constexpr exact_t exact{};

/// Output o is above the threshold exactly when expected[o] is true (or non-zero).
template <class Threshold>
struct above_t : rule_base<above_t<Threshold>> {
  /// The threshold.
  Threshold threshold{};
  constexpr above_t() = default;
  /// The rule "above `t`".
  constexpr above_t(Threshold t) : threshold(t) {}
  /// The threshold capability: holds_value(actual, e) is `(threshold < actual) == bool(e)`.
  constexpr const Threshold& decision_threshold() const { return threshold; }
  /// The first output whose decision differs from the expected one: {expected, actual} decisions.
  template <class T, std::size_t N, class E, std::size_t K>
  constexpr detail::shown_decisions decisions(const std::array<T, N>& actual, const std::array<E, K>& expected) const {
    for (std::size_t o = 0; o < N; ++o)
      if (decision(actual[o]) != static_cast<bool>(expected[o]))
        return {true, static_cast<bool>(expected[o]), decision(actual[o])};
    return {true, 0, 0};
  }
  /// The decision for one output value: is it above the threshold?
  template <class T>
  constexpr bool decision(const T& value) const {
    if constexpr (std::is_same_v<T, Threshold>)
      return threshold < value;
    else
      return detail::greater(value, threshold);
  }
  /// Whether one output's decision (above the threshold) equals `bool(expected)`.
  template <class T, class E>
  constexpr bool holds_value(const T& actual, const E& expected) const {
    if constexpr (std::is_same_v<T, Threshold>)
      return (threshold < actual) == static_cast<bool>(expected);
    else
      return detail::greater(actual, threshold) == static_cast<bool>(expected);
  }
  /// Whether every output's decision equals `bool(expected[o])` (K must equal Out).
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
struct argmax_t : rule_base<argmax_t> {
  /// One expected value per row, whatever the output count: the class index.
  template <std::size_t Outputs>
  static constexpr std::size_t expected_count = 1;
  /// The expected and the actual class.
  template <class T, std::size_t N, class E, std::size_t K>
  constexpr detail::shown_decisions decisions(const std::array<T, N>& actual, const std::array<E, K>& expected) const {
    return {true, static_cast<long long>(expected[0]), static_cast<long long>(decision(actual))};
  }
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
  /// Whether the index of the largest of y[at], ..., y[at + Out - 1] equals expected[0] (K must be 1).
  template <std::size_t Out, class Outputs, class E, std::size_t K>
  constexpr bool holds(const Outputs& y, std::size_t at, const E (&expected)[K]) const {
    static_assert(K == 1, "ctnn::argmax: one expected class index per row");
    return detail::equal(decision<Out>(y, at), expected[0]);
  }
};
/// The rule "the index of the largest output is the expected class" (the first on ties).
inline constexpr argmax_t argmax{};

/// Every output is within `tolerance` of its expected value: |actual - expected| <= tolerance,
/// computed in the common type of the three when all are arithmetic, else in the network's type.
template <class Tolerance>
struct within_t : rule_base<within_t<Tolerance>> {
  /// The tolerance.
  Tolerance tolerance{};
  constexpr within_t() = default;
  /// The rule "within `t`".
  constexpr within_t(Tolerance t) : tolerance(t) {}
  /// Whether |y[at + o] - expected[o]| <= tolerance for every output o (K must equal Out).
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


/// Expected values per row that `Rule` needs for `Out` outputs (the expected_count capability).
template <class Rule, std::size_t Out>
inline constexpr std::size_t expected_count_v = [] {
  if constexpr (requires { Rule::template expected_count<Out>; })
    return Rule::template expected_count<Out>;
  else
    return Out;
}();

/// Names a compile error: the specification gives `Expected` values per row, the rule needs `Needed`.
template <std::size_t Expected, std::size_t Needed>
struct expected_values_per_row_do_not_fit_rule;

namespace detail {
template <class Rule, std::size_t K, std::size_t Out>
constexpr bool check_rule() {
  constexpr std::size_t needed = expected_count_v<Rule, Out>;
  if constexpr (K != needed) {
    static_assert(named_error<expected_values_per_row_do_not_fit_rule<K, needed>>,
                  "ctnn::verify: each row must give one expected value per network output (argmax: "
                  "one class index); ctnn::expected_values_per_row_do_not_fit_rule<given, needed>");
    return false;
  }
  return true;
}
}  // namespace detail

}  // namespace ctnn

CTNN_DETAIL_PRECISE_FLOAT_END
