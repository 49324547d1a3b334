/// @file meta/record.hpp
/// Named inputs for the meta form (records: see record/record.hpp).
///
/// - `ctnn::meta::evaluate<product{0, 1}>(net)`: a record value as a class-type template argument;
///   its fields become constants, and the result is a type (`hana::tuple<hana::int_<10>>`).
/// - `ctnn::meta::evaluate(net, product{d, q})`: a record of run-time values, through the value form
///   (`ctnn::meta::to_value(net)`), whose outputs equal the meta network's.
/// - `ctnn::meta::format_truth_table<product>(table, ...)`: a meta truth table (computed by the
///   compiler) as text at run time, with the field names as column headers.
/// - `ctnn::meta::named<product>(dom)` (meta/truth_table.hpp): CTNN_VERIFY then shows a failing
///   row with the field names.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/hana/at.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>

#include <ctnn/meta/convert.hpp>
#include <ctnn/meta/fraction.hpp>
#include <ctnn/meta/network.hpp>
#include <ctnn/meta/rational.hpp>
#include <ctnn/meta/truth_table.hpp>
#include <ctnn/record/record.hpp>
#include <ctnn/runtime/evaluate.hpp>
#include <ctnn/text/table.hpp>

namespace ctnn::meta {

/// Names a compile error: field `Index` of a record (counted from 0) has type `T`, whose values have
/// no exact constant.
template <std::size_t Index, class T>
struct record_field_has_no_exact_constant;

namespace detail {
template <auto Record, std::size_t... I>
constexpr auto record_constants(std::index_sequence<I...>) {
  return boost::hana::make_tuple(meta_constant<ctnn::get_field<I>(Record)>()...);
}

/// Whether a field of type T becomes an exact constant: integers (bool as 0 or 1) but the unsigned
/// types as wide as long long, and fractions.
template <class T>
inline constexpr bool exact_field_v =
    std::is_same_v<T, bool> || embeds_in_rational<T> || std::is_same_v<T, fraction>;

template <class R, std::size_t I>
using field_type_t = std::remove_cvref_t<decltype(ctnn::get_field<I>(std::declval<const R&>()))>;

/// The index of the first field of R without an exact constant (the field count if none).
template <class R, std::size_t... I>
constexpr std::size_t first_inexact_field(std::index_sequence<I...>) {
  constexpr bool exact[] = {true, exact_field_v<field_type_t<R, I>>...};  // never empty
  return first_false(exact) - 1;
}
template <class R>
inline constexpr bool exact_fields_v =
    first_inexact_field<R>(std::make_index_sequence<field_count_v<R>>{}) == field_count_v<R>;

/// True when every field of R has an exact constant; otherwise a compile error naming the first that
/// has not.
template <class R>
constexpr bool check_field_types() {
  constexpr std::size_t first = first_inexact_field<R>(std::make_index_sequence<field_count_v<R>>{});
  if constexpr (first < field_count_v<R>) {
    // An error here means that a field of the record given as a template argument is not an integer
    // or a fraction: see its index and type in the template arguments.
    static_assert(ctnn::detail::named_error<record_field_has_no_exact_constant<first, field_type_t<R, first>>>,
                  "ctnn::meta: the fields of a record evaluated by the meta form must be integers or "
                  "ctnn::meta::fraction, which become exact constants; a floating-point field (double, "
                  "float) has no exact constant, nor has an unsigned long long one (" CTNN_META_DETAIL_WIDE_UNSIGNED_REASON
                  "): declare the field as ctnn::meta::fraction (0.5 is fraction(1, 2)) or as a signed integer; "
                  "ctnn::meta::record_field_has_no_exact_constant<field index, field type> shows which");
    return false;
  }
  return true;
}
}  // namespace detail

/// The fields of a record value (a class-type template argument), in order, as constants:
/// `constants_of<product{0, 1}>` is `hana::tuple_c<int, 0, 1>`. Fields must be integers (not
/// unsigned long long) or fractions: a double field is a compile error (it has no exact constant).
template <auto Record>
inline constexpr auto constants_of = [] {
  using R = std::remove_cvref_t<decltype(Record)>;
  static_assert(ctnn::detail::check_record<R>());
  if constexpr (!detail::exact_fields_v<R>) {
    detail::check_field_types<R>();  // the compile error
    return boost::hana::make_tuple();
  } else {
    return detail::record_constants<Record>(std::make_index_sequence<field_count_v<R>>{});
  }
}();

/// The meta network's outputs for a record value: `ctnn::meta::evaluate<product{0, 1}>(buy)` has type
/// `hana::tuple<hana::int_<10>>`. The field count must equal the input count (a compile error names
/// both counts otherwise).
template <auto Record, network_like Net>
constexpr auto evaluate(const Net& net) {
  using R = std::remove_cvref_t<decltype(Record)>;
  if constexpr (!ctnn::detail::check_record_fields<R, Net::input_size>())
    return detail::zeros_t<Net::output_size>{};  // the error is shown, nothing else follows
  else if constexpr (!detail::exact_fields_v<R>)
    return constants_of<Record>;  // a compile error that says why
  else
    return net(constants_of<Record>);
}

/// The meta network's outputs for a record of run-time values, computed by its value form
/// (`ctnn::meta::to_value(net)`, equal outputs on every input): a std::array.
template <network_like Net, ctnn::record R>
constexpr auto evaluate(const Net& net, const R& r) {
  static_assert(ctnn::detail::check_record_fields<R, Net::input_size>());
  return ctnn::evaluate(to_value(net), r);
}

namespace detail {
template <class C>
std::string constant_text(const C&) {
  return to_string(to_fraction(C{}));
}
template <class Tuple, std::size_t... K>
std::vector<std::string> constant_texts(std::index_sequence<K...>) {
  return {constant_text(element_t<Tuple, K>{})...};
}
template <class Tuple>
std::vector<std::string> texts_of() {
  return constant_texts<Tuple>(std::make_index_sequence<tuple_size_v<Tuple>>{});
}
}  // namespace detail

/// A meta truth table (`ctnn::meta::truth_table(net, dom)`) as text, the record's field names as the
/// input columns' headers, then the outputs (named `output_names`, or output / output0, output1, ...),
/// then any decision columns, whose functions receive a row's outputs (a hana::tuple of constants).
/// Every value printed was computed by the compiler; this only reads them out of the types.
template <ctnn::record R, class... Rows, class... F>
std::string format_truth_table(const boost::hana::tuple<Rows...>& table,
                               std::initializer_list<std::string_view> output_names = {},
                               const ctnn::decision_column<F>&... decisions) {
  static_assert(sizeof...(Rows) > 0, "ctnn::meta::format_truth_table: the table has no rows");
  using first = std::remove_cvref_t<decltype(boost::hana::at_c<0>(table))>;
  constexpr std::size_t inputs = detail::tuple_size_v<decltype(first::inputs)>;
  constexpr std::size_t outputs = detail::tuple_size_v<decltype(first::outputs)>;
  static_assert(ctnn::detail::check_record_fields<R, inputs>());
  std::vector<ctnn::text_column> input_columns;
  for (const auto name : ctnn::field_names<R>()) input_columns.push_back({std::string(name), {}});
  std::vector<ctnn::text_column> output_columns;
  for (auto& header : ctnn::detail::output_headers(output_names, outputs))
    output_columns.push_back({header, {}});
  std::vector<ctnn::text_column> extra{ctnn::text_column{std::string(decisions.name), {}, true}...};
  boost::hana::for_each(table, [&](const auto& row) {
    using row_type = std::remove_cvref_t<decltype(row)>;
    const auto in = detail::texts_of<decltype(row_type::inputs)>();
    const auto out = detail::texts_of<decltype(row_type::outputs)>();
    for (std::size_t i = 0; i < inputs; ++i) input_columns[i].cells.push_back(in[i]);
    for (std::size_t o = 0; o < outputs; ++o) output_columns[o].cells.push_back(out[o]);
    std::size_t k = 0;
    ((extra[k++].cells.push_back(std::string(decisions.decide(row.outputs)))), ...);
  });
  std::vector<std::vector<ctnn::text_column>> groups{input_columns, output_columns};
  if (!extra.empty()) groups.push_back(extra);
  return ctnn::format_columns(groups);
}

}  // namespace ctnn::meta
