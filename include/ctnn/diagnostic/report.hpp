/// @file diagnostic/report.hpp
/// The one failure display of ctnn. Every verification (the value form's sweeps, the type-level
/// form's instantiations, named inputs) ends in a `detail::report`: the failing row's index, its
/// inputs, expected and actual values as diagnostic values, and the rule's decisions when it makes
/// some. `detail::show_failure<Record, Report>` turns a failed report into the compile error
/// `ctnn::truth_table_row_mismatch<ctnn::row<r>, inputs, expected, actual[, decisions]>`, the inputs
/// shown as `ctnn::fields<...>` when `Record` (a record type, or void) names them.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <ctnn/diagnostic/value.hpp>
#include <ctnn/diagnostic/vocabulary.hpp>
#include <ctnn/record/record.hpp>

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

/// "name=value" for a field, ready to become a character pack. Structural: all members public.
/// `Capacity` is computed from the record (field_texts below), so the text is always complete.
template <std::size_t Capacity>
struct field_text {
  std::size_t length = 0;
  char text[Capacity]{};
  constexpr void append(char c) {
    if (length < sizeof text) text[length++] = c;
  }
};

/// The text of a diagnostic value: an integer's digits, or the decimal text already formatted.
template <std::size_t Capacity>
constexpr void append_value(field_text<Capacity>& t, const diagnostic_value& v) {
  if (!v.integral) {
    for (std::size_t k = 0; k < v.length; ++k) t.append(v.text[k]);
    return;
  }
  unsigned long long magnitude = static_cast<unsigned long long>(v.integer);
  if (v.integer < 0) t.append('-'), magnitude = 0ULL - magnitude;
  char digits[24]{};
  int count = 0;
  do digits[count++] = static_cast<char>('0' + magnitude % 10), magnitude /= 10;
  while (magnitude != 0);
  while (count > 0) t.append(digits[--count]);
}

/// The room "name=value" needs for every field of R: the longest name, '=', and the longest value
/// text (an integer takes at most 20 characters, any other value at most diagnostic_text_capacity).
template <record R>
constexpr std::size_t field_text_capacity() {
  std::size_t longest = 0;
  for (const auto name : field_names<R>()) longest = std::max(longest, name.size());
  return longest + 1 + std::max<std::size_t>(20, diagnostic_text_capacity);
}

/// "name=value" for each field of R; `values` holds one diagnostic_value per field (an array).
template <record R, class Values>
constexpr auto field_texts(const Values& values) {
  constexpr std::size_t N = field_count_v<R>;
  constexpr auto names = field_names<R>();
  std::array<field_text<field_text_capacity<R>()>, N> texts{};
  for (std::size_t i = 0; i < N; ++i) {
    for (const char c : names[i]) texts[i].append(c);
    texts[i].append('=');
    append_value(texts[i], values[i]);
  }
  return texts;
}

template <auto Texts, std::size_t Index, std::size_t... C>
field<Texts[Index].text[C]...> as_field(std::index_sequence<C...>);

/// The `field<...>` type spelling `Texts[Index]` (the whole array as the argument, as decimal_t does).
template <auto Texts, std::size_t Index>
using field_t = decltype(as_field<Texts, Index>(std::make_index_sequence<Texts[Index].length>{}));

template <auto Texts, std::size_t... I>
fields<field_t<Texts, I>...> as_fields(std::index_sequence<I...>);

/// `ctnn::fields<ctnn::field<...>...>` for the values of a record's fields.
template <auto Texts>
using fields_t = decltype(as_fields<Texts>(std::make_index_sequence<Texts.size()>{}));

template <template <long long...> class Integers, template <class...> class Decimals, auto Values,
          std::size_t... I>
auto shown(std::index_sequence<I...>) {
  if constexpr (((Values[I].integral) && ...))
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
    return fields_t<field_texts<Record>(Values)>{};
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
