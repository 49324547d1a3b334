/// @file verify/plan.hpp
/// The verification planner (not public API): splits a static verification into pieces, each one
/// constant expression that fits the compiler's default constexpr budget, from a cost model of one
/// row calibrated per compiler. The cost of an activation comes from its cost hint
/// (core/activation.hpp); the unrolled / looped shapes from the engine's own unroll_limit.
#pragma once

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <ctnn/config.hpp>
#include <ctnn/core/activation.hpp>
#include <ctnn/diagnostic/value.hpp>
#include <ctnn/spec/domain.hpp>
#include <ctnn/verify/sweep.hpp>

namespace ctnn {

/// Names a compile error: one row, evaluated directly, costs about `RowCost` units, more than the
/// compiler's constexpr budget `Budget` allows one constant expression (see CTNN_CONSTEXPR_BUDGET).
template <std::size_t RowCost, std::size_t Budget>
struct one_row_exceeds_the_constexpr_budget;

namespace detail {

/// The budget of one constant expression (CTNN_CONSTEXPR_BUDGET, config.hpp): define it to the raised
/// limit if you raise the compiler's (larger pieces compile faster).
inline constexpr std::size_t constexpr_budget = CTNN_CONSTEXPR_BUDGET;
/// g++ also limits each loop to 262144 iterations (-fconstexpr-loop-limit).
inline constexpr std::size_t rows_per_piece_limit = 200000;

/// Estimated cost, in budget units, of one row and of starting a piece of the sweep (sweep.hpp). The
/// factors were measured by finding, for a set of networks, the smallest -fconstexpr-steps (clang++)
/// or -fconstexpr-ops-limit (g++) under which a piece passes (docs/scale.md has the method and the
/// figures); each factor is about 1.5 times the largest measured value.
struct cost_model {
  std::size_t per_row;            // row bookkeeping, the spec and the rule
  std::size_t per_prefix_row;     // extra for the row-order (non-exact) sweep
  std::size_t per_unit;           // per first-layer unit, unrolled (<= unroll_limit units)
  std::size_t per_unit_looped;    // per first-layer unit, looped (> unroll_limit units)
  std::size_t per_multiply_add;   // in layers after the second
  std::size_t per_fold_multiply_add;  // in the second layer (fold expressions when unrolled)
  std::size_t per_call;           // an activation that is called, not inlined
  std::size_t per_smooth_call;    // sigmoid or tanh
  std::size_t setup, per_setup_value;  // per listed value and first-layer unit: products, Gray moves
};
/// The cost of one row evaluated directly (sweep_direct: the network's own constexpr path), per 16
/// multiply-adds of every layer, per unit, per input (reading the row), plus a constant. Measured
/// (docs/scale.md): clang++ 1.0 step per multiply-add plus about 17 per unit, g++ 41 operations per
/// multiply-add plus 40 to 280 per unit and input; the estimates are 1.16 to 1.6 times the measured
/// rows (16-16-1 to 784-256-10).
struct direct_cost_model {
  std::size_t per_16_multiply_adds, per_unit, per_input, per_row;
  std::size_t checked_percent;  // a row with every product and sum checked (overflow.hpp), in %:
                                // measured 143 (g++), 172 (clang++) on 64-64-64-1 int
};
#if defined(__clang__)
inline constexpr cost_model costs{60, 60, 1, 12, 12, 1, 10, 400, 4000, 50};
inline constexpr direct_cost_model direct_costs{19, 20, 10, 100, 200};
#else
inline constexpr cost_model costs{400, 900, 45, 150, 24, 24, 100, 700, 60000, 260};
inline constexpr direct_cost_model direct_costs{768, 170, 330, 2000, 200};
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

/// One row evaluated directly: every layer's multiply-adds and activations, reading the row's inputs.
template <class Net, std::size_t... K>
constexpr std::size_t direct_row_cost(std::index_sequence<K...>) {
  using layers = typename Net::layer_types;
  return direct_costs.per_row + Net::input_size * direct_costs.per_input +
         (... + (std::tuple_element_t<K, layers>::output_size *
                 (std::tuple_element_t<K, layers>::input_size * direct_costs.per_16_multiply_adds / 16 +
                  direct_costs.per_unit +
                  activation_cost_of<typename std::tuple_element_t<K, layers>::activation_type>())));
}

/// How CTNN_VERIFY(Task) is cut into pieces: by the sweep (a set-up per piece, then cheap rows), or row
/// by row directly (no set-up), whichever costs less in all; `rows` rows per piece.
struct plan {
  bool direct = false;
  bool guarded = false;  // direct rows guarded against overflow (signed integers, overflow.hpp)
  std::size_t rows = 1;
  std::size_t row_cost = 0;  // of the cheaper form that fits, or of a direct row when none fits
  bool fits = true;
};

template <class Task>
constexpr plan plan_of() {
  using Net = decltype(Task::net);
  using Dom = decltype(Task::dom);
  constexpr auto layers = std::make_index_sequence<Net::layer_count>{};
  constexpr std::size_t half = constexpr_budget / 2;
  // The sweep: a set-up per piece (the first layer's products and Gray moves for every listed value),
  // then each row. Pieces use at most half the budget (the factors are rough).
  constexpr std::size_t cost = row_cost<Net>(layers);
  constexpr std::size_t hidden = std::tuple_element_t<0, typename Net::layer_types>::output_size;
  constexpr std::size_t setup = costs.setup + Dom::value_count * hidden * costs.per_setup_value;
  constexpr bool sweep_fits = setup + cost <= half;
  constexpr std::size_t sweep_rows = sweep_fits ? (half - setup) / cost : 1;
  // Directly: no set-up, one row's whole evaluation each; the estimate is closer (within 15 %), so
  // a piece may use the budget but an eighth (left to the specification's and the rule's own work).
  constexpr std::size_t direct = direct_row_cost<Net>(layers);
  constexpr std::size_t usable = constexpr_budget - constexpr_budget / 8;
  constexpr bool direct_fits = direct <= usable;
  constexpr std::size_t direct_rows = direct_fits ? usable / direct : 1;
  constexpr std::size_t rows = Dom::size();
  // What all the pieces cost together (the compile time), for each form that fits.
  constexpr double sweep_total =
      static_cast<double>((rows + sweep_rows - 1) / sweep_rows) * static_cast<double>(setup) +
      static_cast<double>(rows) * static_cast<double>(cost);
  constexpr double direct_total = static_cast<double>(rows) * static_cast<double>(direct);
  plan p{};
  if (sweep_fits && (!direct_fits || sweep_total <= direct_total)) {
    p.rows = sweep_rows;
    p.row_cost = cost;
  } else {
    p.direct = true;
    p.rows = direct_rows;
    p.row_cost = direct;
    p.fits = direct_fits;
  }
  if (p.rows > rows_per_piece_limit) p.rows = rows_per_piece_limit;
  return p;
}

/// Whether the interval bounds show that no sum of CTNN_VERIFY(Task)'s rows overflows (overflow.hpp):
/// one constant expression of its own.
template <const auto& Task>
inline constexpr bool sums_stay_in_range = sums_cannot_overflow(Task.net, Task.dom);

/// The plan of CTNN_VERIFY(Task): plan_of its type, except for signed integers, whose sums must not
/// overflow (overflow.hpp). A sweep stands where the interval bounds show they cannot (computed when
/// they fit one constant expression: about six direct rows, measured 2.3 on g++ and 5.5 on clang++);
/// otherwise, and for every direct plan, the rows are evaluated directly, each guarded by the
/// network's norms (`guarded`), in pieces counted with the cost of a checked row (a row whose guard
/// fails is evaluated with every product and sum checked).
template <const auto& Task>
inline constexpr plan task_plan = [] {
  using Net = std::remove_cvref_t<decltype(Task.net)>;
  constexpr plan planned = plan_of<std::remove_cvref_t<decltype(Task)>>();
  if constexpr (!overflow_is_undefined_v<typename Net::scalar_type>) {
    return planned;
  } else {
    constexpr std::size_t direct = direct_row_cost<Net>(std::make_index_sequence<Net::layer_count>{});
    constexpr std::size_t usable = constexpr_budget - constexpr_budget / 8;
    if constexpr (!planned.direct && 6 * direct <= usable) {
      if constexpr (sums_stay_in_range<Task>) return planned;
    }
    plan p{};
    p.direct = true;
    p.guarded = true;
    // A row fits when its guards pass (a few operations per layer input more); pieces are counted at
    // the cost of checked rows, so that they fit even where every guard fails, except for a single
    // row that fits only guarded.
    p.row_cost = direct + direct / 10;
    p.fits = p.row_cost <= usable;
    const std::size_t checked = direct * direct_costs.checked_percent / 100;
    p.rows = checked < usable ? usable / checked : 1;
    if (p.rows > rows_per_piece_limit) p.rows = rows_per_piece_limit;
    return p;
  }
}();

/// The network's norms, for the guarded rows: one constant expression, once per CTNN_VERIFY.
template <const auto& Task>
inline constexpr auto task_norms = norms_of(Task.net);

template <const auto& Task>
constexpr std::size_t rows_per_piece() {
  constexpr plan p = task_plan<Task>;
  if constexpr (!p.fits) {
    static_assert(named_error<ctnn::one_row_exceeds_the_constexpr_budget<p.row_cost, constexpr_budget>>,
                  "CTNN_VERIFY: a single row of this network costs more than the compiler's default "
                  "constexpr budget (clang++: -fconstexpr-steps=1048576, g++: "
                  "-fconstexpr-ops-limit=33554432); verify it at run time with "
                  "REQUIRE(ctnn::verify(...)), or raise the limit and define CTNN_CONSTEXPR_BUDGET "
                  "to match; ctnn::one_row_exceeds_the_constexpr_budget<row cost, budget>");
    return 1;  // static_report stops before any piece
  } else {
    return p.rows;
  }
}

/// True when one row of CTNN_VERIFY(Task) fits a constant expression; otherwise also the compile
/// error ctnn::one_row_exceeds_the_constexpr_budget (rows_per_piece).
template <const auto& Task>
constexpr bool check_budget() {
  static_cast<void>(rows_per_piece<Task>());
  return task_plan<Task>.fits;
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
  constexpr plan p = task_plan<Task>;
  constexpr std::size_t rows = rows_per_piece<Task>();
  constexpr std::size_t end = (I + 1) * rows < Dom::size() ? (I + 1) * rows : Dom::size();
  if constexpr (p.direct && p.guarded)
    return sweep_direct(Task.net, Task.spec, Task.rule, Task.dom, I * rows, end, task_norms<Task>);
  else if constexpr (p.direct)
    return sweep_direct(Task.net, Task.spec, Task.rule, Task.dom, I * rows, end);
  else
    return sweep_uncached<8, gray_order<Task>>(Task.net, Task.spec, Task.rule, Task.dom, I * rows, end);
}();

/// The text of a domain value for a compile error: integers exactly, others as diagnostic decimals.
template <class V>
constexpr std::array<diagnostic_value, 1> value_text(const V& x) {
  std::array<diagnostic_value, 1> shown{};
  if constexpr (std::is_integral_v<V>) {
    shown[0].integral = false;
    const long long y = static_cast<long long>(x);
    if (y < 0) append(shown[0], '-');
    append_unsigned(shown[0], y < 0 ? 0ULL - static_cast<unsigned long long>(y) : static_cast<unsigned long long>(y));
  } else {
    shown[0] = to_diagnostic(x);
    shown[0].integral = false;
  }
  return shown;
}

/// True when no input of CTNN_VERIFY(Task)'s domain lists a value twice; otherwise also the compile
/// error ctnn::domain_lists_a_value_twice<input, ctnn::decimal<value>>.
template <const auto& Task>
constexpr bool check_distinct_values() {
  constexpr repeated_value repeat = first_repeated_value(Task.dom);
  if constexpr (repeat.found) {
    constexpr auto text = value_text(Task.dom.values[Task.dom.offset(repeat.input) + repeat.again]);
    static_assert(named_error<ctnn::domain_lists_a_value_twice<repeat.input, decimal_t<text, 0>>>,
                  "CTNN_VERIFY: the domain lists a value twice for one input, so its rows would repeat; "
                  "ctnn::domain_lists_a_value_twice<input, value> shows which");
    return false;
  }
  return true;
}

template <const auto& Task, std::size_t... I>
constexpr sweep_outcome sweep_pieces(std::index_sequence<I...>) {
  const sweep_outcome pieces[] = {piece_outcome<Task, I>...};  // an array, not a fold: no nesting limit
  sweep_outcome all{};
  for (const auto& piece : pieces) all.merge(piece);
  return all;
}

}  // namespace detail
}  // namespace ctnn
