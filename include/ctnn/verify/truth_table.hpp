/// @file verify/truth_table.hpp
/// `ctnn::truth_table(net, domain)`: every row of a finite domain with the network's outputs,
/// computed in a constant expression (or at run time) in the domain's documented row order.
#pragma once

#include <array>
#include <cstddef>

#include <ctnn/diagnostic/errors.hpp>
#include <ctnn/model/network.hpp>
#include <ctnn/spec/domain.hpp>

namespace ctnn {

/// One row of a truth table: the inputs (as listed in the domain) and the network's outputs.
template <class V, std::size_t In, class T, std::size_t Out>
struct truth_table_row {
  /// The row's inputs, as listed in the domain.
  std::array<V, In> inputs;
  /// The network's outputs on them.
  std::array<T, Out> outputs;
  /// Same inputs and outputs.
  friend constexpr bool operator==(const truth_table_row&, const truth_table_row&) = default;
};

/// Converts a row of domain values to the network's input type.
template <network_like Net, class V, std::size_t N>
constexpr typename Net::input_type to_network_input(const std::array<V, N>& x) {
  static_assert(N == Net::input_size, "ctnn: the row has a different number of inputs than the network");
  typename Net::input_type converted{};
  for (std::size_t i = 0; i < N; ++i) converted[i] = static_cast<typename Net::scalar_type>(x[i]);
  return converted;
}

namespace detail {
template <class Net, class Dom>
constexpr bool check_domain() {
  return check_domain_inputs<Dom::input_count, Net::input_size>();
}
}  // namespace detail

/// The whole truth table of `net` over `dom`: `std::array` of `truth_table_row`, in row order.
/// Holds every row at once, so keep it for small domains; verification does not need it.
template <network_like Net, class Dom>
constexpr auto truth_table(const Net& net, const Dom& dom) {
  static_assert(is_domain_v<Dom>, "ctnn::truth_table(net, dom): 'dom' must be a ctnn::domain");
  using row = truth_table_row<typename Dom::value_type, Dom::input_count, typename Net::scalar_type,
                              Net::output_size>;
  std::array<row, Dom::size()> table{};
  if constexpr (detail::check_domain<Net, Dom>()) {  // else the named error is shown
    for (std::size_t r = 0; r < Dom::size(); ++r) {
      table[r].inputs = dom.row(r);
      table[r].outputs = net(to_network_input<Net>(table[r].inputs));
    }
  }
  return table;
}

/// The truth table over {0,1}^input_size.
template <network_like Net>
constexpr auto truth_table(const Net& net) {
  return truth_table(net, boolean_inputs<Net::input_size>);
}

}  // namespace ctnn
