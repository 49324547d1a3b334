/// @file core/interval.hpp
/// `ctnn::interval<T>`: a closed interval [lower, upper] of scalars, what an activation's interval
/// image maps (see core/activation.hpp) and what the box proofs will propagate.
#pragma once

#include <ctnn/core/scalar.hpp>
#include <ctnn/config.hpp>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

namespace ctnn {

/// The closed interval [lower, upper] (lower <= upper; a single value when they are equal).
/// Structural: all members public.
template <scalar T>
struct interval {
  /// The lower bound.
  T lower;
  /// The upper bound.
  T upper;

  /// Whether `x` lies in the interval (lower <= x <= upper).
  constexpr bool contains(const T& x) const { return !(x < lower) && !(upper < x); }
  /// Whether every value of `other` lies in this interval.
  constexpr bool contains(const interval& other) const { return contains(other.lower) && contains(other.upper); }
  /// Same bounds.
  friend constexpr bool operator==(const interval&, const interval&) = default;
};

/// The smallest interval that holds both `a` and `b`.
template <scalar T>
constexpr interval<T> hull(const interval<T>& a, const interval<T>& b) {
  return {b.lower < a.lower ? b.lower : a.lower, a.upper < b.upper ? b.upper : a.upper};
}

/// The smallest interval that holds `a` and `b` (in any order).
template <scalar T>
constexpr interval<T> hull_of(const T& a, const T& b) {
  return b < a ? interval<T>{b, a} : interval<T>{a, b};
}

}  // namespace ctnn

CTNN_DETAIL_PRECISE_FLOAT_END
