/// @file diagnostic/errors.hpp
/// Named compile errors shared by several parts of ctnn (the value form, the type-level form, named
/// records). Each is declared and never defined: ctnn names it in the condition of the
/// `static_assert` that explains the mistake, `static_assert(detail::named_error<E<...>>, "why")`, so
/// that the compiler prints, in that one error, the sizes or types involved as template arguments
/// (g++: "'named_error<E<...>>' evaluates to false"; clang++: "requirement 'named_error<E<...>>'").
/// The check then returns false and its caller stops there, so that no second error follows.
/// Errors that belong to one part only are declared there.
#pragma once

#include <cstddef>

#include <ctnn/config.hpp>

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
    static_assert(named_error<layer_sizes_do_not_match<I, Outputs, I + 1, Inputs>>,
                  "ctnn::network: a layer's output size differs from the next layer's input size; "
                  "ctnn::layer_sizes_do_not_match<layer, outputs, next layer, inputs> shows which");
    return false;
  } else {
    return true;
  }
}

/// True when `Given` inputs are what a network of `Expected` inputs takes; otherwise also the compile
/// error ctnn::input_count_differs_from_network<Expected, Given>.
template <std::size_t Expected, std::size_t Given>
constexpr bool check_input_count() {
  if constexpr (Expected != Given) {
    static_assert(named_error<input_count_differs_from_network<Expected, Given>>,
                  "ctnn: the number of inputs differs from the network's input count; "
                  "ctnn::input_count_differs_from_network<network inputs, given inputs> shows both");
    return false;
  }
  return true;
}

/// True when a domain of `DomainInputs` inputs fits a network of `NetworkInputs`; otherwise also the
/// compile error ctnn::domain_input_count_differs_from_network<DomainInputs, NetworkInputs>.
template <std::size_t DomainInputs, std::size_t NetworkInputs>
constexpr bool check_domain_inputs() {
  if constexpr (DomainInputs != NetworkInputs) {
    static_assert(named_error<domain_input_count_differs_from_network<DomainInputs, NetworkInputs>>,
                  "ctnn: the domain's input count differs from the network's; "
                  "ctnn::domain_input_count_differs_from_network<domain, network> shows both");
    return false;
  }
  return true;
}

/// True when a table of `TableRows` rows fits a domain of `DomainRows`; otherwise also the compile
/// error ctnn::table_rows_differ_from_domain_rows<TableRows, DomainRows>.
template <std::size_t TableRows, std::size_t DomainRows>
constexpr bool check_table_rows() {
  if constexpr (TableRows != DomainRows) {
    static_assert(named_error<table_rows_differ_from_domain_rows<TableRows, DomainRows>>,
                  "ctnn::verify: the table literal must have one entry per row of the domain; "
                  "ctnn::table_rows_differ_from_domain_rows<table rows, domain rows> shows both");
    return false;
  }
  return true;
}

}  // namespace detail
}  // namespace ctnn
