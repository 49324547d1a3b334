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

#include <ctnn/core/activation.hpp>
#include <ctnn/core/activations.hpp>
#include <ctnn/meta/fraction.hpp>
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
  static constexpr auto value_form = ctnn::identity;  ///< the same function in the value form
  /// Returns x (a constant).
  template <class X>
  constexpr X operator()(X x) const {
    detail::require_constant<X>();
    return x;
  }
};
/// The identity activation of the meta form (ctnn::meta::dense's default).
inline constexpr identity_t identity{};

/// f(x) = max(x, 0); the zero has x's kind (int_<0> for an int_, rational<0, 1> for a rational).
struct relu_t {
  /// The same function in the value form: ctnn::relu.
  static constexpr auto value_form = ctnn::relu;
  /// max(x, 0), a constant of x's kind.
  template <class X>
  constexpr auto operator()(X x) const {
    detail::require_constant<X>();
    constexpr detail::zero_of<X> zero{};
    return boost::hana::if_(boost::hana::less(zero, x), x, zero);
  }
};
/// max(x, 0) on constants: `ctnn::meta::relu(hana::int_c<-3>)` has type `hana::int_<0>`.
inline constexpr relu_t relu{};

/// f(x) = 1 if x > 0, else 0 (so step(0) == 0), of x's kind.
struct step_t {
  /// The same function in the value form: ctnn::step.
  static constexpr auto value_form = ctnn::step;
  /// 1 if x > 0, else 0, a constant of x's kind.
  template <class X>
  constexpr auto operator()(X x) const {
    detail::require_constant<X>();
    constexpr detail::zero_of<X> zero{};
    return boost::hana::if_(boost::hana::less(zero, x), detail::one_of<X>{}, zero);
  }
};
/// The unit step on constants.
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

/// True when a leaky ReLU's slope has a denominator; otherwise also a compile error that says so.
template <int Den>
constexpr bool check_slope_denominator() {
  static_assert(Den != 0, "ctnn::meta::leaky_relu<Num, Den>: the slope's denominator must not be zero");
  return Den != 0;
}
/// True when a clamp's bounds are in order; otherwise also a compile error that says so.
template <int Lower, int Upper>
constexpr bool check_clamp_bounds() {
  static_assert(Lower <= Upper, "ctnn::meta::clamp<Lower, Upper>: Lower must not exceed Upper");
  return Lower <= Upper;
}
}  // namespace detail

/// f(x) = x if x > 0, else x * Num/Den. The slope is an `int_` when Den divides Num (then integer
/// inputs stay integers), else a rational (then negative integer inputs give rationals: exact, where
/// the value form on `int` truncates).
template <int Num, int Den>
struct leaky_relu_t {
  /// Whether the slope's denominator is not zero. If it is, one compile error says so, and a layer
  /// with this activation is not well formed (it computes nothing).
  static constexpr bool well_formed = detail::check_slope_denominator<Den>();
  // Instantiates the check with the class, without a second error of its own when it fails.
  static_assert(well_formed || true);
  /// The slope's numerator, Num.
  static constexpr int numerator = Num;
  /// The slope's denominator, Den (not 0).
  static constexpr int denominator = Den;
  /// The same function in the value form: ctnn::leaky_relu(Num, Den).
  static constexpr ctnn::leaky_relu_t value_form{Num, Den};  // the meta form checked Den != 0
  /// The slope as a constant type: `hana::int_<Num / Den>` when Den divides Num, else `ratio<Num, Den>`.
  using slope_type = decltype(detail::slope<Num, Den>());

  /// x if x > 0, else x times the slope, a constant (exact).
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
  /// Whether Lower <= Upper. If not, one compile error says so, and a layer with this activation is
  /// not well formed (it computes nothing).
  static constexpr bool well_formed = detail::check_clamp_bounds<Lower, Upper>();
  // Instantiates the check with the class, without a second error of its own when it fails.
  static_assert(well_formed || true);
  /// The lower bound, Lower.
  static constexpr int lower = Lower;
  /// The upper bound, Upper.
  static constexpr int upper = Upper;
  /// The same function in the value form: ctnn::clamp(Lower, Upper).
  static constexpr ctnn::clamp_t value_form{Lower, Upper};  // and Lower <= Upper

  /// x limited to [Lower, Upper]: x itself, or the bound it passes as `hana::int_<Lower>` or
  /// `hana::int_<Upper>`.
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

/// Any exact activation of the value form (core/activation.hpp: the `exact` capability), as an
/// activation of the meta form: A computes on the constant's exact value (a ctnn::meta::fraction),
/// and the result is lifted back into a constant, an integer constant of the input's type when the
/// input was one and the result is an integer, else a rational. What ctnn::meta::from_value makes of
/// a user's exact activation (ctnn's own map to the activations above).
template <auto A>
struct lifted {
  /// The value-form activation this lifts, A.
  static constexpr auto value_form = A;
  /// A applied to the constant's exact value, lifted back into a constant (see above).
  template <class X>
  constexpr auto operator()(X) const {
    detail::require_constant<X>();
    constexpr fraction result = A(to_fraction(X{}));
    if constexpr (is_integer_constant_v<X> && result.den == 1)
      return boost::hana::integral_constant<typename X::value_type,
                                            static_cast<typename X::value_type>(result.num)>{};
    else
      return rational_of<result>{};
  }
};

namespace detail {
template <class>
inline constexpr bool always_false = false;

/// The meta activation of the value activation `Value` (of type A): ctnn's built-ins map to the
/// activations above, any other exact activation to lifted<Value>.
template <class A, A Value>
struct meta_form {
  using type = lifted<Value>;
};
template <ctnn::identity_t Value>
struct meta_form<ctnn::identity_t, Value> {
  using type = identity_t;
};
template <ctnn::relu_t Value>
struct meta_form<ctnn::relu_t, Value> {
  using type = relu_t;
};
template <ctnn::step_t Value>
struct meta_form<ctnn::step_t, Value> {
  using type = step_t;
};
template <ctnn::leaky_relu_t Value>
struct meta_form<ctnn::leaky_relu_t, Value> {
  using type = leaky_relu_t<Value.numerator, Value.denominator>;
};
template <ctnn::clamp_t Value>
struct meta_form<ctnn::clamp_t, Value> {
  using type = clamp_t<Value.lower, Value.upper>;
};

/// An activation of the meta form: it names its value form.
template <class A>
inline constexpr bool is_meta_activation_v = requires { A::value_form; };

/// An activation of the meta form whose parameters were refused (`leaky_relu_t<N, 0>`): its own
/// compile error is shown.
template <class A>
inline constexpr bool has_refused_parameters_v = requires { requires !A::well_formed; };
}  // namespace detail

// The message of every attempt to use sigmoid or tanh in the meta form (a macro: static_assert
// needs a string literal), and of an activation without the `exact` capability.
#define CTNN_META_DETAIL_SMOOTH_REASON                                                                \
  "sigmoid and tanh have no meta form: their results are irrational, so they would have to be "     \
  "rounded, and no type holds a rounded value exactly; use the value form (ctnn::network of "        \
  "ctnn::dense<In, Out, double> with ctnn::sigmoid or ctnn::tanh), or, in the meta form, a "         \
  "piecewise-linear activation: ctnn::meta::hard_tanh, clamp<L, U>, relu, leaky_relu<N, D> or step"
#define CTNN_META_DETAIL_SMOOTH_MESSAGE "ctnn::meta: " CTNN_META_DETAIL_SMOOTH_REASON
#define CTNN_META_DETAIL_INEXACT_MESSAGE                                                          \
  "ctnn::meta: an activation that does not declare the exact capability (core/activation.hpp) " \
  "has no meta form (" CTNN_META_DETAIL_SMOOTH_REASON ")"

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
/// Refused in the meta form (see sigmoid_t).
inline constexpr sigmoid_t sigmoid{};

/// Not an activation of the meta form: using it is a compile error that says why (see above).
struct tanh_t : detail::refused_smooth {};
/// Refused in the meta form (see tanh_t).
inline constexpr tanh_t tanh{};

namespace detail {
template <class A>
inline constexpr bool is_refused_smooth_v = std::is_base_of_v<refused_smooth, A>;

/// Stops the build with a message that names the problem when `A` is not an activation of the meta
/// form (called where a meta layer is formed, so the error points at the user's layer); false, without
/// a second error, for one whose parameters were refused.
template <class A>
constexpr bool check_activation() {
  if constexpr (is_meta_activation_v<A>) {
    return !has_refused_parameters_v<A>;
  } else if constexpr (is_refused_smooth_v<A>) {
    static_assert(always_false<A>, CTNN_META_DETAIL_SMOOTH_MESSAGE);
    return false;
  } else if constexpr (!activation_traits<A>::exact) {
    static_assert(always_false<A>, CTNN_META_DETAIL_INEXACT_MESSAGE);
    return false;
  } else {
    static_assert(always_false<A>,
                  "ctnn::meta::dense: the activation must be one of ctnn::meta's: identity, relu, step, "
                  "leaky_relu<N, D>, clamp<L, U> or hard_tanh (the value form's ctnn::relu, ... take "
                  "run-time numbers; write ctnn::meta::relu)");
    return false;
  }
}
}  // namespace detail

}  // namespace ctnn::meta
