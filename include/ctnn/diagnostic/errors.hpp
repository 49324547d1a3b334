/// @file diagnostic/errors.hpp
/// Named compile errors shared by several parts of ctnn (the value form, the type-level form, named
/// records). Each is declared and never defined: ctnn names it in `sizeof(...)` right after a
/// `static_assert` that explains the mistake, so that the compiler also prints the sizes or types
/// involved as template arguments. Errors that belong to one part only are declared there.
#pragma once

#include <cstddef>

namespace ctnn {

/// Names a compile error: layer `Layer` produces `Outputs` values but layer `Next` (= Layer + 1)
/// takes `Inputs`. Layers are counted from 0.
template <std::size_t Layer, std::size_t Outputs, std::size_t Next, std::size_t Inputs>
struct layer_sizes_do_not_match;

/// Names a compile error: the network takes `NetworkInputs` values, the array (or tuple) holds
/// `GivenInputs`.
template <std::size_t NetworkInputs, std::size_t GivenInputs>
struct input_count_differs_from_network;

/// Names a compile error: the domain has `DomainInputs` inputs, the network `NetworkInputs`.
template <std::size_t DomainInputs, std::size_t NetworkInputs>
struct domain_input_count_differs_from_network;

/// Names a compile error: a table literal has `TableRows` rows, the domain `DomainRows`.
template <std::size_t TableRows, std::size_t DomainRows>
struct table_rows_differ_from_domain_rows;

namespace detail {

/// True when a sequence of `Outputs` values fits one of `Inputs`; otherwise also the compile error
/// ctnn::layer_sizes_do_not_match<I, Outputs, I + 1, Inputs>.
template <std::size_t I, std::size_t Outputs, std::size_t Inputs>
constexpr bool check_adjacent() {
  if constexpr (Outputs != Inputs) {
    // An error here means that two adjacent layers do not fit: see the sizes in the template arguments.
    static_assert(Outputs == Inputs,
                  "ctnn::network: a layer's output size differs from the next layer's input size; "
                  "ctnn::layer_sizes_do_not_match<layer, outputs, next layer, inputs> shows which");
    return sizeof(layer_sizes_do_not_match<I, Outputs, I + 1, Inputs>) > 0;
  } else {
    return true;
  }
}

/// True when `Given` inputs are what a network of `Expected` inputs takes; otherwise also the compile
/// error ctnn::input_count_differs_from_network<Expected, Given>.
template <std::size_t Expected, std::size_t Given>
constexpr bool check_input_count() {
  if constexpr (Expected != Given) {
    static_assert(Expected == Given,
                  "ctnn: the number of inputs differs from the network's input count; "
                  "ctnn::input_count_differs_from_network<network inputs, given inputs> shows both");
    return sizeof(input_count_differs_from_network<Expected, Given>) > 0;
  }
  return true;
}

/// True when a domain of `DomainInputs` inputs fits a network of `NetworkInputs`; otherwise also the
/// compile error ctnn::domain_input_count_differs_from_network<DomainInputs, NetworkInputs>.
template <std::size_t DomainInputs, std::size_t NetworkInputs>
constexpr bool check_domain_inputs() {
  if constexpr (DomainInputs != NetworkInputs) {
    static_assert(DomainInputs == NetworkInputs,
                  "ctnn: the domain's input count differs from the network's; "
                  "ctnn::domain_input_count_differs_from_network<domain, network> shows both");
    return sizeof(domain_input_count_differs_from_network<DomainInputs, NetworkInputs>) > 0;
  }
  return true;
}

/// True when a table of `TableRows` rows fits a domain of `DomainRows`; otherwise also the compile
/// error ctnn::table_rows_differ_from_domain_rows<TableRows, DomainRows>.
template <std::size_t TableRows, std::size_t DomainRows>
constexpr bool check_table_rows() {
  if constexpr (TableRows != DomainRows) {
    static_assert(TableRows == DomainRows,
                  "ctnn::verify: the table literal must have one entry per row of the domain; "
                  "ctnn::table_rows_differ_from_domain_rows<table rows, domain rows> shows both");
    return sizeof(table_rows_differ_from_domain_rows<TableRows, DomainRows>) > 0;
  }
  return true;
}

}  // namespace detail
}  // namespace ctnn
