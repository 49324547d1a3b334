/// @file meta/truth_table.hpp
/// Domains of the meta form and their truth tables, as Hana sequences.
///
/// `ctnn::meta::domain(hana::tuple_c<int, 0, 1>, hana::tuple_c<int, 0, 1, 2>)`: one hana::tuple of
/// constants per input; `ctnn::meta::boolean_inputs<N>`: {0,1}^N as `hana::int_` constants. Rows are
/// numbered in the order of the value form's domains (domain.hpp): the last input changes fastest.
/// `ctnn::meta::named<product>(dom)`: the same rows, with a record's field names for the inputs
/// (diagnostics and printed tables show them).
///
/// `ctnn::meta::truth_table(net, dom)` is a hana::tuple with one `table_row` per row, whose
/// `inputs` and `outputs` are hana::tuples of constants: the whole table is a type, computed by the
/// compiler and readable at run time (hana::for_each, hana::value).
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <boost/hana/at.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>

#include <ctnn/diagnostic/errors.hpp>
#include <ctnn/diagnostic/fields.hpp>
#include <ctnn/meta/network.hpp>
#include <ctnn/record/record.hpp>

namespace ctnn::meta {

namespace detail {
template <class... Lists>
constexpr bool check_domain_values() {
  if constexpr ((is_constant_tuple_v<Lists> && ...))
    return all_constants<Lists...>::check();
  else
    return true;  // domain_t says what is wrong
}
}  // namespace detail

/// A finite domain of the meta form: input i takes the constants of `Lists` number i. `Record` is
/// `void`, or the record type whose fields name the inputs. Empty: all of it is in its type.
template <class Record, class... Lists>
struct domain_t {
  static_assert(sizeof...(Lists) > 0, "ctnn::meta::domain: a domain needs at least one input");
  static_assert((detail::is_constant_tuple_v<Lists> && ...),
                "ctnn::meta::domain: each input's values must be a hana::tuple of constants, e.g. "
                "hana::tuple_c<int, 0, 1, 2>");
  static_assert(((detail::tuple_size_v<Lists> > 0) && ...), "ctnn::meta::domain: every input needs a value");
  /// Whether every value has an exact constant. If not, one compile error names the type of the first
  /// that has not, and verifications over the domain stop there.
  static constexpr bool well_formed = detail::check_domain_values<Lists...>();
  // Instantiates the check with the class, without a second error of its own when it fails.
  static_assert(well_formed || true);

  /// The record whose fields name the inputs, or void.
  using record_type = Record;
  /// The number of inputs.
  static constexpr std::size_t input_count = sizeof...(Lists);
  /// The number of values of each input.
  static constexpr std::array<std::size_t, input_count> counts{detail::tuple_size_v<Lists>...};
  /// Number of rows: the product of the list sizes.
  static constexpr std::size_t size = (std::size_t{1} * ... * detail::tuple_size_v<Lists>);

  /// Digit i of row r: the index of input i's value in its list.
  static constexpr std::size_t digit(std::size_t r, std::size_t i) {
    for (std::size_t k = input_count; k-- > i + 1;) r /= counts[k];
    return r % counts[i];
  }

  /// The inputs of row R (0 <= R < size), a hana::tuple of constants.
  template <std::size_t R>
  static constexpr auto row() {
    static_assert(R < size, "ctnn::meta::domain_t::row<R>: R is past the last row");
    return row_at<R>(std::make_index_sequence<input_count>{});
  }
  /// Same, for `hana::size_c<R>`.
  template <std::size_t R>
  constexpr auto operator[](boost::hana::size_t<R>) const {
    return row<R>();
  }

 private:
  template <std::size_t R, std::size_t... I>
  static constexpr auto row_at(std::index_sequence<I...>) {
    return boost::hana::tuple<detail::element_t<Lists, digit(R, I)>...>{};
  }
};

/// `ctnn::meta::domain(hana::tuple_c<int, 0, 1>, hana::tuple_c<int, 0, 1, 2>)`: one list per input.
template <class... Lists>
constexpr domain_t<void, Lists...> domain(const Lists&...) {
  return {};
}

namespace detail {
template <std::size_t N, std::size_t... I>
constexpr auto boolean_domain(std::index_sequence<I...>) {
  return domain_t<void, std::remove_cvref_t<decltype(((void)I, boost::hana::tuple_c<int, 0, 1>))>...>{};
}
}  // namespace detail

/// {0,1}^N, as `hana::int_` constants.
template <std::size_t N>
inline constexpr auto boolean_inputs = detail::boolean_domain<N>(std::make_index_sequence<N>{});

/// The rows of `dom`, the inputs named by the fields of record `R` (their count must equal the
/// domain's input count): `ctnn::meta::named<product>(ctnn::meta::boolean_inputs<2>)`.
template <record R, class Old, class... Lists>
constexpr domain_t<R, Lists...> named(const domain_t<Old, Lists...>&) {
  static_assert(ctnn::detail::check_record_fields<R, sizeof...(Lists)>());
  return {};
}

/// True for the types made by ctnn::meta's domain functions.
template <class T>
inline constexpr bool is_domain_v = false;
/// True: a domain made by ctnn::meta's domain functions.
template <class R, class... Lists>
inline constexpr bool is_domain_v<domain_t<R, Lists...>> = true;

/// One row of a meta truth table: its index, its inputs and the network's outputs (hana::tuples of
/// constants). Empty: `decltype(row.outputs)` is the answer.
template <std::size_t Index, class Inputs, class Outputs>
struct table_row {
  /// The row's index, in the domain's row order.
  static constexpr std::size_t index = Index;
  /// The row's inputs, a hana::tuple of constants.
  Inputs inputs;
  /// The network's outputs on them, a hana::tuple of constants.
  Outputs outputs;
};

namespace detail {
/// True when the network and the domain are well formed and fit together; otherwise false, and one
/// compile error has said why (the network's or the domain's own, or the one here).
template <class Net, class Dom>
constexpr bool check_domain() {
  if constexpr (!Net::well_formed) {
    return false;  // the network's error is shown
  } else if constexpr (!is_domain_v<Dom>) {
    static_assert(is_domain_v<Dom>,
                  "ctnn::meta: 'dom' must be a meta domain (ctnn::meta::domain, boolean_inputs)");
    return false;
  } else if constexpr (!Dom::well_formed) {
    return false;  // the domain's error is shown
  } else {
    return ctnn::detail::check_domain_inputs<Dom::input_count, Net::input_size>();
  }
}

template <class Net, class Dom, std::size_t R>
using row_of =
    table_row<R, decltype(Dom::template row<R>()), output_t<Net, decltype(Dom::template row<R>())>>;

template <class Net, class Dom, std::size_t... R>
constexpr auto table_of(std::index_sequence<R...>) {
  return boost::hana::tuple<row_of<Net, Dom, R>...>{};
}
}  // namespace detail

/// The truth table of `net` over `dom`: a hana::tuple of `table_row`s, in row order.
template <network_like Net, class Dom>
constexpr auto truth_table(const Net&, const Dom&) {
  if constexpr (!detail::check_domain<Net, Dom>())
    return boost::hana::tuple<>{};  // the error is shown, no row is computed
  else
    return detail::table_of<Net, Dom>(std::make_index_sequence<Dom::size>{});
}

/// The truth table over {0,1}^input_size.
template <network_like Net>
constexpr auto truth_table(const Net& net) {
  return truth_table(net, boolean_inputs<Net::input_size>);
}

}  // namespace ctnn::meta
