/// @file proof/linear_bounds.hpp
/// `ctnn::linear_bounds(net, box)`: bounds of a floating-point network's outputs over a box that are
/// linear functions of the inputs (symbolic intervals, with the ReLU relaxation of DeepPoly), sound
/// for the network's own arithmetic: for every input x of the box, lower[o](x) <= y_o(x) <=
/// upper[o](x) in exact real arithmetic, where y_o(x) is the value `net(x)` computes, bit for bit.
/// Their concrete ranges are intersected with the interval bounds of bounds/bounds.hpp, layer by
/// layer, so they are never looser. docs/proofs.md has the soundness argument; in short:
///
/// - Rounding is an error term. The deployed sum of a unit, b + w0*x0 + ... rounded after every
///   operation, differs from the exact b + w0*x0 + ... by at most gamma(n+1) * (|b| + sum |w_i x_i|)
///   plus n times the smallest normal value (underflow, flushed or gradual), where gamma(k) = k u /
///   (1 - k u) and u is the unit roundoff (Higham, Accuracy and Stability of Numerical Algorithms,
///   3.1); the bound is computed from the inputs' concrete ranges, rounded upward, and subtracted
///   from (added to) the unit's lower (upper) function. The inputs x_i here are the computed outputs
///   of the previous layer, which that layer's functions bound.
/// - The functions' own arithmetic rounds too: every coefficient and constant is computed in T
///   with its error bounded the same way, and the errors, times the largest magnitude of the box's
///   inputs, are moved into the constant, rounded outward. A function is thus a real-valued linear
///   function whose coefficients are floating-point numbers; only its constant absorbs errors.
/// - ReLU (computed exactly): with the unit's sound range [l, u], l < 0 < u, relu(z) <= lambda (z -
///   l) for lambda >= u / (u - l) (a line above a convex function at both ends of the range), and
///   relu(z) >= z or >= 0 (DeepPoly's choice: z when u > -l); since the function bounds z and lambda
///   >= 0, relu(z) <= lambda (U(x) - l) and relu(z) >= L(x) (or 0). lambda is rounded upward.
/// - Identity passes the functions on; any other activation gets constant functions, its interval
///   image (core/activation.hpp) of the unit's range.
///
/// Floating point only (IEEE binary32 and binary64, round to nearest); what the bounds of
/// bounds/bounds.hpp cannot bound (overflow, an activation without an image) is unknown here too.
#pragma once

#include <array>
#include <boost/hana/at.hpp>
#include <cstddef>
#include <ctnn/config.hpp>
#include <ctnn/core/activation.hpp>
#include <ctnn/core/activations.hpp>
#include <ctnn/core/interval.hpp>
#include <ctnn/core/scalar.hpp>
#include <ctnn/model/network.hpp>
#include <ctnn/bounds/bounds.hpp>
#include <ctnn/bounds/box.hpp>
#include <limits>
#include <optional>
#include <type_traits>
#include <utility>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

namespace ctnn {

/// A linear function of a box's N inputs, coefficients[0] * x_0 + ... + constant, meant in exact
/// real arithmetic (its floating-point coefficients are exact numbers). Structural.
template <scalar T, std::size_t N>
struct linear_form {
  /// One coefficient per input.
  std::array<T, N> coefficients{};
  /// The constant term.
  T constant{};
};

/// Linear bounds of a network's outputs over a box (`ctnn::linear_bounds`): when `status` is known,
/// every input x of `region` has lower[o](x) <= y_o(x) <= upper[o](x), and y_o(x) lies in
/// outputs[o]; otherwise `layer` and `unit` say where the bounds stopped. Structural.
template <scalar T, std::size_t N, std::size_t Out>
struct network_linear_bounds {
  /// known, or why not.
  bounds_status status = bounds_status::known;
  /// The layer where the bounds stopped (when not known).
  std::size_t layer = 0;
  /// The unit of that layer where they stopped (when not known).
  std::size_t unit = 0;
  /// One interval per output: the functions' range over the box, intersected with ctnn::bounds.
  std::array<interval<T>, Out> outputs{};
  /// Below each output.
  std::array<linear_form<T, N>, Out> lower{};
  /// Above each output.
  std::array<linear_form<T, N>, Out> upper{};
  /// The box the functions hold on.
  box<T, N> region{};
  /// Whether every output is bounded.
  constexpr bool known() const { return status == bounds_status::known; }
};

namespace detail {

/// Whether ctnn::linear_bounds takes scalar T.
template <class T>
inline constexpr bool linear_bounds_scalar_v = steppable_float_v<T> && monotone_arithmetic_v<T>;

/// `a * b` rounded to T before it joins a sum: in constant evaluation the plain product (nothing is
/// fused there, and a call would cost clang++ evaluation steps), at run time ctnn::multiply, whose
/// barrier keeps the optimiser from fusing it with the addition into one multiply-add (clang++ -O2
/// -march=native, g++ -std=gnu++20 with FMA): the bounds computed at run time are the compiler's,
/// bit for bit (tests/bit_equality/bounds_sampling.cpp, under every flag set of the matrix).
#define CTNN_DETAIL_PRODUCT(T, a, b) \
  (__builtin_is_constant_evaluated() ? T((a) * (b)) : ::ctnn::multiply<T>((a), (b)))

template <class T>
inline constexpr T unit_roundoff = T(std::numeric_limits<T>::epsilon() / T(2));

/// Whether the error bounds below hold for sums of n terms: 4 (n + 2) u <= 2^-10.
template <class T>
constexpr bool short_enough_sum(std::size_t n) {
  return T(T(4) * T(n + 2) * unit_roundoff<T>) <= T(1.0 / 1024);
}

/// An upper bound of the exact sum of non-negative terms p * q (or p), accumulated in T with
/// rounding to nearest: the rounded sum of m such terms is at least the exact one times (1 - 2 m u)
/// minus 2 m times the smallest normal value (products and sums that underflow, flushed or not), so
/// the exact sum is at most rounded * (1 + 4 m u) + 2 (m + 1) * min, rounded upward (short_enough_sum).
template <class T>
struct upward_sum {
  T sum = T(0);
  std::size_t terms = 0;
  constexpr void add(const T& p, const T& q) {
    sum = T(sum + CTNN_DETAIL_PRODUCT(T, p, q));
    ++terms;
  }
  constexpr void add(const T& p) {
    sum = T(sum + p);
    ++terms;
  }
  constexpr T value() const {
    const T m = T(terms);
    const T grown =
        CTNN_DETAIL_PRODUCT(T, sum, T(T(1) + T(T(4) * m * unit_roundoff<T>)));  // 1 + 4mu: a multiple of eps
    return next_up(T(grown + T(T(2) * T(m + T(1)) * std::numeric_limits<T>::min())));
  }
};

/// An upper bound of |computed - exact| for a sum of n + 1 terms (n of them rounded products) added
/// left to right with rounding to nearest, given `magnitude` >= the sum of the exact terms'
/// magnitudes: gamma(n + 1) * magnitude + (n + 1) * min <= 2 (n + 1) u * magnitude (1 - u) + 2 (n +
/// 2) * min, rounded upward.
template <class T>
constexpr T rounding_error(const T& magnitude, std::size_t n) {
  const T c = T(T(2) * T(n + 1) * unit_roundoff<T>);
  return next_up(
      T(CTNN_DETAIL_PRODUCT(T, magnitude, c) + T(T(2) * T(n + 2) * std::numeric_limits<T>::min())));
}

/// A sound lower (Upward false) or upper (Upward true) bound of the exact value of the function f
/// (N coefficients, then the constant) over x in `ranges`.
template <bool Upward, class T, std::size_t N>
constexpr T concretise(const T (&f)[N + 1], const std::array<interval<T>, N>& ranges) {
  T v = f[N];
  upward_sum<T> size{};
  size.add(magnitude(f[N]));
  for (std::size_t k = 0; k < N; ++k) {
    const T& a = f[k];
    const T& x = (a < T(0)) != Upward ? ranges[k].upper : ranges[k].lower;
    v = T(v + CTNN_DETAIL_PRODUCT(T, a, x)), size.add(magnitude(a), magnitude(x));
  }
  const T e = rounding_error(size.value(), N);
  return Upward ? next_up(T(v + e)) : next_down(T(v - e));
}

/// Magnitude limits that keep every operation of the functions finite: weights (and a combination's
/// factors) up to 2^20, coefficients and the box's inputs up to 2^40, constants up to
/// safe_magnitude (2^-40 of T's largest value): a product of a weight and a constant, or of a
/// coefficient and an input, and sums of up to 2^20 of them stay far below T's largest value. A unit
/// beyond them gets constant functions (its interval bounds); a box beyond them, constant
/// functions throughout.
template <class T>
inline constexpr T weight_limit = T(1048576.0);
template <class T>
inline constexpr T coefficient_limit = T(1099511627776.0);

/// The lower and upper functions of `bias + sum_i w[i] * value_i - error` (into lo) and `... + error`
/// (into hi), each as N coefficients then the constant, given functions below and above each
/// value_i: below[i] for a non-negative weight in the lower function, above[i] for a negative one,
/// and the other way round in the upper. `coefficient_size[i]` is at least the magnitude of every
/// coefficient of below[i] and above[i], and `box_size` at least the sum of the box's largest
/// input magnitudes: every coefficient's rounding error is at most rounding_error(sum_i |w_i| *
/// coefficient_size[i], n), which, times box_size, moves into the constant, rounded outward, with
/// the constant's own. `error` is the deployed sum's rounding error, rounding_error(|bias| + sum_i
/// |w_i| value_size[i], n) with value_size[i] the largest magnitude of value_i (none when
/// value_size all zero: an exact combination). False when a weight is beyond weight_limit.
template <class T>
constexpr T larger_magnitude(const T& a, const T& b) {
  const T x = a < T(0) ? T(-a) : a, y = b < T(0) ? T(-b) : b;
  return x < y ? y : x;
}

template <class T, std::size_t N, class Weights, class Forms>
constexpr bool combine(std::size_t n, const Weights& w, const T& bias, const Forms& below, const Forms& above,
                       const T* coefficient_size, const T* value_size, const T& box_size, T (&lo)[N + 1],
                       T (&hi)[N + 1]) {
  for (std::size_t k = 0; k < N; ++k) lo[k] = hi[k] = T(0);
  lo[N] = hi[N] = bias;
  upward_sum<T> coefficients{}, constants{}, values{};
  constants.add(magnitude(bias));
  values.add(magnitude(bias));
  bool small = true;
  // Few statements per input, the coefficients in one: clang++ counts constant-evaluation steps by
  // statement and call.
  const auto accumulate = [&]<std::size_t... K>(std::index_sequence<K...>) {
    for (std::size_t i = 0; i < n; ++i) {
      const T v = w[i], m = v < T(0) ? T(-v) : v;
      const T *l = v < T(0) ? above[i] : below[i], *u = v < T(0) ? below[i] : above[i];
      ((lo[K] = T(lo[K] + CTNN_DETAIL_PRODUCT(T, v, l[K])),
        hi[K] = T(hi[K] + CTNN_DETAIL_PRODUCT(T, v, u[K]))),
       ...),
          coefficients.sum = T(coefficients.sum + CTNN_DETAIL_PRODUCT(T, m, coefficient_size[i])),
          constants.sum = T(constants.sum + CTNN_DETAIL_PRODUCT(T, m, larger_magnitude(l[N], u[N]))),
          values.sum = T(values.sum + CTNN_DETAIL_PRODUCT(T, m, value_size[i])),
          small = small && !(weight_limit<T> < m);
    }
  };
  accumulate(std::make_index_sequence<N + 1>{});
  coefficients.terms = n;
  constants.terms += n;
  values.terms += n;
  upward_sum<T> slack{};
  slack.add(rounding_error(coefficients.value(), n), box_size);
  slack.add(rounding_error(constants.value(), n));
  slack.add(rounding_error(values.value(), n));
  const T e = slack.value();
  lo[N] = next_down(T(lo[N] - e));
  hi[N] = next_up(T(hi[N] + e));
  return small;
}

/// Whether a function (N coefficients, then the constant) is within the limits; its largest
/// coefficient magnitude into `size`.
template <class T, std::size_t N>
constexpr bool form_is_safe(const T (&f)[N + 1], T& size) {
  size = T(0);
  for (std::size_t k = 0; k < N; ++k) {
    if (!within_magnitude(f[k], coefficient_limit<T>)) return false;
    size = size < magnitude(f[k]) ? magnitude(f[k]) : size;
  }
  return within_magnitude(f[N], safe_magnitude<T>());
}

/// Makes f the constant function c.
template <class T, std::size_t N>
constexpr void make_constant(T (&f)[N + 1], const T& c) {
  for (std::size_t k = 0; k < N; ++k) f[k] = T(0);
  f[N] = c;
}

template <class Net, std::size_t... K>
constexpr std::size_t widest_layer(std::index_sequence<K...>) {
  constexpr std::size_t sizes[] = {
      std::remove_cvref_t<decltype(boost::hana::at_c<K>(std::declval<const Net&>().layers))>::output_size...};
  std::size_t w = Net::input_size;
  for (std::size_t size : sizes) w = w < size ? size : w;
  return w;
}

/// The working state of linear_bounds: the concrete ranges and the functions (N coefficients, then
/// the constant) of the current layer's values (the box's inputs before the first layer), with the
/// largest coefficient magnitude of each value's two functions.
template <class T, std::size_t N, std::size_t Width>
struct linear_state {
  T lower[Width]{};
  T upper[Width]{};
  T below[Width][N + 1]{};
  T above[Width][N + 1]{};
  T coefficient_size[Width]{};
  /// False when the box is beyond coefficient_limit: constant functions throughout.
  bool symbolic = true;
};

/// Layer K: from the state of its inputs to the state of its outputs.
template <std::size_t K, class Net, class T, std::size_t N, std::size_t Width>
constexpr bool linear_bound_layer(const Net& net, const box<T, N>& region, const T& box_size,
                                  linear_state<T, N, Width>& s,
                                  network_linear_bounds<T, N, Net::output_size>& b) {
  const auto& layer = boost::hana::at_c<K>(net.layers);
  using L = std::remove_cvref_t<decltype(layer)>;
  using A = typename L::activation_type;
  constexpr std::size_t n = L::input_size;
  T inputs_largest = T(0);
  T value_size[n]{};
  for (std::size_t i = 0; i < n; ++i) {
    const T m = magnitude(s.lower[i]) < magnitude(s.upper[i]) ? magnitude(s.upper[i]) : magnitude(s.lower[i]);
    value_size[i] = m;
    inputs_largest = inputs_largest < m ? m : inputs_largest;
  }
  linear_state<T, N, Width> next{};
  next.symbolic = s.symbolic;
  for (std::size_t o = 0; o < L::output_size; ++o) {
    b.layer = K;
    b.unit = o;
    if (!unit_stays_finite(layer, o, inputs_largest)) {
      b.status = bounds_status::not_finite;
      return false;
    }
    // The interval bounds of bounds/bounds.hpp, from the current (intersected) ranges.
    T lo{}, hi{};
    unit_extremes(layer, o, s.lower, s.upper, 0, lo, hi);
    // The functions of the unit's computed sum.
    T(&below)[N + 1] = next.below[o];
    T(&above)[N + 1] = next.above[o];
    constexpr bool short_sums = short_enough_sum<T>(n > N ? n : N);
    // A rectifier whose sum is never positive outputs 0: no functions to compute.
    bool symbolic = s.symbolic && short_sums && (!activation_traits<A>::rectifier || T(0) < hi);
    if (symbolic) {
      symbolic = combine<T, N>(n, layer.weights[o], layer.biases[o], s.below, s.above, s.coefficient_size,
                               value_size, box_size, below, above);
      T unused{};
      symbolic = symbolic && form_is_safe<T, N>(below, unused) && form_is_safe<T, N>(above, unused);
    }
    if (symbolic) {
      const T l = concretise<false, T, N>(below, region.ranges);
      const T u = concretise<true, T, N>(above, region.ranges);
      lo = lo < l ? l : lo;
      hi = u < hi ? u : hi;
    } else {
      make_constant<T, N>(below, lo);
      make_constant<T, N>(above, hi);
    }
    interval<T> y{};
    if constexpr (activation_traits<A>::rectifier) {
      y = {lo > T(0) ? lo : T(0), hi > T(0) ? hi : T(0)};
      if (!(T(0) < hi)) {
        make_constant<T, N>(below, T(0));
        make_constant<T, N>(above, T(0));
      } else if (lo < T(0)) {
        // relu(z) <= lambda (z - lo) on [lo, hi] for lambda >= hi / (hi - lo), and relu(z) >= 0 or z.
        const T width = next_down(T(hi - lo));
        T lambda = width > T(0) ? next_up(T(hi / width)) : T(1);
        if (!(lambda <= T(1))) lambda = T(1);  // the line z - lo is above relu(z) for z >= lo
        const T shift = next_up(T(lambda * T(-lo)));
        T previous[1][N + 1]{};
        for (std::size_t k = 0; k <= N; ++k) previous[0][k] = above[k];
        T size[1]{}, exact[1]{};
        T unused[N + 1]{};
        const T factor[1] = {lambda};
        if (form_is_safe<T, N>(previous[0], size[0])) {
          combine<T, N>(1, factor, shift, previous, previous, size, exact, box_size, unused, above);
          if (!form_is_safe<T, N>(above, size[0])) make_constant<T, N>(above, hi);
        } else {
          make_constant<T, N>(above, hi);
        }
        if (!(-lo < hi)) make_constant<T, N>(below, T(0));
      }
    } else if constexpr (std::is_same_v<A, identity_t>) {
      y = {lo, hi};
    } else if constexpr (has_interval_image<A, T>) {
      y = image(layer.activation, interval<T>{lo, hi});
      make_constant<T, N>(below, y.lower);
      make_constant<T, N>(above, y.upper);
    } else {
      b.status = bounds_status::no_interval_image;
      return false;
    }
    constexpr T limit = safe_magnitude<T>();
    if (!within_magnitude(y.lower, limit) || !within_magnitude(y.upper, limit)) {
      b.status = bounds_status::not_finite;
      return false;
    }
    next.lower[o] = y.lower;
    next.upper[o] = y.upper;
    T size_below{}, size_above{};
    form_is_safe<T, N>(below, size_below);
    form_is_safe<T, N>(above, size_above);
    next.coefficient_size[o] = size_below < size_above ? size_above : size_below;
  }
  s = next;
  return true;
}

template <class T, std::size_t N>
constexpr void copy_form(const T (&from)[N + 1], linear_form<T, N>& to) {
  for (std::size_t k = 0; k < N; ++k) to.coefficients[k] = from[k];
  to.constant = from[N];
}

template <class T, std::size_t N>
constexpr T box_size_of(const box<T, N>& region) {
  upward_sum<T> size{};
  for (const interval<T>& r : region.ranges)
    size.add(magnitude(r.lower) < magnitude(r.upper) ? magnitude(r.upper) : magnitude(r.lower));
  return size.value();
}

template <class Net, class T, std::size_t N, std::size_t... K>
constexpr network_linear_bounds<T, N, Net::output_size> linear_bounds(const Net& net, const box<T, N>& region,
                                                                      std::index_sequence<K...> layers) {
  constexpr std::size_t width = widest_layer<Net>(layers);
  network_linear_bounds<T, N, Net::output_size> b{};
  b.region = region;
  if (!region.well_formed()) {
    b.status = bounds_status::ill_formed_box;
    return b;
  }
  linear_state<T, N, width> s{};
  for (std::size_t k = 0; k < N; ++k) {
    const interval<T>& r = region.ranges[k];
    if (!within_magnitude(r.lower, std::numeric_limits<T>::max()) ||
        !within_magnitude(r.upper, std::numeric_limits<T>::max())) {
      b.status = bounds_status::not_finite;
      return b;
    }
    s.symbolic = s.symbolic && within_magnitude(r.lower, coefficient_limit<T>) &&
                 within_magnitude(r.upper, coefficient_limit<T>);
    s.lower[k] = r.lower;
    s.upper[k] = r.upper;
    s.below[k][k] = s.above[k][k] = T(1);
    s.coefficient_size[k] = T(1);
  }
  const T box_size = s.symbolic ? box_size_of(region) : T(0);
  if (!(linear_bound_layer<K>(net, region, box_size, s, b) && ...)) return b;
  for (std::size_t o = 0; o < Net::output_size; ++o) {
    b.outputs[o] = {s.lower[o], s.upper[o]};
    copy_form<T, N>(s.below[o], b.lower[o]);
    copy_form<T, N>(s.above[o], b.upper[o]);
  }
  b.layer = 0;
  b.unit = 0;
  return b;
}

}  // namespace detail

/// Linear bounds of every output of a floating-point `net` over `region` (see the file comment),
/// never looser than `ctnn::bounds`: the concrete `outputs` are the functions' ranges intersected
/// with the interval bounds, layer by layer.
template <class Net, class T, std::size_t N>
requires is_network_v<Net>
constexpr network_linear_bounds<T, N, Net::output_size> linear_bounds(const Net& net,
                                                                      const box<T, N>& region) {
  static_assert(std::is_same_v<T, typename Net::scalar_type>,
                "ctnn::linear_bounds: the box's scalar must be the network's");
  static_assert(N == Net::input_size, "ctnn::linear_bounds: the box needs one interval per network input");
  static_assert(detail::linear_bounds_scalar_v<T>,
                "ctnn::linear_bounds: IEEE float or double in round-to-nearest only (ctnn::bounds "
                "takes any scalar with monotone arithmetic)");
  return detail::linear_bounds(net, region, std::make_index_sequence<Net::layer_count>{});
}

namespace detail {

/// Sound bounds of constant + sum_o c[o] * x_o over the ranges, by interval arithmetic rounded outward.
template <class T, std::size_t Out>
constexpr interval<T> interval_combination(const std::array<T, Out>& c,
                                           const std::array<interval<T>, Out>& x) {
  T f[Out + 1]{};
  for (std::size_t o = 0; o < Out; ++o) f[o] = c[o];
  return {concretise<false, T, Out>(f, x), concretise<true, T, Out>(f, x)};
}

}  // namespace detail

/// Sound bounds of sum_o c[o] * y_o, the exact value of a linear combination of the outputs, at every
/// input of the box that `b` holds on; empty when b is not known, when a factor is beyond 2^20, when
/// there are too many outputs for the error bounds (4 (Out + 2) u > 2^-10), or (integers) when the
/// combination can overflow over the bounds. From interval bounds: interval
/// arithmetic, rounded outward.
template <scalar T, std::size_t Out>
constexpr std::optional<interval<T>> combination_bounds(const network_bounds<T, Out>& b,
                                                        const std::array<T, Out>& c) {
  if (!b.known()) return std::nullopt;
  if constexpr (std::is_integral_v<T>) {
    T lo = T(0), hi = T(0);
    for (std::size_t o = 0; o < Out; ++o) {
      const bool negative = c[o] < T(0);
      T pa{}, pb{};
      if (__builtin_mul_overflow(c[o], negative ? b.outputs[o].upper : b.outputs[o].lower, &pa) ||
          __builtin_add_overflow(lo, pa, &lo) ||
          __builtin_mul_overflow(c[o], negative ? b.outputs[o].lower : b.outputs[o].upper, &pb) ||
          __builtin_add_overflow(hi, pb, &hi))
        return std::nullopt;
    }
    return interval<T>{lo, hi};
  } else {
    static_assert(detail::linear_bounds_scalar_v<T>,
                  "ctnn::combination_bounds: integers, or IEEE float or double in round-to-nearest");
    if (!detail::short_enough_sum<T>(Out)) return std::nullopt;  // the error bounds' range
    for (const T& f : c)
      if (!detail::within_magnitude(f, detail::weight_limit<T>)) return std::nullopt;
    return detail::interval_combination(c, b.outputs);
  }
}

/// Same from linear bounds: the combination's own functions (sum_o c[o] * lower or upper[o]) over the
/// box, intersected with the interval arithmetic of the outputs' ranges.
template <scalar T, std::size_t N, std::size_t Out>
constexpr std::optional<interval<T>> combination_bounds(const network_linear_bounds<T, N, Out>& b,
                                                        const std::array<T, Out>& c) {
  if (!b.known() || !detail::short_enough_sum<T>(Out > N ? Out : N)) return std::nullopt;
  for (const T& f : c)
    if (!detail::within_magnitude(f, detail::weight_limit<T>)) return std::nullopt;
  interval<T> r = detail::interval_combination(c, b.outputs);
  T below[Out][N + 1]{}, above[Out][N + 1]{}, size[Out]{}, exact[Out]{};
  bool safe = true;
  for (std::size_t o = 0; o < Out; ++o) {
    T size_above{};
    for (std::size_t k = 0; k < N; ++k)
      below[o][k] = b.lower[o].coefficients[k], above[o][k] = b.upper[o].coefficients[k];
    below[o][N] = b.lower[o].constant;
    above[o][N] = b.upper[o].constant;
    safe = safe && detail::form_is_safe<T, N>(below[o], size[o]) &&
           detail::form_is_safe<T, N>(above[o], size_above);
    size[o] = size[o] < size_above ? size_above : size[o];
  }
  if (!safe) return r;
  T lo[N + 1]{}, hi[N + 1]{};
  detail::combine<T, N>(Out, c, T(0), below, above, size, exact, detail::box_size_of(b.region), lo, hi);
  T unused{};
  if (detail::form_is_safe<T, N>(lo, unused) && detail::form_is_safe<T, N>(hi, unused)) {
    const T l = detail::concretise<false, T, N>(lo, b.region.ranges);
    const T u = detail::concretise<true, T, N>(hi, b.region.ranges);
    r.lower = r.lower < l ? l : r.lower;
    r.upper = u < r.upper ? u : r.upper;
  }
  return r;
}

}  // namespace ctnn

#undef CTNN_DETAIL_PRODUCT

CTNN_DETAIL_PRECISE_FLOAT_END
