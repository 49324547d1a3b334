/// @file verify/overflow.hpp
/// Integer overflow during verification, found before it happens (not public API, but for the
/// error's name). A signed integer sum that leaves its type is undefined behaviour: in a constant
/// expression the compilers stop with a long cascade that names no row; at run time the sum wraps,
/// or worse. So verification of a network whose scalar is a signed integer (int, long, long long)
/// either proves, by interval bounds, that no sum of any row can overflow, and then sweeps as usual,
/// or evaluates every row directly with checked arithmetic (`evaluate_checked`, the network's own
/// operations in its own order), where the first row that overflows or fails is reported: an
/// overflow as the compile error `ctnn::integer_overflow_in_sum<row, inputs, layer_index,
/// unit_index>` (CTNN_VERIFY), or a failed result with `overflow` set (`ctnn::verify`; no undefined
/// behaviour at run time either). Few-row domains, which the planner evaluates directly anyway, take
/// the checked rows without the bounds.
///
/// Why the bounds are sound: over the box that holds the domain's rows (each input between its
/// smallest and largest listed value), every term w * x of a unit's sum depends on one input only,
/// so each partial sum bias + w0 x0 + ... + wk xk, with exact integer arithmetic, lies between the
/// sums of its terms' minima and maxima, which are taken at the ends of each input's interval. If
/// those bounds, computed with checked arithmetic, fit the type, no row's partial sums can leave it;
/// the bound of a unit's output is the activation's interval image of its sum's bounds
/// (core/activation.hpp), or [max(lo, 0), max(hi, 0)] for a rectifier; an activation with no
/// interval image ends the proof (the checked rows decide). The bounds may be loose (units reach
/// their extremes on different rows): then the checked rows decide, exactly.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <tuple>
#include <type_traits>
#include <utility>

#include <boost/hana/at.hpp>

#include <ctnn/config.hpp>
#include <ctnn/core/activation.hpp>
#include <ctnn/core/interval.hpp>
#include <ctnn/model/network.hpp>
#include <ctnn/spec/domain.hpp>

namespace ctnn {

/// Names a compile error: evaluating row `Row` (`ctnn::row<r>`, its inputs `Inputs`) of the domain
/// overflows the network's integer type in the sum of unit `Unit` of layer `Layer`: the network's
/// arithmetic is undefined behaviour on that row. Smaller weights or inputs, or a wider scalar type,
/// fix it.
template <class Row, class Inputs, class Layer, class Unit>
struct integer_overflow_in_sum;

/// A layer's index (counted from 0) in a compile error.
template <std::size_t Index>
struct layer_index {};
/// A unit's index (counted from 0, within its layer) in a compile error.
template <std::size_t Index>
struct unit_index {};

namespace detail {

/// Whether a sum of T that leaves T is undefined behaviour (signed integers of int's rank or more;
/// narrower ones are promoted to int and converted back, modulo, as at run time).
template <class T>
inline constexpr bool overflow_is_undefined_v =
    std::is_integral_v<T> && std::is_signed_v<T> && sizeof(T) >= sizeof(int);

/// Where one row's evaluation overflows first: the layer and the unit.
struct overflow_site {
  bool found = false;
  std::size_t layer = 0;
  std::size_t unit = 0;
};

/// A 128-bit signed integer (a GCC and clang extension), for the products of two long long.
__extension__ typedef __int128 int128;

/// A type that holds any product and any sum of two T (signed integers of at most 64 bits).
template <class T>
using wide_t = std::conditional_t<(sizeof(T) < sizeof(long long)), long long, detail::int128>;

/// Unit `o`'s sum over `x[from]`, ..., in the layer's own order (bias first, then input after
/// input), every product and sum checked: false at the first that leaves T (`sum` is then partial).
/// (Computed in a wider type, not with __builtin_*_overflow: their out-parameters cost g++'s
/// constant evaluator four times the memory.)
template <class Layer, class Values, class T>
constexpr bool checked_pre_activation(const Layer& layer, std::size_t o, const Values& x, std::size_t from, T& sum) {
  using W = wide_t<T>;
  constexpr W lowest = std::numeric_limits<T>::lowest(), highest = std::numeric_limits<T>::max();
  W s = layer.biases[o];
  for (std::size_t i = 0; i < Layer::input_size; ++i) {
    const W term = W(layer.weights[o][i]) * W(x[from + i]);
    if (term < lowest || term > highest || (s += term) < lowest || s > highest) return false;
  }
  sum = T(s);
  return true;
}

/// Layer K of one row (what `run_layer<K>` computes), checked: false, and `site`'s layer and unit,
/// at the first product or sum that leaves T.
template <std::size_t K, class Net, class T, std::size_t In, std::size_t Size>
constexpr bool checked_layer(const Net& net, const T (&x)[In], T (&buffer)[Size], overflow_site& site) {
  const auto& layer = boost::hana::at_c<K>(net.layers);
  constexpr std::size_t to = layout_of<Net>::offsets[K];
  T sum{};
  for (std::size_t o = 0; o < std::remove_cvref_t<decltype(layer)>::output_size; ++o) {
    bool fits;
    if constexpr (K == 0)
      fits = checked_pre_activation(layer, o, x, 0, sum);
    else
      fits = checked_pre_activation(layer, o, buffer, layout_of<Net>::offsets[K - 1], sum);
    if (!fits) {
      site = {true, K, o};
      return false;
    }
    buffer[to + o] = layer.activation(sum);
  }
  return true;
}

template <class Net, class T, std::size_t In, std::size_t Size, std::size_t... K>
constexpr overflow_site evaluate_checked(const Net& net, const T (&x)[In], T (&buffer)[Size], std::index_sequence<K...>) {
  overflow_site site{};
  (checked_layer<K>(net, x, buffer, site) && ...);
  return site;
}

/// What `evaluate_raw(net, x, buffer)` computes, with every product and sum checked: the layer and
/// unit of the first that leaves T (then `buffer` is incomplete), or nothing found.
template <class Net, class T, std::size_t In, std::size_t Size>
constexpr overflow_site evaluate_checked(const Net& net, const T (&x)[In], T (&buffer)[Size]) {
  return evaluate_checked(net, x, buffer, std::make_index_sequence<Net::layer_count>{});
}

/// Per layer, what bounds its sums whatever its inputs: the largest |bias| and the largest sum of
/// |weights| over its units, in wide_t<T>. Computed once per verification (about one row's work).
template <class Net>
struct layer_norms {
  using W = wide_t<typename Net::scalar_type>;
  W bias[Net::layer_count]{};
  W weights[Net::layer_count]{};
};

template <std::size_t K, class Net>
constexpr void norm_of_layer(const Net& net, layer_norms<Net>& norms) {
  using W = typename layer_norms<Net>::W;
  const auto& layer = boost::hana::at_c<K>(net.layers);
  using L = std::remove_cvref_t<decltype(layer)>;
  const auto magnitude = [](W v) { return v < 0 ? -v : v; };
  for (std::size_t o = 0; o < L::output_size; ++o) {
    W sum = 0;
    for (std::size_t i = 0; i < L::input_size; ++i) sum += magnitude(W(layer.weights[o][i]));
    norms.weights[K] = sum > norms.weights[K] ? sum : norms.weights[K];
    const W b = magnitude(W(layer.biases[o]));
    norms.bias[K] = b > norms.bias[K] ? b : norms.bias[K];
  }
}

template <class Net, std::size_t... K>
constexpr layer_norms<Net> norms_of(const Net& net, std::index_sequence<K...>) {
  layer_norms<Net> norms{};
  (norm_of_layer<K>(net, norms), ...);
  return norms;
}

/// The layer norms of `net` (layer_norms).
template <class Net>
constexpr layer_norms<Net> norms_of(const Net& net) {
  return norms_of(net, std::make_index_sequence<Net::layer_count>{});
}

/// Layer K of one row, guarded: when its inputs are at most M in magnitude, every partial sum and
/// product of every unit is at most |bias| + (sum of |weights|) * M <= bias norm + weight norm * M;
/// if that fits T the layer runs as `run_layer<K>` does, else checked (checked_layer). For layer 0, M
/// is `first`, the largest magnitude of the domain's values (the same for every row: reading the
/// row's inputs would cost as much as the layer on a narrow first layer).
template <std::size_t K, class Net, class T, std::size_t In, std::size_t Size>
constexpr bool guarded_layer(const Net& net, const layer_norms<Net>& norms, typename layer_norms<Net>::W first,
                             const T (&x)[In], T (&buffer)[Size], overflow_site& site) {
  using W = typename layer_norms<Net>::W;
  const auto& layer = boost::hana::at_c<K>(net.layers);
  using L = std::remove_cvref_t<decltype(layer)>;
  constexpr std::size_t from = K == 0 ? 0 : layout_of<Net>::offsets[K == 0 ? 0 : K - 1];
  W largest = first;
  if constexpr (K > 0) {
    largest = 0;
    for (std::size_t i = 0; i < L::input_size; ++i)
      largest = W(buffer[from + i]) > largest ? W(buffer[from + i]) : -W(buffer[from + i]) > largest ? -W(buffer[from + i]) : largest;
  }
  constexpr W highest = std::numeric_limits<T>::max();  // |lowest| is larger: the bound is symmetric
  const W room = highest - norms.bias[K];
  const bool safe = room >= 0 && (largest == 0 || norms.weights[K] <= room / largest);
  if (!safe) return checked_layer<K>(net, x, buffer, site);
  if constexpr (K == 0)
    layer.evaluate_at(x, 0, buffer, layout_of<Net>::offsets[0]);
  else
    layer.evaluate_at(buffer, from, buffer, layout_of<Net>::offsets[K]);
  return true;
}

template <class Net, class T, std::size_t In, std::size_t Size, std::size_t... K>
constexpr overflow_site evaluate_guarded(const Net& net, const layer_norms<Net>& norms,
                                         typename layer_norms<Net>::W first, const T (&x)[In], T (&buffer)[Size],
                                         std::index_sequence<K...>) {
  overflow_site site{};
  (guarded_layer<K>(net, norms, first, x, buffer, site) && ...);
  return site;
}

/// What `evaluate_raw(net, x, buffer)` computes, without undefined behaviour, for inputs `x` of
/// magnitude at most `first`: each layer whose norms cannot bound its sums within T for this row's
/// values is evaluated checked. The layer and unit of the first product or sum that leaves T (then
/// `buffer` is incomplete), or nothing found.
template <class Net, class T, std::size_t In, std::size_t Size>
constexpr overflow_site evaluate_guarded(const Net& net, const layer_norms<Net>& norms,
                                         typename layer_norms<Net>::W first, const T (&x)[In], T (&buffer)[Size]) {
  return evaluate_guarded(net, norms, first, x, buffer, std::make_index_sequence<Net::layer_count>{});
}

/// The largest magnitude of a domain's values, as the network's scalar T, in wide_t<T>.
template <class T, class Dom>
constexpr wide_t<T> largest_magnitude(const Dom& dom) {
  wide_t<T> largest = 0;
  for (std::size_t k = 0; k < Dom::value_count; ++k) {
    const wide_t<T> v = static_cast<T>(dom.values[k]);
    largest = v > largest ? v : -v > largest ? -v : largest;
  }
  return largest;
}

/// The bounds of layer K's outputs from those of its inputs (`lower`/`upper` hold the inputs at
/// [0, In) for K == 0, and every layer's outputs at their layout offsets after them); false when a
/// bound overflows T or an activation has no interval image (see the file comment).
template <std::size_t K, class Net, class T, std::size_t Size>
constexpr bool bound_layer(const Net& net, T (&lower)[Size], T (&upper)[Size]) {
  const auto& layer = boost::hana::at_c<K>(net.layers);
  using L = std::remove_cvref_t<decltype(layer)>;
  using A = typename L::activation_type;
  constexpr std::size_t from = K == 0 ? 0 : Net::input_size + layout_of<Net>::offsets[K - 1];
  constexpr std::size_t to = Net::input_size + layout_of<Net>::offsets[K];
  for (std::size_t o = 0; o < L::output_size; ++o) {
    T lo = layer.biases[o], hi = layer.biases[o];
    for (std::size_t i = 0; i < L::input_size; ++i) {
      const T w = layer.weights[o][i];
      T a{}, b{};
      if (__builtin_mul_overflow(w, lower[from + i], &a) || __builtin_mul_overflow(w, upper[from + i], &b))
        return false;
      if (__builtin_add_overflow(lo, a < b ? a : b, &lo) || __builtin_add_overflow(hi, a < b ? b : a, &hi))
        return false;
    }
    if constexpr (activation_traits<A>::rectifier) {
      lower[to + o] = lo > T(0) ? lo : T(0);
      upper[to + o] = hi > T(0) ? hi : T(0);
    } else if constexpr (has_interval_image<A, T>) {
      const interval<T> y = image(layer.activation, interval<T>{lo, hi});
      lower[to + o] = y.lower;
      upper[to + o] = y.upper;
    } else {
      return false;
    }
  }
  return true;
}

template <class Net, class Dom, std::size_t... K>
constexpr bool sums_cannot_overflow(const Net& net, const Dom& dom, std::index_sequence<K...>) {
  using T = typename Net::scalar_type;
  constexpr std::size_t size = Net::input_size + layout_of<Net>::size;
  T lower[size]{};
  T upper[size]{};
  for (std::size_t i = 0; i < Dom::input_count; ++i) {
    T lo = static_cast<T>(dom.values[Dom::offset(i)]), hi = lo;
    for (std::size_t k = 1; k < Dom::counts[i]; ++k) {
      const T v = static_cast<T>(dom.values[Dom::offset(i) + k]);
      lo = v < lo ? v : lo;
      hi = hi < v ? v : hi;
    }
    lower[i] = lo;
    upper[i] = hi;
  }
  return (bound_layer<K>(net, lower, upper) && ...);
}

/// True when no partial sum of any row of `dom` can leave the network's integer type (the interval
/// bounds of the file comment), or when the scalar's overflow is not undefined; false when the
/// bounds cannot show it (a row may still be fine: the checked rows decide).
template <class Net, class Dom>
constexpr bool sums_cannot_overflow(const Net& net, const Dom& dom) {
  if constexpr (!overflow_is_undefined_v<typename Net::scalar_type>)
    return true;
  else
    return sums_cannot_overflow(net, dom, std::make_index_sequence<Net::layer_count>{});
}

}  // namespace detail
}  // namespace ctnn
