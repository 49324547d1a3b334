/// @file spec/compare.hpp
/// Comparisons between an output of type T and a value given by the user (expected value, threshold,
/// tolerance) of another type U. Two arithmetic types are compared as numbers, without first
/// converting U to T (so above(-0.5) on an int network means "output >= 0", and an int output 0 is
/// not equal to an expected 0.5); any other pair converts U to T.
#pragma once

#include <type_traits>
#include <utility>

namespace ctnn {

namespace detail {
template <class U>
constexpr auto promote_bool(const U& u) {
  if constexpr (std::is_same_v<U, bool>)
    return static_cast<int>(u);
  else
    return u;
}

template <class T, class U>
constexpr bool equal(const T& t, const U& u) {
  if constexpr (std::is_arithmetic_v<T> && std::is_arithmetic_v<U>) {
    using A = decltype(promote_bool(t));
    using B = decltype(promote_bool(u));
    if constexpr (std::is_integral_v<A> && std::is_integral_v<B>)
      return std::cmp_equal(promote_bool(t), promote_bool(u));
    else
      return static_cast<std::common_type_t<A, B>>(t) == static_cast<std::common_type_t<A, B>>(u);
  } else {
    return t == static_cast<T>(u);
  }
}

template <class T, class U>
constexpr bool less(const T& t, const U& u) {
  if constexpr (std::is_arithmetic_v<T> && std::is_arithmetic_v<U>) {
    using A = decltype(promote_bool(t));
    using B = decltype(promote_bool(u));
    if constexpr (std::is_integral_v<A> && std::is_integral_v<B>)
      return std::cmp_less(promote_bool(t), promote_bool(u));
    else
      return static_cast<std::common_type_t<A, B>>(t) < static_cast<std::common_type_t<A, B>>(u);
  } else {
    return t < static_cast<T>(u);
  }
}

template <class T, class U>
constexpr bool greater(const T& t, const U& u) {
  if constexpr (std::is_arithmetic_v<T> && std::is_arithmetic_v<U>)
    return less(u, t);
  else
    return static_cast<T>(u) < t;
}

}  // namespace detail
}  // namespace ctnn
