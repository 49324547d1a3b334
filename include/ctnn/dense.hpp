/// @file dense.hpp
/// `dense_layer<In, Out, T, Activation>`: a fully connected layer, and `ctnn::dense`, which builds one.
#pragma once

#include <array>
#include <cstddef>

#include <ctnn/activations.hpp>
#include <ctnn/scalar.hpp>

namespace ctnn {

/// A fully connected layer: output[o] = activation(bias[o] + w[o][0]*x[0] + ... + w[o][In-1]*x[In-1]),
/// summed left to right starting from the bias, each product rounded before it is added. This order is
/// part of the contract: compile-time and run-time evaluation both follow it, so their bits agree.
/// All members are public, so a layer is a literal, structural type.
template <std::size_t In, std::size_t Out, scalar T, class Activation>
struct dense_layer {
  static_assert(In > 0 && Out > 0, "ctnn::dense: a layer needs at least one input and one output");
  static_assert(activation_for<Activation, T>,
                "ctnn::dense: the activation must be callable as T(T) for the layer's scalar type T");

  using scalar_type = T;
  using activation_type = Activation;
  static constexpr std::size_t input_size = In;
  static constexpr std::size_t output_size = Out;
  static constexpr std::size_t parameter_count = In * Out + Out;

  std::array<std::array<T, In>, Out> weights;  ///< weights[o][i]: from input i to output o
  std::array<T, Out> biases;
  Activation activation;

  /// The sum before the activation, for output `o`.
  constexpr T pre_activation(std::size_t o, const std::array<T, In>& x) const {
    detail::require_exact_floating_point<T>();
    T sum = biases[o];
    for (std::size_t i = 0; i < In; ++i) sum = multiply_add(sum, weights[o][i], x[i]);
    return sum;
  }

  constexpr std::array<T, Out> operator()(const std::array<T, In>& x) const {
    std::array<T, Out> y{};
    for (std::size_t o = 0; o < Out; ++o) y[o] = activation(pre_activation(o, x));
    return y;
  }
};

/// Builds a layer from nested braces: `ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu)`.
/// The sizes and the scalar type are deduced when omitted; give the scalar explicitly
/// (`ctnn::dense<2, 1, double>(...)`) to write integer literals for a floating-point layer.
template <std::size_t In, std::size_t Out, scalar T, class Activation = identity_t>
constexpr dense_layer<In, Out, T, Activation> dense(const T (&weights)[Out][In], const T (&biases)[Out],
                                                   Activation activation = {}) {
  dense_layer<In, Out, T, Activation> layer{{}, {}, activation};
  for (std::size_t o = 0; o < Out; ++o) {
    layer.biases[o] = biases[o];
    for (std::size_t i = 0; i < In; ++i) layer.weights[o][i] = weights[o][i];
  }
  return layer;
}

/// Same, from `std::array`s (for weights computed by constexpr code or generated headers).
template <std::size_t In, std::size_t Out, scalar T, class Activation = identity_t>
constexpr dense_layer<In, Out, T, Activation> dense(const std::array<std::array<T, In>, Out>& weights,
                                                   const std::array<T, Out>& biases,
                                                   Activation activation = {}) {
  return {weights, biases, activation};
}

}  // namespace ctnn
