/// @file meta/network.hpp
/// `ctnn::meta::network_t<Layers...>`: a feed-forward network of meta layers, and
/// `ctnn::meta::network(layer, ...)`, which builds one and checks that adjacent layers fit. Applied
/// to a hana::tuple of constants it folds the layers left, with Hana, and returns a hana::tuple of
/// constants: for the seed network, `buy(hana::tuple_c<int, 0, 1>)` has type
/// `hana::tuple<hana::int_<10>>`.
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <boost/hana/at.hpp>
#include <boost/hana/drop_front.hpp>
#include <boost/hana/fold_left.hpp>
#include <boost/hana/scan_left.hpp>
#include <boost/hana/tuple.hpp>

#include <ctnn/diagnostic/errors.hpp>
#include <ctnn/meta/dense.hpp>

namespace ctnn::meta {

namespace detail {

template <class... Layers, std::size_t... J>
constexpr bool check_layers(std::index_sequence<J...>) {
  using all = std::tuple<Layers...>;
  return (ctnn::detail::check_adjacent<J, std::tuple_element_t<J, all>::output_size,
                                       std::tuple_element_t<J + 1, all>::input_size>() &&
          ...);
}

/// True when the layers are meta layers, each well formed, that fit together; otherwise false, and
/// one compile error has said why (a layer's own, or ctnn::layer_sizes_do_not_match).
template <class... Layers>
constexpr bool check_network() {
  if constexpr (sizeof...(Layers) == 0 || !(is_dense_layer_v<Layers> && ...))
    return false;  // network_t's static_assert says why
  else if constexpr (!(Layers::well_formed && ...))
    return false;  // the layer's error is shown
  else
    return check_layers<Layers...>(std::make_index_sequence<sizeof...(Layers) - 1>{});
}

template <std::size_t Expected, class Inputs>
constexpr bool check_inputs() {
  // An error here means that a meta network was applied to something else than its input constants.
  if constexpr (!is_constant_tuple_v<Inputs>) {
    static_assert(is_constant_tuple_v<Inputs>,
                  "ctnn::meta::network_t: the inputs must be a hana::tuple of constants, e.g. "
                  "hana::tuple_c<int, 0, 1> (for run-time numbers convert the network: "
                  "ctnn::meta::to_value(net))");
    return false;
  } else if constexpr (!all_constants<Inputs>::exact) {
    return all_constants<Inputs>::check();
  } else {
    return ctnn::detail::check_input_count<Expected, tuple_size_v<Inputs>>();
  }
}

}  // namespace detail

/// A feed-forward network of meta layers, applied first to last. An empty class: all of it is in its type.
template <class... Layers>
struct network_t {
  static_assert(sizeof...(Layers) > 0, "ctnn::meta::network: a network needs at least one layer");
  static_assert((is_dense_layer_v<Layers> && ...),
                "ctnn::meta::network: every argument must be a meta layer (made with ctnn::meta::dense)");
  /// Whether every layer is well formed and each layer's outputs fit the next layer's inputs. If not,
  /// one compile error says why, and the network computes nothing: its outputs are zeros, and
  /// conversions and verifications of it stop there.
  static constexpr bool well_formed = detail::check_network<Layers...>();
  // Instantiates the check with the class, without a second error of its own when it fails.
  static_assert(well_formed || true);

  /// The layers' types, as a std::tuple.
  using layer_types = std::tuple<Layers...>;
  /// The number of layers.
  static constexpr std::size_t layer_count = sizeof...(Layers);
  /// The number of inputs: layer 0's input size.
  static constexpr std::size_t input_size = std::tuple_element_t<0, layer_types>::input_size;
  /// The number of outputs: the last layer's output size.
  static constexpr std::size_t output_size = std::tuple_element_t<layer_count - 1, layer_types>::output_size;
  /// The sum of the layers' parameter counts.
  static constexpr std::size_t parameter_count = (Layers::parameter_count + ...);

  /// The layers, first to last, as a hana::tuple.
  static constexpr boost::hana::tuple<Layers...> layers{};  // static: a network object holds nothing

  /// The forward pass: `hana::fold_left` over the layers, each layer applied to the previous
  /// outputs. `x` is a hana::tuple of `input_size` constants; the result a hana::tuple of constants.
  template <class Inputs>
  constexpr auto operator()(const Inputs& x) const {
    if constexpr (!accepts<Inputs>())
      return detail::zeros_t<output_size>{};  // the error is shown, nothing else follows
    else
      return boost::hana::fold_left(layers, x, [](const auto& in, const auto& layer) { return layer(in); });
  }

  /// Every layer's outputs for `x`: a hana::tuple holding one hana::tuple per layer (the last one
  /// equals `(*this)(x)`).
  template <class Inputs>
  constexpr auto trace(const Inputs& x) const {
    if constexpr (!accepts<Inputs>())
      return boost::hana::tuple<detail::zeros_t<Layers::output_size>...>{};  // as above
    else
      return boost::hana::drop_front(
          boost::hana::scan_left(layers, x, [](const auto& in, const auto& layer) { return layer(in); }));
  }

  /// Layer `I` (counted from 0), a meta layer object; its type's `weights_type` is the type of its
  /// weights.
  template <std::size_t I>
  static constexpr auto layer() {
    static_assert(I < layer_count, "ctnn::meta::network_t::layer<I>: I is past the last layer");
    return std::tuple_element_t<I, layer_types>{};
  }

 private:
  // Whether the network is well formed and `Inputs` are its input constants (if not, one compile
  // error has said why).
  template <class Inputs>
  static constexpr bool accepts() {
    if constexpr (!well_formed)
      return false;  // the network's error is shown
    else
      return detail::check_inputs<input_size, Inputs>();
  }
};

/// Builds a meta network from its layers, first to last: `ctnn::meta::network(ctnn::meta::dense(...), ...)`.
template <class... Layers>
constexpr network_t<Layers...> network(const Layers&...) {
  return {};
}

/// True for the types `ctnn::meta::network` makes.
template <class T>
inline constexpr bool is_network_v = false;
/// True: a network made by `ctnn::meta::network`.
template <class... Layers>
inline constexpr bool is_network_v<network_t<Layers...>> = true;

/// A network made by `ctnn::meta::network` (const or not).
template <class T>
concept network_like = is_network_v<std::remove_cvref_t<T>>;

/// The type of `net(x)`: `ctnn::meta::output_t<decltype(buy), decltype(hana::tuple_c<int, 0, 1>)>` is
/// `hana::tuple<hana::int_<10>>`.
template <class Net, class Inputs>
using output_t = decltype(std::declval<const Net&>()(std::declval<const Inputs&>()));

}  // namespace ctnn::meta
