/// @file meta/fraction.hpp
/// `ctnn::meta::fraction`: an exact rational number as a value. It is three things at once:
/// - the value behind every type-level rational (`ctnn::meta::ratio<1, 3>` holds `fraction(1, 3)`);
/// - a structural type, so it can be a template argument on g++ 12 and clang++ 14 (a double cannot,
///   on clang++ 14): value -> meta conversion passes layers of fractions as template arguments;
/// - a `ctnn::scalar` for the value form, exact and with exact addition, so that a meta network with
///   rational weights converts to a `ctnn::network` that gives the same results on every row.
#pragma once

#include <compare>
#include <cstddef>
#include <stdexcept>
#include <string>

#include <ctnn/core/scalar.hpp>
#include <ctnn/diagnostic/value.hpp>

namespace ctnn::meta {

namespace detail {
// Not constexpr on purpose: reaching one in a constant expression is the compile error (its name
// says what happened); at run time it throws.
inline void fraction_denominator_must_not_be_zero() {
  throw std::domain_error("ctnn::meta::fraction: zero denominator");
}
inline void fraction_arithmetic_overflows_long_long() {
  throw std::overflow_error("ctnn::meta::fraction: the result does not fit in long long");
}

constexpr long long gcd(long long a, long long b) {
  // |a| and |b| as unsigned, so that LLONG_MIN is no special case
  unsigned long long x =
      a < 0 ? 0ULL - static_cast<unsigned long long>(a) : static_cast<unsigned long long>(a);
  unsigned long long y =
      b < 0 ? 0ULL - static_cast<unsigned long long>(b) : static_cast<unsigned long long>(b);
  while (y != 0) {
    const unsigned long long t = x % y;
    x = y;
    y = t;
  }
  return static_cast<long long>(x);
}

constexpr long long checked_mul(long long a, long long b) {
  long long r = 0;
  if (__builtin_mul_overflow(a, b, &r)) fraction_arithmetic_overflows_long_long();
  return r;
}
constexpr long long checked_add(long long a, long long b) {
  long long r = 0;
  if (__builtin_add_overflow(a, b, &r)) fraction_arithmetic_overflows_long_long();
  return r;
}

/// an/ad <=> bn/bd for ad, bd > 0, without overflow for any long long values: compares the integer
/// parts (floor), then, when they are equal, the fractional parts ra/ad and rb/bd (0 <= r < d) by
/// their reciprocals, reversed; the denominators shrink as in Euclid's algorithm.
constexpr std::strong_ordering compare(long long an, long long ad, long long bn, long long bd) {
  for (;;) {
    // floor division; when the remainder is negative, n < 0 and d >= 2, so q - 1 and r + d fit
    long long qa = an / ad, ra = an % ad;
    if (ra < 0) ra += ad, --qa;
    long long qb = bn / bd, rb = bn % bd;
    if (rb < 0) rb += bd, --qb;
    if (qa != qb) return qa <=> qb;
    if (ra == 0 || rb == 0) return ra <=> rb;
    // ra/ad <=> rb/bd is bd/rb <=> ad/ra
    const long long next_an = bd, next_ad = rb, next_bn = ad, next_bd = ra;
    an = next_an, ad = next_ad, bn = next_bn, bd = next_bd;
  }
}
}  // namespace detail

/// An exact rational number num/den, always in lowest terms with den > 0 (so `==` compares values).
/// Arithmetic is exact; a result that does not fit in `long long` is a compile error in constant
/// expressions (naming detail::fraction_arithmetic_overflows_long_long) and throws std::overflow_error
/// at run time. All members are public: a fraction is a structural type (a template argument).
struct fraction {
  /// The numerator (it carries the sign).
  long long num = 0;
  /// The denominator, always > 0.
  long long den = 1;

  constexpr fraction() = default;
  /// An integer (implicit, as for any ctnn scalar: a bias `{0}`). Write a layer's weights as
  /// fractions, `ctnn::dense<2, 1, fraction>({{fraction(1, 2), fraction(-1, 3)}}, {0})`: `{{1, 2}}`
  /// is ambiguous between ctnn::dense's array and std::array overloads.
  constexpr fraction(long long n) noexcept : num(n), den(1) {}
  /// n/d in lowest terms; d == 0 is a compile error (or std::domain_error at run time).
  constexpr fraction(long long n, long long d) : num(n), den(d) {
    if (d == 0) detail::fraction_denominator_must_not_be_zero();
    if (den < 0) num = detail::checked_mul(num, -1), den = detail::checked_mul(den, -1);
    const long long g = detail::gcd(num, den);
    if (g > 1) num /= g, den /= g;
  }

  /// Whether the value is an integer (den == 1).
  constexpr bool is_integer() const { return den == 1; }
  /// The nearest double (for reading; the exact value is num/den).
  constexpr explicit operator double() const { return static_cast<double>(num) / static_cast<double>(den); }

  /// The exact sum (a compile error, or std::overflow_error, when it does not fit).
  friend constexpr fraction operator+(const fraction& a, const fraction& b) {
    // over the least common denominator, which keeps intermediate values small
    const long long g = detail::gcd(a.den, b.den);
    const long long l = detail::checked_mul(a.den / g, b.den);
    return {detail::checked_add(detail::checked_mul(a.num, l / a.den), detail::checked_mul(b.num, l / b.den)),
            l};
  }
  /// The exact negation.
  friend constexpr fraction operator-(const fraction& a) { return {detail::checked_mul(a.num, -1), a.den}; }
  /// The exact difference.
  friend constexpr fraction operator-(const fraction& a, const fraction& b) { return a + -b; }
  /// The exact product (a compile error, or std::overflow_error, when it does not fit).
  friend constexpr fraction operator*(const fraction& a, const fraction& b) {
    // cancel across first: (a.num/g1 * b.num/g2) / (a.den/g2 * b.den/g1)
    const long long g1 = detail::gcd(a.num, b.den);
    const long long g2 = detail::gcd(b.num, a.den);
    const long long d1 = g1 == 0 ? 1 : g1;
    const long long d2 = g2 == 0 ? 1 : g2;
    return {detail::checked_mul(a.num / d1, b.num / d2), detail::checked_mul(a.den / d2, b.den / d1)};
  }
  /// Division by zero is a compile error (or std::domain_error at run time).
  friend constexpr fraction operator/(const fraction& a, const fraction& b) {
    if (b.num == 0) detail::fraction_denominator_must_not_be_zero();
    return a * fraction{b.den, b.num};
  }
  /// Equal values (both are in lowest terms, so equal members).
  friend constexpr bool operator==(const fraction&, const fraction&) = default;
  /// Exact, for all values (no subtraction, so no overflow: fraction(LLONG_MAX) > fraction(-1)).
  friend constexpr std::strong_ordering operator<=>(const fraction& a, const fraction& b) {
    return detail::compare(a.num, a.den, b.num, b.den);
  }
};

/// "n" for integers, "n/d" otherwise.
inline std::string to_string(const fraction& f) {
  return f.den == 1 ? std::to_string(f.num) : std::to_string(f.num) + "/" + std::to_string(f.den);
}

/// How a fraction appears in CTNN_VERIFY's diagnostics (found by argument-dependent lookup): integers
/// as themselves, others as their text, e.g. `ctnn::actual_decimal<ctnn::decimal<'1', '/', '3'>>`.
/// The text is complete for every fraction: the longest, "-9223372036854775808/9223372036854775807",
/// has 40 characters, the capacity of ctnn::detail::diagnostic_value.
constexpr ctnn::detail::diagnostic_value to_diagnostic(const fraction& f) {
  ctnn::detail::diagnostic_value v{};
  if (f.den == 1) {
    v.integer = f.num;
    return v;
  }
  v.integral = false;
  if (f.num < 0) ctnn::detail::append(v, '-');
  const unsigned long long magnitude =
      f.num < 0 ? 0ULL - static_cast<unsigned long long>(f.num) : static_cast<unsigned long long>(f.num);
  ctnn::detail::append_unsigned(v, magnitude);
  ctnn::detail::append(v, '/');
  ctnn::detail::append_unsigned(v, static_cast<unsigned long long>(f.den));
  return v;
}

}  // namespace ctnn::meta

namespace ctnn {
/// Fractions add exactly: verification may sweep them in Gray-code order (see verify/sweep.hpp).
template <>
inline constexpr bool exact_addition_v<meta::fraction> = true;
}  // namespace ctnn
