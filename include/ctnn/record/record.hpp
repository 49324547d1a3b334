/// @file record/record.hpp
/// Named inputs: a record is a struct reflected by Boost.Hana (`BOOST_HANA_DEFINE_STRUCT` or
/// `BOOST_HANA_ADAPT_STRUCT`); its fields, in declaration order, are a network's inputs in order.
/// This header is the reflection alone (the concept, field names, field access, conversion to and
/// from rows); evaluation (runtime/evaluate.hpp), verification with field names (`ctnn::named`,
/// CTNN_VERIFY) and text tables (text/table.hpp) build on it.
///
///     struct product { BOOST_HANA_DEFINE_STRUCT(product, (int, design), (int, quality)); };
///
/// A record whose field count differs from the network's input count is a compile error naming both
/// counts (`ctnn::record_fields_differ_from_network_inputs<fields, inputs>`).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

#include <boost/hana/accessors.hpp>
#include <boost/hana/at.hpp>
#include <boost/hana/concept/struct.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/length.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/string.hpp>

#include <ctnn/config.hpp>

namespace ctnn {

/// Names a compile error: the record has `RecordFields` fields, the network `NetworkInputs` inputs.
template <std::size_t RecordFields, std::size_t NetworkInputs>
struct record_fields_differ_from_network_inputs;

/// A struct whose fields Boost.Hana can list (BOOST_HANA_DEFINE_STRUCT / BOOST_HANA_ADAPT_STRUCT).
template <class R>
concept record = boost::hana::Struct<R>::value;

/// The number of fields of a record.
template <record R>
inline constexpr std::size_t field_count_v =
    decltype(boost::hana::length(boost::hana::accessors<R>()))::value;

/// The name of field `I` of a record, as a `boost::hana::string` type.
template <record R, std::size_t I>
using field_name_t =
    std::remove_cvref_t<decltype(boost::hana::first(boost::hana::at_c<I>(boost::hana::accessors<R>())))>;

/// The names of a record's fields, in order: `field_names<product>()` is {"design", "quality"}.
template <record R>
constexpr std::array<std::string_view, field_count_v<R>> field_names() {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<std::string_view, field_count_v<R>>{
        std::string_view(boost::hana::to<const char*>(field_name_t<R, I>{}))...};
  }
  (std::make_index_sequence<field_count_v<R>>{});
}

/// Field `I` of `r` (a reference into `r`).
template <std::size_t I, record R>
constexpr decltype(auto) get_field(const R& r) {
  return boost::hana::second(boost::hana::at_c<I>(boost::hana::accessors<R>()))(r);
}

/// The fields of `r`, in order, converted to T: the inputs of a network.
template <class T, record R>
constexpr std::array<T, field_count_v<R>> to_inputs(const R& r) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<T, field_count_v<R>>{static_cast<T>(get_field<I>(r))...};
  }
  (std::make_index_sequence<field_count_v<R>>{});
}

/// The record whose fields, in order, are `values` (each converted to its field's type).
template <record R, class... V>
constexpr R make_record(const V&... values) {
  static_assert(sizeof...(V) == field_count_v<R>, "ctnn::make_record: one value per field");
  R r{};
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((boost::hana::second(boost::hana::at_c<I>(boost::hana::accessors<R>()))(r) =
          static_cast<std::remove_cvref_t<decltype(get_field<I>(r))>>(values)),
     ...);
  }
  (std::make_index_sequence<field_count_v<R>>{});
  return r;
}

/// The record of a row of inputs.
template <record R, class T, std::size_t N>
constexpr R to_record(const std::array<T, N>& x) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) { return make_record<R>(x[I]...); }
  (std::make_index_sequence<N>{});
}

namespace detail {
template <class R>
constexpr bool check_record() {
  // An error here means that the type given as a record is not reflected by Boost.Hana.
  static_assert(record<R>,
                "ctnn: a record must be a struct reflected by Boost.Hana: declare its fields with "
                "BOOST_HANA_DEFINE_STRUCT(name, (type, field)...) or adapt it with BOOST_HANA_ADAPT_STRUCT");
  return record<R>;
}

template <class R, std::size_t Inputs>
constexpr bool check_record_fields() {
  if constexpr (!check_record<R>()) {
    return false;
  } else if constexpr (field_count_v<R> != Inputs) {
    // An error here means that a record's field count differs from the network's input count.
    static_assert(named_error<record_fields_differ_from_network_inputs<field_count_v<R>, Inputs>>,
                  "ctnn: the record must have one field per network input (field order is input order); "
                  "ctnn::record_fields_differ_from_network_inputs<record fields, network inputs> shows both");
    return false;
  } else {
    return true;
  }
}
}  // namespace detail

}  // namespace ctnn
