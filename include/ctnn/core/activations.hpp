/// @file core/activations.hpp
/// The eight built-in activations: constexpr function objects applied to each output of a layer,
/// each declaring its capabilities (core/activation.hpp): monotone or an interval image, a vector
/// form for the run-time kernels, exactness for the type-level form, a cost hint for the planner.
/// The smooth ones (sigmoid, tanh) use ctnn::math, so compile time and run time agree bit for bit.
#pragma once

#include <limits>
#include <type_traits>

#include <ctnn/core/activation.hpp>
#include <ctnn/core/interval.hpp>
#include <ctnn/core/math.hpp>
#include <ctnn/core/scalar.hpp>
#include <ctnn/config.hpp>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

namespace ctnn {

namespace detail {
/// The type of the lanes of a GCC/clang vector `V`.
template <class V>
using lane_t = std::remove_cvref_t<decltype(std::declval<const V&>()[0])>;
}  // namespace detail

/// f(x) = x
struct identity_t {
  /// Capability: monotone (x <= y implies f(x) <= f(y), as computed).
  static constexpr bool monotone = true;
  /// Capability: exact (computes its mathematical value on exact scalars).
  static constexpr bool exact = true;
  /// Always equal: the activation holds nothing.
  friend constexpr bool operator==(const identity_t&, const identity_t&) = default;
  /// Returns x.
  template <scalar T>
  constexpr T operator()(const T& x) const {
    return x;
  }
  /// The vector form: every lane unchanged.
  template <class V>
  V vector(const V& v) const {
    return v;
  }
  /// Capability: keeps integers (integers map to integers, equal to the exact value).
  constexpr bool keeps_integers() const { return true; }
};
/// The identity activation, f(x) = x (ctnn::dense's default).
inline constexpr identity_t identity{};

/// f(x) = max(x, 0)
struct relu_t {
  /// Capability: monotone (x <= y implies f(x) <= f(y), as computed).
  static constexpr bool monotone = true;
  /// Capability: exact (computes its mathematical value on exact scalars).
  static constexpr bool exact = true;
  /// Capability: a rectifier (the verification sweeps write max(x, 0) out instead of calling it).
  static constexpr bool rectifier = true;
  /// Always equal: the activation holds nothing.
  friend constexpr bool operator==(const relu_t&, const relu_t&) = default;
  /// Returns x if x > 0, else 0.
  template <scalar T>
  constexpr T operator()(const T& x) const {
    return x > T(0) ? x : T(0);
  }
  /// The vector form: in every lane, the lane if it is > 0, else 0.
  template <class V>
  V vector(const V& v) const {
    return v > V{} ? v : V{};
  }
  /// Capability: keeps integers (integers map to integers, equal to the exact value).
  constexpr bool keeps_integers() const { return true; }
};
/// The rectified linear unit, f(x) = max(x, 0).
inline constexpr relu_t relu{};

/// f(x) = 1 if x > 0, else 0 (so step(0) == 0).
struct step_t {
  /// Capability: monotone (x <= y implies f(x) <= f(y), as computed).
  static constexpr bool monotone = true;
  /// Capability: exact (computes its mathematical value on exact scalars).
  static constexpr bool exact = true;
  /// Always equal: the activation holds nothing.
  friend constexpr bool operator==(const step_t&, const step_t&) = default;
  /// Returns 1 if x > 0, else 0.
  template <scalar T>
  constexpr T operator()(const T& x) const {
    return x > T(0) ? T(1) : T(0);
  }
  /// The vector form: in every lane, 1 if the lane is > 0, else 0.
  template <class V>
  V vector(const V& v) const {
    return v > V{} ? V{} + detail::lane_t<V>(1) : V{};
  }
  /// Capability: keeps integers (integers map to integers, equal to the exact value).
  constexpr bool keeps_integers() const { return true; }
};
/// The unit step, f(x) = 1 if x > 0, else 0.
inline constexpr step_t step{};

/// f(x) = x if x > 0, else x * numerator / denominator (multiplied first, then divided; for integer
/// scalars the division truncates toward zero, e.g. leaky_relu(1, 10) maps -15 to -1).
struct leaky_relu_t {
  /// Capability: exact (computes its mathematical value on exact scalars).
  static constexpr bool exact = true;
  /// Same slope (numerator and denominator).
  friend constexpr bool operator==(const leaky_relu_t&, const leaky_relu_t&) = default;
  /// The slope's numerator.
  int numerator;
  /// The slope's denominator (not 0: ctnn::leaky_relu checks it).
  int denominator;
  /// Returns x if x > 0, else `multiply(x, T(numerator)) / T(denominator)`.
  template <scalar T>
  constexpr T operator()(const T& x) const {
    return x > T(0) ? x : T(multiply(x, T(numerator)) / T(denominator));
  }
  /// Sound and exact: for x <= 0 the computed value, a rounded (or truncated) product and quotient,
  /// moves with x in the direction of the slope's sign (each rounding is monotone); for x > 0 it is x.
  /// A non-negative slope makes the whole function non-decreasing: [f(lo), f(hi)]. A negative one
  /// makes it non-increasing below 0 and >= 0 there: the minimum is f(0) = 0 when 0 is in the range.
  /// For integers, an interval where the product x * numerator of a negative x could overflow gets
  /// T's whole range (sound, and a constant expression for every interval: verification's overflow
  /// bounds call it on ranges that no row may reach).
  template <scalar T>
  constexpr interval<T> image(const interval<T>& x) const {
    if constexpr (std::is_integral_v<T>) {
      T product{};
      if (x.lower < T(0) && __builtin_mul_overflow(x.lower, T(numerator), &product))
        return {std::numeric_limits<T>::lowest(), std::numeric_limits<T>::max()};
    }
    const bool rising = (numerator >= 0) == (denominator > 0) || numerator == 0;
    if (rising || !(x.lower < T(0))) return {(*this)(x.lower), (*this)(x.upper)};
    if (!(T(0) < x.upper)) return {(*this)(x.upper), (*this)(x.lower)};
    const T left = (*this)(x.lower);
    return {(*this)(T(0)), left < x.upper ? x.upper : left};
  }
  /// Floating point only: integer lanes are divided one by one, where only the lanes that need it
  /// divide (integer vector division is slow or missing).
  template <class V>
  requires std::is_floating_point_v<detail::lane_t<V>> V vector(V v) const {
    using T = detail::lane_t<V>;
    V product = v * (V{} + T(numerator));
    detail::opaque(product);
    return v > V{} ? v : V(product / (V{} + T(denominator)));
  }
  /// Capability: keeps integers when the slope is an integer (numerator % denominator == 0).
  constexpr bool keeps_integers() const { return numerator % denominator == 0; }
};
namespace detail {
// Not constexpr on purpose: calling them in a consteval function is the compile error.
inline void leaky_relu_denominator_must_not_be_zero() {}
inline void clamp_lower_bound_must_not_exceed_upper_bound() {}
}  // namespace detail

/// Leaky ReLU with slope numerator/denominator for negative inputs. Evaluated by the compiler: a zero
/// denominator is a compile error naming detail::leaky_relu_denominator_must_not_be_zero. The sign is
/// kept in the numerator (`leaky_relu(1, -2)` is `{-1, 2}`), so that the division never has a
/// negative divisor: an integer layer cannot compute INT_MIN / -1, which traps.
consteval leaky_relu_t leaky_relu(int numerator, int denominator) {
  if (denominator == 0) detail::leaky_relu_denominator_must_not_be_zero();
  if (denominator < 0) return {-numerator, -denominator};  // INT_MIN here: not a constant, an error
  return {numerator, denominator};
}

/// f(x) = x limited to [lower, upper] (bounds are integers, converted to the layer's scalar).
struct clamp_t {
  /// Capability: monotone (x <= y implies f(x) <= f(y), as computed).
  static constexpr bool monotone = true;
  /// Capability: exact (computes its mathematical value on exact scalars).
  static constexpr bool exact = true;
  /// Same bounds.
  friend constexpr bool operator==(const clamp_t&, const clamp_t&) = default;
  /// The lower bound, converted to the layer's scalar.
  int lower;
  /// The upper bound, converted to the layer's scalar.
  int upper;
  /// Returns x limited to [T(lower), T(upper)].
  template <scalar T>
  constexpr T operator()(const T& x) const {
    return x < T(lower) ? T(lower) : (T(upper) < x ? T(upper) : x);
  }
  /// The vector form: every lane limited to [lower, upper].
  template <class V>
  V vector(const V& v) const {
    using T = detail::lane_t<V>;
    const V low = V{} + T(lower);
    const V high = V{} + T(upper);
    return v < low ? low : (high < v ? high : v);
  }
  /// Capability: keeps integers (integers map to integers, equal to the exact value).
  constexpr bool keeps_integers() const { return true; }
};
/// Clamp to [lower, upper]. Evaluated by the compiler: lower > upper is a compile error naming
/// detail::clamp_lower_bound_must_not_exceed_upper_bound.
consteval clamp_t clamp(int lower, int upper) {
  if (upper < lower) detail::clamp_lower_bound_must_not_exceed_upper_bound();
  return {lower, upper};
}

/// f(x) = x limited to [-1, 1].
inline constexpr clamp_t hard_tanh{-1, 1};

namespace detail {
template <class T>
constexpr void require_floating_for_smooth() {
  static_assert(std::is_floating_point_v<T>,
                "ctnn: sigmoid and tanh need a floating-point scalar (float, double); for integer or "
                "fixed-point networks use relu, step, leaky_relu, hard_tanh or clamp");
}
}  // namespace detail

/// f(x) = 1 / (1 + e^-x), computed in double and rounded to T.
///
/// Interval image: [0, 1], whatever the input range. Sound: for x >= 0 the computed value is
/// 1 / fl(1 + e) with e = exp(-x) >= 0, so fl(1 + e) >= 1 and the quotient lies in [0, 1]; for x < 0
/// it is e / fl(1 + e) with fl(1 + e) >= e, again in [0, 1]; rounding to T keeps 0 and 1. It is loose on
/// purpose: ctnn's exp is not proven monotone to the last bit (its range reduction changes at every
/// multiple of ln 2 / 2), so [f(lo), f(hi)] would not be a proof.
struct sigmoid_t {
  /// Cost hint: a call into ctnn::math.
  static constexpr activation_cost cost = activation_cost::transcendental;
  /// Always equal: the activation holds nothing.
  friend constexpr bool operator==(const sigmoid_t&, const sigmoid_t&) = default;
  /// The interval image: [0, 1] for any range (see above).
  template <scalar T>
  constexpr interval<T> image(const interval<T>&) const {
    return {T(0), T(1)};
  }
  /// The logistic function of x, through ctnn::math::sigmoid in double, rounded to T (floating-point T only).
  template <scalar T>
  constexpr T operator()(const T& x) const {
    detail::require_floating_for_smooth<T>();
    return static_cast<T>(math::sigmoid(static_cast<double>(x)));
  }
};
/// The logistic function, f(x) = 1 / (1 + e^-x) (floating-point scalars only).
inline constexpr sigmoid_t sigmoid{};

/// f(x) = tanh(x), computed in double and rounded to T.
///
/// Interval image: [-1, 1], whatever the input range, for the reason sigmoid's is [0, 1]: for
/// |x| < 0.55 the value is -e / fl(2 + e) with e = expm1(-2|x|) in (-1, 0], so -e < 1 < fl(2 + e);
/// above, 1 - 2 / fl(1 + exp(2|x|)) with the quotient in [0, 2]; the sign is then x's.
struct tanh_t {
  /// Cost hint: a call into ctnn::math.
  static constexpr activation_cost cost = activation_cost::transcendental;
  /// Always equal: the activation holds nothing.
  friend constexpr bool operator==(const tanh_t&, const tanh_t&) = default;
  /// The interval image: [-1, 1] for any range (see above).
  template <scalar T>
  constexpr interval<T> image(const interval<T>&) const {
    return {T(-1), T(1)};
  }
  /// The hyperbolic tangent of x, through ctnn::math::tanh in double, rounded to T (floating-point T only).
  template <scalar T>
  constexpr T operator()(const T& x) const {
    detail::require_floating_for_smooth<T>();
    return static_cast<T>(math::tanh(static_cast<double>(x)));
  }
};
/// The hyperbolic tangent, f(x) = tanh(x) (floating-point scalars only).
inline constexpr tanh_t tanh{};

}  // namespace ctnn

CTNN_DETAIL_PRECISE_FLOAT_END
