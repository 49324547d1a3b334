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
#include <boost/hana/tuple.hpp>

#include <ctnn/dense.hpp>
#include <ctnn/detail/kernels.hpp>

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
  using layer_types = std::tuple<Layers...>;
  using input_type = std::array<scalar_type, input_size>;
  using output_type = std::array<scalar_type, output_size>;

  boost::hana::tuple<Layers...> layers;

  /// One `std::array` per layer, each of that layer's output size: what `trace` returns.
  using trace_type = boost::hana::tuple<std::array<scalar_type, Layers::output_size>...>;

  /// Size of the buffer that `evaluate_raw` fills: every layer's outputs, one after the other.
  static constexpr std::size_t buffer_size = (Layers::output_size + ...);
  /// Where layer k's outputs start in that buffer.
  static constexpr std::array<std::size_t, layer_count> buffer_offsets = [] {
    std::array<std::size_t, layer_count> offsets{};
    std::size_t sizes[] = {Layers::output_size...};
    for (std::size_t k = 1; k < layer_count; ++k) offsets[k] = offsets[k - 1] + sizes[k - 1];
    return offsets;
  }();
  template <std::size_t K>
  static constexpr std::size_t buffer_offset = buffer_offsets[K];

  /// The forward pass, layer after layer.
  CTNN_RUNTIME_INLINE constexpr output_type operator()(const input_type& x) const {
#if CTNN_KERNELS
    if constexpr (detail::kernels::supported_network<network_t>) {
      if (!__builtin_is_constant_evaluated()) {  // run time: the vector kernels (same bits)
        output_type y;
        detail::kernels::evaluate_one(*this, x.data(), y.data());
        return y;
      }
    }
#endif
    scalar_type in[input_size]{};
    for (std::size_t i = 0; i < input_size; ++i) in[i] = x[i];
    scalar_type buffer[buffer_size]{};
    evaluate_raw(in, buffer);
    output_type y{};
    for (std::size_t o = 0; o < output_size; ++o) y[o] = buffer[buffer_offset<layer_count - 1> + o];
    return y;
  }

  /// Every layer's output for one input: `trace(x)[boost::hana::size_c<k>]` is the output of layer k
  /// (counted from 0), a `std::array` of that layer's size; the last one equals `(*this)(x)`.
  constexpr trace_type trace(const input_type& x) const {
    scalar_type in[input_size]{};
    for (std::size_t i = 0; i < input_size; ++i) in[i] = x[i];
    scalar_type buffer[buffer_size]{};
    evaluate_raw(in, buffer);
    trace_type outputs{};
    copy_trace(buffer, outputs, std::make_index_sequence<layer_count>{});
    return outputs;
  }

  /// Computes layers `First`, `First + 1`, ... into `buffer` (see buffer_offsets); layer `First`
  /// reads the input_size values at `x` when First is 0, else layer First - 1's outputs in `buffer`.
  /// Plain arrays: this is what compile-time verification runs for every row.
  template <std::size_t First = 0>
  constexpr void evaluate_raw(const scalar_type (&x)[input_size], scalar_type (&buffer)[buffer_size]) const {
    run_layers<First>(x, buffer, std::make_index_sequence<layer_count - First>{});
  }

 private:
  template <std::size_t First, std::size_t... K>
  constexpr void run_layers(const scalar_type (&x)[input_size], scalar_type (&buffer)[buffer_size],
                            std::index_sequence<K...>) const {
    (run_layer<First + K>(x, buffer), ...);
  }
  template <std::size_t K>
  constexpr void run_layer(const scalar_type (&x)[input_size], scalar_type (&buffer)[buffer_size]) const {
    if constexpr (K == 0)
      boost::hana::at_c<0>(layers).evaluate_at(x, 0, buffer, 0);
    else
      boost::hana::at_c<K>(layers).evaluate_at(buffer, buffer_offset<K - 1>, buffer, buffer_offset<K>);
  }
  template <std::size_t... K>
  static constexpr void copy_trace(const scalar_type (&buffer)[buffer_size], trace_type& outputs,
                                   std::index_sequence<K...>) {
    auto copy = [&buffer](auto& out, std::size_t offset) {
      for (std::size_t o = 0; o < out.size(); ++o) out[o] = buffer[offset + o];
    };
    (copy(boost::hana::at_c<K>(outputs), buffer_offsets[K]), ...);
  }

 public:
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

}  // namespace ctnn
