/// @file activations.hpp
/// Activation functions: constexpr function objects applied to each output of a layer.
/// The smooth ones (sigmoid, tanh) use ctnn::math, so compile time and run time agree bit for bit.
#pragma once

#include <type_traits>

#include <ctnn/math.hpp>
#include <ctnn/scalar.hpp>

namespace ctnn {

/// f(x) = x
struct identity_t {
  friend constexpr bool operator==(const identity_t&, const identity_t&) = default;
  template <scalar T>
  constexpr T operator()(const T& x) const {
    return x;
  }
};
inline constexpr identity_t identity{};

/// f(x) = max(x, 0)
struct relu_t {
  friend constexpr bool operator==(const relu_t&, const relu_t&) = default;
  template <scalar T>
  constexpr T operator()(const T& x) const {
    return x > T(0) ? x : T(0);
  }
};
inline constexpr relu_t relu{};

/// f(x) = 1 if x > 0, else 0 (so step(0) == 0).
struct step_t {
  friend constexpr bool operator==(const step_t&, const step_t&) = default;
  template <scalar T>
  constexpr T operator()(const T& x) const {
    return x > T(0) ? T(1) : T(0);
  }
};
inline constexpr step_t step{};

/// f(x) = x if x > 0, else x * numerator / denominator (multiplied first, then divided; for integer
/// scalars the division truncates toward zero, e.g. leaky_relu(1, 10) maps -15 to -1).
struct leaky_relu_t {
  friend constexpr bool operator==(const leaky_relu_t&, const leaky_relu_t&) = default;
  int numerator;
  int denominator;
  template <scalar T>
  constexpr T operator()(const T& x) const {
    return x > T(0) ? x : T(multiply(x, T(numerator)) / T(denominator));
  }
};
namespace detail {
// Not constexpr on purpose: calling them in a consteval function is the compile error.
inline void leaky_relu_denominator_must_not_be_zero() {}
inline void clamp_lower_bound_must_not_exceed_upper_bound() {}
}  // namespace detail

/// Leaky ReLU with slope numerator/denominator for negative inputs. Evaluated by the compiler: a zero
/// denominator is a compile error naming detail::leaky_relu_denominator_must_not_be_zero.
consteval leaky_relu_t leaky_relu(int numerator, int denominator) {
  if (denominator == 0) detail::leaky_relu_denominator_must_not_be_zero();
  return {numerator, denominator};
}

/// f(x) = x limited to [lower, upper] (bounds are integers, converted to the layer's scalar).
struct clamp_t {
  friend constexpr bool operator==(const clamp_t&, const clamp_t&) = default;
  int lower;
  int upper;
  template <scalar T>
  constexpr T operator()(const T& x) const {
    return x < T(lower) ? T(lower) : (T(upper) < x ? T(upper) : x);
  }
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
struct sigmoid_t {
  friend constexpr bool operator==(const sigmoid_t&, const sigmoid_t&) = default;
  template <scalar T>
  constexpr T operator()(const T& x) const {
    detail::require_floating_for_smooth<T>();
    return static_cast<T>(math::sigmoid(static_cast<double>(x)));
  }
};
inline constexpr sigmoid_t sigmoid{};

/// f(x) = tanh(x), computed in double and rounded to T.
struct tanh_t {
  friend constexpr bool operator==(const tanh_t&, const tanh_t&) = default;
  template <scalar T>
  constexpr T operator()(const T& x) const {
    detail::require_floating_for_smooth<T>();
    return static_cast<T>(math::tanh(static_cast<double>(x)));
  }
};
inline constexpr tanh_t tanh{};

/// What an activation must be: a function object that maps a T to a T in constant expressions.
template <class A, class T>
concept activation_for = scalar<T> && std::is_invocable_r_v<T, const A&, const T&>;

}  // namespace ctnn
