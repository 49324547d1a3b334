/// @file model/dense.hpp
/// `dense_layer<In, Out, T, Activation>`: a fully connected layer, and `ctnn::dense`, which builds one.
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>

#include <ctnn/config.hpp>
#include <ctnn/core/activation.hpp>
#include <ctnn/core/activations.hpp>
#include <ctnn/core/scalar.hpp>
#include <ctnn/kernels/kernels.hpp>

namespace ctnn {

/// A fully connected layer: output[o] = activation(bias[o] + w[o][0]*x[0] + ... + w[o][In-1]*x[In-1]),
/// summed left to right starting from the bias, each product rounded before it is added. This order is
/// part of the contract: compile-time and run-time evaluation both follow it, so their bits agree.
/// Weights and biases are plain arrays: the compilers' constant evaluators index them several times
/// faster than `std::array`, whose `operator[]` is a function call. All members are public, so a layer
/// is a literal, structural type.
template <std::size_t In, std::size_t Out, scalar T, class Activation>
struct dense_layer {
  static_assert(In > 0 && Out > 0, "ctnn::dense: a layer needs at least one input and one output");
  static_assert(activation_for<Activation, T>,
                "ctnn::dense: the activation must be callable as T(T) for the layer's scalar type T");

  /// The scalar type T of weights, biases, inputs and outputs.
  using scalar_type = T;
  /// The activation's type.
  using activation_type = Activation;
  /// The number of inputs, In.
  static constexpr std::size_t input_size = In;
  /// The number of outputs, Out.
  static constexpr std::size_t output_size = Out;
  /// The number of weights and biases: In * Out + Out.
  static constexpr std::size_t parameter_count = In * Out + Out;

  T weights[Out][In];  ///< weights[o][i]: from input i to output o
  /// biases[o]: output o's bias, where its sum starts.
  T biases[Out];
  /// The activation, applied to each output's sum.
  Activation activation;

  /// The sum before the activation, for output `o`, over the `In` values `x[from]`, `x[from + 1]`, ...
  /// (`x` is any array; array indexing rather than pointers keeps g++'s constant evaluator from
  /// allocating a new pointer expression at every step).
  template <class Values>
  constexpr T pre_activation(std::size_t o, const Values& x, std::size_t from = 0) const {
    detail::require_exact_floating_point<T>();
    T sum = biases[o];
    if (std::is_constant_evaluated()) {
      // The same operations as below, without the calls: constant evaluation never fuses a*b+c.
      for (std::size_t i = 0; i < In; ++i) sum = T(sum + T(weights[o][i] * x[from + i]));
    } else {
      for (std::size_t i = 0; i < In; ++i) sum = multiply_add(sum, weights[o][i], x[from + i]);
    }
    return sum;
  }

  /// Writes the layer's outputs for the inputs `x[from]`, ... to `y[to]`, `y[to + 1]`, ...
  template <class Values, class Outputs>
  constexpr void evaluate_at(const Values& x, std::size_t from, Outputs& y, std::size_t to) const {
    for (std::size_t o = 0; o < Out; ++o) y[to + o] = activation(pre_activation(o, x, from));
  }

  /// Same weights, biases and activation.
  friend constexpr bool operator==(const dense_layer&, const dense_layer&) = default;

  /// The layer's outputs for `x` (at run time through the kernels when they take T: same bits).
  CTNN_RUNTIME_INLINE constexpr std::array<T, Out> operator()(const std::array<T, In>& x) const {
    if (detail::on_kernels<T>()) {
      std::array<T, Out> y;
      detail::kernels::single_layer(*this, x.data(), y.data());
      return y;
    }
    T in[In]{};
    for (std::size_t i = 0; i < In; ++i) in[i] = x[i];
    T out[Out]{};
    evaluate_at(in, 0, out, 0);
    std::array<T, Out> y{};
    for (std::size_t o = 0; o < Out; ++o) y[o] = out[o];
    return y;
  }
};

namespace detail {
/// A layer from any indexable weights[o][i] and biases[o] (plain arrays or std::arrays).
template <std::size_t In, std::size_t Out, class T, class Activation, class Weights, class Biases>
constexpr dense_layer<In, Out, T, Activation> make_dense(const Weights& weights, const Biases& biases,
                                                         Activation activation) {
  dense_layer<In, Out, T, Activation> layer{{}, {}, activation};
  for (std::size_t o = 0; o < Out; ++o) {
    layer.biases[o] = biases[o];
    for (std::size_t i = 0; i < In; ++i) layer.weights[o][i] = weights[o][i];
  }
  return layer;
}
}  // namespace detail

/// Builds a layer from nested braces: `ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu)`.
/// The sizes and the scalar type are deduced when omitted; give the scalar explicitly
/// (`ctnn::dense<2, 1, double>(...)`) to write integer literals for a floating-point layer.
template <std::size_t In, std::size_t Out, scalar T, class Activation = identity_t>
constexpr dense_layer<In, Out, T, Activation> dense(const T (&weights)[Out][In], const T (&biases)[Out],
                                                   Activation activation = {}) {
  return detail::make_dense<In, Out, T>(weights, biases, activation);
}

/// Same, from `std::array`s (for weights computed by constexpr code or generated headers).
template <std::size_t In, std::size_t Out, scalar T, class Activation = identity_t>
constexpr dense_layer<In, Out, T, Activation> dense(const std::array<std::array<T, In>, Out>& weights,
                                                   const std::array<T, Out>& biases,
                                                   Activation activation = {}) {
  return detail::make_dense<In, Out, T>(weights, biases, activation);
}

}  // namespace ctnn
