/// @file meta/convert.hpp
/// Conversion between the two forms, both ways, with equal outputs on every row.
///
/// meta -> value: `ctnn::meta::to_value(meta_net)` is a `ctnn::network` of `ctnn::dense` layers with
/// the same weights, biases and activations. Its scalar is an integer type when every constant is an
/// integer and every activation keeps integers integers (`int` for `hana::int_` constants), else
/// `ctnn::meta::fraction` (exact, so rational weights give the very same values);
/// `ctnn::meta::to_value<T>(meta_net)` asks for T and refuses (at compile time) what T cannot hold
/// exactly.
///
/// value -> meta: through class-type template parameters. A `ctnn::dense_layer` is a structural type
/// (arrays and an activation, all public), so each layer can be a template argument:
/// `ctnn::meta::from_layers<buy.layer<0>(), buy.layer<1>()>`; or the whole network by reference
/// (it lives in a hana::tuple, which is not structural, but a reference to a constexpr variable can be
/// a template argument): `ctnn::meta::from_value<buy>`. Weights must be integers (int_ constants of
/// the same type; not unsigned long long, whose values long long cannot hold) or
/// `ctnn::meta::fraction`s (rational constants). Both work on g++ 12 and clang++ 14.
/// (clang++ 14 rejects a `double` template parameter, yet takes a class whose members are doubles; a
/// `double` layer is refused here all the same, since it has no exact meta form.)
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

#include <boost/hana/at.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>

#include <ctnn/core/activation.hpp>
#include <ctnn/core/activations.hpp>
#include <ctnn/model/dense.hpp>
#include <ctnn/meta/activations.hpp>
#include <ctnn/meta/dense.hpp>
#include <ctnn/meta/fraction.hpp>
#include <ctnn/meta/network.hpp>
#include <ctnn/meta/rational.hpp>
#include <ctnn/model/network.hpp>

namespace ctnn::meta {

namespace detail {

// ---- meta -> value ----

/// Whether a meta activation maps integers to integers (a leaky ReLU with a fractional slope does
/// not): its value form's capability (core/activation.hpp).
template <class A>
constexpr bool keeps_integers() {
  return ctnn::keeps_integers(A::value_form);
}

template <class C>
constexpr bool is_integer_constant() {
  return is_integer_constant_v<std::remove_cvref_t<C>>;
}

template <class Row>
struct row_constants;
template <class... C>
struct row_constants<boost::hana::tuple<C...>> {
  static constexpr bool all_integers = (is_integer_constant_v<C> && ...);
  using common = typename std::conditional_t<all_integers, std::common_type<typename C::value_type...>,
                                             std::type_identity<void>>::type;
};

/// Whether all of a layer's constants are integers, and their common integer type.
template <class Weights, class Biases>
struct layer_constants;
template <class... Rows, class... B>
struct layer_constants<boost::hana::tuple<Rows...>, boost::hana::tuple<B...>> {
  static constexpr bool all_integers =
      (row_constants<Rows>::all_integers && ...) && (is_integer_constant_v<B> && ...);
  using integer_type = typename std::conditional_t<
      all_integers, std::common_type<typename row_constants<Rows>::common..., typename B::value_type...>,
      std::type_identity<void>>::type;
};

template <class Layer>
using constants_of = layer_constants<typename Layer::weights_type, typename Layer::biases_type>;

template <class... Layers>
constexpr bool integer_network() {
  return ((constants_of<Layers>::all_integers && keeps_integers<typename Layers::activation_type>()) && ...);
}

template <class Layer>
struct integer_of {
  using type = typename constants_of<Layer>::integer_type;
};

/// The scalar `to_value` picks: the common integer type of all constants, or fraction.
template <class... Layers>
using automatic_scalar_t = typename std::conditional_t<integer_network<Layers...>(),
                                                       std::common_type<typename integer_of<Layers>::type...>,
                                                       std::type_identity<fraction>>::type;

/// Names a compile error: a constant of the meta network cannot be held exactly by the scalar T.
template <class Constant, class T>
struct constant_is_not_exact_in_scalar;
/// Names a compile error: the activation gives fractions on integers; T cannot hold them.
template <class Activation, class T>
struct activation_gives_fractions_but_scalar_is;

/// Whether the scalar T holds the constant C exactly.
template <class T, class C>
constexpr bool holds_exactly() {
  if constexpr (std::is_same_v<T, fraction>) {
    return true;
  } else {
    constexpr fraction value = to_fraction(C{});
    return std::is_integral_v<T> && value.den == 1 && std::in_range<T>(value.num);
  }
}

/// The index of the first of a layer's constants (detail::layer_constants_in) that T does not hold
/// exactly (their count if none), and that constant's type.
template <class T, class Constants>
struct first_not_held;
template <class T, class... C>
struct first_not_held<T, constants_in<std::tuple<C...>>> {
  static constexpr bool held[] = {true, holds_exactly<T, C>()...};  // never empty
  static constexpr std::size_t index = first_false(held) - 1;
  static constexpr bool none = index == sizeof...(C);
  using type = std::tuple_element_t<none ? 0 : index, std::tuple<C...>>;
};

/// True when the value form of Layer can compute in T exactly; otherwise also the compile error that
/// says why.
template <class T, class Layer>
constexpr bool check_value_layer() {
  using A = typename Layer::activation_type;
  using first = first_not_held<
      T, typename layer_constants_in<typename Layer::weights_type, typename Layer::biases_type>::type>;
  if constexpr (!std::is_same_v<T, fraction> && !keeps_integers<A>()) {
    static_assert(ctnn::detail::named_error<activation_gives_fractions_but_scalar_is<A, T>>,
                  "ctnn::meta::to_value<T>: a leaky_relu with a fractional slope gives fractions on "
                  "integers in the meta form, where the value form on an integer type truncates; "
                  "convert with T = ctnn::meta::fraction (the default picks it)");
    return false;
  } else if constexpr (!first::none) {
    static_assert(ctnn::detail::named_error<constant_is_not_exact_in_scalar<typename first::type, T>>,
                  "ctnn::meta::to_value<T>: T must hold every weight and bias exactly (an integer type "
                  "for integer constants that fit it; ctnn::meta::fraction for any constant); "
                  "ctnn::meta::detail::constant_is_not_exact_in_scalar<constant, T> shows which");
    return false;
  } else {
    return true;
  }
}

/// check_value_layer for each layer, first to last, up to the first that fails (one error).
template <class T, class Layer, class... Rest>
constexpr bool check_value_layers() {
  if constexpr (!check_value_layer<T, Layer>())
    return false;
  else if constexpr (sizeof...(Rest) == 0)
    return true;
  else
    return check_value_layers<T, Rest...>();
}

/// The scalar of `to_value<T>`: T, or for T = void the one it picks.
template <class T, class... Layers>
using value_scalar_t = std::conditional_t<std::is_void_v<T>, automatic_scalar_t<Layers...>, T>;

/// True when `to_value<T>` can convert the network; otherwise also one compile error that says why.
template <class T, class... Layers>
constexpr bool check_value_conversion() {
  if constexpr (!std::is_void_v<T> && !std::is_integral_v<T> && !std::is_same_v<T, fraction>) {
    static_assert(always_false<T>,
                  "ctnn::meta::to_value<T>: T must be an integer type or ctnn::meta::fraction (a "
                  "floating-point type would round the meta network's exact values)");
    return false;
  } else if constexpr (!network_t<Layers...>::well_formed) {
    return false;  // the network's error is shown
  } else {
    return check_value_layers<value_scalar_t<T, Layers...>, Layers...>();
  }
}

/// What a refused conversion returns, so that its compile error is the only one: a value network of
/// the meta network's shape, all zeros.
template <class... Layers>
using refused_value_network =
    ctnn::network_t<ctnn::dense_layer<Layers::input_size, Layers::output_size, int, ctnn::identity_t>...>;

template <class T, class C>
constexpr T convert_constant() {
  constexpr fraction value = to_fraction(C{});  // T holds it exactly (check_value_layer)
  if constexpr (std::is_same_v<T, fraction>)
    return value;
  else
    return static_cast<T>(value.num);
}

template <class T, class Layer, std::size_t... O, std::size_t... I>
constexpr auto value_layer(std::index_sequence<O...>, std::index_sequence<I...>) {
  using W = typename Layer::weights_type;
  using B = typename Layer::biases_type;
  constexpr std::size_t In = Layer::input_size;
  constexpr std::size_t Out = Layer::output_size;
  auto row = [](auto o) {
    using R = std::remove_cvref_t<decltype(boost::hana::at_c<decltype(o)::value>(W{}))>;
    return std::array<T, In>{convert_constant<T, element_t<R, I>>()...};
  };
  const std::array<std::array<T, In>, Out> weights{row(boost::hana::size_c<O>)...};
  const std::array<T, Out> biases{convert_constant<T, element_t<B, O>>()...};
  return ctnn::dense<In, Out, T>(weights, biases, Layer::activation_type::value_form);
}

template <class T, class Layer>
constexpr auto value_layer() {
  return value_layer<T, Layer>(std::make_index_sequence<Layer::output_size>{},
                               std::make_index_sequence<Layer::input_size>{});
}

}  // namespace detail

/// The value form of a meta network: a `ctnn::network` with the same weights, biases and activations,
/// whose outputs equal the meta network's on every input (its scalar: see the top of this header).
template <class T = void, class... Layers>
constexpr auto to_value(const network_t<Layers...>&) {
  if constexpr (!detail::check_value_conversion<T, Layers...>())
    return detail::refused_value_network<Layers...>{};  // the error is shown, nothing else follows
  else
    return ctnn::network(detail::value_layer<detail::value_scalar_t<T, Layers...>, Layers>()...);
}

// ---- value -> meta ----

namespace detail {

/// Names a compile error: a value layer's scalar type `T` has no exact constant form.
template <class T>
struct scalar_has_no_meta_form;

/// The constant of a value: an integer constant of the same type for an integer, a rational for a
/// fraction (a bool, as a record field, is the rational 0 or 1). Callers check the type first
/// (check_scalar, check_field_types); anything else stops here.
template <auto V>
constexpr auto meta_constant() {
  using T = std::remove_cvref_t<decltype(V)>;
  if constexpr (std::is_same_v<T, bool>) {
    return rational<(V ? 1 : 0), 1>{};
  } else if constexpr (std::is_integral_v<T>) {
    return boost::hana::integral_constant<T, V>{};
  } else if constexpr (std::is_same_v<T, fraction>) {
    return rational_of<V>{};
  } else {
    static_assert(always_false<T>,
                  "ctnn::meta: only integers and ctnn::meta::fraction values have an exact constant; "
                  "a floating-point value has none (write it as a ctnn::meta::fraction)");
    return boost::hana::int_<0>{};
  }
}

template <class T>
constexpr bool check_scalar() {
  constexpr bool ok = (std::is_integral_v<T> && !std::is_same_v<T, bool>) || std::is_same_v<T, fraction>;
  if constexpr (ok && !std::is_same_v<T, fraction> && !embeds_in_rational<T>) {
    static_assert(ctnn::detail::named_error<scalar_has_no_meta_form<T>>,
                  "ctnn::meta::from_value: the value network's scalar is an unsigned integer type as wide "
                  "as long long: " CTNN_META_DETAIL_WIDE_UNSIGNED_REASON "; give the network a signed "
                  "integer scalar (int, long long) or ctnn::meta::fraction; "
                  "ctnn::meta::detail::scalar_has_no_meta_form<T> shows the scalar");
    return false;
  } else if constexpr (!ok) {
    static_assert(ctnn::detail::named_error<scalar_has_no_meta_form<T>>,
                  "ctnn::meta::from_value: the value network's weights must be integers or "
                  "ctnn::meta::fraction (exact rationals); a floating-point weight has no exact type-level "
                  "value (give the network a ctnn::meta::fraction scalar instead); "
                  "ctnn::meta::detail::scalar_has_no_meta_form<T> shows the scalar");
    return false;
  }
  return true;
}

/// The meta form of a value layer's activation: its `exact` capability is required
/// (core/activation.hpp); meta_form maps it (meta/activations.hpp).
template <auto Layer>
constexpr auto meta_activation() {
  using A = std::remove_cvref_t<decltype(Layer.activation)>;
  if constexpr (activation_traits<A>::exact) {
    return typename meta_form<A, Layer.activation>::type{};
  } else {
    static_assert(activation_traits<A>::exact, CTNN_META_DETAIL_INEXACT_MESSAGE);
    return identity;
  }
}

template <auto Layer, std::size_t O, std::size_t... I>
constexpr auto meta_row(std::index_sequence<I...>) {
  return boost::hana::make_tuple(meta_constant<Layer.weights[O][I]>()...);
}

template <auto Layer, std::size_t... O>
constexpr auto meta_layer(std::index_sequence<O...>) {
  using L = std::remove_cvref_t<decltype(Layer)>;
  return dense(boost::hana::make_tuple(meta_row<Layer, O>(std::make_index_sequence<L::input_size>{})...),
               boost::hana::make_tuple(meta_constant<Layer.biases[O]>()...), meta_activation<Layer>());
}

/// A meta layer of the given shape, all zeros: what a refused value layer becomes, so that the
/// refusal (check_scalar) is the only error.
template <class Outputs, std::size_t Inputs>
struct zero_layer;
template <std::size_t... O, std::size_t Inputs>
struct zero_layer<std::index_sequence<O...>, Inputs> {
  using type =
      dense_layer<boost::hana::tuple<repeat_t<O, zeros_t<Inputs>>...>, zeros_t<sizeof...(O)>, identity_t>;
};

/// The scalars check_scalar accepts.
template <class T>
inline constexpr bool has_meta_form_v = std::is_same_v<T, fraction> || embeds_in_rational<T>;

template <auto Layer>
constexpr auto meta_layer() {
  using L = std::remove_cvref_t<decltype(Layer)>;
  static_assert(
      requires {
        typename L::scalar_type;
        L::output_size;
      },
      "ctnn::meta::from_layers: every argument must be a ctnn::dense_layer value");
  if constexpr (!has_meta_form_v<typename L::scalar_type>) {
    check_scalar<typename L::scalar_type>();  // the compile error
    return typename zero_layer<std::make_index_sequence<L::output_size>, L::input_size>::type{};
  } else {
    return meta_layer<Layer>(std::make_index_sequence<L::output_size>{});
  }
}

template <const auto& Net, std::size_t... K>
constexpr auto meta_network(std::index_sequence<K...>) {
  return network(meta_layer<Net.template layer<K>()>()...);
}

}  // namespace detail

/// The meta form of value layers given as class-type template arguments (each a `ctnn::dense_layer`
/// with integer or `ctnn::meta::fraction` weights): `ctnn::meta::from_layers<buy.layer<0>(),
/// buy.layer<1>()>`.
template <auto... Layers>
inline constexpr auto from_layers = network(detail::meta_layer<Layers>()...);

/// The meta form of a value network, given by reference (a constexpr variable with static storage):
/// `ctnn::meta::from_value<buy>`. Each of its layers goes through `from_layers`.
template <const auto& Net>
inline constexpr auto from_value =
    detail::meta_network<Net>(std::make_index_sequence<std::remove_cvref_t<decltype(Net)>::layer_count>{});

}  // namespace ctnn::meta
