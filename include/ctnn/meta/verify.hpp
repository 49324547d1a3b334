/// @file meta/verify.hpp
/// Verification of meta networks: specifications (`ctnn::meta::table`, `ctnn::meta::truth_table_of`),
/// rules (`ctnn::meta::exact`, `ctnn::meta::above(constant)`), `ctnn::meta::verify` (the first failing
/// row, found while the compiler instantiates every row's forward pass) and the meta task of
/// `CTNN_VERIFY` (`CTNN_META_VERIFY` is its 0.1 alias), whose failure is the compile error of the
/// value form, with the same words:
/// `ctnn::truth_table_row_mismatch<ctnn::row<1>, ctnn::inputs<0, 1>, ctnn::expected<1>, ctnn::actual<10>>`
/// (with `ctnn::fields<ctnn::field<'d', 'e', ...>...>` for the inputs of a named domain, and rationals
/// as `ctnn::actual_decimal<ctnn::decimal<'-', '1', '/', '3'>>`).
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <boost/hana/at.hpp>
#include <boost/hana/bool.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/value.hpp>

#include <ctnn/diagnostic/errors.hpp>
#include <ctnn/diagnostic/fields.hpp>
#include <ctnn/diagnostic/report.hpp>
#include <ctnn/diagnostic/value.hpp>
#include <ctnn/meta/fraction.hpp>
#include <ctnn/meta/network.hpp>
#include <ctnn/meta/rational.hpp>
#include <ctnn/meta/truth_table.hpp>
#include <ctnn/record/record.hpp>
#include <ctnn/verify/verify.hpp>

namespace ctnn::meta {

namespace detail {

template <class T>
inline constexpr bool is_bool_constant_v = false;
template <bool B>
inline constexpr bool is_bool_constant_v<boost::hana::bool_<B>> = true;

/// A constant or a hana::bool_ (what a reference function may return), as its exact value.
template <class C>
constexpr fraction value_of() {
  using plain = std::remove_cvref_t<C>;
  if constexpr (is_bool_constant_v<plain>)
    return fraction(plain::value ? 1 : 0);
  else
    return to_fraction(plain{});
}

template <class C>
inline constexpr bool is_expected_constant_v = constant<C> || is_bool_constant_v<C>;

/// A plain constant value as a constant type: bool -> hana::bool_, integers -> integral_constant,
/// fraction -> rational.
template <auto V>
constexpr auto lift() {
  using T = std::remove_cvref_t<decltype(V)>;
  if constexpr (std::is_same_v<T, bool>)
    return boost::hana::bool_<V>{};
  else if constexpr (std::is_integral_v<T>)
    return boost::hana::integral_constant<T, V>{};
  else if constexpr (std::is_same_v<T, fraction>)
    return rational_of<V>{};
  else
    static_assert(std::is_integral_v<T>,
                  "ctnn::meta::truth_table_of(f): f must return a constant (hana::bool_, hana::int_, a "
                  "rational), a bool, an integer, a ctnn::meta::fraction, or a std::array of those");
}

template <auto Values, std::size_t... K>
constexpr auto lift_all(std::index_sequence<K...>) {
  return boost::hana::make_tuple(lift<Values[K]>()...);
}

template <class T>
inline constexpr bool is_std_array_v = false;
template <class T, std::size_t N>
inline constexpr bool is_std_array_v<std::array<T, N>> = true;

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Specifications: `expected<R>(inputs)` gives row R's expected outputs as a hana::tuple of constants.

/// Expected outputs listed row by row (domain order): a hana::tuple with one constant per row
/// (`hana::tuple_c<int, 0, 10, 10, 0>`), or one hana::tuple of constants per row (several outputs).
template <class Rows>
struct table_spec {
  static_assert(detail::is_tuple_v<Rows>, "ctnn::meta::table(rows): rows must be a hana::tuple");
  /// The number of rows listed (checked against the domain's size).
  static constexpr std::size_t row_count = detail::tuple_size_v<Rows>;
  /// The rows: a hana::tuple of constants, or of hana::tuples of constants.
  Rows rows;
  /// Row R's expected outputs, a hana::tuple of constants.
  template <std::size_t R, class Record = void, class Inputs>
  static constexpr auto expected(const Inputs&) {
    using entry = std::remove_cvref_t<decltype(boost::hana::at_c<R>(Rows{}))>;
    if constexpr (detail::is_tuple_v<entry>)
      return entry{};
    else
      return boost::hana::tuple<entry>{};
  }
};
/// `ctnn::meta::table(hana::tuple_c<int, 0, 10, 10, 0>)`.
template <class Rows>
constexpr table_spec<Rows> table(const Rows&) {
  return {};
}

/// A reference function, called with the row's input constants (one argument per input). It returns
/// a constant (`[](auto d, auto q) { return d != q; }` gives a hana::bool_), or a plain value computed
/// in a constant expression (`[](int d, int q) { return d != q; }`), or a std::array for several
/// outputs. Over a named domain it may take the record instead (`[](product p) { ... }`). It must
/// not capture: the compiler calls a default-constructed copy.
template <class F>
struct reference_spec {
  static_assert(std::is_default_constructible_v<F>,
                "ctnn::meta::truth_table_of(f): f must not capture anything (the compiler evaluates "
                "F{}(inputs...) for every row)");
  /// The reference function (the compiler calls a default-constructed `F`, not this member).
  F function;
  /// Row R's expected outputs, a hana::tuple of constants: `F` on the row's constants (or on the record, over
  /// a named domain, when `F` takes it).
  template <std::size_t R, class Record = void, class Inputs>
  static constexpr auto expected(const Inputs&) {
    constexpr auto indices = std::make_index_sequence<detail::tuple_size_v<Inputs>>{};
    if constexpr (!std::is_void_v<Record>) {
      if constexpr (std::is_invocable_v<const F&, const Record&>)
        return call_with_record<Record>(Inputs{}, indices);
      else
        return call(Inputs{}, indices);
    } else {
      return call(Inputs{}, indices);
    }
  }

 private:
  template <class Record, class Inputs, std::size_t... I>
  static constexpr auto call_with_record(const Inputs&, std::index_sequence<I...>) {
    constexpr Record record = ctnn::make_record<Record>(
        boost::hana::value(std::remove_cvref_t<decltype(boost::hana::at_c<I>(Inputs{}))>{})...);
    using result = std::remove_cvref_t<decltype(F{}(record))>;
    if constexpr (detail::is_std_array_v<result>) {
      constexpr result values = F{}(record);
      return detail::lift_all<values>(std::make_index_sequence<values.size()>{});
    } else {
      constexpr result value = F{}(record);
      return boost::hana::make_tuple(detail::lift<value>());
    }
  }

  template <class Inputs, std::size_t... I>
  static constexpr auto call(const Inputs& x, std::index_sequence<I...>) {
    // An error here means that the reference function does not take the row's inputs.
    static_assert(std::is_invocable_v<const F&, detail::element_t<Inputs, I>...>,
                  "ctnn::meta::truth_table_of(f): f must be callable with one argument per input (the "
                  "row's constants), or, over a named domain (ctnn::meta::named<R>), with the record R");
    if constexpr (std::is_invocable_v<const F&, detail::element_t<Inputs, I>...>) {
      using result = std::remove_cvref_t<decltype(F{}(boost::hana::at_c<I>(x)...))>;
      if constexpr (detail::is_expected_constant_v<result>) {
        return boost::hana::tuple<result>{};
      } else if constexpr (detail::is_tuple_v<result>) {
        return result{};
      } else if constexpr (detail::is_std_array_v<result>) {
        constexpr result values = F{}(detail::element_t<Inputs, I>{}...);
        return detail::lift_all<values>(std::make_index_sequence<values.size()>{});
      } else {
        constexpr result value = F{}(detail::element_t<Inputs, I>{}...);
        return boost::hana::make_tuple(detail::lift<value>());
      }
    }
  }
};
/// `ctnn::meta::truth_table_of([](auto design, auto quality) { return design != quality; })`.
template <class F>
constexpr reference_spec<F> truth_table_of(const F&) {
  return {};
}

// ---------------------------------------------------------------------------------------------
// Rules: `holds<Actual, Expected>()` for a row's actual and expected hana::tuples of constants.

/// Names a compile error: a specification gives `Expected` values per row, the network has `Outputs`.
template <std::size_t Expected, std::size_t Outputs>
struct expected_values_per_row_differ_from_outputs;

namespace detail {
/// True when a specification's `Given` values per row are one per network output (`Outputs`);
/// otherwise also the compile error ctnn::meta::expected_values_per_row_differ_from_outputs.
template <std::size_t Given, std::size_t Outputs>
constexpr bool check_values_per_row() {
  if constexpr (Given != Outputs) {
    static_assert(ctnn::detail::named_error<expected_values_per_row_differ_from_outputs<Given, Outputs>>,
                  "ctnn::meta::verify: each row must give one expected value per network output; "
                  "ctnn::meta::expected_values_per_row_differ_from_outputs<given, outputs> shows both");
    return false;
  }
  return true;
}

template <class Actual, class Expected>
constexpr bool check_counts() {
  return check_values_per_row<tuple_size_v<Expected>, tuple_size_v<Actual>>();
}
}  // namespace detail

/// Every output equals its expected value (compared exactly, as numbers: int_<1> equals ratio<2, 2>
/// and hana::true_).
struct exact_t {
  /// Whether every actual constant equals its expected one (exactly, as numbers).
  template <class Actual, class Expected>
  static constexpr bool holds() {
    static_assert(detail::check_counts<Actual, Expected>());
    return [&]<std::size_t... K>(std::index_sequence<K...>) {
      return ((detail::value_of<detail::element_t<Actual, K>>() ==
               detail::value_of<detail::element_t<Expected, K>>()) &&
              ...);
    }
    (std::make_index_sequence<detail::tuple_size_v<Actual>>{});
  }
};
/// The rule "every output equals its expected value", for meta networks.
inline constexpr exact_t exact{};

/// Output o is above the threshold exactly when expected[o] is true (non-zero).
template <class Threshold>
struct above_t {
  static_assert(constant<Threshold>,
                "ctnn::meta::above(t): t must be a constant (hana::int_c<0>, ratio_c<1, 2>)");
  /// The decision for one output, as a type: hana::true_ when the output is above the threshold.
  template <class X>
  static constexpr auto decision(const X&) {
    return boost::hana::bool_c<(value_of_threshold() < detail::value_of<X>())>;
  }
  /// The first output whose decision differs from the expected one: the decisions a failure shows.
  template <class Actual, class Expected>
  static constexpr ctnn::detail::shown_decisions decisions() {
    return [&]<std::size_t... K>(std::index_sequence<K...>) {
      constexpr bool wanted[] = {(detail::value_of<detail::element_t<Expected, K>>() != fraction(0))...};
      constexpr bool made[] = {(value_of_threshold() < detail::value_of<detail::element_t<Actual, K>>())...};
      for (std::size_t k = 0; k < sizeof...(K); ++k)
        if (wanted[k] != made[k]) return ctnn::detail::shown_decisions{true, wanted[k], made[k]};
      return ctnn::detail::shown_decisions{true, 0, 0};
    }
    (std::make_index_sequence<detail::tuple_size_v<Actual>>{});
  }
  /// Whether each output's decision (above the threshold) equals its expected value (non-zero is true).
  template <class Actual, class Expected>
  static constexpr bool holds() {
    static_assert(detail::check_counts<Actual, Expected>());
    return [&]<std::size_t... K>(std::index_sequence<K...>) {
      return (((value_of_threshold() < detail::value_of<detail::element_t<Actual, K>>()) ==
               (detail::value_of<detail::element_t<Expected, K>>() != fraction(0))) &&
              ...);
    }
    (std::make_index_sequence<detail::tuple_size_v<Actual>>{});
  }

 private:
  static constexpr fraction value_of_threshold() { return detail::value_of<Threshold>(); }
};
/// Decision "output > threshold", compared with a bool (or 0/1) specification: `above(hana::int_c<0>)`.
template <class Threshold>
constexpr above_t<Threshold> above(const Threshold&) {
  return {};
}

// ---------------------------------------------------------------------------------------------
// Verification.

/// The outcome of `ctnn::meta::verify`, all in its type: `passed` (a hana::bool_), and for a failure
/// the failing row's index, inputs, expected and actual outputs (hana::tuples of constants; empty
/// tuples when it passed).
template <bool Passed, std::size_t Row, class Inputs, class Expected, class Actual, class Rule, class Record>
struct verification {
  /// Whether every row passed, as a bool.
  static constexpr bool passed_v = Passed;
  /// Whether every row passed, as a hana::bool_ (for BOOST_HANA_CONSTANT_CHECK).
  boost::hana::bool_<Passed> passed;
  static constexpr std::size_t row = Row;  ///< the failing row (the row count when it passed)
  /// The failing row's inputs (an empty hana::tuple when it passed).
  Inputs inputs;
  /// The failing row's expected outputs (an empty hana::tuple when it passed).
  Expected expected;
  /// The network's outputs on the failing row (an empty hana::tuple when it passed).
  Actual actual;
  /// True when it passed.
  constexpr explicit operator bool() const { return Passed; }
};

namespace detail {

/// Row R's expected outputs under the specification Spec, a hana::tuple of constants.
template <class Spec, class Dom, std::size_t R>
using expected_t = decltype(Spec::template expected<R, typename Dom::record_type>(Dom::template row<R>()));

template <class Net, class Spec, class Rule, class Dom, std::size_t R>
struct row_check {
  using inputs = decltype(Dom::template row<R>());
  using actual = output_t<Net, inputs>;
  using expected = expected_t<Spec, Dom, R>;
  static constexpr bool passed = Rule::template holds<actual, expected>();
};

template <class Net, class Spec, class Rule, class Dom, std::size_t... R>
constexpr std::size_t first_failing_row(std::index_sequence<R...>) {
  constexpr bool passes[] = {row_check<Net, Spec, Rule, Dom, R>::passed...};  // an array: no nesting limit
  for (std::size_t r = 0; r < sizeof...(R); ++r)
    if (!passes[r]) return r;
  return sizeof...(R);
}

template <class Spec, class Dom>
constexpr bool check_spec() {
  if constexpr (requires { Spec::row_count; })
    return ctnn::detail::check_table_rows<Spec::row_count, Dom::size>();
  else
    return true;
}

/// The values a specification gives for one row: the size of `Expected`, or `refused` when it is no
/// hana::tuple (a reference function that cannot be called on the row, whose error is shown).
inline constexpr std::size_t refused = static_cast<std::size_t>(-1);
template <class Expected>
inline constexpr std::size_t values_given_v = is_tuple_v<Expected> ? tuple_size_v<Expected> : refused;

/// True when every row's expected outputs are one per network output; otherwise also one compile
/// error, for the first row that differs (checked before any row is computed: the only error).
template <class Net, class Spec, class Dom, std::size_t... R>
constexpr bool check_rows_values(std::index_sequence<R...>) {
  if constexpr (values_given_v<expected_t<Spec, Dom, 0>> == refused) {
    return false;  // the specification's error is shown, for row 0 only (a function of the wrong arity)
  } else {
    // A domain has rows: the array is never empty.
    constexpr bool fit[] = {(values_given_v<expected_t<Spec, Dom, R>> == Net::output_size)...};
    constexpr std::size_t first = first_false(fit);
    if constexpr (first == sizeof...(R)) {
      return true;
    } else {
      constexpr std::size_t given = values_given_v<expected_t<Spec, Dom, first>>;
      if constexpr (given == refused)
        return false;  // the specification's error is shown
      else
        return check_values_per_row<given, Net::output_size>();
    }
  }
}

/// True when the network, the specification and the domain are well formed and fit together;
/// otherwise false, after one compile error that says why.
template <class Net, class Spec, class Dom>
constexpr bool check_task() {
  if constexpr (!check_domain<Net, Dom>())
    return false;
  else if constexpr (!check_spec<Spec, Dom>())
    return false;
  else
    return check_rows_values<Net, Spec, Dom>(std::make_index_sequence<Dom::size>{});
}

}  // namespace detail

/// Checks every row of `dom` (default {0,1}^inputs): the compiler instantiates each row's forward
/// pass and the rule on its constants, and the result names the first failing row (in row order).
/// Usable as `BOOST_HANA_CONSTANT_CHECK(ctnn::meta::verify(...).passed)`; CTNN_VERIFY turns a
/// failure into a compile error that shows the row. Arguments that do not fit together (a malformed
/// network or domain, a specification of the wrong size) are one compile error that says why; then
/// no row is computed, and the result is a failure at row 0 with empty tuples.
template <network_like Net, class Spec, class Rule, class Dom>
constexpr auto verify(const Net&, const Spec&, const Rule&, const Dom&) {
  using none = boost::hana::tuple<>;
  if constexpr (!detail::check_task<Net, Spec, Dom>()) {
    return verification<false, 0, none, none, none, Rule, void>{};  // the error is shown, no row is computed
  } else {
    constexpr std::size_t failing =
        detail::first_failing_row<Net, Spec, Rule, Dom>(std::make_index_sequence<Dom::size>{});
    using record_type = typename Dom::record_type;
    if constexpr (failing == Dom::size) {
      return verification<true, Dom::size, none, none, none, Rule, record_type>{};
    } else {
      using check = detail::row_check<Net, Spec, Rule, Dom, failing>;
      return verification<false, failing, typename check::inputs, typename check::expected,
                          typename check::actual, Rule, record_type>{};
    }
  }
}

/// Same, over {0,1}^input_size.
template <network_like Net, class Spec, class Rule>
constexpr auto verify(const Net& net, const Spec& spec, const Rule& rule) {
  return verify(net, spec, rule, boolean_inputs<Net::input_size>);
}

namespace detail {

template <class Tuple, std::size_t... K>
constexpr std::array<ctnn::detail::diagnostic_value, sizeof...(K)> diagnostic_values(
    std::index_sequence<K...>) {
  return {to_diagnostic(value_of<element_t<Tuple, K>>())...};
}

/// The report of a failed meta verification (diagnostic/report.hpp): the same display as the value
/// form's, so both forms fail with the same words.
template <std::size_t Row, class Inputs, class Expected, class Actual, class Rule>
constexpr auto failure_report() {
  constexpr std::size_t in = tuple_size_v<Inputs>, k = tuple_size_v<Expected>, out = tuple_size_v<Actual>;
  ctnn::detail::report<in, k, out> r{};
  r.passed = false;
  r.row = Row;
  const auto inputs = diagnostic_values<Inputs>(std::make_index_sequence<in>{});
  const auto expected = diagnostic_values<Expected>(std::make_index_sequence<k>{});
  const auto actual = diagnostic_values<Actual>(std::make_index_sequence<out>{});
  for (std::size_t i = 0; i < in; ++i) r.inputs[i] = inputs[i];
  for (std::size_t i = 0; i < k; ++i) r.expected[i] = expected[i];
  for (std::size_t i = 0; i < out; ++i) r.actual[i] = actual[i];
  if constexpr (requires { Rule::template decisions<Actual, Expected>(); })  // the rule's capability
    r.decisions = Rule::template decisions<Actual, Expected>();
  return r;
}

/// What CTNN_VERIFY keeps for a meta network: the network, specification, rule and domain are all
/// types; `record_type` names the inputs in a failure (ctnn::meta::named), or is void.
template <class Net, class Spec, class Rule, class Dom>
struct task {
  using record_type = typename Dom::record_type;
  /// Whether the arguments fit together (if not, one compile error has said why).
  static constexpr bool checked = check_task<Net, Spec, Dom>();
  using result = decltype(ctnn::meta::verify(Net{}, Spec{}, Rule{}, Dom{}));
};

template <class T>
inline constexpr bool is_task_v = false;
template <class Net, class Spec, class Rule, class Dom>
inline constexpr bool is_task_v<task<Net, Spec, Rule, Dom>> = true;

template <bool Passed, std::size_t Row, class Inputs, class Expected, class Actual, class Rule, class Record>
constexpr auto report_of(const verification<Passed, Row, Inputs, Expected, Actual, Rule, Record>&) {
  if constexpr (Passed)
    return ctnn::detail::report<1, 1, 1>{};
  else
    return failure_report<Row, Inputs, Expected, Actual, Rule>();
}

}  // namespace detail

}  // namespace ctnn::meta

namespace ctnn::detail {

/// CTNN_VERIFY(meta_net, spec, rule[, dom]): the task of a type-level verification.
template <meta::network_like Net, class Spec, class Rule, class Dom>
constexpr meta::detail::task<Net, Spec, Rule, Dom> make_task(const Net&, const Spec&, const Rule&, const Dom&) {
  return {};
}
template <meta::network_like Net, class Spec, class Rule>
constexpr auto make_task(const Net& net, const Spec& spec, const Rule& rule) {
  return make_task(net, spec, rule, meta::boolean_inputs<Net::input_size>);
}

/// The report of a type-level verification: every row instantiated, the first failing one shown.
template <const auto& Task>
requires meta::detail::is_task_v<std::remove_cvref_t<decltype(Task)>> constexpr auto static_report() {
  using task = std::remove_cvref_t<decltype(Task)>;
  if constexpr (!task::checked)
    return report<1, 1, 1>{};  // the error is shown, nothing else follows
  else
    return meta::detail::report_of(typename task::result{});
}

}  // namespace ctnn::detail

/// `CTNN_META_VERIFY(net, spec, rule)` or `CTNN_META_VERIFY(net, spec, rule, domain)`: the name of 0.1
/// for CTNN_VERIFY on a meta network, kept as an alias (CTNN_VERIFY takes meta networks too).
#define CTNN_META_VERIFY(...) CTNN_VERIFY(__VA_ARGS__)
