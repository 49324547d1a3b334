/// @file bounds/bounds.hpp
/// `ctnn::bounds(net, box)`: interval bounds of every output of a network over a box of inputs, sound
/// for the network's own arithmetic (the bits that `net(x)` computes, at compile time and at run
/// time), or "unknown" (docs/proofs.md has the soundness argument).
///
/// Why they are sound. A unit computes bias + w0*x0 + w1*x1 + ..., left to right, each product
/// rounded before it is added (model/dense.hpp). In IEEE round-to-nearest every operation is monotone
/// in each operand: fl(a + b) does not decrease when a or b grows, and fl(w * x), for a fixed w, moves
/// with x in the direction of w's sign. Each input enters the unit's sum once, through one product, so
/// the computed sum is monotone in each input separately: evaluated in the same operations and order,
/// with each input at the end of its interval that its weight's sign selects, it gives the exact
/// minimum (and maximum) of what the network computes for that unit over the box. Exact arithmetic
/// (integers, without overflow) is monotone the same way. The unit's output then lies in the
/// activation's interval image of that range (core/activation.hpp), and the next layer's inputs in
/// those intervals: layer after layer the bounds stay sound, and loosen, since units reach their
/// extremes at different inputs.
///
/// When they are unknown. Floating point: a bound that could overflow (checked before each operation,
/// with a margin: a compile-time operation that overflows is not a constant expression), or an
/// activation's image beyond 2^-40 of T's largest value; an infinite or NaN bound of the box.
/// Integers: a product or partial sum that can leave T over the box (checked with
/// __builtin_*_overflow on the extremes of every partial sum, which bound it at every input): the
/// layer and unit are named. Any scalar: an activation with no interval image. A scalar whose
/// arithmetic is not known to be monotone (`ctnn::monotone_arithmetic_v`) gets no bounds at all (a
/// compile error).
#pragma once

#include <array>
#include <boost/hana/at.hpp>
#include <cstddef>
#include <ctnn/config.hpp>
#include <ctnn/core/activation.hpp>
#include <ctnn/core/interval.hpp>
#include <ctnn/core/scalar.hpp>
#include <ctnn/model/network.hpp>
#include <ctnn/bounds/box.hpp>
#include <limits>
#include <type_traits>
#include <utility>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

namespace ctnn {

/// True when T's `+` and `*` are monotone in each operand as computed, which the bounds rely on
/// (see the file comment): IEEE floating point in round-to-nearest, and integers (whose overflow the
/// bounds check). Specialise it to true for a user scalar whose operations are monotone (an exact
/// rational; a saturating fixed-point type), never for a wrapping one.
template <class T>
inline constexpr bool monotone_arithmetic_v = std::is_integral_v<T> ||
                                              (std::is_floating_point_v<T> &&
                                               std::numeric_limits<T>::is_iec559 &&
                                               std::numeric_limits<T>::round_style == std::round_to_nearest);

/// Why a bound is unknown (`bounds_status`).
enum class bounds_status {
  known,              ///< every output is bounded
  not_finite,         ///< a floating-point bound could overflow, or the box is not finite
  overflow,           ///< an integer product or sum can leave the scalar type over the box
  no_interval_image,  ///< an activation declares no interval image (core/activation.hpp)
  ill_formed_box      ///< an interval of the box has lower > upper (or a NaN bound)
};

/// The bounds of a network's outputs over a box: `outputs[o]` holds every value output o takes at an
/// input of the box, as the network computes it, when `status` is `known`; otherwise `layer` and
/// `unit` (counted from 0) say where the bounds stopped. Structural: all members public.
template <scalar T, std::size_t Out>
struct network_bounds {
  /// known, or why not.
  bounds_status status = bounds_status::known;
  /// The layer where the bounds stopped (when not known).
  std::size_t layer = 0;
  /// The unit of that layer where they stopped (when not known).
  std::size_t unit = 0;
  /// One interval per output (meaningful when known).
  std::array<interval<T>, Out> outputs{};
  /// Whether every output is bounded.
  constexpr bool known() const { return status == bounds_status::known; }
};

namespace detail {

/// Floating-point bounds within this magnitude are safe to multiply by an activation's parameters.
template <class T>
constexpr T safe_magnitude() {
  T m = std::numeric_limits<T>::max();
  for (int k = 0; k < 40; ++k) m = T(m / T(2));
  return m;
}

template <class T>
constexpr T magnitude(const T& x) {
  return x < T(0) ? T(-x) : x;
}

/// Whether x is a finite floating-point value whose magnitude is at most `limit`.
template <class T>
constexpr bool within_magnitude(const T& x, const T& limit) {
  return !(x != x) && !(limit < magnitude(x));
}

/// Floating point: whether no product or partial sum of unit `o` can overflow for inputs of magnitude
/// at most `largest`: every exact product and partial sum is at most |bias| + (|w0| + |w1| + ...) *
/// largest in magnitude; that bound, computed in T from non-negative terms (so rounded by a relative
/// n * 2^-24 at most), below a quarter of T's largest value keeps them, and their rounded values,
/// below half of it.
template <class Layer, class T>
constexpr bool unit_stays_finite(const Layer& layer, std::size_t o, const T& largest) {
  constexpr T quarter = T(std::numeric_limits<T>::max() / T(4));
  T norm = T(0);
  for (std::size_t i = 0; i < Layer::input_size; ++i) norm = T(norm + magnitude(layer.weights[o][i]));
  if (!(norm < quarter) || !(magnitude(layer.biases[o]) < quarter)) return false;
  if (largest > T(1) && !(norm < T(quarter / largest))) return false;
  return T(multiply(norm, largest) + magnitude(layer.biases[o])) < quarter;  // never fused (as below)
}

/// The sums of unit `o` of `layer` with each input at the end of its interval that its weight's sign
/// selects: the least into `lo`, the greatest into `hi` (the network's operations in its order, as
/// model/dense.hpp's pre_activation: the bias, then each product rounded and added, left to right).
/// Integers: false when a product or partial sum can leave T (checked on both extremes).
template <class Layer, class T, std::size_t Size>
constexpr bool unit_extremes(const Layer& layer, std::size_t o, const T (&lower)[Size],
                             const T (&upper)[Size], std::size_t from, T& lo, T& hi) {
  lo = hi = layer.biases[o];
  for (std::size_t i = 0; i < Layer::input_size; ++i) {
    // Few statements: clang++ counts constant-evaluation steps by statement.
    const T &w = layer.weights[o][i], &a = w < T(0) ? upper[from + i] : lower[from + i],
            &b = w < T(0) ? lower[from + i] : upper[from + i];
    if constexpr (std::is_integral_v<T>) {
      T pa{}, pb{};
      if (__builtin_mul_overflow(w, a, &pa) || __builtin_add_overflow(lo, pa, &lo) ||
          __builtin_mul_overflow(w, b, &pb) || __builtin_add_overflow(hi, pb, &hi))
        return false;
    } else if (std::is_constant_evaluated()) {
      lo = T(lo + T(w * a)), hi = T(hi + T(w * b));  // never fused in constant evaluation (as pre_activation)
    } else {
      lo = multiply_add(lo, w, a);
      hi = multiply_add(hi, w, b);
    }
  }
  return true;
}

/// Bounds of layer K's outputs, from those of its inputs in lower/upper [from, from + In), written
/// at [to, to + Out) (the buffer layout of model/network.hpp, after the inputs).
template <std::size_t K, class Net, class T, std::size_t Size>
constexpr bool box_bound_layer(const Net& net, T (&lower)[Size], T (&upper)[Size],
                               network_bounds<T, Net::output_size>& b) {
  const auto& layer = boost::hana::at_c<K>(net.layers);
  using L = std::remove_cvref_t<decltype(layer)>;
  using A = typename L::activation_type;
  constexpr std::size_t from = K == 0 ? 0 : Net::input_size + layout_of<Net>::offsets[K - 1];
  constexpr std::size_t to = Net::input_size + layout_of<Net>::offsets[K];
  T largest = T(0);
  if constexpr (std::is_floating_point_v<T>) {
    for (std::size_t i = 0; i < L::input_size; ++i) {
      const T m = magnitude(lower[from + i]) < magnitude(upper[from + i]) ? magnitude(upper[from + i])
                                                                          : magnitude(lower[from + i]);
      largest = largest < m ? m : largest;
    }
  }
  for (std::size_t o = 0; o < L::output_size; ++o) {
    b.layer = K;
    b.unit = o;
    if constexpr (std::is_floating_point_v<T>) {
      if (!unit_stays_finite(layer, o, largest)) {
        b.status = bounds_status::not_finite;
        return false;
      }
    }
    T lo{}, hi{};
    if (!unit_extremes(layer, o, lower, upper, from, lo, hi)) {
      b.status = bounds_status::overflow;
      return false;
    }
    interval<T> y{};
    if constexpr (activation_traits<A>::rectifier) {
      y = {lo > T(0) ? lo : T(0), hi > T(0) ? hi : T(0)};
    } else if constexpr (has_interval_image<A, T>) {
      y = image(layer.activation, interval<T>{lo, hi});
    } else {
      b.status = bounds_status::no_interval_image;
      return false;
    }
    if constexpr (std::is_floating_point_v<T>) {
      constexpr T limit = safe_magnitude<T>();
      if (!within_magnitude(y.lower, limit) || !within_magnitude(y.upper, limit)) {
        b.status = bounds_status::not_finite;
        return false;
      }
    }
    lower[to + o] = y.lower;
    upper[to + o] = y.upper;
  }
  return true;
}

template <class Net, class T, std::size_t N, std::size_t... K>
constexpr network_bounds<T, Net::output_size> bounds(const Net& net, const box<T, N>& region,
                                                     std::index_sequence<K...>) {
  constexpr std::size_t size = Net::input_size + layout_of<Net>::size;
  network_bounds<T, Net::output_size> b{};
  if (!region.well_formed()) {
    b.status = bounds_status::ill_formed_box;
    return b;
  }
  T lower[size]{};
  T upper[size]{};
  for (std::size_t i = 0; i < N; ++i) {
    lower[i] = region.ranges[i].lower;
    upper[i] = region.ranges[i].upper;
    if constexpr (std::is_floating_point_v<T>) {
      if (!within_magnitude(lower[i], std::numeric_limits<T>::max()) ||
          !within_magnitude(upper[i], std::numeric_limits<T>::max())) {
        b.status = bounds_status::not_finite;
        return b;
      }
    }
  }
  if (!(box_bound_layer<K>(net, lower, upper, b) && ...)) return b;
  constexpr std::size_t last = Net::input_size + layout_of<Net>::offsets[Net::layer_count - 1];
  for (std::size_t o = 0; o < Net::output_size; ++o) b.outputs[o] = {lower[last + o], upper[last + o]};
  b.layer = 0;
  b.unit = 0;
  return b;
}

}  // namespace detail

/// Interval bounds of every output of `net` over `region` (see the file comment): each interval holds
/// every value the network computes for that output at any input of the box, or the result says
/// why it is unknown. The box's scalar must be the network's; the box must be well formed.
template <class Net, class T, std::size_t N>
requires is_network_v<Net>
constexpr network_bounds<T, Net::output_size> bounds(const Net& net, const box<T, N>& region) {
  static_assert(
      std::is_same_v<T, typename Net::scalar_type>,
      "ctnn::bounds: the box's scalar must be the network's (make the box of the network's scalar_type)");
  static_assert(N == Net::input_size, "ctnn::bounds: the box needs one interval per network input");
  static_assert(
      monotone_arithmetic_v<T>,
      "ctnn::bounds: the scalar's arithmetic is not known to be monotone (IEEE floating point "
      "and integers are); specialise ctnn::monotone_arithmetic_v<T> for a scalar whose + and * are");
  return detail::bounds(net, region, std::make_index_sequence<Net::layer_count>{});
}

}  // namespace ctnn

CTNN_DETAIL_PRECISE_FLOAT_END
