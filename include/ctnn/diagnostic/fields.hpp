/// @file diagnostic/fields.hpp
/// Failing rows with named inputs: each field as `ctnn::field<'n', 'a', 'm', 'e', '=', 'v', ...>`, all of
/// them as `ctnn::fields<...>` (the display diagnostic/report.hpp uses when a record names the inputs).
#pragma once

#include <array>
#include <cstddef>
#include <utility>

#include <ctnn/diagnostic/report.hpp>
#include <ctnn/diagnostic/value.hpp>
#include <ctnn/diagnostic/vocabulary.hpp>
#include <ctnn/record/record.hpp>

namespace ctnn::detail {

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
  for (const auto name : field_names<R>()) longest = name.size() < longest ? longest : name.size();
  constexpr std::size_t longest_value = diagnostic_text_capacity < 20 ? 20 : diagnostic_text_capacity;
  return longest + 1 + longest_value;
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

template <class Record, auto Values>
struct fields_display {
  using type = fields_t<field_texts<Record>(Values)>;
};

}  // namespace ctnn::detail
