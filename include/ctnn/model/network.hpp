/// @file model/network.hpp
/// `network_t<Layers...>`: a feed-forward network, a Boost.Hana tuple of layers folded left.
/// `ctnn::network(layer, ...)` builds one and checks, at compile time, that adjacent layers fit.
#pragma once

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <boost/hana/at.hpp>
#include <boost/hana/tuple.hpp>

#include <ctnn/config.hpp>
#include <ctnn/diagnostic/errors.hpp>
#include <ctnn/kernels/kernels.hpp>
#include <ctnn/model/dense.hpp>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

namespace ctnn {

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

template <std::size_t I, class First, class Layer>
constexpr bool check_scalar() {
  if constexpr (!std::is_same_v<typename First::scalar_type, typename Layer::scalar_type>) {
    static_assert(named_error<layer_scalar_differs_from_first_layer<I, typename Layer::scalar_type,
                                                                    typename First::scalar_type>>,
                  "ctnn::network: every layer must use the same scalar type (write the literals of "
                  "all layers alike, or give the scalar: ctnn::dense<In, Out, double>(...))");
    return false;
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
         (check_adjacent<J, nth<J, Layers...>::output_size, nth<J + 1, Layers...>::input_size>() && ...);
}

/// Where each layer's outputs go in the buffer the constexpr path and the sweeps fill: every
/// layer's outputs, one after the other (not public API).
template <class... Layers>
struct buffer_layout {
  static constexpr std::size_t layer_count = sizeof...(Layers);
  static constexpr std::size_t size = (Layers::output_size + ...);
  static constexpr std::array<std::size_t, layer_count> offsets = [] {
    std::array<std::size_t, layer_count> at{};
    std::size_t sizes[] = {Layers::output_size...};
    for (std::size_t k = 1; k < layer_count; ++k) at[k] = at[k - 1] + sizes[k - 1];
    return at;
  }();
};

template <class Net>
struct layout_of;

/// Computes layers First, First + 1, ... of `net` into `buffer` (layout_of<Net>); layer First reads
/// the input_size values at `x` when First is 0, else layer First - 1's outputs in `buffer`. Plain
/// arrays: this is what compile-time evaluation runs for every row.
template <std::size_t First = 0, class Net, class T, std::size_t In, std::size_t Size>
constexpr void evaluate_raw(const Net& net, const T (&x)[In], T (&buffer)[Size]);

/// The forward pass of one sample: the kernels at run time when they take the scalar (same bits),
/// else the constexpr path. `y` receives output_size values.
template <class Net, class T>
CTNN_RUNTIME_INLINE constexpr void forward(const Net& net, const T* x, T* y);

}  // namespace detail

/// A feed-forward network: the layers, applied first to last. Build it with `ctnn::network(...)`.
/// Evaluate it with `net(std::array{...})` in constant expressions and at run time alike.
template <class... Layers>
struct network_t {
  static_assert(sizeof...(Layers) > 0, "ctnn::network: a network needs at least one layer");
  static_assert((detail::layer_like<Layers> && ...),
                "ctnn::network: every argument must be a layer (made with ctnn::dense)");
  /// Whether the layers fit together (if not, a named compile error says where).
  static constexpr bool layers_fit = detail::check_layers<Layers...>(
      std::make_index_sequence<sizeof...(Layers)>{}, std::make_index_sequence<sizeof...(Layers) - 1>{});
  // Instantiates the check with the class (a static member's initializer alone is not), without a
  // second error of its own when the check fails.
  static_assert(layers_fit || sizeof...(Layers) > 0);

  /// The scalar type of every layer (all layers must have layer 0's).
  using scalar_type = typename detail::nth<0, Layers...>::scalar_type;
  /// The number of layers.
  static constexpr std::size_t layer_count = sizeof...(Layers);
  /// The number of inputs: layer 0's input size.
  static constexpr std::size_t input_size = detail::nth<0, Layers...>::input_size;
  /// The number of outputs: the last layer's output size.
  static constexpr std::size_t output_size = detail::nth<layer_count - 1, Layers...>::output_size;
  /// The sum of the layers' parameter counts.
  static constexpr std::size_t parameter_count = (Layers::parameter_count + ...);
  /// The layers' types, as a std::tuple.
  using layer_types = std::tuple<Layers...>;
  /// What the network takes: a std::array of input_size scalars.
  using input_type = std::array<scalar_type, input_size>;
  /// What the network returns: a std::array of output_size scalars.
  using output_type = std::array<scalar_type, output_size>;

  /// The layers, first to last (`layer<I>()` reads one).
  boost::hana::tuple<Layers...> layers;

  /// One `std::array` per layer, each of that layer's output size: what `trace` returns.
  using trace_type = boost::hana::tuple<std::array<scalar_type, Layers::output_size>...>;

  /// The forward pass, layer after layer.
  CTNN_RUNTIME_INLINE constexpr output_type operator()(const input_type& x) const {
    output_type y;
    detail::forward(*this, x.data(), y.data());
    return y;
  }

  /// Every layer's output for one input: `trace(x)[boost::hana::size_c<k>]` is the output of layer k
  /// (counted from 0), a `std::array` of that layer's size; the last one equals `(*this)(x)`.
  constexpr trace_type trace(const input_type& x) const {
    using layout = detail::buffer_layout<Layers...>;
    scalar_type in[input_size]{};
    for (std::size_t i = 0; i < input_size; ++i) in[i] = x[i];
    scalar_type buffer[layout::size]{};
    detail::evaluate_raw(*this, in, buffer);
    trace_type outputs{};
    [&]<std::size_t... K>(std::index_sequence<K...>) {
      auto copy = [&buffer](auto& out, std::size_t offset) {
        for (std::size_t o = 0; o < out.size(); ++o) out[o] = buffer[offset + o];
      };
      (copy(boost::hana::at_c<K>(outputs), layout::offsets[K]), ...);
    }
    (std::make_index_sequence<layer_count>{});
    return outputs;
  }

  /// Layer `I` (counted from 0).
  template <std::size_t I>
  constexpr const auto& layer() const {
    static_assert(I < layer_count, "ctnn::network_t::layer<I>: I is past the last layer");
    return boost::hana::at_c<I>(layers);
  }
};

namespace detail {

template <class... Layers>
struct layout_of<network_t<Layers...>> : buffer_layout<Layers...> {};

template <std::size_t K, class Net, class T, std::size_t In, std::size_t Size>
constexpr void run_layer(const Net& net, const T (&x)[In], T (&buffer)[Size]) {
  if constexpr (K == 0) {
    boost::hana::at_c<0>(net.layers).evaluate_at(x, 0, buffer, 0);
  } else {
    constexpr std::size_t from = layout_of<Net>::offsets[K - 1];
    constexpr std::size_t to = layout_of<Net>::offsets[K];
    boost::hana::at_c<K>(net.layers).evaluate_at(buffer, from, buffer, to);
  }
}

template <std::size_t First, class Net, class T, std::size_t In, std::size_t Size, std::size_t... K>
constexpr void run_layers(const Net& net, const T (&x)[In], T (&buffer)[Size], std::index_sequence<K...>) {
  (run_layer<First + K>(net, x, buffer), ...);
}

template <std::size_t First, class Net, class T, std::size_t In, std::size_t Size>
constexpr void evaluate_raw(const Net& net, const T (&x)[In], T (&buffer)[Size]) {
  run_layers<First>(net, x, buffer, std::make_index_sequence<Net::layer_count - First>{});
}

template <class Net, class T>
CTNN_RUNTIME_INLINE constexpr void forward(const Net& net, const T* x, T* y) {
  if (on_kernels<T>()) {
    kernels::evaluate_one(net, x, y);
    return;
  }
  using layout = layout_of<Net>;
  T in[Net::input_size]{};
  for (std::size_t i = 0; i < Net::input_size; ++i) in[i] = x[i];
  T buffer[layout::size]{};
  evaluate_raw(net, in, buffer);
  constexpr std::size_t last = layout::offsets[Net::layer_count - 1];
  for (std::size_t o = 0; o < Net::output_size; ++o) y[o] = buffer[last + o];
}

}  // namespace detail

/// Builds a network from its layers, first to last: `ctnn::network(ctnn::dense<2, 2>(...), ...)`.
template <class... Layers>
constexpr network_t<Layers...> network(const Layers&... layers) {
  return network_t<Layers...>{boost::hana::make_tuple(layers...)};
}

namespace detail {
template <class T>
inline constexpr bool is_network = false;
template <class... Layers>
inline constexpr bool is_network<network_t<Layers...>> = true;
}  // namespace detail

/// True for the types `ctnn::network` makes (const or not).
template <class T>
inline constexpr bool is_network_v = detail::is_network<std::remove_cvref_t<T>>;

/// A network made by `ctnn::network`.
template <class T>
concept network_like = is_network_v<T>;

namespace detail {
template <class U, std::size_t In, std::size_t Out, class T, class A>
constexpr dense_layer<In, Out, U, A> scalar_cast_layer(const dense_layer<In, Out, T, A>& layer) {
  dense_layer<In, Out, U, A> converted{{}, {}, layer.activation};
  for (std::size_t o = 0; o < Out; ++o) {
    converted.biases[o] = static_cast<U>(layer.biases[o]);
    for (std::size_t i = 0; i < In; ++i) converted.weights[o][i] = static_cast<U>(layer.weights[o][i]);
  }
  return converted;
}
}  // namespace detail

/// The same network with every weight and bias converted to scalar `U` by `static_cast<U>` (exact
/// when U holds every value, as double holds every int), the activations kept:
/// `ctnn::scalar_cast<double>(buy)` evaluates the integer seed network on real-valued inputs.
template <scalar U, class... Layers>
constexpr auto scalar_cast(const network_t<Layers...>& net) {
  return [&net]<std::size_t... K>(std::index_sequence<K...>) {
    return network(detail::scalar_cast_layer<U>(boost::hana::at_c<K>(net.layers))...);
  }(std::index_sequence_for<Layers...>{});
}

}  // namespace ctnn

CTNN_DETAIL_PRECISE_FLOAT_END
