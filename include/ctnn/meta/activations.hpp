/// @file meta/activations.hpp
/// Activations of the meta form: function objects from a constant to a constant, exact on integer and
/// rational constants: identity, relu, step, leaky_relu<Num, Den>, clamp<Lower, Upper>, hard_tanh.
/// They compute what the value form's activations of the same name compute (activations.hpp), on
/// types: `ctnn::meta::relu(hana::int_c<-3>)` has type `hana::int_<0>`.
///
/// sigmoid and tanh have no meta form: their results are irrational, so they would have to be rounded
/// and no type could hold them exactly. `ctnn::meta::sigmoid` and `ctnn::meta::tanh` exist only to say
/// so in a compile error, with what to use instead.
#pragma once

#include <type_traits>

#include <boost/hana/core/tag_of.hpp>
#include <boost/hana/if.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/less.hpp>
#include <boost/hana/mult.hpp>
#include <boost/hana/one.hpp>
#include <boost/hana/zero.hpp>

#include <ctnn/activations.hpp>
#include <ctnn/meta/rational.hpp>

namespace ctnn::meta {

namespace detail {
template <class X>
constexpr void require_constant() {
  // An error here means that a meta activation was given something that is not a constant.
  static_assert(constant<X>,
                "ctnn::meta: activations of the meta form take constants (hana::int_c<5>, "
                "ctnn::meta::ratio_c<1, 2>); for run-time numbers use the value form (ctnn::relu, ...)");
}
template <class X>
using zero_of = decltype(boost::hana::zero<boost::hana::tag_of_t<X>>());
template <class X>
using one_of = decltype(boost::hana::one<boost::hana::tag_of_t<X>>());
}  // namespace detail

/// f(x) = x
struct identity_t {
  template <class X>
  constexpr X operator()(X x) const {
    detail::require_constant<X>();
    return x;
  }
};
inline constexpr identity_t identity{};

/// f(x) = max(x, 0); the zero has x's kind (int_<0> for an int_, rational<0, 1> for a rational).
struct relu_t {
  template <class X>
  constexpr auto operator()(X x) const {
    detail::require_constant<X>();
    constexpr detail::zero_of<X> zero{};
    return boost::hana::if_(boost::hana::less(zero, x), x, zero);
  }
};
inline constexpr relu_t relu{};

/// f(x) = 1 if x > 0, else 0 (so step(0) == 0), of x's kind.
struct step_t {
  template <class X>
  constexpr auto operator()(X x) const {
    detail::require_constant<X>();
    constexpr detail::zero_of<X> zero{};
    return boost::hana::if_(boost::hana::less(zero, x), detail::one_of<X>{}, zero);
  }
};
inline constexpr step_t step{};

namespace detail {
/// The slope Num/Den of a leaky ReLU as a constant; with Den == 0 (which leaky_relu_t refuses) no
/// division is evaluated, so that its message is the only error.
template <int Num, int Den>
constexpr auto slope() {
  if constexpr (Den == 0)
    return boost::hana::int_<0>{};
  else if constexpr (Num % Den == 0)
    return boost::hana::int_<Num / Den>{};
  else
    return ratio<Num, Den>{};
}
}  // namespace detail

/// f(x) = x if x > 0, else x * Num/Den. The slope is an `int_` when Den divides Num (then integer
/// inputs stay integers), else a rational (then negative integer inputs give rationals: exact, where
/// the value form on `int` truncates).
template <int Num, int Den>
struct leaky_relu_t {
  static_assert(Den != 0, "ctnn::meta::leaky_relu<Num, Den>: the slope's denominator must not be zero");
  static constexpr int numerator = Num;
  static constexpr int denominator = Den;
  using slope_type = decltype(detail::slope<Num, Den>());

  template <class X>
  constexpr auto operator()(X x) const {
    detail::require_constant<X>();
    constexpr detail::zero_of<X> zero{};
    return boost::hana::if_(boost::hana::less(zero, x), x, boost::hana::mult(x, slope_type{}));
  }
};
/// Leaky ReLU with slope Num/Den for negative inputs: `ctnn::meta::leaky_relu<1, 10>`.
template <int Num, int Den>
inline constexpr leaky_relu_t<Num, Den> leaky_relu{};

/// f(x) = x limited to [Lower, Upper] (the bounds as `int_` constants).
template <int Lower, int Upper>
struct clamp_t {
  static_assert(Lower <= Upper, "ctnn::meta::clamp<Lower, Upper>: Lower must not exceed Upper");
  static constexpr int lower = Lower;
  static constexpr int upper = Upper;

  template <class X>
  constexpr auto operator()(X x) const {
    detail::require_constant<X>();
    constexpr boost::hana::int_<Lower> low{};
    constexpr boost::hana::int_<Upper> high{};
    return boost::hana::if_(boost::hana::less(x, low), low,
                            boost::hana::if_(boost::hana::less(high, x), high, x));
  }
};
/// Clamp to [Lower, Upper]: `ctnn::meta::clamp<0, 6>`.
template <int Lower, int Upper>
inline constexpr clamp_t<Lower, Upper> clamp{};

/// f(x) = x limited to [-1, 1].
inline constexpr clamp_t<-1, 1> hard_tanh{};

namespace detail {
template <class A>
inline constexpr bool is_smooth_v = false;
template <class A>
inline constexpr bool is_exact_activation_v = false;
template <>
inline constexpr bool is_exact_activation_v<identity_t> = true;
template <>
inline constexpr bool is_exact_activation_v<relu_t> = true;
template <>
inline constexpr bool is_exact_activation_v<step_t> = true;
template <int Num, int Den>
inline constexpr bool is_exact_activation_v<leaky_relu_t<Num, Den>> = true;
template <int Lower, int Upper>
inline constexpr bool is_exact_activation_v<clamp_t<Lower, Upper>> = true;
template <class>
inline constexpr bool always_false = false;
}  // namespace detail

// The message of every attempt to use sigmoid or tanh in the meta form (a macro: static_assert
// needs a string literal).
#define CTNN_META_DETAIL_SMOOTH_MESSAGE                                                               \
  "ctnn::meta: sigmoid and tanh have no meta form: their results are irrational, so they would have " \
  "to be rounded, and no type holds a rounded value exactly; use the value form (ctnn::network of "   \
  "ctnn::dense<In, Out, double> with ctnn::sigmoid or ctnn::tanh), or, in the meta form, a "          \
  "piecewise-linear activation: ctnn::meta::hard_tanh, clamp<L, U>, relu, leaky_relu<N, D> or step"

namespace detail {
/// What sigmoid_t and tanh_t do when applied: a compile error that says why (see above).
struct refused_smooth {
  template <class X>
  constexpr X operator()(X x) const {
    static_assert(always_false<X>, CTNN_META_DETAIL_SMOOTH_MESSAGE);
    return x;
  }
};
}  // namespace detail

/// Not an activation of the meta form: using it is a compile error that says why (see above).
struct sigmoid_t : detail::refused_smooth {};
inline constexpr sigmoid_t sigmoid{};

/// Not an activation of the meta form: using it is a compile error that says why (see above).
struct tanh_t : detail::refused_smooth {};
inline constexpr tanh_t tanh{};

namespace detail {
template <>
inline constexpr bool is_smooth_v<sigmoid_t> = true;
template <>
inline constexpr bool is_smooth_v<tanh_t> = true;
template <>
inline constexpr bool is_smooth_v<ctnn::sigmoid_t> = true;
template <>
inline constexpr bool is_smooth_v<ctnn::tanh_t> = true;

/// Stops the build with a message that names the problem when `A` is not an activation of the meta
/// form (called where a meta layer is formed, so the error points at the user's layer).
template <class A>
constexpr bool check_activation() {
  if constexpr (is_smooth_v<A>) {
    static_assert(!is_smooth_v<A>, CTNN_META_DETAIL_SMOOTH_MESSAGE);
    return false;
  } else {
    static_assert(is_exact_activation_v<A>,
                  "ctnn::meta::dense: the activation must be one of ctnn::meta's: identity, relu, step, "
                  "leaky_relu<N, D>, clamp<L, U> or hard_tanh (the value form's ctnn::relu, ... take "
                  "run-time numbers; write ctnn::meta::relu)");
    return is_exact_activation_v<A>;
  }
}
}  // namespace detail

}  // namespace ctnn::meta
