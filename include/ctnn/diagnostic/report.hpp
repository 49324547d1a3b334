/// @file diagnostic/report.hpp
/// The one failure display of ctnn. Every verification (the value form's sweeps, the type-level
/// form's instantiations, named inputs) ends in a `detail::report`: the failing row's index, its
/// inputs, expected and actual values as diagnostic values, and the rule's decisions when it makes
/// some. `detail::show_failure<Record, Report>` turns a failed report into the compile error
/// `ctnn::truth_table_row_mismatch<ctnn::row<r>, inputs, expected, actual[, decisions]>`, the inputs
/// shown as `ctnn::fields<...>` when `Record` (a record type, or void) names them
/// (diagnostic/fields.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <ctnn/diagnostic/value.hpp>
#include <ctnn/diagnostic/vocabulary.hpp>

namespace ctnn::detail {

/// The decisions a rule shows for a failing row (see the Rule concept in spec/rules.hpp).
struct shown_decisions {
  bool shown = false;
  long long expected = 0;
  long long actual = 0;
};

/// A verification's outcome, ready for the compile error. Structural: a template argument.
template <std::size_t In, std::size_t K, std::size_t Out>
struct report {
  bool passed = true;
  std::size_t row = 0;
  diagnostic_value inputs[In]{};
  diagnostic_value expected[K]{};
  diagnostic_value actual[Out]{};
  shown_decisions decisions{};
};

/// How the inputs of a row named by record `Record` appear: `type` is
/// `ctnn::fields<ctnn::field<...>...>` for the diagnostic values `Values` (defined in
/// diagnostic/fields.hpp, which every header that makes named rows includes).
template <class Record, auto Values>
struct fields_display;

template <template <long long...> class Integers, template <class...> class Decimals, auto Values,
          std::size_t... I>
auto shown(std::index_sequence<I...>) {
  // A loop, not a fold over the values: a failing row of 512 inputs would pass clang's nesting limit.
  if constexpr ([] {
                  for (const auto& v : Values)
                    if (!v.integral) return false;
                  return true;
                }())
    return Integers<Values[I].integer...>{};
  else
    return Decimals<decimal_t<Values, I>...>{};
}

/// `Integers<v...>` when every value is an integer, else `Decimals<decimal<...>...>`.
template <template <long long...> class Integers, template <class...> class Decimals, auto Values>
using shown_t = decltype(shown<Integers, Decimals, Values>(std::make_index_sequence<Values.size()>{}));

template <class Record, auto Values>
auto shown_inputs() {
  if constexpr (std::is_void_v<Record>)
    return shown_t<ctnn::inputs, inputs_decimal, Values>{};
  else
    return typename fields_display<Record, Values>::type{};
}

/// True; on a failed report, also a compile error whose template arguments show the failing row
/// (with the field names of `Record`, unless it is void). The verify macro only asks for this
/// function's return type, which instantiates it without calling it: a call would add g++'s
/// "non-constant condition for static assertion" to the one error that matters.
template <class Record, auto R>
constexpr auto show_failure() {
  if constexpr (!R.passed) {
    constexpr auto in = std::to_array(R.inputs);
    constexpr auto ex = std::to_array(R.expected);
    constexpr auto ac = std::to_array(R.actual);
    using shown_inputs_type = decltype(shown_inputs<Record, in>());
    using shown_expected = shown_t<ctnn::expected, expected_decimal, ex>;
    using shown_actual = shown_t<ctnn::actual, actual_decimal, ac>;
    // An error here means that the network gives a wrong output on the row shown in the template
    // arguments: row<index>, inputs<...> (or fields<...>), expected<...>, actual<...>
    // (see docs/getting-started.md).
    if constexpr (R.decisions.shown)
      static_cast<void>(sizeof(truth_table_row_mismatch<ctnn::row<R.row>, shown_inputs_type, shown_expected,
                                                        shown_actual, expected_decision<R.decisions.expected>,
                                                        actual_decision<R.decisions.actual>>));
    else
      static_cast<void>(
          sizeof(truth_table_row_mismatch<ctnn::row<R.row>, shown_inputs_type, shown_expected, shown_actual>));
  }
  return true;
}

}  // namespace ctnn::detail
