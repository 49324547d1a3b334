/// @file text/table.hpp
/// Truth tables as text at run time: the field names of a record (record/record.hpp) as the input
/// columns' headers, then the outputs, then any decision columns.
///
///     ctnn::format_truth_table<product>(buy)             // "design quality | output\n..."
#pragma once

#include <array>
#include <charconv>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <ctnn/model/network.hpp>
#include <ctnn/record/record.hpp>
#include <ctnn/spec/domain.hpp>
#include <ctnn/verify/truth_table.hpp>

namespace ctnn {

/// A column of a printed truth table computed from a row's outputs: `decision_column("decision",
/// [](const auto& outputs) { return outputs[0] > 0 ? "buy" : "not buy"; })`.
template <class F>
struct decision_column {
  /// The column's header.
  std::string_view name;
  /// The function from a row's outputs (a std::array; for a meta table, a hana::tuple of constants)
  /// to the cell's text.
  F decide;
  /// A column headed `column_name`, its cells computed by `function`.
  constexpr decision_column(std::string_view column_name, F function) : name(column_name), decide(function) {}
};

/// One column of text: a header and one cell per row, right-aligned (numbers) or left-aligned (words).
struct text_column {
  /// The header text.
  std::string header;
  /// One cell per row.
  std::vector<std::string> cells;
  /// Left-aligned (words) rather than right-aligned (numbers).
  bool left_aligned = false;
};

/// Columns side by side, each aligned within the widest of its header and cells, one space between
/// columns and " | " between groups; a line per row, the header line first, no trailing spaces.
inline std::string format_columns(const std::vector<std::vector<text_column>>& groups) {
  std::size_t rows = 0;
  for (const auto& group : groups)
    for (const auto& column : group) rows = column.cells.size() < rows ? rows : column.cells.size();
  auto line = [&](auto&& cell_of) {
    std::string out;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (g > 0) out += " | ";
      for (std::size_t c = 0; c < groups[g].size(); ++c) {
        const text_column& column = groups[g][c];
        std::size_t width = column.header.size();
        for (const auto& cell : column.cells) width = cell.size() < width ? width : cell.size();
        const std::string text = cell_of(column);
        const std::size_t padding = text.size() < width ? width - text.size() : 0;
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
std::string format_checked_value_table(const Net& net, const Dom& dom,
                                       std::initializer_list<std::string_view> output_names,
                                       const Decisions&... decisions);

template <record R, network_like Net, class Dom, class... Decisions>
std::string format_value_table(const Net& net, const Dom& dom,
                               std::initializer_list<std::string_view> output_names,
                               const Decisions&... decisions) {
  static_assert(is_domain_v<Dom>, "ctnn::format_truth_table: 'dom' must be a ctnn::domain");
  if constexpr (!check_record_fields<R, Net::input_size>())
    return std::string();  // the named error is shown, and nothing is formatted after it
  else
    return format_checked_value_table<R>(net, dom, output_names, decisions...);
}

/// The table, once the record is known to fit the network.
template <record R, network_like Net, class Dom, class... Decisions>
std::string format_checked_value_table(const Net& net, const Dom& dom,
                                       std::initializer_list<std::string_view> output_names,
                                       const Decisions&... decisions) {
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
/// Same, over `dom`, with output names and decision columns.
template <record R, network_like Net, class Dom, class... F>
std::string format_truth_table(const Net& net, const Dom& dom,
                               std::initializer_list<std::string_view> output_names = {},
                               const decision_column<F>&... decisions) {
  return detail::format_value_table<R>(net, dom, output_names, decisions...);
}

}  // namespace ctnn
