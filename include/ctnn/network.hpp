/// @file network.hpp
/// `network_t<Layers...>`: a feed-forward network, a Boost.Hana tuple of layers folded left.
/// `ctnn::network(layer, ...)` builds one and checks, at compile time, that adjacent layers fit.
#pragma once

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <boost/hana/at.hpp>
#include <boost/hana/drop_front.hpp>
#include <boost/hana/fold_left.hpp>
#include <boost/hana/scan_left.hpp>
#include <boost/hana/tuple.hpp>

#include <ctnn/dense.hpp>

namespace ctnn {

/// Names a compile error: layer `Layer` produces `Outputs` values but layer `Next` (= Layer + 1)
/// takes `Inputs`. Layers are counted from 0. Declared, never defined: the compiler prints the sizes.
template <std::size_t Layer, std::size_t Outputs, std::size_t Next, std::size_t Inputs>
struct layer_sizes_do_not_match;  // layer_sizes_do_not_match<layer, its outputs, next layer, its inputs>

/// Names a compile error: layer `Layer` computes in a scalar type other than layer 0's.
template <std::size_t Layer, class LayerScalar, class FirstLayerScalar>
struct layer_scalar_differs_from_first_layer;

namespace detail {

template <class Layer>
concept layer_like = requires {
  Layer::input_size;
  Layer::output_size;
  Layer::parameter_count;
  typename Layer::scalar_type;
};

template <std::size_t I, class A, class B>
constexpr bool check_adjacent() {
  if constexpr (A::output_size != B::input_size) {
    // An error here means that two adjacent layers do not fit: see the sizes in the template arguments.
    static_assert(A::output_size == B::input_size,
                  "ctnn::network: a layer's output size differs from the next layer's input size; "
                  "ctnn::layer_sizes_do_not_match<layer, outputs, next layer, inputs> shows which");
    return sizeof(layer_sizes_do_not_match<I, A::output_size, I + 1, B::input_size>) > 0;
  } else {
    return true;
  }
}

template <std::size_t I, class First, class Layer>
constexpr bool check_scalar() {
  if constexpr (!std::is_same_v<typename First::scalar_type, typename Layer::scalar_type>) {
    static_assert(std::is_same_v<typename First::scalar_type, typename Layer::scalar_type>,
                  "ctnn::network: every layer must use the same scalar type (write the literals of "
                  "all layers alike, or give the scalar: ctnn::dense<In, Out, double>(...))");
    return sizeof(layer_scalar_differs_from_first_layer<I, typename Layer::scalar_type,
                                                        typename First::scalar_type>) > 0;
  } else {
    return true;
  }
}

template <std::size_t I, class... Ts>
using nth = std::tuple_element_t<I, std::tuple<Ts...>>;

template <class... Layers, std::size_t... I, std::size_t... J>
constexpr bool check_layers(std::index_sequence<I...>, std::index_sequence<J...>) {
  using first = nth<0, Layers...>;
  return (check_scalar<I, first, nth<I, Layers...>>() && ...) &&
         (check_adjacent<J, nth<J, Layers...>, nth<J + 1, Layers...>>() && ...);
}

struct apply_layer {
  template <class Input, class Layer>
  constexpr auto operator()(const Input& x, const Layer& layer) const {
    return layer(x);
  }
};

}  // namespace detail

/// A feed-forward network: the layers, applied first to last. Build it with `ctnn::network(...)`.
/// Evaluate it with `net(std::array{...})` in constant expressions and at run time alike.
template <class... Layers>
struct network_t {
  static_assert(sizeof...(Layers) > 0, "ctnn::network: a network needs at least one layer");
  static_assert((detail::layer_like<Layers> && ...),
                "ctnn::network: every argument must be a layer (made with ctnn::dense)");
  static_assert(detail::check_layers<Layers...>(std::make_index_sequence<sizeof...(Layers)>{},
                                                std::make_index_sequence<sizeof...(Layers) - 1>{}),
                "ctnn::network: the layers do not fit together (see the error above)");

  using scalar_type = typename detail::nth<0, Layers...>::scalar_type;
  static constexpr std::size_t layer_count = sizeof...(Layers);
  static constexpr std::size_t input_size = detail::nth<0, Layers...>::input_size;
  static constexpr std::size_t output_size = detail::nth<layer_count - 1, Layers...>::output_size;
  static constexpr std::size_t parameter_count = (Layers::parameter_count + ...);
  using input_type = std::array<scalar_type, input_size>;
  using output_type = std::array<scalar_type, output_size>;

  boost::hana::tuple<Layers...> layers;

  /// The forward pass: a left fold of the layers over the input.
  constexpr output_type operator()(const input_type& x) const {
    return boost::hana::fold_left(layers, x, detail::apply_layer{});
  }

  /// Every layer's output for one input: `trace(x)[boost::hana::size_c<k>]` is the output of layer k
  /// (counted from 0), a `std::array` of that layer's size; the last one equals `(*this)(x)`.
  constexpr auto trace(const input_type& x) const {
    return boost::hana::drop_front(boost::hana::scan_left(layers, x, detail::apply_layer{}));
  }

  /// Layer `I` (counted from 0).
  template <std::size_t I>
  constexpr const auto& layer() const {
    static_assert(I < layer_count, "ctnn::network_t::layer<I>: I is past the last layer");
    return boost::hana::at_c<I>(layers);
  }
};

/// Builds a network from its layers, first to last: `ctnn::network(ctnn::dense<2, 2>(...), ...)`.
template <class... Layers>
constexpr network_t<Layers...> network(const Layers&... layers) {
  return network_t<Layers...>{boost::hana::make_tuple(layers...)};
}

/// True for the types `ctnn::network` makes.
template <class T>
inline constexpr bool is_network_v = false;
template <class... Layers>
inline constexpr bool is_network_v<network_t<Layers...>> = true;

template <class T>
concept network_like = is_network_v<std::remove_cvref_t<T>>;

}  // namespace ctnn
