/// @file verify/plan.hpp
/// The verification planner (not public API): splits a static verification into pieces, each one
/// constant expression that fits the compiler's default constexpr budget, from a cost model of one
/// row calibrated per compiler. The cost of an activation comes from its cost hint
/// (core/activation.hpp); the unrolled / looped shapes from the engine's own unroll_limit.
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <ctnn/config.hpp>
#include <ctnn/core/activation.hpp>
#include <ctnn/verify/sweep.hpp>

namespace ctnn {

/// Names a compile error: one row (plus the start of a piece) costs about `RowCost` units, more than
/// half the compiler's constexpr budget `Budget` (see CTNN_CONSTEXPR_BUDGET).
template <std::size_t RowCost, std::size_t Budget>
struct one_row_exceeds_the_constexpr_budget;

namespace detail {

/// The budget of one constant expression (CTNN_CONSTEXPR_BUDGET, config.hpp): define it to the raised
/// limit if you raise the compiler's (larger pieces compile faster).
inline constexpr std::size_t constexpr_budget = CTNN_CONSTEXPR_BUDGET;
/// g++ also limits each loop to 262144 iterations (-fconstexpr-loop-limit).
inline constexpr std::size_t rows_per_piece_limit = 200000;

/// Estimated cost, in budget units, of one row and of starting a piece. The factors were measured by
/// finding, for a set of networks, the smallest -fconstexpr-steps (clang++) or -fconstexpr-ops-limit
/// (g++) under which 64 and then 192 rows pass (docs/scale.md has the method and the figures); each
/// factor here is the largest measured value times about 1.5.
struct cost_model {
  std::size_t per_row;            // row bookkeeping, the spec and the rule
  std::size_t per_prefix_row;     // extra for the row-order (non-exact) sweep
  std::size_t per_unit;           // per first-layer unit, unrolled (<= unroll_limit units)
  std::size_t per_unit_looped;    // per first-layer unit, looped (> unroll_limit units)
  std::size_t per_multiply_add;   // in layers after the second
  std::size_t per_fold_multiply_add;  // in the second layer (fold expressions when unrolled)
  std::size_t per_call;           // an activation that is called, not inlined
  std::size_t per_smooth_call;    // sigmoid or tanh
  std::size_t setup, per_setup_value;
};
#if defined(__clang__)
inline constexpr cost_model costs{60, 60, 1, 12, 12, 1, 10, 400, 4000, 8};
#else
inline constexpr cost_model costs{400, 900, 45, 150, 24, 24, 100, 700, 60000, 260};
#endif

/// What one application of an activation costs, from its cost hint (core/activation.hpp).
template <class Activation>
constexpr std::size_t activation_cost_of() {
  switch (activation_traits<Activation>::cost) {
    case activation_cost::inlined:
      return 0;
    case activation_cost::transcendental:
      return costs.per_smooth_call;
    case activation_cost::call:
      break;
  }
  return costs.per_call;
}

template <class Layer, bool Second>
constexpr std::size_t later_layer_cost() {
  constexpr bool folded = Second && Layer::input_size <= unroll_limit;
  return Layer::input_size * Layer::output_size *
             (folded ? costs.per_fold_multiply_add : costs.per_multiply_add) +
         Layer::output_size * (activation_cost_of<typename Layer::activation_type>() + costs.per_call);
}

template <class Net, std::size_t... K>
constexpr std::size_t row_cost(std::index_sequence<K...>) {
  using layers = typename Net::layer_types;
  using first = std::tuple_element_t<0, layers>;
  // The row-order sweep's extra cost is counted for every scalar: integers fall back to it when their
  // sums could overflow (detail::gray_is_safe).
  std::size_t cost = costs.per_row + costs.per_prefix_row;
  cost += first::output_size * ((first::output_size <= unroll_limit ? costs.per_unit : costs.per_unit_looped) +
                                activation_cost_of<typename first::activation_type>());
  return (cost + ... + (K == 0 ? 0 : later_layer_cost<std::tuple_element_t<K, layers>, K == 1>()));
}

template <class Task>
constexpr std::size_t rows_per_piece() {
  using Net = decltype(Task::net);
  using Dom = decltype(Task::dom);
  constexpr std::size_t cost = row_cost<Net>(std::make_index_sequence<Net::layer_count>{});
  constexpr std::size_t hidden = std::tuple_element_t<0, typename Net::layer_types>::output_size;
  constexpr std::size_t setup = costs.setup + Dom::value_count * hidden * costs.per_setup_value;
  if constexpr (cost + setup > constexpr_budget / 2) {
    static_assert(cost + setup <= constexpr_budget / 2,
                  "CTNN_VERIFY: a single row of this network costs more than the compiler's default "
                  "constexpr budget (clang++: -fconstexpr-steps=1048576, g++: "
                  "-fconstexpr-ops-limit=33554432); verify it at run time with "
                  "REQUIRE(ctnn::verify(...)), or raise the limit and define CTNN_CONSTEXPR_BUDGET "
                  "to match; ctnn::one_row_exceeds_the_constexpr_budget<row cost, budget>");
    return sizeof(ctnn::one_row_exceeds_the_constexpr_budget<cost + setup, constexpr_budget>);
  } else {
    constexpr std::size_t rows = (constexpr_budget / 2 - setup) / cost;
    return rows < rows_per_piece_limit ? rows : rows_per_piece_limit;
  }
}

/// `sweep_in_order<Gray>`, called Depth frames deep. g++ memoises constexpr calls whose arguments are
/// constants (the reference function's, for one) in a table that only grows, but only up to a nesting
/// depth of 8 (-fconstexpr-cache-depth): calls made below that depth are not stored, and memory stays
/// flat.
template <int Depth, bool Gray, class Net, class Spec, class Rule, class Dom>
constexpr sweep_outcome sweep_uncached(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom,
                                       std::size_t begin, std::size_t end) {
  if constexpr (Depth == 0)
    return sweep_in_order<Gray>(net, spec, rule, dom, begin, end);
  else
    return sweep_uncached<Depth - 1, Gray>(net, spec, rule, dom, begin, end);
}

/// Whether the pieces of CTNN_VERIFY(Task) use the Gray order: decided once per piece, in a constant
/// expression of its own.
template <const auto& Task>
inline constexpr bool gray_order = use_gray(Task.net, Task.dom);

/// Piece `I` of a static verification: one constant expression, one template instantiation.
template <const auto& Task, std::size_t I>
inline constexpr sweep_outcome piece_outcome = [] {
  using Dom = std::remove_cvref_t<decltype(Task.dom)>;
  constexpr std::size_t rows = rows_per_piece<std::remove_cvref_t<decltype(Task)>>();
  constexpr std::size_t end = (I + 1) * rows < Dom::size() ? (I + 1) * rows : Dom::size();
  return sweep_uncached<8, gray_order<Task>>(Task.net, Task.spec, Task.rule, Task.dom, I * rows, end);
}();

template <const auto& Task, std::size_t... I>
constexpr sweep_outcome sweep_pieces(std::index_sequence<I...>) {
  const sweep_outcome pieces[] = {piece_outcome<Task, I>...};  // an array, not a fold: no nesting limit
  sweep_outcome all{};
  for (const auto& piece : pieces) all.merge(piece);
  return all;
}

}  // namespace detail
}  // namespace ctnn
