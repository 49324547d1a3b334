/// @file verify/verify.hpp
/// The verification pipeline of the value form: planner (verify/plan.hpp) -> engine (the sweeps,
/// verify/sweep.hpp) -> result (`ctnn::verification`) -> report -> diagnostic (diagnostic/report.hpp).
/// `ctnn::verify` is a constexpr predicate that returns the first failing row; `CTNN_VERIFY`, the
/// one-line static form, stops the build with a compile error naming the row, the inputs (or the
/// fields of a named domain), the expected and the actual output. CTNN_VERIFY also takes a
/// `ctnn::meta` network (meta/verify.hpp adds its task), and `ctnn::named<R>(dom)` domains
/// (spec/named.hpp; CTNN_VERIFY_RECORD is in verify/named.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <ctnn/config.hpp>
#include <ctnn/diagnostic/report.hpp>
#include <ctnn/model/network.hpp>
#include <ctnn/spec/domain.hpp>
#include <ctnn/spec/rules.hpp>
#include <ctnn/spec/specification.hpp>
#include <ctnn/verify/cubes.hpp>
#include <ctnn/verify/overflow.hpp>
#include <ctnn/verify/plan.hpp>
#include <ctnn/verify/sweep.hpp>
#include <ctnn/verify/truth_table.hpp>

namespace ctnn {

/// The outcome of `ctnn::verify`: `passed`, or the first failing row with its inputs, the expected
/// values and the network's actual outputs. Converts to bool (true when it passed). For a signed
/// integer network whose evaluation of some row overflows its type, `overflow` is set instead:
/// `row` is the first such row, `overflow_layer` and `overflow_unit` where its sum left the type,
/// `actual` is left zero (the network has no defined output there) and no row is checked against
/// the specification (`rows_checked` is 0): see verify/overflow.hpp.
template <class V, std::size_t In, class E, std::size_t K, class T, std::size_t Out, class Rule>
struct verification {
  /// Whether every row met the rule.
  bool passed = true;
  std::size_t rows_checked = 0;  ///< rows known good, plus the failing one: row + 1, or every row
  std::size_t row = 0;           ///< the failing row's index (meaningful when !passed)
  /// The failing row's inputs, as listed in the domain.
  std::array<V, In> inputs{};
  /// The failing row's expected values.
  std::array<E, K> expected{};
  /// The network's outputs on the failing row.
  std::array<T, Out> actual{};
  /// The rule the rows were checked with.
  Rule rule{};
  /// Whether evaluating row `row` overflows the network's integer type (then `passed` is false).
  bool overflow = false;
  std::size_t overflow_layer = 0;  ///< the layer whose sum overflowed, counted from 0
  std::size_t overflow_unit = 0;   ///< the unit, within that layer, counted from 0
  /// Boxes bounded: sub-cubes of the domain whose rows the bounds decided without evaluating them
  /// (a `ctnn::everywhere` specification with ctnn::above or ctnn::argmax; else 0).
  std::size_t boxes_bounded = 0;
  /// Rows the network was evaluated on, one by one (rows_checked, unless bounds decided some).
  std::size_t rows_evaluated = 0;
  /// `passed`.
  constexpr explicit operator bool() const { return passed; }
};

namespace detail {

/// What one verification needs, checked once: the network, the specification, the rule, the domain.
/// CTNN_VERIFY keeps it in a static constexpr variable, so that templates can refer to it.
template <class Net, class Spec, class Rule, class Dom>
struct verification_task {
  using record_type = record_of_t<Dom>;  ///< names the inputs in a failure, or void
  Net net;
  Spec spec;
  Rule rule;
  Dom dom;
};

/// What a domain makes of a specification: the specification itself, unless the domain says otherwise
/// (a named domain's hidden friend, found by argument-dependent lookup, spec/named.hpp).
template <class Spec, class Dom>
constexpr const Spec& adapt_to_domain(const Spec& spec, const Dom&) {
  return spec;
}

/// What CTNN_VERIFY and ctnn::verify hold when their arguments do not fit together: the named
/// compile error has been shown, and nothing is swept or reported after it (no second error).
struct invalid_task {
  using record_type = void;
  /// Never a pass (a `static_assert(ctnn::verify(...))` on it fails too).
  constexpr explicit operator bool() const { return false; }
};

template <class Net, class Spec, class Rule, class Dom>
constexpr auto make_checked_task(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom) {
  if constexpr (!check_spec<Spec, Dom>()) {
    return invalid_task{};
  } else {
    constexpr std::size_t K = std::tuple_size_v<decltype(spec.expected(0, dom.row(0)))>;
    if constexpr (!check_rule<Rule, K, Net::output_size>())
      return invalid_task{};
    else
#if defined(__GNUC__) && !defined(__clang__)
      // g++ only: a reference that reads a run-time value (a lambda capturing a local) fails here,
      // with "the value of 'x' is not usable in a constant expression", instead of a print of the
      // whole task's value (clang++ says it well either way, and shorter without this).
      static_cast<void>(spec.expected(0, dom.row(0)));
#endif
      return verification_task<Net, Spec, Rule, Dom>{net, spec, rule, dom};
  }
}

/// The task of `CTNN_VERIFY(net, spec, rule, dom)`, checked: the domain, the specification and the
/// rule fit the network (else one named error, and a `detail::invalid_task`).
template <network_like Net, class Spec, class Rule, class Dom>
constexpr auto make_task(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom) {
  if constexpr (!is_domain_v<Dom>) {
    static_assert(is_domain_v<Dom>, "ctnn::verify(net, spec, rule, dom): 'dom' must be a ctnn::domain");
    return invalid_task{};
  } else if constexpr (!check_domain<Net, Dom>()) {
    return invalid_task{};
  } else {
    return make_checked_task(net, adapt_to_domain(spec, dom), rule, dom);
  }
}

template <network_like Net, class Spec, class Rule>
constexpr auto make_task(const Net& net, const Spec& spec, const Rule& rule) {
  return make_task(net, spec, rule, boolean_inputs<Net::input_size>);
}

/// The type of a task's verification result.
template <class Net, class Spec, class Rule, class Dom>
using verification_of = verification<typename Dom::value_type, Dom::input_count,
                                     typename decltype(std::declval<const Spec&>().expected(0, std::declval<const Dom&>().row(0)))::value_type,
                                     std::tuple_size_v<decltype(std::declval<const Spec&>().expected(0, std::declval<const Dom&>().row(0)))>,
                                     typename Net::scalar_type, Net::output_size, Rule>;

/// The full verification result for an outcome: the failing row is evaluated once more, directly.
template <class Net, class Spec, class Rule, class Dom>
constexpr auto describe(const verification_task<Net, Spec, Rule, Dom>& task, const sweep_outcome& outcome) {
  verification_of<Net, Spec, Rule, Dom> result{};
  result.rule = task.rule;
  result.passed = outcome.passed;
  result.rows_checked = Dom::size();
  if (outcome.overflow) {  // the network has no defined output on that row: nothing to evaluate
    result.overflow = true;
    result.row = outcome.first_failing_row;
    result.rows_checked = result.row + 1;
    result.overflow_layer = outcome.overflow_layer;
    result.overflow_unit = outcome.overflow_unit;
    result.inputs = task.dom.row(result.row);
    result.expected = task.spec.expected(result.row, result.inputs);
  } else if (!outcome.passed) {
    result.row = outcome.first_failing_row;
    result.rows_checked = result.row + 1;
    result.inputs = task.dom.row(result.row);
    result.expected = task.spec.expected(result.row, result.inputs);
    result.actual = task.net(to_network_input<Net>(result.inputs));
  }
  result.boxes_bounded = outcome.boxes;
  result.rows_evaluated = outcome.by_bounds ? outcome.rows_evaluated : result.rows_checked;
  return result;
}

}  // namespace detail

/// Checks every row of `dom` (default: {0,1}^input_size) and returns the first row, in row order,
/// where `rule(net(row), spec's expected value)` is false, with its inputs, expected and actual
/// values. Usable in constant expressions (a test can `static_assert` that a wrong network fails it)
/// and at run time (`REQUIRE(ctnn::verify(...))` checks domains past the compile-time budget).
/// Integer (exact) networks are swept in Gray-code order, others row by row; see docs/scale.md.
/// A signed integer network that overflows on some row gives that row with `overflow` set.
template <network_like Net, class Spec, class Rule, class Dom>
constexpr auto verify(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom) {
  const auto task = detail::make_task(net, spec, rule, dom);
  if constexpr (std::is_same_v<decltype(task), const detail::invalid_task>)
    return task;
  else if constexpr (detail::cubes_apply_v<Net, std::remove_cvref_t<decltype(task.spec)>, Rule>)
    return detail::describe(task, detail::sweep_cubes(task.net, task.spec, task.rule, task.dom));
  else
    return detail::describe(task, detail::sweep(task.net, task.spec, task.rule, task.dom, 0, Dom::size()));
}

/// Same, over {0,1}^input_size.
template <network_like Net, class Spec, class Rule>
constexpr auto verify(const Net& net, const Spec& spec, const Rule& rule) {
  return verify(net, spec, rule, boolean_inputs<Net::input_size>);
}

/// `ctnn::verify(net, spec, rule, dom)` for run time only: domains past the compile-time budget, in a
/// test (`REQUIRE(ctnn::verify_at_run_time(...))`) or a program. `ctnn::verify` is constexpr, and on
/// constant arguments both compilers first try such a call as a constant expression, up to their
/// budget (measured in docs/scale.md: seconds of compile time, for a check meant to run later). This
/// function is not constexpr and reads the network through a `volatile` pointer, which is never a
/// constant, so no compiler tries to fold it; same result, same rows, same order.
template <network_like Net, class Spec, class Rule, class Dom>
auto verify_at_run_time(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom) {
  const Net* volatile hidden = &net;  // not a constant: nothing below is tried at compile time
  return verify(*hidden, spec, rule, dom);
}

/// Same, over {0,1}^input_size.
template <network_like Net, class Spec, class Rule>
auto verify_at_run_time(const Net& net, const Spec& spec, const Rule& rule) {
  return verify_at_run_time(net, spec, rule, boolean_inputs<Net::input_size>);
}

namespace detail {

/// The report of a verification result: what the compile error shows.
template <class V, std::size_t In, class E, std::size_t K, class T, std::size_t Out, class Rule>
constexpr report<In, K, Out> make_report(const verification<V, In, E, K, T, Out, Rule>& v) {
  report<In, K, Out> r{};
  r.passed = v.passed;
  if (v.passed) return r;  // formatting costs compile time: only a failure pays it
  r.row = v.row;
  for (std::size_t i = 0; i < In; ++i) r.inputs[i] = to_diagnostic(v.inputs[i]);
  for (std::size_t i = 0; i < K; ++i) r.expected[i] = to_diagnostic(v.expected[i]);
  for (std::size_t i = 0; i < Out; ++i) r.actual[i] = to_diagnostic(v.actual[i]);
  if constexpr (requires { v.rule.decisions(v.actual, v.expected); })  // the rule's capability
    r.decisions = v.rule.decisions(v.actual, v.expected);
  return r;
}

/// The inputs of row `Row` of Task's domain as a compile error shows them: `inputs<...>` for
/// integers, else `inputs_decimal<decimal<...>, ...>`.
template <const auto& Task, std::size_t Row, std::size_t... I>
constexpr auto shown_inputs(std::index_sequence<I...>) {
  using V = typename std::remove_cvref_t<decltype(Task.dom)>::value_type;
  if constexpr (std::is_integral_v<V>)
    return inputs<static_cast<long long>(Task.dom.row(Row)[I])...>{};
  else
    return inputs_decimal<decimal_t<value_text(Task.dom.row(Row)[I]), 0>...>{};
}

/// The compile error of a row whose evaluation overflows the network's integer type.
template <const auto& Task, sweep_outcome Outcome>
constexpr void show_overflow() {
  using Dom = std::remove_cvref_t<decltype(Task.dom)>;
  using shown = decltype(shown_inputs<Task, Outcome.first_failing_row>(std::make_index_sequence<Dom::input_count>{}));
  static_assert(named_error<ctnn::integer_overflow_in_sum<row<Outcome.first_failing_row>, shown,
                                                          layer_index<Outcome.overflow_layer>,
                                                          unit_index<Outcome.overflow_unit>>>,
                "CTNN_VERIFY: evaluating this row overflows the network's integer type (undefined "
                "behaviour); ctnn::integer_overflow_in_sum<row, inputs, layer_index, unit_index> shows "
                "where (layers and units counted from 0)");
}

template <int>
struct constant_probe {};
/// Whether CTNN_VERIFY's task is a constant (its first row's expected value can be computed at compile
/// time). When it is not, e.g. a reference function that is a lambda capturing a run-time local, the
/// compiler has already rejected the task's initializer: static_report then stops, instead of an
/// error at every later use of the task (from 106 / 341 lines to about 20 / 35).
template <const auto& Task>
inline constexpr bool usable_in_constant_expressions =
    requires { typename constant_probe<(static_cast<void>(Task.spec.expected(0, Task.dom.row(0))), 0)>; };

/// The report of a CTNN_VERIFY whose arguments did not fit: its error is shown already.
template <const auto& Task>
requires std::is_same_v<std::remove_cvref_t<decltype(Task)>, invalid_task> constexpr auto static_report() {
  return report<1, 1, 1>{};  // passed
}

/// The report of CTNN_VERIFY(Task): every piece swept, the first failing row described.
template <const auto& Task>
requires is_network_v<decltype(Task.net)> constexpr auto static_report() {
  using Dom = std::remove_cvref_t<decltype(Task.dom)>;
  if constexpr (!usable_in_constant_expressions<Task>) {
    return report<1, 1, 1>{};  // the compiler's error on the task is shown, nothing else follows
  } else if constexpr (!check_budget<Task>() || !check_distinct_values<Task>()) {
    return report<1, 1, 1>{};  // the named error is shown, nothing else follows
  } else if constexpr (cubes_apply_v<std::remove_cvref_t<decltype(Task.net)>,
                                     std::remove_cvref_t<decltype(Task.spec)>,
                                     std::remove_cvref_t<decltype(Task.rule)>>) {
    constexpr auto& search = cube_result<Task>;
    if constexpr (!search.finished) {
      static_assert(named_error<ctnn::rows_undecided_within_budget<row<search.begin[search.size - 1]>,
                                                                   search.boxes, search.rows_evaluated>>,
                    "CTNN_VERIFY: the bounds over sub-cubes did not decide every row within the budget "
                    "(every row before ctnn::row<r> holds); raise CTNN_VERIFY_BOUNDS_PIECES, or verify "
                    "at run time (ctnn::verify_at_run_time)");
      return report<1, 1, 1>{};  // the named error is shown, nothing else follows
    } else if constexpr (search.outcome.overflow) {
      show_overflow<Task, search.outcome>();
      return report<1, 1, 1>{};
    } else {
      return make_report(describe(Task, search.outcome));
    }
  } else {
    constexpr std::size_t rows = rows_per_piece<Task>();
    constexpr std::size_t pieces = (Dom::size() + rows - 1) / rows;
    constexpr sweep_outcome outcome = sweep_pieces<Task>(std::make_index_sequence<pieces>{});
    if constexpr (outcome.overflow) {
      show_overflow<Task, outcome>();
      return report<1, 1, 1>{};  // the named error is shown, nothing else follows
    } else {
      return make_report(describe(Task, outcome));
    }
  }
}

}  // namespace detail
}  // namespace ctnn

// The one macro body: `task` is the expression that makes the verification task.
#define CTNN_DETAIL_VERIFY(name, task)                                                                   \
  static constexpr auto name = task;                                                                     \
  static constexpr auto CTNN_DETAIL_CONCAT(name, _report) = ::ctnn::detail::static_report<name>();       \
  static_assert(sizeof(std::type_identity<decltype(::ctnn::detail::show_failure<                         \
                           typename decltype(name)::record_type, CTNN_DETAIL_CONCAT(name, _report)>())>) > 0); \
  static_assert(CTNN_DETAIL_CONCAT(name, _report).passed,                                                \
                "CTNN_VERIFY: the network does not meet its specification on the row shown by "          \
                "ctnn::truth_table_row_mismatch<row, inputs, expected, actual> above")

/// `CTNN_VERIFY(net, spec, rule)` or `CTNN_VERIFY(net, spec, rule, domain)`, at namespace or block
/// scope: checks every row at compile time and, on failure, stops the build with an error that shows
/// e.g. `ctnn::truth_table_row_mismatch<ctnn::row<1>, ctnn::inputs<0, 1>, ctnn::expected<1>,
/// ctnn::actual<10>>`. `net` is a value network (split into pieces that each stay within the
/// compiler's default constexpr budget) or a `ctnn::meta` network (with <ctnn/meta.hpp>: every row
/// computed by template instantiation); `domain` may be `ctnn::named<R>(dom)` (or `ctnn::meta::named`),
/// whose failures show the record's fields: `ctnn::fields<ctnn::field<'d', 'e', ...>, ...>`.
#define CTNN_VERIFY(...) \
  CTNN_DETAIL_VERIFY(CTNN_DETAIL_CONCAT(ctnn_verification_, __COUNTER__), ::ctnn::detail::make_task(__VA_ARGS__))

