/// @file record.hpp
/// Named inputs for the value form. A record is a struct reflected by Boost.Hana
/// (`BOOST_HANA_DEFINE_STRUCT` or `BOOST_HANA_ADAPT_STRUCT`): its fields, in declaration order, are
/// the network's inputs in order.
///
///     struct product { BOOST_HANA_DEFINE_STRUCT(product, (int, design), (int, quality)); };
///
///     ctnn::evaluate(buy, product{0, 1})                 // std::array{10}
///     ctnn::format_truth_table<product>(buy)             // "design quality | output\n..."
///     CTNN_VERIFY_RECORD(product, buy,
///                        ctnn::truth_table_of([](product p) { return p.design != p.quality; }),
///                        ctnn::above(0));
///
/// A record whose field count differs from the network's input count is a compile error naming both
/// counts (`ctnn::record_fields_differ_from_network_inputs<fields, inputs>`). A failing
/// CTNN_VERIFY_RECORD shows the row with its field names:
/// `ctnn::fields<ctnn::field<'d', 'e', 's', 'i', 'g', 'n', '=', '1'>, ...>`.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/hana/accessors.hpp>
#include <boost/hana/at.hpp>
#include <boost/hana/concept/struct.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/string.hpp>

#include <ctnn/detail/diagnostic.hpp>
#include <ctnn/domain.hpp>
#include <ctnn/network.hpp>
#include <ctnn/verify.hpp>

namespace ctnn {

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

/// Names a compile error: the record has `RecordFields` fields, the network `NetworkInputs` inputs.
template <std::size_t RecordFields, std::size_t NetworkInputs>
struct record_fields_differ_from_network_inputs;

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
    static_assert(field_count_v<R> == Inputs,
                  "ctnn: the record must have one field per network input (field order is input order); "
                  "ctnn::record_fields_differ_from_network_inputs<record fields, network inputs> shows both");
    return sizeof(record_fields_differ_from_network_inputs<field_count_v<R>, Inputs>) > 0;
  } else {
    return true;
  }
}
}  // namespace detail

/// Evaluates `net` on a record, its fields being the inputs in order (converted to the network's
/// scalar type). The field count must equal the input count (checked at compile time).
template <network_like Net, record R>
constexpr typename Net::output_type evaluate(const Net& net, const R& r) {
  static_assert(detail::check_record_fields<R, Net::input_size>());
  return net(to_inputs<typename Net::scalar_type>(r));
}

// ---------------------------------------------------------------------------------------------
// Specifications written with records.

/// A reference function of a record, callable with one value per field: what CTNN_VERIFY_RECORD
/// makes of `ctnn::truth_table_of([](product p) { ... })`.
template <record R, class F>
struct record_function {
  F function;
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

template <class R, network_like Net, class Spec, class Rule, class Dom>
constexpr auto make_record_task(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom) {
  static_assert(check_record_fields<R, Net::input_size>());
  return make_task(net, adapt_to_record<R>(spec), rule, dom);
}
template <class R, network_like Net, class Spec, class Rule>
constexpr auto make_record_task(const Net& net, const Spec& spec, const Rule& rule) {
  return make_record_task<R>(net, spec, rule, boolean_inputs<Net::input_size>);
}
}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Diagnostics with field names.

/// One field of a failing row in a compile error: its name, '=', its value, as characters
/// (`ctnn::field<'d', 'e', 's', 'i', 'g', 'n', '=', '1'>`; both compilers print characters as such).
template <char... Text>
struct field {};
/// The fields of a failing row, in order: `ctnn::fields<ctnn::field<...>, ctnn::field<...>>`.
template <class... Fields>
struct fields {};

namespace detail {

/// "name=value" for a field, ready to become a character pack. Structural: all members public.
/// `Capacity` is computed from the record (field_texts below), so the text is always complete.
template <std::size_t Capacity>
struct field_text {
  std::size_t length = 0;
  char text[Capacity]{};
  constexpr void append(char c) {
    if (length < sizeof text) text[length++] = c;
  }
};

/// The text of a diagnostic value: an integer's digits, or the decimal text already formatted.
template <std::size_t Capacity>
constexpr void append_value(field_text<Capacity>& t, const diagnostic_value& v) {
  if (!v.integral) {
    for (std::size_t k = 0; k < v.length; ++k) t.append(v.text[k]);
    return;
  }
  unsigned long long magnitude = static_cast<unsigned long long>(v.integer);
  if (v.integer < 0) t.append('-'), magnitude = 0ULL - magnitude;
  char digits[24]{};
  int count = 0;
  do digits[count++] = static_cast<char>('0' + magnitude % 10), magnitude /= 10;
  while (magnitude != 0);
  while (count > 0) t.append(digits[--count]);
}

/// The room "name=value" needs for every field of R: the longest name, '=', and the longest value
/// text (an integer takes at most 20 characters, any other value at most diagnostic_text_capacity).
template <record R>
constexpr std::size_t field_text_capacity() {
  std::size_t longest = 0;
  for (const auto name : field_names<R>()) longest = std::max(longest, name.size());
  return longest + 1 + std::max<std::size_t>(20, diagnostic_text_capacity);
}

/// "name=value" for each field of R; `values` holds one diagnostic_value per field (an array).
template <record R, class Values>
constexpr auto field_texts(const Values& values) {
  constexpr std::size_t N = field_count_v<R>;
  constexpr auto names = field_names<R>();
  std::array<field_text<field_text_capacity<R>()>, N> texts{};
  for (std::size_t i = 0; i < N; ++i) {
    for (const char c : names[i]) texts[i].append(c);
    texts[i].append('=');
    append_value(texts[i], values[i]);
  }
  return texts;
}

template <auto Texts, std::size_t Index, std::size_t... C>
field<Texts[Index].text[C]...> as_field(std::index_sequence<C...>);

/// The `field<...>` type spelling `Texts[Index]` (the whole array as the argument, as decimal_t does).
template <auto Texts, std::size_t Index>
using field_t = decltype(as_field<Texts, Index>(std::make_index_sequence<Texts[Index].length>{}));

template <auto Texts, std::size_t... I>
fields<field_t<Texts, I>...> as_fields(std::index_sequence<I...>);

/// `ctnn::fields<ctnn::field<...>...>` for the values of a record's fields.
template <auto Texts>
using fields_t = decltype(as_fields<Texts>(std::make_index_sequence<Texts.size()>{}));

template <template <long long...> class Integers, template <class...> class Decimals, auto Values,
          std::size_t... I>
auto shown_values(std::index_sequence<I...>) {
  if constexpr (((Values[I].integral) && ...))
    return Integers<Values[I].integer...>{};
  else
    return Decimals<decimal_t<Values, I>...>{};
}

/// True; on a failed report, also a compile error whose template arguments show the failing row,
/// the inputs as the record's fields.
template <record R, auto Report>
constexpr bool show_record_failure() {
  if constexpr (Report.passed) {
    return true;
  } else {
    constexpr auto texts = field_texts<R>(Report.inputs);
    constexpr auto ex = std::to_array(Report.expected);
    constexpr auto ac = std::to_array(Report.actual);
    using shown_inputs = fields_t<texts>;
    using shown_expected =
        decltype(shown_values<ctnn::expected, expected_decimal, ex>(std::make_index_sequence<ex.size()>{}));
    using shown_actual =
        decltype(shown_values<ctnn::actual, actual_decimal, ac>(std::make_index_sequence<ac.size()>{}));
    // An error here means that the network gives a wrong output on the row shown in the template
    // arguments: row<index>, fields<field<'name', '=', 'value'>...>, expected<...>, actual<...>.
    if constexpr (Report.has_decision)
      return sizeof(truth_table_row_mismatch<ctnn::row<Report.row>, shown_inputs, shown_expected,
                                             shown_actual, expected_decision<Report.expected_decision>,
                                             actual_decision<Report.actual_decision>>) > 0;
    else
      return sizeof(truth_table_row_mismatch<ctnn::row<Report.row>, shown_inputs, shown_expected,
                                             shown_actual>) > 0;
  }
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Truth tables as text, with the field names as column headers.

/// A column of a printed truth table computed from a row's outputs: `decision_column("decision",
/// [](const auto& outputs) { return outputs[0] > 0 ? "buy" : "not buy"; })`.
template <class F>
struct decision_column {
  std::string_view name;
  F decide;
  constexpr decision_column(std::string_view column_name, F function) : name(column_name), decide(function) {}
};

/// One column of text: a header and one cell per row, right-aligned (numbers) or left-aligned (words).
struct text_column {
  std::string header;
  std::vector<std::string> cells;
  bool left_aligned = false;
};

/// Columns side by side, each aligned within the widest of its header and cells, one space between
/// columns and " | " between groups; a line per row, the header line first, no trailing spaces.
inline std::string format_columns(const std::vector<std::vector<text_column>>& groups) {
  std::size_t rows = 0;
  for (const auto& group : groups)
    for (const auto& column : group) rows = std::max(rows, column.cells.size());
  auto line = [&](auto&& cell_of) {
    std::string out;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (g > 0) out += " | ";
      for (std::size_t c = 0; c < groups[g].size(); ++c) {
        const text_column& column = groups[g][c];
        std::size_t width = column.header.size();
        for (const auto& cell : column.cells) width = std::max(width, cell.size());
        const std::string text = cell_of(column);
        const std::size_t padding = width - std::min(width, text.size());
        if (c > 0) out += ' ';
        if (!column.left_aligned) out.append(padding, ' ');
        out += text;
        if (column.left_aligned) out.append(padding, ' ');
      }
    }
    out.erase(out.find_last_not_of(' ') + 1);
    out += '\n';
    return out;
  };
  std::string out = line([](const text_column& column) { return column.header; });
  for (std::size_t r = 0; r < rows; ++r)
    out += line(
        [r](const text_column& column) { return r < column.cells.size() ? column.cells[r] : std::string(); });
  return out;
}

/// A value as text: integers in base 10, floating point in the shortest form that reads back the
/// same, other scalars through `to_string` found by argument-dependent lookup (ctnn::meta::fraction).
template <class T>
std::string cell_text(const T& value) {
  if constexpr (std::is_same_v<T, bool>) {
    return value ? "1" : "0";
  } else if constexpr (std::is_integral_v<T>) {
    return std::to_string(value);
  } else if constexpr (std::is_floating_point_v<T>) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
  } else {
    using std::to_string;
    return to_string(value);
  }
}

namespace detail {
inline std::vector<std::string> output_headers(std::initializer_list<std::string_view> names,
                                               std::size_t outputs) {
  std::vector<std::string> headers(names.begin(), names.end());
  for (std::size_t o = headers.size(); o < outputs; ++o)
    headers.push_back(outputs == 1 ? std::string("output") : "output" + std::to_string(o));
  headers.resize(outputs);
  return headers;
}

template <record R, network_like Net, class Dom, class... Decisions>
std::string format_value_table(const Net& net, const Dom& dom,
                               std::initializer_list<std::string_view> output_names,
                               const Decisions&... decisions) {
  static_assert(check_record_fields<R, Net::input_size>());
  static_assert(is_domain_v<Dom>, "ctnn::format_truth_table: 'dom' must be a ctnn::domain");
  std::vector<text_column> inputs;
  for (const auto name : field_names<R>()) inputs.push_back({std::string(name), {}});
  std::vector<text_column> outputs;
  for (auto& header : output_headers(output_names, Net::output_size)) outputs.push_back({header, {}});
  std::vector<text_column> extra{text_column{std::string(decisions.name), {}, true}...};
  for (std::size_t r = 0; r < Dom::size(); ++r) {
    const auto x = dom.row(r);
    for (std::size_t i = 0; i < Dom::input_count; ++i) inputs[i].cells.push_back(cell_text(x[i]));
    const auto y = net(to_network_input<Net>(x));
    for (std::size_t o = 0; o < Net::output_size; ++o) outputs[o].cells.push_back(cell_text(y[o]));
    std::size_t k = 0;
    ((extra[k++].cells.push_back(std::string(decisions.decide(y)))), ...);
  }
  std::vector<std::vector<text_column>> groups{inputs, outputs};
  if (!extra.empty()) groups.push_back(extra);
  return format_columns(groups);
}
}  // namespace detail

/// The truth table of `net` over `dom` (default: {0,1}^inputs) as text, the record's field names as
/// the input columns' headers, then the outputs (named `output_names`, or output / output0, output1,
/// ...), then any decision columns:
///
///     design quality | output
///          0       0 |      0
///          0       1 |     10   ...
template <record R, network_like Net>
std::string format_truth_table(const Net& net) {
  return detail::format_value_table<R>(net, boolean_inputs<Net::input_size>, {});
}
template <record R, network_like Net, class Dom, class... F>
std::string format_truth_table(const Net& net, const Dom& dom,
                               std::initializer_list<std::string_view> output_names = {},
                               const decision_column<F>&... decisions) {
  return detail::format_value_table<R>(net, dom, output_names, decisions...);
}

}  // namespace ctnn

#define CTNN_DETAIL_VERIFY_RECORD(name, Record, ...)                                                     \
  static constexpr auto name = ::ctnn::detail::make_record_task<Record>(__VA_ARGS__);                    \
  static constexpr auto CTNN_DETAIL_CONCAT(name, _report) = ::ctnn::detail::static_report<name>();       \
  static_assert(::ctnn::detail::show_record_failure<Record, CTNN_DETAIL_CONCAT(name, _report)>());       \
  static_assert(CTNN_DETAIL_CONCAT(name, _report).passed,                                                \
                "CTNN_VERIFY_RECORD: the network does not meet its specification on the row shown by "   \
                "ctnn::truth_table_row_mismatch<row, fields<field<'name', '=', 'value'>...>, expected, " \
                "actual> above")

/// `CTNN_VERIFY_RECORD(Record, net, spec, rule)` or `CTNN_VERIFY_RECORD(Record, net, spec, rule, domain)`:
/// CTNN_VERIFY with named inputs. The record's fields are the inputs in order (their count must equal
/// the network's input count); a reference function may take the record
/// (`ctnn::truth_table_of([](product p) { return p.design != p.quality; })`); a failing row is shown
/// with the field names: `ctnn::truth_table_row_mismatch<ctnn::row<3>, ctnn::fields<ctnn::field<'d',
/// 'e', 's', 'i', 'g', 'n', '=', '1'>, ctnn::field<'q', ...>>, ctnn::expected<0>, ctnn::actual<10>, ...>`.
#define CTNN_VERIFY_RECORD(Record, ...) \
  CTNN_DETAIL_VERIFY_RECORD(CTNN_DETAIL_CONCAT(ctnn_record_verification_, __COUNTER__), Record, __VA_ARGS__)
