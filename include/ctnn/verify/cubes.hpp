/// @file verify/cubes.hpp
/// Finite domains through bounds (not public API): when every row of a domain expects the same
/// decision (`ctnn::everywhere(e...)`, spec/specification.hpp) under a rule that bounds decide
/// (`ctnn::above(t)` or `ctnn::argmax`), verification first bounds the network over sub-cubes of the
/// domain (bounds/bounds.hpp) and evaluates only the rows of the sub-cubes that the bounds cannot
/// decide, with the same diagnostics as the row-by-row sweep.
///
/// The sub-cubes are row ranges. The domain's rows are numbered with input 0 most significant
/// (spec/domain.hpp); a range [begin, end) is split at the middle value index of its most
/// significant input that still takes more than one value. Every range so made fixes the inputs
/// before that one, takes a run of that input's listed values, and every value of the inputs after
/// it: a sub-cube, whose box holds, per input, the smallest and largest of the values it takes.
/// The ranges are searched depth first, the lower one first, which is row order: a range that the
/// bounds decide holds no failing and no overflowing row (the interval bounds are sound for the
/// network's own arithmetic, and for signed integers they prove that no partial sum overflows, see
/// docs/proofs.md); a range of at most `leaf_rows` rows that they do not decide is swept row by row
/// (sweep_direct, guarded for signed integers); so the first failing (or overflowing) row found is
/// the first in row order, the row the plain sweep reports.
#pragma once

#include <array>
#include <cstddef>
#include <ctnn/bounds/bounds.hpp>
#include <ctnn/bounds/box.hpp>
#include <ctnn/config.hpp>
#include <ctnn/core/interval.hpp>
#include <ctnn/model/network.hpp>
#include <ctnn/spec/rules.hpp>
#include <ctnn/verify/overflow.hpp>
#include <ctnn/verify/plan.hpp>
#include <ctnn/verify/sweep.hpp>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ctnn {
namespace detail {

/// Whether every output within the intervals `y` meets `rule` with the `expected` decisions: each
/// output's interval on the expected side of the threshold (`above(t)`: the decision is monotone in
/// the output), or the expected class's interval above every other (`argmax`: strictly above the
/// outputs before it, which win ties, and not below those after it).
template <class Rule, class T, std::size_t Out, class Expected>
constexpr bool intervals_decide(const Rule& rule, const std::array<interval<T>, Out>& y,
                                const Expected& expected) {
  // `expected`: a plain array or a std::array of E.
  constexpr std::size_t K = [] {
    if constexpr (std::is_array_v<Expected>)
      return std::extent_v<Expected>;
    else
      return std::tuple_size_v<Expected>;
  }();
  using E = std::remove_cvref_t<decltype(expected[0])>;
  if constexpr (requires { rule.decision_threshold(); }) {
    if constexpr (K != Out) {
      return false;
    } else {
      for (std::size_t o = 0; o < Out; ++o)
        if (static_cast<bool>(expected[o]) ? !rule.decision(y[o].lower) : rule.decision(y[o].upper))
          return false;
      return true;
    }
  } else if constexpr (std::is_same_v<Rule, argmax_t> && K == 1) {
    if (expected[0] < E(0) || !(static_cast<std::size_t>(expected[0]) < Out)) return false;
    const auto k = static_cast<std::size_t>(expected[0]);
    for (std::size_t j = 0; j < Out; ++j)
      if (j != k && (j < k ? !(y[j].upper < y[k].lower) : y[k].lower < y[j].upper)) return false;
    return true;
  } else {
    return false;
  }
}

/// Whether verification of Task goes through sub-cubes: a specification that expects the same
/// values on every row (`constant_values()`), a rule that interval bounds can decide, and a scalar
/// whose arithmetic is monotone (bounds.hpp).
template <class Net, class Spec, class Rule>
inline constexpr bool cubes_apply_v = [] {
  if constexpr (!requires(const Spec& s) { s.constant_values(); }) {
    return false;
  } else {
    using T = typename Net::scalar_type;
    return monotone_arithmetic_v<T> &&
           (requires(const Rule& r) { r.decision_threshold(); } || std::is_same_v<Rule, argmax_t>);
  }
}();

/// Ranges of at most this many rows are swept, not bounded (a box costs about 4 to 8 rows).
inline constexpr std::size_t leaf_rows = 8;

/// The depth-first search over sub-cubes: a stack of row ranges (the top is the next), what was
/// found, and statistics. `Capacity` bounds the depth: each split halves one input's run of values.
template <std::size_t Capacity>
struct cube_search {
  std::size_t begin[Capacity]{};
  std::size_t end[Capacity]{};
  std::size_t size = 0;
  /// Passed, or the first failing (overflowing) row.
  sweep_outcome outcome{};
  /// The stack is empty, or a row failed.
  bool finished = false;
  /// Boxes bounded, and rows evaluated one by one.
  std::size_t boxes = 0, rows_evaluated = 0;
};

/// The stack depth a search over Dom can reach: per input, the halvings of its value list.
template <class Dom>
constexpr std::size_t cube_capacity() {
  std::size_t depth = 1;
  for (std::size_t i = 0; i < Dom::input_count; ++i)
    for (std::size_t c = Dom::counts[i]; c > 1; c = (c + 1) / 2) ++depth;
  return depth + 1;
}

template <class Dom>
using cube_search_of = cube_search<cube_capacity<Dom>()>;

template <class Dom>
constexpr cube_search_of<Dom> start_cubes() {
  cube_search_of<Dom> s{};
  s.begin[0] = 0;
  s.end[0] = Dom::size();
  s.size = 1;
  return s;
}

/// The box of the sub-cube [begin, end): per input, the smallest and largest value it takes there.
template <class T, class Dom>
constexpr box<T, Dom::input_count> cube_box(const Dom& dom, std::size_t begin, std::size_t end) {
  constexpr domain_tables<Dom> tables{};
  box<T, Dom::input_count> b{};
  for (std::size_t i = 0; i < Dom::input_count; ++i) {
    const std::size_t first = begin / tables.place[i] % tables.count[i];
    // The range takes every value of input i when it spans a whole period of it.
    const std::size_t last = end - begin >= tables.place[i] * tables.count[i]
                                 ? tables.count[i] - 1
                                 : (end - 1) / tables.place[i] % tables.count[i];
    const std::size_t from = end - begin >= tables.place[i] * tables.count[i] ? 0 : first;
    T lo = static_cast<T>(dom.values[tables.offset[i] + from]), hi = lo;
    for (std::size_t k = from + 1; k <= last; ++k) {
      const T v = static_cast<T>(dom.values[tables.offset[i] + k]);
      lo = v < lo ? v : lo;
      hi = hi < v ? v : hi;
    }
    b.ranges[i] = {lo, hi};
  }
  return b;
}

/// Where [begin, end) splits: at the middle value of its most significant input that takes more
/// than one value there.
template <class Dom>
constexpr std::size_t cube_split(std::size_t begin, std::size_t end) {
  constexpr domain_tables<Dom> tables{};
  for (std::size_t i = 0; i < Dom::input_count; ++i) {
    // Input i takes several values: end - begin is their count times place[i] (the inputs after
    // it take all theirs).
    if (end - begin > tables.place[i]) return begin + (end - begin) / tables.place[i] / 2 * tables.place[i];
  }
  return begin + (end - begin) / 2;  // not reached: one value per input is one row
}

/// The planner's cost (plan.hpp) of a row evaluated directly, and of a sub-cube's box: its values'
/// extremes and the interval bounds (two sums per unit and the picks), counted as rows: measured
/// on a 32-16-1 double network over {0,1}^32 (the smallest -fconstexpr-steps / -fconstexpr-ops-limit
/// that passes): 11,600 clang++ steps per box (1,133 boxes), 8.4 of the planner's rows; 155,000 g++
/// operations for one box with the set-up, 3.8 rows. Counted as 12 and 6 rows.
template <class Net>
inline constexpr std::size_t cube_row_cost =
    direct_row_cost<Net>(std::make_index_sequence<Net::layer_count>{});
#if defined(__clang__)
inline constexpr std::size_t cube_box_rows = 12;
#else
inline constexpr std::size_t cube_box_rows = 6;
#endif
template <class Net, class Dom>
inline constexpr std::size_t cube_box_cost = cube_box_rows* cube_row_cost<Net> + 16 * Dom::value_count + 200;

/// Advances the search by about `budget` units of the planner's cost model (plan.hpp): pops ranges,
/// bounds them, sweeps the small ones it cannot decide, splits the others.
template <class Net, class Spec, class Rule, class Dom, std::size_t Capacity>
constexpr cube_search<Capacity> advance_cubes(const Net& net, const Spec& spec, const Rule& rule,
                                              const Dom& dom, cube_search<Capacity> s, std::size_t budget) {
  using T = typename Net::scalar_type;
  [[maybe_unused]] layer_norms<Net> norms{};
  if constexpr (overflow_is_undefined_v<T>) norms = norms_of(net);
  std::size_t spent = 0;
  while (s.size > 0 && spent < budget) {
    --s.size;
    const std::size_t b = s.begin[s.size], e = s.end[s.size];
    if (e - b <= leaf_rows) {
      sweep_outcome o{};
      if constexpr (overflow_is_undefined_v<T>)
        o = sweep_direct(net, spec, rule, dom, b, e, norms);
      else
        o = sweep_direct(net, spec, rule, dom, b, e);
      s.rows_evaluated += o.passed ? e - b : o.first_failing_row - b + 1;
      spent += (e - b) * cube_row_cost<Net>;
      if (!o.passed) {
        s.outcome = o;
        s.finished = true;
        break;
      }
      continue;
    }
    const auto bounds = ctnn::bounds(net, cube_box<T>(dom, b, e));
    ++s.boxes;
    spent += cube_box_cost<Net, Dom>;
    if (bounds.known() && intervals_decide(rule, bounds.outputs, spec.values)) continue;
    const std::size_t m = cube_split<Dom>(b, e);
    s.begin[s.size] = m, s.end[s.size] = e;  // the upper part after the lower one
    s.begin[s.size + 1] = b, s.end[s.size + 1] = m;
    s.size += 2;
  }
  s.finished = s.size == 0 || s.finished;
  s.outcome.by_bounds = true;
  s.outcome.boxes = s.boxes;
  s.outcome.rows_evaluated = s.rows_evaluated;
  return s;
}

/// The whole search in one go (ctnn::verify): the outcome, with its statistics.
template <class Net, class Spec, class Rule, class Dom>
constexpr sweep_outcome sweep_cubes(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom) {
  return advance_cubes(net, spec, rule, dom, start_cubes<Dom>(), static_cast<std::size_t>(-1)).outcome;
}

/// How many constant expressions CTNN_VERIFY's search over sub-cubes may take (each within the
/// compiler's default budget, as the row pieces): CTNN_VERIFY_BOUNDS_PIECES, default 64.
#ifndef CTNN_VERIFY_BOUNDS_PIECES
#define CTNN_VERIFY_BOUNDS_PIECES 64
#endif
inline constexpr std::size_t cube_pieces = CTNN_VERIFY_BOUNDS_PIECES;

/// What one piece may spend: half the budget, less its costliest step (a box, or a leaf's rows).
template <class Net, class Dom>
inline constexpr std::size_t cube_piece_budget = [] {
  const std::size_t step = cube_box_cost<Net, Dom> > leaf_rows * cube_row_cost<Net>
                               ? cube_box_cost<Net, Dom>
                               : leaf_rows * cube_row_cost<Net>;
  return constexpr_budget / 2 > step ? constexpr_budget / 2 - step : std::size_t{1};
}();

/// Piece P of CTNN_VERIFY(Task)'s search: one constant expression; piece 0 starts it.
template <const auto& Task, std::size_t P>
inline constexpr auto cube_piece = [] {
  using Net = std::remove_cvref_t<decltype(Task.net)>;
  using Dom = std::remove_cvref_t<decltype(Task.dom)>;
  if constexpr (P == 0) {
    return advance_cubes(Task.net, Task.spec, Task.rule, Task.dom, start_cubes<Dom>(),
                         cube_piece_budget<Net, Dom>);
  } else {
    constexpr auto& previous = cube_piece<Task, P - 1>;
    if constexpr (previous.finished)
      return previous;
    else
      return advance_cubes(Task.net, Task.spec, Task.rule, Task.dom, previous, cube_piece_budget<Net, Dom>);
  }
}();

/// The first finished piece, or the last when none is (the pieces are spent). The pieces are named in
/// order, so that each one's predecessor is a constant already (no nesting).
template <const auto& Task, std::size_t... P>
constexpr std::size_t first_finished_cube_piece(std::index_sequence<P...>) {
  constexpr bool finished[] = {cube_piece<Task, P>.finished...};
  for (std::size_t p = 0; p < sizeof...(P); ++p)
    if (finished[p]) return p;
  return sizeof...(P) - 1;
}

/// The search of CTNN_VERIFY(Task), as far as its pieces got.
template <const auto& Task>
inline constexpr auto cube_result =
    cube_piece<Task, first_finished_cube_piece<Task>(std::make_index_sequence<cube_pieces>{})>;

}  // namespace detail

/// Names a compile error: CTNN_VERIFY's bounds over sub-cubes did not settle every row within its
/// pieces' budget. Every row before `Row` (`ctnn::row<r>`) meets the specification; `Boxes` boxes
/// were bounded and `Rows` rows evaluated.
template <class Row, std::size_t Boxes, std::size_t Rows>
struct rows_undecided_within_budget;

}  // namespace ctnn
