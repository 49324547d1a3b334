/// @file meta/rational.hpp
/// Exact rational constants carried in types: `ctnn::meta::rational<Num, Den>` (always in lowest terms),
/// written `ctnn::meta::ratio<Num, Den>` (which normalises) or `ctnn::meta::ratio_c<Num, Den>` (an
/// object). A rational is a Boost.Hana Constant whose value is a `ctnn::meta::fraction`, so Hana's
/// `plus`, `minus`, `mult`, `negate`, `equal`, `less`, `zero`, `one`, ... work on it, and mix with
/// `hana::integral_constant` (an integer constant converts to a rational exactly):
///
///     hana::int_c<3> * ratio_c<1, 2>   has type  rational<3, 2>
///     ratio_c<1, 2> + ratio_c<1, 2>    has type  rational<1, 1>
///
/// Each operation is computed by constant evaluation on fractions and the result is lifted back into
/// a type: the same way Hana lifts `int` arithmetic into `hana::integral_constant`.
/// Also `ctnn::meta::constant`, the concept of every weight, bias and input of the meta form.
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>

#include <boost/hana/bool.hpp>
#include <boost/hana/core/common.hpp>
#include <boost/hana/core/to.hpp>
#include <boost/hana/equal.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/less.hpp>
#include <boost/hana/minus.hpp>
#include <boost/hana/mult.hpp>
#include <boost/hana/negate.hpp>
#include <boost/hana/not.hpp>
#include <boost/hana/not_equal.hpp>
#include <boost/hana/one.hpp>
#include <boost/hana/plus.hpp>
#include <boost/hana/value.hpp>
#include <boost/hana/zero.hpp>

#include <ctnn/meta/fraction.hpp>

namespace ctnn::meta {

/// The Hana tag of every `rational<Num, Den>`.
struct rational_tag {
  /// The type of every rational's value: ctnn::meta::fraction.
  using value_type = fraction;
};

/// The rational constant Num/Den. Each value has exactly one type: Den > 0 and gcd(Num, Den) == 1
/// (write `ratio<Num, Den>` to have that done for you). Empty; its value is in its type.
template <long long Num, long long Den>
struct rational {
  static_assert(Den > 0 && detail::gcd(Num, Den) == 1,
                "ctnn::meta::rational<Num, Den> must be in lowest terms with Den > 0, so that each value "
                "has one type; write ctnn::meta::ratio<Num, Den>, which normalises (ratio<2, -4> is "
                "rational<-1, 2>)");
  /// Boost.Hana's tag: rational_tag (this makes the rational a Hana Constant).
  using hana_tag = rational_tag;
  /// The type of `value`: ctnn::meta::fraction.
  using value_type = fraction;
  /// The numerator, Num.
  static constexpr long long num = Num;
  /// The denominator, Den (> 0).
  static constexpr long long den = Den;
  /// The value, fraction(Num, Den).
  static constexpr fraction value{Num, Den};
};

namespace detail {
template <long long Num, long long Den>
inline constexpr fraction normalised{Num, Den};  // a zero Den stops here, naming the reason
}  // namespace detail

/// The rational constant Num/Den in lowest terms: `ratio<2, 4>` is `rational<1, 2>`.
template <long long Num, long long Den = 1>
using ratio = rational<detail::normalised<Num, Den>.num, detail::normalised<Num, Den>.den>;

/// `ratio<Num, Den>` as an object: `ratio_c<-1, 3>`.
template <long long Num, long long Den = 1>
inline constexpr ratio<Num, Den> ratio_c{};

/// The rational constant of a fraction value (a class-type template argument): `rational_of<fraction(1, 3)>`.
template <fraction F>
using rational_of = rational<F.num, F.den>;

/// True for `rational<Num, Den>`.
template <class T>
inline constexpr bool is_rational_v = false;
/// True: a rational constant.
template <long long Num, long long Den>
inline constexpr bool is_rational_v<rational<Num, Den>> = true;

/// True for `hana::integral_constant<T, v>` with T an integer type other than bool.
template <class T>
inline constexpr bool is_integer_constant_v = false;
template <class T, T V>
inline constexpr bool is_integer_constant_v<boost::hana::integral_constant<T, V>> =
    std::is_integral_v<T> && !std::is_same_v<T, bool>;

/// What the meta form computes with: an integer constant (`hana::int_c<5>`, `hana::llong_c<5>`, ...)
/// or a rational constant (`ratio_c<1, 2>`). Its value is in its type; objects are empty.
/// Integer constants of an unsigned type as wide as long long (`hana::ullong_c`, `hana::size_c`)
/// are constants too, but every use of one in a meta network is a compile error (see below).
template <class T>
concept constant = is_integer_constant_v<std::remove_cvref_t<T>> || is_rational_v<std::remove_cvref_t<T>>;

/// Names a compile error: integer constants of type `T` (unsigned, as wide as long long) can hold
/// values that long long cannot.
template <class T>
struct integer_constant_type_exceeds_long_long;

namespace detail {
/// Integer constants that convert to a rational without loss: every integer type but bool and the
/// unsigned types as wide as long long.
template <class T>
inline constexpr bool embeds_in_rational = std::is_integral_v<T> && !std::is_same_v<T, bool> &&
                                           (std::is_signed_v<T> || sizeof(T) < sizeof(long long));

// Why an unsigned type as wide as long long has no exact meta form: the one rule behind three
// refusals (constants here, value scalars in convert.hpp, record fields in record.hpp).
#define CTNN_META_DETAIL_WIDE_UNSIGNED_REASON                                                            \
  "every exact value of the meta form is a long long fraction, which cannot hold the large values of " \
  "an unsigned type as wide as long long (unsigned long long, unsigned long, std::size_t), and its "   \
  "arithmetic wraps around"

/// True when the integer type T of a constant embeds in the rationals; otherwise also a compile error
/// that says why and names T.
template <class T>
constexpr bool check_integer_type() {
  if constexpr (!embeds_in_rational<T>) {
    static_assert(ctnn::detail::named_error<integer_constant_type_exceeds_long_long<T>>,
                  "ctnn::meta: an integer constant of an unsigned type as wide as long long "
                  "(hana::ullong_c, hana::size_c) is refused: " CTNN_META_DETAIL_WIDE_UNSIGNED_REASON
                  "; use a signed type (hana::int_c, hana::llong_c) or a rational (ctnn::meta::ratio_c); "
                  "ctnn::meta::integer_constant_type_exceeds_long_long<T> shows the type");
    return false;
  }
  return true;
}

template <class C>
constexpr bool has_exact_value() {
  using plain = std::remove_cvref_t<C>;
  if constexpr (is_integer_constant_v<plain>)
    return embeds_in_rational<typename plain::value_type>;
  else
    return true;
}

/// The index of the first false flag (N if none).
template <std::size_t N>
constexpr std::size_t first_false(const bool (&flags)[N]) {
  std::size_t k = 0;
  while (k < N && flags[k]) ++k;
  return k;
}

/// The index of the first constant in `C...` without an exact value (sizeof...(C) if none).
template <class... C>
constexpr std::size_t first_inexact() {
  constexpr bool exact[] = {true, has_exact_value<C>()...};  // never empty
  return first_false(exact) - 1;
}

/// True when every constant in `C...` has an exact value; otherwise a compile error naming the type
/// of the first one that has not (one error, however many such constants there are).
template <class... C>
constexpr bool check_exact_constants() {
  constexpr std::size_t first = first_inexact<C...>();
  if constexpr (first < sizeof...(C)) {
    using inexact = std::remove_cvref_t<std::tuple_element_t<first, std::tuple<C...>>>;
    return check_integer_type<typename inexact::value_type>();
  } else {
    return true;
  }
}
}  // namespace detail

/// The exact value of a constant, as a fraction. An integer constant of an unsigned type as wide as
/// long long is a compile error (detail::check_integer_type): its value might not fit.
template <constant C>
constexpr fraction to_fraction(const C&) {
  using plain = std::remove_cvref_t<C>;
  if constexpr (is_rational_v<plain>) {
    return plain::value;
  } else if constexpr (!detail::embeds_in_rational<typename plain::value_type>) {
    detail::check_integer_type<typename plain::value_type>();  // the compile error
    return fraction();
  } else {
    return fraction(static_cast<long long>(plain::value));
  }
}

// Operators between two rationals. With a `hana::integral_constant` on either side, Hana's own
// operators (found through the integral constant) apply: they call the same hana::plus, ... below.
/// The sum of two rational constants, a rational constant (hana::plus).
template <long long A, long long B, long long C, long long D>
constexpr auto operator+(rational<A, B> x, rational<C, D> y) {
  return boost::hana::plus(x, y);
}
/// The difference of two rational constants, a rational constant (hana::minus).
template <long long A, long long B, long long C, long long D>
constexpr auto operator-(rational<A, B> x, rational<C, D> y) {
  return boost::hana::minus(x, y);
}
/// The product of two rational constants, a rational constant (hana::mult).
template <long long A, long long B, long long C, long long D>
constexpr auto operator*(rational<A, B> x, rational<C, D> y) {
  return boost::hana::mult(x, y);
}
/// The negation of a rational constant, a rational constant (hana::negate).
template <long long A, long long B>
constexpr auto operator-(rational<A, B> x) {
  return boost::hana::negate(x);
}
/// Whether x equals y, as a hana::bool_ (hana::equal).
template <long long A, long long B, long long C, long long D>
constexpr auto operator==(rational<A, B> x, rational<C, D> y) {
  return boost::hana::equal(x, y);
}
/// Whether x differs from y, as a hana::bool_ (hana::not_equal).
template <long long A, long long B, long long C, long long D>
constexpr auto operator!=(rational<A, B> x, rational<C, D> y) {
  return boost::hana::not_equal(x, y);
}
/// Whether x < y, as a hana::bool_ (hana::less).
template <long long A, long long B, long long C, long long D>
constexpr auto operator<(rational<A, B> x, rational<C, D> y) {
  return boost::hana::less(x, y);
}
/// Whether x > y, as a hana::bool_.
template <long long A, long long B, long long C, long long D>
constexpr auto operator>(rational<A, B> x, rational<C, D> y) {
  return boost::hana::less(y, x);
}
/// Whether x <= y, as a hana::bool_.
template <long long A, long long B, long long C, long long D>
constexpr auto operator<=(rational<A, B> x, rational<C, D> y) {
  return boost::hana::not_(boost::hana::less(y, x));
}
/// Whether x >= y, as a hana::bool_.
template <long long A, long long B, long long C, long long D>
constexpr auto operator>=(rational<A, B> x, rational<C, D> y) {
  return boost::hana::not_(boost::hana::less(x, y));
}

}  // namespace ctnn::meta

// ---------------------------------------------------------------------------------------------
// Boost.Hana's customisation points (Hana's documented way to make a type a Constant, and a value
// type a Ring: specialise the *_impl templates for its tag).
namespace boost::hana {

/// rational is a Constant: hana::value<rational<1, 2>>() == fraction(1, 2).
template <>
struct value_impl<ctnn::meta::rational_tag> {
  template <class C>
  static constexpr ctnn::meta::fraction apply() {
    return C::value;
  }
};

/// Any Constant holding a fraction (Hana's own intermediate results) becomes a rational type.
template <class C>
struct to_impl<ctnn::meta::rational_tag, C,
               when<Constant<C>::value && std::is_same<typename C::value_type, ctnn::meta::fraction>::value>>
    : embedding<true> {
  template <class X>
  static constexpr auto apply(const X&) {
    constexpr ctnn::meta::fraction f = hana::value<X>();
    return ctnn::meta::rational<f.num, f.den>{};
  }
};

/// An integer constant is a rational with denominator 1: int_<3> * rational<1, 2> is rational<3, 2>.
template <class T>
struct common<integral_constant_tag<T>, ctnn::meta::rational_tag,
              std::enable_if_t<ctnn::meta::detail::embeds_in_rational<T>>> {
  using type = ctnn::meta::rational_tag;
};
template <class T>
struct common<ctnn::meta::rational_tag, integral_constant_tag<T>,
              std::enable_if_t<ctnn::meta::detail::embeds_in_rational<T>>> {
  using type = ctnn::meta::rational_tag;
};
template <class T>
struct to_impl<ctnn::meta::rational_tag, integral_constant_tag<T>,
               std::enable_if_t<ctnn::meta::detail::embeds_in_rational<T>>> : embedding<true> {
  template <class X>
  static constexpr auto apply(const X&) {
    return ctnn::meta::rational<static_cast<long long>(X::value), 1>{};
  }
};

/// fraction is a Ring (Hana knows int and double already; comparisons it finds through == and <).
template <>
struct plus_impl<ctnn::meta::fraction, ctnn::meta::fraction> {
  static constexpr ctnn::meta::fraction apply(const ctnn::meta::fraction& a, const ctnn::meta::fraction& b) {
    return a + b;
  }
};
template <>
struct minus_impl<ctnn::meta::fraction, ctnn::meta::fraction> {
  static constexpr ctnn::meta::fraction apply(const ctnn::meta::fraction& a, const ctnn::meta::fraction& b) {
    return a - b;
  }
};
template <>
struct mult_impl<ctnn::meta::fraction, ctnn::meta::fraction> {
  static constexpr ctnn::meta::fraction apply(const ctnn::meta::fraction& a, const ctnn::meta::fraction& b) {
    return a * b;
  }
};
template <>
struct zero_impl<ctnn::meta::fraction> {
  static constexpr ctnn::meta::fraction apply() { return {}; }
};
template <>
struct one_impl<ctnn::meta::fraction> {
  static constexpr ctnn::meta::fraction apply() { return {1}; }
};

}  // namespace boost::hana
