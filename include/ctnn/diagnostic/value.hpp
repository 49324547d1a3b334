/// @file diagnostic/value.hpp
/// Values ready to become template arguments, so that a compile error prints them: integers as
/// themselves, other scalars as a `ctnn::decimal<'1', '0', '.', '5'>` character pack (clang++ 14
/// accepts no floating-point template arguments, and prints a char array as its codes). A user
/// scalar joins by an explicit conversion to double, or by its own `to_diagnostic` found by
/// argument-dependent lookup (as ctnn::meta::fraction does).
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

#include <ctnn/diagnostic/vocabulary.hpp>

namespace ctnn::detail {

/// Room for the longest text a diagnostic value can hold: a ctnn::meta::fraction of two long longs,
/// "-9223372036854775808/9223372036854775807" (40 characters); a double takes at most 17
/// ("-1.234567891e-308").
inline constexpr std::size_t diagnostic_text_capacity = 40;

/// One value, ready to become a template argument. Structural: all members public.
struct diagnostic_value {
  bool integral = true;
  long long integer = 0;
  std::size_t length = 0;
  char text[diagnostic_text_capacity]{};
};

/// Appends a character. The capacity is enough for every value ctnn formats; should a longer text
/// ever come, its last three characters become "..." so that the cut shows (never a wrong number).
constexpr void append(diagnostic_value& v, char c) {
  if (v.length < sizeof v.text)
    v.text[v.length++] = c;
  else
    v.text[sizeof v.text - 3] = v.text[sizeof v.text - 2] = v.text[sizeof v.text - 1] = '.';
}

constexpr void append_unsigned(diagnostic_value& v, unsigned long long n, int min_digits = 1) {
  char digits[24]{};
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0 || count < min_digits);
  while (count > 0) append(v, digits[--count]);
}

/// Decimal text of a double, 10 significant digits (approximate: it is for reading, not for parsing).
constexpr diagnostic_value format_decimal(double x) {
  diagnostic_value v{};
  v.integral = false;
  if (x != x) {
    append(v, 'n'), append(v, 'a'), append(v, 'n');
    return v;
  }
  if (x < 0) append(v, '-'), x = -x;
  if (x > 1.7976931348623157e308) {
    append(v, 'i'), append(v, 'n'), append(v, 'f');
    return v;
  }
  if (x < 1e15 && x == static_cast<double>(static_cast<long long>(x))) {
    append_unsigned(v, static_cast<unsigned long long>(x));
    return v;
  }
  int exponent = 0;
  while (x >= 10.0) x /= 10.0, ++exponent;
  while (x < 1.0) x *= 10.0, --exponent;
  auto digits = static_cast<unsigned long long>(x * 1e9 + 0.5);  // 10 significant digits
  if (digits >= 10000000000ULL) digits /= 10, ++exponent;
  char d[10]{};
  for (int i = 9; i >= 0; --i) d[i] = static_cast<char>('0' + digits % 10), digits /= 10;
  int last = 9;
  while (last > 0 && d[last] == '0') --last;
  if (exponent >= -5 && exponent < 10) {
    if (exponent < 0) {
      append(v, '0'), append(v, '.');
      for (int i = -1; i > exponent; --i) append(v, '0');
      for (int i = 0; i <= last; ++i) append(v, d[i]);
    } else {
      for (int i = 0; i <= exponent; ++i) append(v, i <= 9 ? d[i] : '0');
      if (last > exponent) {
        append(v, '.');
        for (int i = exponent + 1; i <= last; ++i) append(v, d[i]);
      }
    }
  } else {
    append(v, d[0]);
    if (last > 0) {
      append(v, '.');
      for (int i = 1; i <= last; ++i) append(v, d[i]);
    }
    append(v, 'e');
    if (exponent < 0) append(v, '-'), exponent = -exponent;
    append_unsigned(v, static_cast<unsigned long long>(exponent));
  }
  return v;
}

/// Any scalar as a diagnostic value: integers exactly, floating-point and user types (through an
/// explicit conversion to double, when they have one) as decimal text, others as "?".
template <class T>
constexpr diagnostic_value to_diagnostic(const T& x) {
  if constexpr (std::is_integral_v<T>) {
    diagnostic_value v{};
    v.integer = static_cast<long long>(x);
    return v;
  } else if constexpr (requires { static_cast<double>(x); }) {
    return format_decimal(static_cast<double>(x));
  } else {
    diagnostic_value v{};
    v.integral = false;
    append(v, '?');
    return v;
  }
}

template <auto Values, std::size_t Index, std::size_t... C>
decimal<Values[Index].text[C]...> as_decimal(std::index_sequence<C...>);

/// The `decimal<...>` type spelling `Values[Index]`, a non-integral diagnostic value. (Indexing a
/// whole array argument here, rather than passing one element, avoids an internal compiler error of g++ 12.)
template <auto Values, std::size_t Index>
using decimal_t = decltype(as_decimal<Values, Index>(std::make_index_sequence<Values[Index].length>{}));

}  // namespace ctnn::detail
