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
#include <ctnn/diagnostic/errors.hpp>
#include <ctnn/kernels/kernels.hpp>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

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
  // The floating-point modes that would break bit identity are refused where the layer is made.
  static_assert(detail::require_exact_floating_point<T>() || std::is_floating_point_v<T>);

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

/// Names a compile error: a layer's weights have `GivenRows` rows (one brace list per output), the
/// layer declares `Outputs` outputs. ctnn never fills a missing row with zeros.
template <std::size_t GivenRows, std::size_t Outputs>
struct dense_weight_rows_differ_from_outputs;

/// Names a compile error: row `Row` of a layer's weights (output `Row`'s weights, counted from 0)
/// holds `Given` values, the layer declares (or its row 0 has) `Inputs` inputs.
template <std::size_t Row, std::size_t Given, std::size_t Inputs>
struct dense_weight_row_length_differs_from_inputs;

/// Names a compile error: a layer has `GivenBiases` biases for `Outputs` outputs.
template <std::size_t GivenBiases, std::size_t Outputs>
struct dense_bias_count_differs_from_outputs;

namespace detail {

/// The size a layer declares (`Declared`, 0 when it is deduced) or, when deduced, the size given.
constexpr std::size_t declared_or(std::size_t declared, std::size_t given) { return declared ? declared : given; }

/// True when the braces hold exactly the declared numbers of rows, values per row and biases;
/// otherwise also the first of the three named errors that applies.
template <std::size_t In, std::size_t Out, std::size_t Rows, std::size_t Columns, std::size_t Biases>
constexpr bool check_dense_sizes() {
  constexpr std::size_t out = declared_or(Out, Rows);
  if constexpr (Rows != out) {
    static_assert(named_error<dense_weight_rows_differ_from_outputs<Rows, out>>,
                  "ctnn::dense: the weights need one brace list per output (a missing row is not "
                  "zero-filled); ctnn::dense_weight_rows_differ_from_outputs<given rows, outputs>");
    return false;
  } else if constexpr (Columns != declared_or(In, Columns)) {
    static_assert(named_error<dense_weight_row_length_differs_from_inputs<0, Columns, In>>,
                  "ctnn::dense: every row of weights needs one value per input (a missing weight is "
                  "not zero-filled); ctnn::dense_weight_row_length_differs_from_inputs<row, given, "
                  "inputs>");
    return false;
  } else if constexpr (Biases != out) {
    static_assert(named_error<dense_bias_count_differs_from_outputs<Biases, out>>,
                  "ctnn::dense: the layer needs one bias per output (a missing bias is not "
                  "zero-filled); ctnn::dense_bias_count_differs_from_outputs<given biases, outputs>");
    return false;
  } else {
    return true;
  }
}

template <std::size_t First, std::size_t... N>
inline constexpr bool all_equal = ((N == First) && ...);

/// The weights when their rows have different lengths (a braced list of rows that the plain-array
/// overload cannot take): this reports it, with the first row whose length differs from row 0's (or
/// from the declared input count). Never a layer: a constructor that always fails to compile.
template <class T, std::size_t In>
struct uneven_weights {
  template <std::size_t... N>
    requires(!all_equal<N...>)
  constexpr uneven_weights(const T (&... rows)[N]) {  // NOLINT: implicit, it stands for the braces
    constexpr std::size_t lengths[] = {N...};
    constexpr std::size_t inputs = declared_or(In, lengths[0]);
    constexpr std::size_t row = [&] {
      std::size_t r = 0;
      while (r < sizeof...(N) && lengths[r] == inputs) ++r;
      return r;
    }();
    static_assert(named_error<dense_weight_row_length_differs_from_inputs<row, lengths[row], inputs>>,
                  "ctnn::dense: every row of weights needs one value per input (a missing weight "
                  "is not zero-filled); ctnn::dense_weight_row_length_differs_from_inputs<row, "
                  "given, inputs>");
    ((void)rows, ...);
  }
};

}  // namespace detail

/// Builds a layer from nested braces: `ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu)`,
/// weights[o][i] from input i to output o, then one bias per output. The sizes and the scalar type
/// are deduced when omitted (an `In` or `Out` of 0 means "deduced"); give the scalar explicitly
/// (`ctnn::dense<2, 1, double>(...)`) to write integer literals for a floating-point layer.
/// The braces must hold exactly `Out` rows of `In` weights and `Out` biases: a shorter list is a
/// compile error (ctnn::dense_weight_rows_differ_from_outputs,
/// ctnn::dense_weight_row_length_differs_from_inputs, ctnn::dense_bias_count_differs_from_outputs),
/// never a zero.
template <std::size_t In = 0, std::size_t Out = 0, scalar T, class Activation = identity_t,
          std::size_t Rows, std::size_t Columns, std::size_t Biases>
constexpr auto dense(const T (&weights)[Rows][Columns], const T (&biases)[Biases], Activation activation = {}) {
  constexpr std::size_t in = detail::declared_or(In, Columns), out = detail::declared_or(Out, Rows);
  if constexpr (detail::check_dense_sizes<In, Out, Rows, Columns, Biases>()) {
    return detail::make_dense<in, out, T>(weights, biases, activation);
  } else {
    return dense_layer<in, out, T, Activation>{};
  }
}

/// Uneven rows of weights: a compile error naming the first row whose
/// length is wrong (see above).
template <std::size_t In = 0, std::size_t Out = 0, scalar T, class Activation = identity_t, std::size_t Biases>
constexpr dense_layer<detail::declared_or(In, 1), detail::declared_or(Out, Biases), T, Activation> dense(
    detail::uneven_weights<T, In>, const T (&)[Biases], Activation = {}) {
  return {};
}

/// Same, from `std::array`s (for weights computed by constexpr code or generated headers); the
/// sizes are those of the arrays, and must match `In` and `Out` when given.
template <std::size_t In = 0, std::size_t Out = 0, scalar T, class Activation = identity_t,
          std::size_t Rows, std::size_t Columns, std::size_t Biases>
constexpr auto dense(const std::array<std::array<T, Columns>, Rows>& weights, const std::array<T, Biases>& biases,
                     Activation activation = {}) {
  constexpr std::size_t in = detail::declared_or(In, Columns), out = detail::declared_or(Out, Rows);
  if constexpr (detail::check_dense_sizes<In, Out, Rows, Columns, Biases>()) {
    return detail::make_dense<in, out, T>(weights, biases, activation);
  } else {
    return dense_layer<in, out, T, Activation>{};
  }
}

}  // namespace ctnn

CTNN_DETAIL_PRECISE_FLOAT_END
