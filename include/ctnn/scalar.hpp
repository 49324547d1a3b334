/// @file scalar.hpp
/// The scalar concept every weight, bias and input type must model, and the arithmetic
/// helpers that keep run-time floating-point results equal to compile-time ones.
#pragma once

#include <concepts>
#include <type_traits>

namespace ctnn {

/// A type ctnn can compute with: `int`, `long long`, `float`, `double`, or a user type (fixed-point,
/// exact rational, ...) that is regular, totally ordered, closed under `+ - * /` and unary `-`, and
/// constructible from `int` (ctnn writes `T(0)` and `T(1)`). All of it must be usable in constant
/// expressions for compile-time verification.
template <class T>
concept scalar = std::regular<T> && std::totally_ordered<T> && std::constructible_from<T, int> &&
                 requires(const T a, const T b) {
                   { a + b } -> std::convertible_to<T>;
                   { a - b } -> std::convertible_to<T>;
                   { a * b } -> std::convertible_to<T>;
                   { a / b } -> std::convertible_to<T>;
                   { -a } -> std::convertible_to<T>;
                 };

namespace detail {

#if defined(__FAST_MATH__)
inline constexpr bool fast_math = true;
#else
inline constexpr bool fast_math = false;
#endif

/// Hides a run-time value from the optimiser, so that `a * b` followed by `+ c` cannot be contracted
/// into one fused multiply-add (clang++ does so at -O2 -march=native, g++ in -std=gnu++20 mode):
/// a fused result is rounded once, the compile-time one twice, and their bits would differ.
template <class T>
inline void opaque(T& value) noexcept {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__)) && defined(__SSE2__)
  asm("" : "+x"(value));
#elif defined(__GNUC__) && defined(__aarch64__)
  asm("" : "+w"(value));
#elif defined(__GNUC__)
  asm("" : "+m"(value));
#else
  volatile T copy = value;
  value = copy;
#endif
}

}  // namespace detail

/// `a * b`, rounded to `T` before anything else happens to it, at compile time and at run time alike.
/// Every product that ctnn adds to something goes through this function.
template <scalar T>
constexpr T multiply(const T& a, const T& b) noexcept(noexcept(a * b)) {
  T product = a * b;
  if constexpr (std::is_floating_point_v<T>) {
    if (!std::is_constant_evaluated()) detail::opaque(product);
  }
  return product;
}

/// `c + a * b` with the product rounded first (never a fused multiply-add).
template <scalar T>
constexpr T multiply_add(const T& c, const T& a, const T& b) {
  return T(c + multiply(a, b));
}

namespace detail {
template <class T>
constexpr void require_exact_floating_point() {
  static_assert(!(std::is_floating_point_v<T> && fast_math),
                "ctnn: floating-point networks cannot be built with -ffast-math (or -Ofast, "
                "-ffp-model=fast): it lets the optimiser reorder sums, so run-time results would "
                "no longer equal what static_assert verified. Drop the flag for this file, or use "
                "an integer or fixed-point scalar.");
}
}  // namespace detail

}  // namespace ctnn
