/// @file bounds/box.hpp
/// `ctnn::box<T, N>`: one closed interval per input, the domain of a box proof (docs/proofs.md), and
/// `ctnn::ball`, the L-infinity ball around a point, clipped to a box. Both are literal, structural
/// types, usable as template arguments and in constant expressions.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <ctnn/config.hpp>
#include <ctnn/core/interval.hpp>
#include <ctnn/core/scalar.hpp>
#include <limits>
#include <type_traits>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

namespace ctnn {

/// Every input between its two bounds: input i takes any value of T in `ranges[i]` (for floating
/// point, every float or double between the bounds, not only the ones a finite domain would list).
/// Build it with braces, one `{lower, upper}` per input: `ctnn::box<double, 2>{{{0, 0.1}, {0.9, 1}}}`.
template <scalar T, std::size_t N>
struct box {
  static_assert(N > 0, "ctnn::box: a box needs at least one input");
  /// The scalar of the inputs.
  using scalar_type = T;
  /// The number of inputs.
  static constexpr std::size_t input_count = N;
  /// One closed interval per input.
  std::array<interval<T>, N> ranges;

  /// Input i's interval.
  constexpr const interval<T>& operator[](std::size_t i) const { return ranges[i]; }
  /// Whether every bound is ordered (lower <= upper; a NaN bound makes it false).
  constexpr bool well_formed() const {
    for (const interval<T>& r : ranges)
      if (!(r.lower <= r.upper)) return false;
    return true;
  }
  /// Whether `x` lies in the box (every input within its interval).
  constexpr bool contains(const std::array<T, N>& x) const {
    for (std::size_t i = 0; i < N; ++i)
      if (!ranges[i].contains(x[i])) return false;
    return true;
  }
  /// Whether every point of `other` lies in this box.
  constexpr bool contains(const box& other) const {
    for (std::size_t i = 0; i < N; ++i)
      if (!ranges[i].contains(other.ranges[i])) return false;
    return true;
  }
  /// The lower corner (every input at its lower bound).
  constexpr std::array<T, N> lower_corner() const {
    std::array<T, N> x{};
    for (std::size_t i = 0; i < N; ++i) x[i] = ranges[i].lower;
    return x;
  }
  /// The point whose inputs are the midpoints of the intervals (`ctnn::midpoint`).
  constexpr std::array<T, N> centre() const;
  /// Same intervals.
  friend constexpr bool operator==(const box&, const box&) = default;
};

/// `ctnn::box{{interval...}}` deduces T and N from an array of intervals.
template <scalar T, std::size_t N>
box(std::array<interval<T>, N>) -> box<T, N>;

/// The box of inputs within `radius` of `point` in every input (the L-infinity ball): for floating
/// point, a bound whose subtraction or addition rounded inward is moved one representable value
/// outward, so that no value within the radius, in exact arithmetic, is left out.
template <scalar T, std::size_t N>
constexpr box<T, N> ball(const std::array<T, N>& point, const T& radius);
/// Same, clipped to `within`: the intersection of the ball and that box (empty intersections make a
/// box that is not well_formed()).
template <scalar T, std::size_t N>
constexpr box<T, N> ball(const std::array<T, N>& point, const T& radius, const box<T, N>& within);

namespace detail {

/// The unsigned integer of the same size as floating type T, for std::bit_cast.
template <class T>
using float_bits_t = std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>;

/// Whether T is a floating type whose bits ctnn can step through (IEEE binary32 or binary64).
template <class T>
inline constexpr bool steppable_float_v = std::is_floating_point_v<T>&& std::numeric_limits<T>::is_iec559 &&
                                          (sizeof(T) == 4 || sizeof(T) == 8);

/// Floating-point values mapped to unsigned integers in the same order (-0 and +0 to neighbours).
template <class T>
constexpr float_bits_t<T> ordered_bits(T x) {
  using U = float_bits_t<T>;
  constexpr U sign = U(1) << (sizeof(T) * 8 - 1);
  const U bits = std::bit_cast<U>(x);
  return (bits & sign) ? U(~bits) : U(bits | sign);
}
/// The inverse of ordered_bits.
template <class T>
constexpr T from_ordered_bits(float_bits_t<T> o) {
  using U = float_bits_t<T>;
  constexpr U sign = U(1) << (sizeof(T) * 8 - 1);
  return std::bit_cast<T>((o & sign) ? U(o & ~sign) : U(~o));
}

/// The next representable value toward -infinity / +infinity (finite, non-NaN x; the infinities
/// stay).
template <class T>
constexpr T next_down(T x) {
  if constexpr (steppable_float_v<T>) {
    if (x == -std::numeric_limits<T>::infinity()) return x;
    if (x == T(0)) return -std::numeric_limits<T>::denorm_min();
    return from_ordered_bits<T>(ordered_bits(x) - 1);
  } else {
    return x;
  }
}
template <class T>
constexpr T next_up(T x) {
  if constexpr (steppable_float_v<T>) {
    if (x == std::numeric_limits<T>::infinity()) return x;
    if (x == T(0)) return std::numeric_limits<T>::denorm_min();
    return from_ordered_bits<T>(ordered_bits(x) + 1);
  } else {
    return x;
  }
}

/// The exact error of s = fl(a + b): a + b == s + error exactly (Knuth's TwoSum, round-to-nearest,
/// no overflow).
template <class T>
constexpr T two_sum_error(T a, T b, T s) {
  const T bb = T(s - a);
  return T(T(a - T(s - bb)) + T(b - bb));
}

}  // namespace detail

/// A point of [lower, upper] that splits it into two smaller closed intervals [lower, m] and
/// [m, upper] when it has more than two values of T (floating point: the rounded arithmetic
/// midpoint, or, when rounding puts it on an end, the midpoint in the order of representable
/// values; integers: lower + (upper - lower) / 2 without overflow). Always within the interval.
template <scalar T>
constexpr T midpoint(const interval<T>& r) {
  const T& a = r.lower;
  const T& b = r.upper;
  if constexpr (std::is_integral_v<T>) {
    // (a & b) + ((a ^ b) >> 1) is floor((a + b) / 2) without overflow, for signed and unsigned.
    return T((a & b) + ((a ^ b) >> 1));
  } else if constexpr (detail::steppable_float_v<T>) {
    if (!(a < b)) return a;
    // b - a overflows only for ends of opposite signs both beyond half the largest value.
    constexpr T half_max = T(std::numeric_limits<T>::max() / T(2));
    const bool width_finite = !(a < T(0) && T(0) < b) || (T(-a) < half_max && b < half_max);
    T m = width_finite ? T(a + T(T(b - a) / T(2))) : T(a / T(2) + b / T(2));
    if (a < m && m < b) return m;
    const auto lo = detail::ordered_bits(a), hi = detail::ordered_bits(b);
    m = detail::from_ordered_bits<T>(lo + (hi - lo) / 2);
    return m < a ? a : (b < m ? b : m);
  } else {
    if (!(a < b)) return a;
    const T m = T(a + T(T(b - a) / T(2)));
    return m < a ? a : (b < m ? b : m);
  }
}

template <scalar T, std::size_t N>
constexpr std::array<T, N> box<T, N>::centre() const {
  std::array<T, N> x{};
  for (std::size_t i = 0; i < N; ++i) x[i] = midpoint(ranges[i]);
  return x;
}

template <scalar T, std::size_t N>
constexpr box<T, N> ball(const std::array<T, N>& point, const T& radius) {
  box<T, N> b{};
  for (std::size_t i = 0; i < N; ++i) {
    T lo = T(point[i] - radius), hi = T(point[i] + radius);
    if constexpr (std::is_floating_point_v<T>) {
      // Outward where the rounding went inward: the exact error of each sum (Knuth's TwoSum,
      // exact in round-to-nearest) tells on which side of the rounded bound the exact one lies.
      if (detail::two_sum_error(point[i], T(-radius), lo) < T(0)) lo = detail::next_down(lo);
      if (detail::two_sum_error(point[i], radius, hi) > T(0)) hi = detail::next_up(hi);
    }
    b.ranges[i] = {lo, hi};
  }
  return b;
}

template <scalar T, std::size_t N>
constexpr box<T, N> ball(const std::array<T, N>& point, const T& radius, const box<T, N>& within) {
  box<T, N> b = ball(point, radius);
  for (std::size_t i = 0; i < N; ++i) {
    if (b.ranges[i].lower < within.ranges[i].lower) b.ranges[i].lower = within.ranges[i].lower;
    if (within.ranges[i].upper < b.ranges[i].upper) b.ranges[i].upper = within.ranges[i].upper;
  }
  return b;
}

}  // namespace ctnn

CTNN_DETAIL_PRECISE_FLOAT_END
