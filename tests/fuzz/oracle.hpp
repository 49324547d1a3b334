// The differential oracle of fuzz_evaluate.cpp and concurrent_evaluation.cpp: a plain scalar loop,
// written here and not taken from ctnn, that computes each layer's outputs as the documented
// contract says (model/dense.hpp): output[o] = activation(bias[o] + w[o][0]*x[0] + ... + w[o][In-1]*x[In-1]),
// summed left to right from the bias, each product rounded to T before it is added (stored to a
// volatile, so no compiler or flag can fuse it with the addition). The activations are written out
// here too, as their documentation defines them; sigmoid and tanh call ctnn::math::sigmoid and
// ctnn::math::tanh in double and round to T, as the activations are defined (the oracle then checks
// that every run-time path calls them on the same pre-activation, not ctnn's math itself).
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>

#include <ctnn/ctnn.hpp>

namespace fuzz {

template <class T, class A>
T oracle_activation(const A& a, T x) {
  if constexpr (std::is_same_v<A, ctnn::identity_t>) {
    return x;
  } else if constexpr (std::is_same_v<A, ctnn::relu_t>) {
    return x > T(0) ? x : T(0);
  } else if constexpr (std::is_same_v<A, ctnn::step_t>) {
    return x > T(0) ? T(1) : T(0);
  } else if constexpr (std::is_same_v<A, ctnn::clamp_t>) {  // hard_tanh is clamp(-1, 1)
    return x < T(a.lower) ? T(a.lower) : (T(a.upper) < x ? T(a.upper) : x);
  } else if constexpr (std::is_same_v<A, ctnn::leaky_relu_t>) {
    if (x > T(0)) return x;
    volatile T product = x * T(a.numerator);
    return T(product / T(a.denominator));
  } else if constexpr (std::is_same_v<A, ctnn::sigmoid_t>) {
    return static_cast<T>(ctnn::math::sigmoid(static_cast<double>(x)));
  } else {
    static_assert(std::is_same_v<A, ctnn::tanh_t>, "fuzz::oracle_activation: an activation this file does not know");
    return static_cast<T>(ctnn::math::tanh(static_cast<double>(x)));
  }
}

template <class Layer, std::size_t In>
std::array<typename Layer::scalar_type, Layer::output_size> oracle_layer(
    const Layer& l, const std::array<typename Layer::scalar_type, In>& x) {
  using T = typename Layer::scalar_type;
  static_assert(In == Layer::input_size);
  std::array<T, Layer::output_size> y{};
  for (std::size_t o = 0; o < Layer::output_size; ++o) {
    T sum = l.biases[o];
    for (std::size_t i = 0; i < In; ++i) {
      volatile T product = l.weights[o][i] * x[i];
      sum = T(sum + product);
    }
    y[o] = oracle_activation(l.activation, sum);
  }
  return y;
}

template <class Net, class X, std::size_t K = 0>
typename Net::output_type oracle(const Net& net, const X& x) {
  const auto y = oracle_layer(net.template layer<K>(), x);
  if constexpr (K + 1 == Net::layer_count)
    return y;
  else
    return oracle<Net, decltype(y), K + 1>(net, y);
}

// Bit for bit equal; for floating point, a NaN equals any NaN (IEEE 754 leaves the payload and the
// sign of a NaN result of an operation open, and ctnn's paths differ there: issue 14 item 8).
// Defining CTNN_FUZZ_NAN_BITS compares NaNs bit for bit as well.
template <class T>
bool same_bits(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) {
#ifndef CTNN_FUZZ_NAN_BITS
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
#endif
    return std::memcmp(&a, &b, sizeof a) == 0;
  } else {
    return a == b;
  }
}

template <class T, std::size_t N>
bool same_bits(const std::array<T, N>& a, const std::array<T, N>& b) {
  for (std::size_t i = 0; i < N; ++i)
    if (!same_bits(a[i], b[i])) return false;
  return true;
}

}  // namespace fuzz
