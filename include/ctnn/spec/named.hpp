/// @file spec/named.hpp
/// Domains whose inputs are named by the fields of a record: `ctnn::named<product>(dom)`. The rows
/// are the domain's; a failing verification shows them as
/// `ctnn::fields<ctnn::field<'d', 'e', 's', 'i', 'g', 'n', '=', '1'>, ...>`, and a reference function
/// may take the record (`ctnn::truth_table_of([](product p) { ... })`).
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

#include <ctnn/diagnostic/fields.hpp>
#include <ctnn/record/record.hpp>
#include <ctnn/spec/domain.hpp>
#include <ctnn/spec/specification.hpp>

namespace ctnn {

/// A reference function of a record, callable with one value per field: what CTNN_VERIFY_RECORD
/// makes of `ctnn::truth_table_of([](product p) { ... })`.
template <record R, class F>
struct record_function {
  /// The reference function, which takes a record R.
  F function;
  /// The function on the record whose fields are `values`, in order.
  template <class... V>
  requires(sizeof...(V) == field_count_v<R>) constexpr auto operator()(const V&... values) const {
    return function(make_record<R>(values...));
  }
};

namespace detail {
template <class F, class R, std::size_t... I>
constexpr bool invocable_with_fields(std::index_sequence<I...>) {
  return std::is_invocable_v<const F&,
                             std::remove_cvref_t<decltype(get_field<I>(std::declval<const R&>()))>...>;
}

/// A reference function of the record (and not of its field values) becomes one of the values;
/// other specifications are left as they are.
template <class R, class Spec>
constexpr auto adapt_to_record(const Spec& spec) {
  if constexpr (requires { spec.function; }) {
    using F = decltype(spec.function);
    if constexpr (std::is_invocable_v<const F&, const R&> &&
                  !invocable_with_fields<F, R>(std::make_index_sequence<field_count_v<R>>{}))
      return reference_spec<record_function<R, F>>{{spec.function}};
    else
      return spec;
  } else {
    return spec;
  }
}

}  // namespace detail

/// The rows of domain `Dom`, the inputs named by the fields of record `R`. Made by `ctnn::named<R>(dom)`.
template <class R, class Dom>
struct named_domain : Dom {
  /// The record whose fields name the inputs, R.
  using record_type = R;
  /// Found by verification (argument-dependent lookup): a reference function of the record, and not
  /// of its field values, becomes one of the values.
  template <class Spec>
  friend constexpr auto adapt_to_domain(const Spec& spec, const named_domain&) {
    return detail::adapt_to_record<R>(spec);
  }
};

/// `ctnn::named<product>(ctnn::boolean_inputs<2>)`: the same rows, named by the record's fields (their
/// count must equal the domain's input count).
template <record R, class V, std::size_t... Counts>
constexpr named_domain<R, domain<V, Counts...>> named(const domain<V, Counts...>& dom) {
  (void)detail::check_record_fields<R, sizeof...(Counts)>();  // false: a named error is shown
  return {dom};
}

namespace detail {
template <class R, class Dom>
inline constexpr bool is_domain<named_domain<R, Dom>> = is_domain<Dom>;
template <class R, class Dom>
struct record_of_domain<named_domain<R, Dom>> {
  using type = R;
};
}  // namespace detail

}  // namespace ctnn
