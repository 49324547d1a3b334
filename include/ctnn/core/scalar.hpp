/// @file core/scalar.hpp
/// The Scalar concept every weight, bias and input type must model, its optional capability
/// (`exact_addition_v`), and the arithmetic helpers that keep run-time floating-point results equal
/// to compile-time ones (one optimisation barrier, `detail::opaque`, used by every run-time path).
#pragma once

#include <concepts>
#include <type_traits>

#include <ctnn/config.hpp>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

namespace ctnn {

/// A type ctnn can compute with: `int`, `long long`, `float`, `double`, or a user type (fixed-point,
/// exact rational, ...).
///
/// Minimal complete definition: regular, totally ordered, closed under `+ - * /` and unary `-`, and
/// constructible from `int` (ctnn writes `T(0)` and `T(1)`), all of it usable in constant
/// expressions for compile-time verification.
///
/// Optional capability: `exact_addition_v<T>` (below), which lets verification update sums
/// incrementally.
template <class T>
concept scalar = std::regular<T> && std::totally_ordered<T> && std::constructible_from<T, int> &&
                 requires(const T a, const T b) {
                   { a + b } -> std::convertible_to<T>;
                   { a - b } -> std::convertible_to<T>;
                   { a * b } -> std::convertible_to<T>;
                   { a / b } -> std::convertible_to<T>;
                   { -a } -> std::convertible_to<T>;
                 };

/// True when `T`'s addition is exact (associative, never rounds), as for integers, fixed-point and
/// exact rationals: then verification may update sums incrementally (Gray-code order) and still get
/// every row's bits exactly. Specialise it to `true` for such a user type; leave floating point false.
template <class T>
inline constexpr bool exact_addition_v = std::is_integral_v<T>;

namespace detail {

inline constexpr bool fast_math = CTNN_FAST_MATH;

/// The one optimisation barrier: hides a run-time value (a scalar or a vector of the GCC/clang vector
/// extension) from the optimiser, which then cannot see that it is a product, so `a * b` followed by
/// `+ c` is never contracted into one fused multiply-add (clang++ does so at -O2 -march=native, g++ in
/// -std=gnu++20 mode): a fused result is rounded once, the compile-time one twice, and their bits
/// would differ. With `after`, the value is also computed no earlier than `after` (the kernels pass
/// the sum a product is added to, so products are not all computed in advance and spilled).
template <class T>
CTNN_DETAIL_INLINE void opaque(T& value) noexcept {
#if defined(__GNUC__) && defined(__x86_64__) && defined(__SSE2__)
  if constexpr (std::is_integral_v<T>)
    asm("" : "+r"(value));
  else
    asm("" : "+v"(value));
#elif defined(__GNUC__) && defined(__aarch64__)
  if constexpr (std::is_integral_v<T>)
    asm("" : "+r"(value));
  else
    asm("" : "+w"(value));
#elif defined(__GNUC__)
  asm("" : "+m"(value));
#else
  volatile T copy = value;
  value = copy;
#endif
}
template <class T>
CTNN_DETAIL_INLINE void opaque(T& value, const T& after) noexcept {
#if defined(__GNUC__) && defined(__x86_64__) && defined(__SSE2__)
  if constexpr (std::is_integral_v<T>)
    asm("" : "+r"(value) : "r"(after));
  else
    asm("" : "+v"(value) : "v"(after));
#elif defined(__GNUC__) && defined(__aarch64__)
  if constexpr (std::is_integral_v<T>)
    asm("" : "+r"(value) : "r"(after));
  else
    asm("" : "+w"(value) : "w"(after));
#else
  static_cast<void>(after);
  opaque(value);
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
/// True unless T is floating point and the file is compiled in a mode under which the run-time
/// path could compute other bits than the compiler verified (CTNN_FLOAT_MODE); else also a compile
/// error naming the flag. Integer and fixed-point scalars are unaffected by these modes.
template <class T>
constexpr bool require_exact_floating_point() {
  constexpr int mode = std::is_floating_point_v<T> ? CTNN_FLOAT_MODE : 0;
  static_assert(mode != 1,
                "ctnn: floating-point networks cannot be built with -ffast-math (or -Ofast, "
                "-ffp-model=fast): it lets the optimiser reorder sums, so run-time results would "
                "no longer equal what static_assert verified. Drop the flag for this file, or use "
                "an integer or fixed-point scalar.");
  static_assert(mode != 2,
                "ctnn: floating-point networks cannot be built with excess precision "
                "(FLT_EVAL_METHOD != 0: -mfpmath=387, or -m32 without -msse2 -mfpmath=sse): run-time "
                "sums would keep extra bits that the compiler's verified values do not have");
  static_assert(mode != 3,
                "ctnn: floating-point networks cannot be built with -funsafe-math-optimizations or "
                "-fassociative-math: they let the optimiser reorder sums");
  static_assert(mode != 4,
                "ctnn: floating-point networks cannot be built with -freciprocal-math (or "
                "-funsafe-math-optimizations): x / d may become x * (1 / d), other bits");
  static_assert(mode != 5,
                "ctnn: floating-point networks cannot be built with -ffinite-math-only: the "
                "run-time path may then treat NaN and infinity otherwise than the compiler did");
  static_assert(mode != 6,
                "ctnn: floating-point networks cannot be built with -fno-signed-zeros: -0 and +0 "
                "may then trade places at run time");
  return mode == 0;
}
}  // namespace detail

}  // namespace ctnn

CTNN_DETAIL_PRECISE_FLOAT_END
