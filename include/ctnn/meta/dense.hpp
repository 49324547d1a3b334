/// @file meta/dense.hpp
/// `ctnn::meta::dense_layer<Weights, Biases, Activation>`: a fully connected layer whose weights and
/// biases are constants carried in its type, and `ctnn::meta::dense`, which builds one:
///
///     ctnn::meta::dense(hana::make_tuple(hana::tuple_c<int, 5, 5>, hana::tuple_c<int, -5, -5>),
///                       hana::tuple_c<int, -5, 5>, ctnn::meta::relu)
///
/// Applied to a Hana sequence of constants, it returns a Hana tuple of constants: the outputs are types.
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <boost/hana/at.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/mult.hpp>
#include <boost/hana/plus.hpp>
#include <boost/hana/tuple.hpp>

#include <ctnn/meta/activations.hpp>
#include <ctnn/meta/rational.hpp>

namespace ctnn::meta {

/// Names a compile error: row `Row` of a meta layer's weights has `Length` entries, row 0 has `First`.
template <std::size_t Row, std::size_t Length, std::size_t First>
struct weight_rows_differ_in_length;

/// Names a compile error: a meta layer has `Biases` biases for `Outputs` rows of weights.
template <std::size_t Biases, std::size_t Outputs>
struct bias_count_differs_from_output_count;

namespace detail {

template <class T>
inline constexpr bool is_tuple_v = false;
template <class... T>
inline constexpr bool is_tuple_v<boost::hana::tuple<T...>> = true;

template <class T>
inline constexpr bool is_constant_tuple_v = false;
template <class... T>
inline constexpr bool is_constant_tuple_v<boost::hana::tuple<T...>> = (constant<T> && ...);

template <class T>
inline constexpr std::size_t tuple_size_v = 0;
template <class... T>
inline constexpr std::size_t tuple_size_v<boost::hana::tuple<T...>> = sizeof...(T);

/// The type of element K of a hana::tuple type.
template <class Tuple, std::size_t K>
using element_t = std::remove_cvref_t<decltype(boost::hana::at_c<K>(std::declval<const Tuple&>()))>;

template <class Rows>
struct weight_rows {  // not a tuple: check_layer says so
  static constexpr bool constants = false;
  template <std::size_t R>
  static constexpr std::size_t size = 0;
};
template <class... Rows>
struct weight_rows<boost::hana::tuple<Rows...>> {
  static constexpr bool constants = (is_constant_tuple_v<Rows> && ...);
  template <std::size_t R>
  static constexpr std::size_t size = tuple_size_v<std::tuple_element_t<R, std::tuple<Rows..., void>>>;
};

template <class Tuple>
struct std_tuple_of;  // hana::tuple<C...> -> std::tuple<C...>
template <class... C>
struct std_tuple_of<boost::hana::tuple<C...>> {
  using type = std::tuple<C...>;
};

template <class Joined>
struct constants_in;
template <class... C>
struct constants_in<std::tuple<C...>> {
  /// Whether every constant has an exact value (an integer constant of an unsigned type as wide as
  /// long long has not).
  static constexpr bool exact = first_inexact<C...>() == sizeof...(C);
  /// True when `exact`; otherwise a compile error that names the type of the first inexact constant.
  static constexpr bool check() { return check_exact_constants<C...>(); }
};
/// The constants of the hana::tuples `Tuples`, all together: `exact` and `check()`.
template <class... Tuples>
using all_constants =
    constants_in<decltype(std::tuple_cat(std::declval<typename std_tuple_of<Tuples>::type>()...))>;

template <class Weights, class Biases>
struct layer_constants_in;
template <class... Rows, class Biases>
struct layer_constants_in<boost::hana::tuple<Rows...>, Biases> {
  using type = all_constants<Rows..., Biases>;
};

template <std::size_t Row, std::size_t Length, std::size_t First>
constexpr bool check_row_length() {
  if constexpr (Length != First) {
    static_assert(ctnn::detail::named_error<weight_rows_differ_in_length<Row, Length, First>>,
                  "ctnn::meta::dense: every row of weights must have one entry per input; "
                  "ctnn::meta::weight_rows_differ_in_length<row, its length, row 0's length> shows which");
    return false;
  }
  return true;
}

template <class Weights, std::size_t... R>
constexpr bool check_row_lengths(std::index_sequence<R...>) {
  return (
      check_row_length<R, weight_rows<Weights>::template size<R>, weight_rows<Weights>::template size<0>>() &&
      ...);
}

template <class Weights, class Biases, class Activation>
constexpr bool check_layer() {
  // An error here means that a meta layer was given weights or biases of the wrong form.
  if constexpr (!is_tuple_v<Weights> || !is_tuple_v<Biases>) {
    static_assert(is_tuple_v<Weights> && is_tuple_v<Biases>,
                  "ctnn::meta::dense(weights, biases, activation): weights must be a hana::tuple of rows "
                  "(each a hana::tuple of constants, one row per output), biases a hana::tuple of constants");
    return false;
  } else if constexpr (tuple_size_v<Weights> == 0) {
    static_assert(tuple_size_v<Weights> > 0, "ctnn::meta::dense: a layer needs at least one output");
    return false;
  } else if constexpr (tuple_size_v<Biases> == 0) {
    static_assert(ctnn::detail::named_error<bias_count_differs_from_output_count<0, tuple_size_v<Weights>>>,
                  "ctnn::meta::dense: the biases are empty; give one bias per row of weights (for two "
                  "outputs without bias: hana::tuple_c<int, 0, 0>); "
                  "ctnn::meta::bias_count_differs_from_output_count<biases, outputs> shows both");
    return false;
  } else if constexpr (!weight_rows<Weights>::constants || !is_constant_tuple_v<Biases>) {
    static_assert(weight_rows<Weights>::constants && is_constant_tuple_v<Biases>,
                  "ctnn::meta::dense: weights and biases must be constants (hana::int_c<5>, "
                  "hana::tuple_c<int, 5, 5>, ctnn::meta::ratio_c<1, 2>); plain numbers belong to the "
                  "value form, ctnn::dense");
    return false;
  } else if constexpr (!layer_constants_in<Weights, Biases>::type::exact) {
    return layer_constants_in<Weights, Biases>::type::check();
  } else if constexpr (weight_rows<Weights>::template size<0> == 0) {
    static_assert(weight_rows<Weights>::template size<0> > 0,
                  "ctnn::meta::dense: a layer needs at least one input");
    return false;
  } else if constexpr (!check_row_lengths<Weights>(std::make_index_sequence<tuple_size_v<Weights>>{})) {
    return false;
  } else if constexpr (tuple_size_v<Biases> != tuple_size_v<Weights>) {
    static_assert(ctnn::detail::named_error<bias_count_differs_from_output_count<tuple_size_v<Biases>, tuple_size_v<Weights>>>,
                  "ctnn::meta::dense: one bias per row of weights; "
                  "ctnn::meta::bias_count_differs_from_output_count<biases, outputs> shows both");
    return false;
  } else {
    return check_activation<Activation>();
  }
}

// The forward pass of a layer. In Hana's own words it is
//
//     hana::zip_with([&x](auto row, auto bias) {
//       return activation(hana::fold_left(hana::zip_with(hana::mult, row, x), bias, hana::plus));
//     }, weights, biases)
//
// and it computes exactly that: hana::mult and hana::plus on the constants, left to right from the
// bias. The packs are expanded by partial specialisation instead of through zip_with, fold_left and
// their lambdas, which the compiler instantiates anew for every row: over all 256 rows of an 8-8-1
// network that spelling took g++ 69 s and 2.3 GB, this one 7.6 s and 0.8 GB (docs/meta-benchmark.md).

/// s + t0 + t1 + ..., left to right, with hana::plus (recursion depth: the layer's input count).
template <class Sum>
constexpr Sum sum(const Sum& s) {
  return s;
}
template <class Sum, class Term, class... Terms>
constexpr auto sum(const Sum& s, const Term& t, const Terms&... ts) {
  return detail::sum(boost::hana::plus(s, t), ts...);
}

/// bias + w0*x0 + w1*x1 + ... for one unit.
template <class Row, class Bias, class Inputs>
struct unit_sum;
template <class... W, class Bias, class... X>
struct unit_sum<boost::hana::tuple<W...>, Bias, boost::hana::tuple<X...>> {
  using type = decltype(detail::sum(Bias{}, boost::hana::mult(W{}, X{})...));
};

template <std::size_t, class T>
using repeat_t = T;

template <class Indices>
struct zeros_of;
template <std::size_t... K>
struct zeros_of<std::index_sequence<K...>> {
  using type = boost::hana::tuple<repeat_t<K, boost::hana::int_<0>>...>;
};
/// N constants 0 (`hana::int_<0>`) as a hana::tuple: what a refused computation returns, so that its
/// compile error is the only one.
template <std::size_t N>
using zeros_t = typename zeros_of<std::make_index_sequence<N>>::type;

/// activation(unit sum) for every unit, as a hana::tuple.
template <class Weights, class Biases, class Activation, class Inputs>
struct layer_outputs;
template <class... Rows, class... B, class Activation, class Inputs>
struct layer_outputs<boost::hana::tuple<Rows...>, boost::hana::tuple<B...>, Activation, Inputs> {
  using type = boost::hana::tuple<decltype(Activation{}(typename unit_sum<Rows, B, Inputs>::type{}))...>;
};

}  // namespace detail

/// A fully connected layer of the meta form: output[o] = activation(bias[o] + w[o][0]*x[0] + ... ),
/// summed left to right from the bias, like the value form's `dense_layer`; every term is a constant
/// and so is every partial sum. `Weights` is a `hana::tuple` of rows (one per output), each a
/// `hana::tuple` of constants; `Biases` a `hana::tuple` of constants. The object is empty.
template <class Weights, class Biases, class Activation>
struct dense_layer {
  /// Whether the weights, biases and activation make a layer. If not, one compile error says why, and
  /// the layer computes nothing: its outputs are zeros, and networks and verifications stop at it.
  static constexpr bool well_formed = detail::check_layer<Weights, Biases, Activation>();
  // Instantiates the check with the class, without a second error of its own when it fails.
  static_assert(well_formed || true);

  /// The weights: a hana::tuple of rows (one per output), each a hana::tuple of constants.
  using weights_type = Weights;
  /// The biases: a hana::tuple of constants, one per output.
  using biases_type = Biases;
  /// The activation, one of ctnn::meta's.
  using activation_type = Activation;
  /// The number of outputs: the rows of weights.
  static constexpr std::size_t output_size = detail::tuple_size_v<Weights>;
  /// The number of inputs: the length of each row of weights.
  static constexpr std::size_t input_size = detail::weight_rows<Weights>::template size<0>;
  /// The number of weights and biases: input_size * output_size + output_size.
  static constexpr std::size_t parameter_count = input_size * output_size + output_size;

  // Static: a layer object holds nothing (hana::tuples of repeated constants are not empty classes).
  /// The weights, as an object of `weights_type`.
  static constexpr Weights weights{};
  /// The biases, as an object of `biases_type`.
  static constexpr Biases biases{};
  /// The activation, as an object.
  static constexpr Activation activation{};

  /// The outputs for the inputs `x` (a hana::tuple of `input_size` constants), as a hana::tuple of
  /// constants. The network checks `x`'s size (meta/network.hpp).
  template <class Inputs>
  constexpr auto operator()(const Inputs&) const {
    if constexpr (!well_formed)
      return detail::zeros_t<output_size>{};  // the layer's error is shown, nothing else follows
    else
      return typename detail::layer_outputs<Weights, Biases, Activation, Inputs>::type{};
  }
};

/// Builds a meta layer: `ctnn::meta::dense(weights, biases, activation)`, weights a hana::tuple of
/// rows of constants (one row per output), biases a hana::tuple of constants, activation one of
/// ctnn::meta's (default: identity).
template <class Weights, class Biases, class Activation = identity_t>
constexpr dense_layer<Weights, Biases, Activation> dense(const Weights&, const Biases&,
                                                         const Activation& = {}) {
  return {};
}

/// True for the types `ctnn::meta::dense` makes.
template <class T>
inline constexpr bool is_dense_layer_v = false;
/// True: a layer made by `ctnn::meta::dense`.
template <class W, class B, class A>
inline constexpr bool is_dense_layer_v<dense_layer<W, B, A>> = true;

}  // namespace ctnn::meta
