/// @file math.hpp
/// ctnn's own constexpr `exp`, `expm1`, `tanh` and `sigmoid`. `std::exp` is not constexpr in C++20
/// (clang++ 14 rejects it), and the run-time path must compute the very same bits as the compiler,
/// so the run-time path calls these functions too. Accuracy, measured against the standard library in
/// tests/unit/math.cpp: exp, expm1 and sigmoid within 2 ulp, tanh within 4 ulp.
#pragma once

#include <bit>
#include <cstdint>
#include <limits>

#include <ctnn/core/scalar.hpp>
#include <ctnn/config.hpp>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

/// ctnn's constexpr elementary functions, in double; the run-time path calls them too, so both
/// compute the same bits.
namespace ctnn::math {

namespace detail {

/// 2^k as a double, for normal exponents only (-1022 <= k <= 1023).
constexpr double power_of_two(int k) noexcept {
  return std::bit_cast<double>(static_cast<std::uint64_t>(k + 1023) << 52);
}

/// y * 2^k in at most two exact-or-rounded steps, correct for overflow and subnormal results.
constexpr double scale(double y, int k) noexcept {
  if (k > 1023) return y * power_of_two(1023) * power_of_two(k - 1023);
  if (k < -1022) return y * power_of_two(-1022) * power_of_two(k + 1022);
  return y * power_of_two(k);
}

/// Horner evaluation of sum_{n=first}^{13} r^n / n!, starting at term `first` (0 or 1), products rounded.
constexpr double taylor(double r, int first) noexcept {
  double sum = 1.0 / 6227020800.0;  // 1/13!
  double factorial = 6227020800.0;
  for (int n = 12; n >= first; --n) {
    factorial /= (n + 1);
    sum = multiply_add(1.0 / factorial, sum, r);
  }
  return first == 0 ? sum : multiply(sum, r);
}

inline constexpr double ln2_hi = 6.93147180369123816490e-01;  // trailing bits zero: k * ln2_hi is exact
inline constexpr double ln2_lo = 1.90821492927058770002e-10;
inline constexpr double inv_ln2 = 1.44269504088896338700e+00;

}  // namespace detail

namespace detail {
/// x = k ln2 + r with |r| <= ln2 / 2 (Cody and Waite: k * ln2_hi is exact).
struct reduced {
  int k;
  double r;
};
constexpr reduced reduce(double x) noexcept {
  const double kd = multiply(x, inv_ln2);
  const int k = static_cast<int>(kd < 0 ? kd - 0.5 : kd + 0.5);
  return {k, multiply_add(multiply_add(x, -static_cast<double>(k), ln2_hi), -static_cast<double>(k), ln2_lo)};
}
}  // namespace detail

/// e^x.
constexpr double exp(double x) noexcept {
  if (x != x) return x;
  if (x > 709.782712893384) return std::numeric_limits<double>::infinity();
  if (x < -745.1332191019412) return 0.0;
  const auto [k, r] = detail::reduce(x);
  return detail::scale(detail::taylor(r, 0), k);
}

/// e^x - 1, accurate near 0 and, through 2^k (e^r - 1) + (2^k - 1), away from it too.
constexpr double expm1(double x) noexcept {
  if (x != x) return x;
  if (x > -0.34657359027997264 && x < 0.34657359027997264) return detail::taylor(x, 1);
  if (x < -40.0) return -1.0;
  if (x > 700.0) return exp(x);
  const auto [k, r] = detail::reduce(x);
  const double two_k = detail::scale(1.0, k);  // exact
  return multiply_add(two_k - 1.0, two_k, detail::taylor(r, 1));
}

/// Hyperbolic tangent: -expm1(-2|x|) / (2 + expm1(-2|x|)) for small |x|, 1 - 2 / (1 + e^2|x|) above.
constexpr double tanh(double x) noexcept {
  if (x != x) return x;
  const double a = x < 0 ? -x : x;
  if (a > 22.0) return x < 0 ? -1.0 : 1.0;
  double t = 0;
  if (a < 0.55) {
    const double e = expm1(-2.0 * a);  // in (-1, 0]
    t = -e / (2.0 + e);
  } else {
    t = 1.0 - 2.0 / (1.0 + exp(2.0 * a));
  }
  return x < 0 ? -t : t;
}

/// Logistic function 1 / (1 + e^-x) (for x < 0 as e^x / (1 + e^x), which does not overflow).
constexpr double sigmoid(double x) noexcept {
  if (x != x) return x;
  if (x >= 0) return 1.0 / (1.0 + exp(-x));
  const double e = exp(x);
  return e / (1.0 + e);
}

}  // namespace ctnn::math

CTNN_DETAIL_PRECISE_FLOAT_END
