/// @file verify/sweep.hpp
/// The verification engine (not public API). Evaluates a range of a domain's rows against a specification, the way
/// verification needs it: everything through references to local buffers (so g++ memoises nothing
/// per row and its memory stays flat), and, for scalars whose addition is exact, in reflected
/// mixed-radix Gray-code order, where each row differs from the previous one in a single input, so
/// the first layer's sums are updated by one input's column instead of being recomputed.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <tuple>
#include <utility>
#include <type_traits>

#include <boost/hana/at.hpp>

#include <ctnn/core/activation.hpp>
#include <ctnn/core/scalar.hpp>
#include <ctnn/model/network.hpp>
#include <ctnn/spec/domain.hpp>
#include <ctnn/verify/overflow.hpp>
#include <ctnn/config.hpp>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

namespace ctnn {

namespace detail {

/// The outcome of a sweep: the lowest failing row index (in documented row order), if any, and
/// whether that row fails by overflowing the network's integer type (verify/overflow.hpp), where.
struct sweep_outcome {
  bool passed = true;
  std::size_t first_failing_row = 0;
  bool overflow = false;
  std::size_t overflow_layer = 0;
  std::size_t overflow_unit = 0;
  /// Through sub-cubes (cubes.hpp): the boxes bounded and the rows evaluated one by one.
  bool by_bounds = false;
  std::size_t boxes = 0;
  std::size_t rows_evaluated = 0;
  constexpr void merge(const sweep_outcome& other) {
    if (!other.passed && (passed || other.first_failing_row < first_failing_row)) *this = other;
  }
};

template <class Dom>
constexpr std::array<std::size_t, Dom::input_count> place_values() {
  std::array<std::size_t, Dom::input_count> weight{};
  std::size_t w = 1;
  for (std::size_t i = Dom::input_count; i-- > 0;) {
    weight[i] = w;
    w *= Dom::counts[i];
  }
  return weight;
}

/// Read-only copies of a domain's constants as plain arrays (indexed without function calls).
template <class Dom>
struct domain_tables {
  static constexpr std::size_t n = Dom::input_count;
  std::size_t count[n]{};
  std::size_t offset[n]{};
  std::size_t place[n]{};
  constexpr domain_tables() {
    constexpr auto places = place_values<Dom>();
    for (std::size_t i = 0; i < n; ++i) {
      count[i] = Dom::counts[i];
      offset[i] = Dom::offset(i);
      place[i] = places[i];
    }
  }
};

/// The index of the lowest set bit of `v` (v != 0).
constexpr int lowest_set_bit(std::size_t v) {
#if defined(__GNUC__)
  return __builtin_ctzll(v);
#else
  int bit = 0;
  while ((v & 1) == 0) v >>= 1, ++bit;
  return bit;
#endif
}

/// The widest first layer whose units the sweeps unroll into fold expressions (fold expressions of
/// more than 256 terms exceed clang's limit); wider ones loop. The planner counts both shapes.
inline constexpr std::size_t unroll_limit = 128;

/// The specification's reference function (its `reference()` capability), or the specification
/// itself when it has none (then unused).
template <class Spec>
constexpr const auto& reference_of(const Spec& spec) {
  if constexpr (requires { spec.reference(); })
    return spec.reference();
  else
    return spec;
}

/// The rule's threshold (its `decision_threshold()` capability), or 0 when it has none (then unused).
template <class Rule>
constexpr auto threshold_of(const Rule& rule) {
  if constexpr (requires { rule.decision_threshold(); })
    return rule.decision_threshold();
  else
    return 0;
}

// The set-up of a sweep, once per piece (the per-row work stays in sweep_rows: a call per row
// costs g++'s constant evaluator 6 to 11 % of its time, measured on 16-8-1 int at 2^16 rows).

/// products[offset(i) + k][o] = w[o][i] * (value k of input i): what each row's sums add.
/// (Every local array is written completely and in index order: g++ keeps a local array as the list
/// of elements stored so far, and indexes it directly only when that list is complete and in order.)
template <class Dom, class Layer, class V, std::size_t Values, class T, std::size_t Hidden>
constexpr void first_layer_products(const Layer& first, const V (&values)[Values], T (&products)[Values][Hidden]) {
  constexpr domain_tables<Dom> tables{};
  for (std::size_t i = 0; i < Dom::input_count; ++i)
    for (std::size_t k = 0; k < tables.count[i]; ++k)
      for (std::size_t o = 0; o < Hidden; ++o)
        products[tables.offset[i] + k][o] = multiply(first.weights[o][i], static_cast<T>(values[tables.offset[i] + k]));
}

/// Gray: moves[2 * (offset(i) + k) + 0][o] is what the sums gain when input i moves from value k to
/// k + 1, moves[... + 1][o] from k to k - 1; the last row, all zero, is "no move".
template <class Dom, class T, std::size_t Values, std::size_t Moves, std::size_t Hidden>
constexpr void gray_moves(const T (&products)[Values][Hidden], T (&moves)[Moves][Hidden]) {
  constexpr domain_tables<Dom> tables{};
  for (std::size_t i = 0; i < Dom::input_count; ++i)
    for (std::size_t k = 0; k < tables.count[i]; ++k) {
      const std::size_t at = tables.offset[i] + k;
      for (std::size_t o = 0; o < Hidden; ++o)
        moves[2 * at][o] = k + 1 < tables.count[i] ? T(products[at + 1][o] - products[at][o]) : T(0);
      for (std::size_t o = 0; o < Hidden; ++o)
        moves[2 * at + 1][o] = k > 0 ? T(products[at - 1][o] - products[at][o]) : T(0);
    }
  for (std::size_t o = 0; o < Hidden; ++o) moves[Moves - 1][o] = T(0);
}

/// Gray: the state at step `begin` (digits, directions, inputs, sums); returns its row index.
/// Digit i changes once per sweep of the digits after it, so after t = begin / place[i] such sweeps
/// it has gone t % K steps along its current pass, which runs up when the number of completed
/// passes, t / K, is even, and down when it is odd.
template <class Dom, class Layer, class V, std::size_t Values, class T, std::size_t Hidden, std::size_t N>
constexpr std::size_t gray_start(std::size_t begin, const Layer& first, const V (&values)[Values],
                                 const T (&products)[Values][Hidden], T (&sum)[Hidden], std::size_t (&digit)[N],
                                 bool (&up)[N], V (&x)[N]) {
  constexpr domain_tables<Dom> tables{};
  std::size_t row = 0;
  for (std::size_t o = 0; o < Hidden; ++o) sum[o] = first.biases[o];
  for (std::size_t i = 0; i < N; ++i) {
    const std::size_t sweeps = begin / tables.place[i];
    const std::size_t along = sweeps % tables.count[i];
    up[i] = (sweeps / tables.count[i]) % 2 == 0;
    digit[i] = up[i] ? along : tables.count[i] - 1 - along;
    row += digit[i] * tables.place[i];
    x[i] = values[tables.offset[i] + digit[i]];
    for (std::size_t o = 0; o < Hidden; ++o) sum[o] = T(sum[o] + products[tables.offset[i] + digit[i]][o]);
  }
  return row;
}

/// Row order: the digits and inputs of row `begin`, and the first partial sums (the biases).
template <class Dom, class Layer, class V, std::size_t Values, class T, std::size_t Hidden, std::size_t N>
constexpr void odometer_start(std::size_t begin, const Layer& first, const V (&values)[Values], T (&partial)[Hidden],
                              std::size_t (&digit)[N], V (&x)[N]) {
  constexpr domain_tables<Dom> tables{};
  for (std::size_t o = 0; o < Hidden; ++o) partial[o] = first.biases[o];
  for (std::size_t i = N, r = begin; i-- > 0; r /= tables.count[i]) {
    digit[i] = r % tables.count[i];
    x[i] = values[tables.offset[i] + digit[i]];
  }
}

/// A layer's weights and biases as plain arrays next to the loop: reading them through the network's
/// Hana tuple walks a chain of base classes and members at every access in clang's evaluator.
template <class Layer, class T, std::size_t Out, std::size_t In>
constexpr void copy_layer(const Layer& layer, T (&weights)[Out][In], T (&biases)[Out]) {
  for (std::size_t j = 0; j < Out; ++j) {
    biases[j] = layer.biases[j];
    for (std::size_t o = 0; o < In; ++o) weights[j][o] = layer.weights[j][o];
  }
}

/// Rows [begin, end) of the domain, in one of two orders.
///
/// Gray (scalars with exact addition): the reflected mixed-radix Gray code, where each step moves one
/// input to a neighbouring value of its list; the first layer's sums are kept up to date by adding
/// one precomputed difference per unit. The row index (documented order) is tracked alongside, and
/// the lowest failing index is reported.
///
/// Prefix (every other scalar, floating point included): documented row order. Each unit's sum is
/// built left to right, bias first, exactly as the run-time path builds it, but the partial sums
/// over inputs 0..k are kept, and a row recomputes only those after the first input that changed
/// (about two per row for {0,1}^N). Same operations in the same order: the same bits.
///
/// Either way the first layer's outputs feed the second layer's sums directly, written as fold
/// expressions over the unit indices `O...` when there are few enough units: one statement per
/// row, where loops would cost the constant evaluators several steps per unit.
template <bool Gray, class Net, class Spec, class Rule, class Dom, std::size_t... O, std::size_t... I>
constexpr sweep_outcome sweep_rows(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom,
                                   std::size_t begin, std::size_t end, std::index_sequence<O...>,
                                   std::index_sequence<I...>) {
  using T = typename Net::scalar_type;
  using V = typename Dom::value_type;
  constexpr std::size_t n = Dom::input_count;
  constexpr domain_tables<Dom> tables{};
  const auto& first = boost::hana::at_c<0>(net.layers);
  constexpr std::size_t hidden = std::remove_cvref_t<decltype(first)>::output_size;
  constexpr bool unrolled = hidden == sizeof...(O);
  constexpr bool binary = [] {
    for (std::size_t i = 0; i < n; ++i)
      if (Dom::counts[i] != 2) return false;
    return true;
  }();
  sweep_outcome outcome{};
  if (begin >= end) return outcome;
  V values[Dom::value_count]{};
  for (std::size_t k = 0; k < Dom::value_count; ++k) values[k] = dom.values[k];

  // The set-up (see the helpers above); every local array is written completely and in order.
  T products[Dom::value_count][hidden]{};
  first_layer_products<Dom>(first, values, products);

  constexpr std::size_t no_move = 2 * Dom::value_count;
  T moves[Gray ? no_move + 1 : 1][hidden]{};
  // Prefix: partial[k][o] = bias + the first k terms of unit o's sum (k < n; all n terms go to sum).
  T partial[Gray ? 1 : n][hidden]{};
  T sum[hidden]{};  // Gray: the current sums
  std::size_t digit[n]{};
  bool up[n]{};
  std::size_t row = begin;
  std::size_t move = no_move;
  std::size_t from = 0;  // Prefix: the first input whose term must be added again
  V x[n]{};
  if constexpr (Gray) {
    gray_moves<Dom>(products, moves);
    row = gray_start<Dom>(begin, first, values, products, sum, digit, up, x);
  } else {
    odometer_start<Dom>(begin, first, values, partial[0], digit, x);
  }

  // Layer 1's parameters, copied next to the loop (copy_layer).
  using second_layer = std::tuple_element_t<Net::layer_count == 1 ? 0 : 1, typename Net::layer_types>;
  const auto& second = boost::hana::at_c<Net::layer_count == 1 ? 0 : 1>(net.layers);
  // Rectifiers (relu) are written out below instead of called (core/activation.hpp).
  [[maybe_unused]] constexpr bool rectified0 = activation_traits<std::remove_cvref_t<decltype(first.activation)>>::rectifier;
  [[maybe_unused]] constexpr bool rectified1 = activation_traits<std::remove_cvref_t<decltype(second.activation)>>::rectifier;
  // The specification's reference function and the rule's threshold, when they have these
  // capabilities (spec/specification.hpp, spec/rules.hpp): the check below writes them out.
  constexpr bool by_reference = requires { spec.reference(); };
  [[maybe_unused]] const auto& reference = reference_of(spec);
  [[maybe_unused]] const auto threshold = threshold_of(rule);
  constexpr std::size_t out1 = second_layer::output_size;
  constexpr std::size_t in1 = second_layer::input_size;
  constexpr std::size_t at1 = layout_of<Net>::offsets[Net::layer_count == 1 ? 0 : 1];
  T second_weights[out1][in1]{};
  T second_biases[out1]{};
  copy_layer(second, second_weights, second_biases);
  T buffer[layout_of<Net>::size]{};
  constexpr std::size_t y = layout_of<Net>::offsets[Net::layer_count - 1];

  for (std::size_t step = begin;;) {
    // The first layer's sums for this row, in sum[] (Prefix: partial sums from input `from` on).
    if constexpr (!Gray) {
      for (std::size_t k = from; k < n; ++k) {
        const std::size_t at = tables.offset[k] + digit[k];
        if (k + 1 < n) {
          if constexpr (unrolled)
            ((partial[k + 1][O] = T(partial[k][O] + products[at][O])), ...);
          else
            for (std::size_t o = 0; o < hidden; ++o) partial[k + 1][o] = T(partial[k][o] + products[at][o]);
        } else {
          if constexpr (unrolled)
            ((sum[O] = T(partial[k][O] + products[at][O])), ...);
          else
            for (std::size_t o = 0; o < hidden; ++o) sum[o] = T(partial[k][o] + products[at][o]);
        }
      }
    }
    auto& sums = sum;
    if constexpr (unrolled && Net::layer_count > 1 && out1 == 1 && rectified0) {
      // One output in layer 1: its sum in one fold, each term updating a first-layer sum in passing
      // (Gray), so that nothing else is stored: stores into arrays are what g++ pays most for.
      T next;
      if constexpr (Gray)
        next = (second_biases[0] + ... +
                T(second_weights[0][O] * ((sums[O] = T(sums[O] + moves[move][O])) > T(0) ? sums[O] : T(0))));
      else
        next = (second_biases[0] + ... + T(second_weights[0][O] * (sums[O] > T(0) ? sums[O] : T(0))));
      if constexpr (rectified1)
        buffer[at1] = next > T(0) ? next : T(0);
      else
        buffer[at1] = second.activation(next);
    } else {
      if constexpr (unrolled) {
        if constexpr (Gray) ((sums[O] = T(sums[O] + moves[move][O])), ...);
        if constexpr (rectified0)
          ((buffer[O] = sums[O] > T(0) ? sums[O] : T(0)), ...);
        else
          ((buffer[O] = first.activation(sums[O])), ...);
      } else {
        for (std::size_t o = 0; o < hidden; ++o) {
          if constexpr (Gray) sums[o] = T(sums[o] + moves[move][o]);
          buffer[o] = first.activation(sums[o]);
        }
      }
      if constexpr (Net::layer_count > 1) {
        for (std::size_t j = 0; j < out1; ++j) {
          T next = second_biases[j];
          if constexpr (unrolled)
            next = (next + ... + T(second_weights[j][O] * buffer[O]));
          else
            for (std::size_t o = 0; o < hidden; ++o) next = T(next + T(second_weights[j][o] * buffer[o]));
          buffer[at1 + j] = second.activation(next);
        }
      }
    }
    if constexpr (Net::layer_count > 2) {
      constexpr typename Net::scalar_type unused_input[Net::input_size]{};  // layers >= 1 read only `buffer`
      evaluate_raw<2>(net, unused_input, buffer);
    }

    bool passes;
    // A reference function giving one value for a one-output network is called right here: every
    // call level costs the constant evaluator a frame per row.
    // The common case "output above a threshold of the network's own type, against a bool or a
    // value of that type" is written out too: each call is also a block of memory g++ never frees.
    if constexpr (Net::output_size == 1 && by_reference && requires {
                    requires std::is_same_v<std::remove_cvref_t<decltype(rule.decision_threshold())>, T>;
                    requires std::is_same_v<std::remove_cvref_t<decltype(reference(x[I]...))>, bool> ||
                                 std::is_same_v<std::remove_cvref_t<decltype(reference(x[I]...))>, T>;
                  })
      passes = (threshold < buffer[y]) == static_cast<bool>(reference(x[I]...));
    else if constexpr (Net::output_size == 1 && by_reference && requires {
                         requires std::is_arithmetic_v<std::remove_cvref_t<decltype(reference(x[I]...))>>;
                         rule.holds_value(buffer[y], reference(x[I]...));
                       })
      passes = rule.holds_value(buffer[y], reference(x[I]...));
    else
      passes = spec.template check<Net::output_size>(row, x, buffer, y, rule);
    if (!passes && (outcome.passed || row < outcome.first_failing_row)) {
      outcome.passed = false;
      outcome.first_failing_row = row;
      if constexpr (!Gray) return outcome;  // rows come in order: this is the first failing one
    }
    if (++step == end) return outcome;

    if constexpr (!Gray) {
      ++row;
      for (std::size_t i = n; i-- > 0;) {  // odometer: the last input changes fastest
        const bool wraps = ++digit[i] == tables.count[i];
        if (wraps) digit[i] = 0;
        x[i] = values[tables.offset[i] + digit[i]];
        if (!wraps) {
          from = i;
          break;
        }
      }
    } else if constexpr (binary) {
      // Binary reflected Gray code: step s -> s + 1 flips the input whose place value is the lowest
      // set bit of s + 1 (a builtin: one evaluation step, where a loop would take several).
#if defined(__GNUC__)
      const std::size_t i = n - 1 - static_cast<std::size_t>(__builtin_ctzll(step));
#else
      const std::size_t i = n - 1 - static_cast<std::size_t>(lowest_set_bit(step));
#endif
      const std::size_t old = digit[i];
      digit[i] = 1 - old;
      row ^= tables.place[i];
      move = 2 * (tables.offset[i] + old) + old;
      x[i] = values[tables.offset[i] + 1 - old];
    } else {
      for (std::size_t i = n; i-- > 0;) {  // move the last digit that can move; reflect those after it
        const std::size_t old = digit[i];
        if (up[i] ? old + 1 < tables.count[i] : old > 0) {
          const std::size_t now = up[i] ? old + 1 : old - 1;
          digit[i] = now;
          row = up[i] ? row + tables.place[i] : row - tables.place[i];
          move = 2 * (tables.offset[i] + old) + (up[i] ? 0 : 1);
          x[i] = values[tables.offset[i] + now];
          break;
        }
        up[i] = !up[i];
      }
    }
  }
}

/// |a * b| for integers, saturated at the largest unsigned long long.
constexpr unsigned long long magnitude_product(long long a, long long b) {
  const unsigned long long x = a < 0 ? 0ULL - static_cast<unsigned long long>(a) : static_cast<unsigned long long>(a);
  const unsigned long long y = b < 0 ? 0ULL - static_cast<unsigned long long>(b) : static_cast<unsigned long long>(b);
  if (x != 0 && y > ~0ULL / x) return ~0ULL;
  return x * y;
}

/// Whether the Gray sweep may be used. It never forms the partial sums that direct evaluation forms
/// (it adds differences of products to whole sums), so for integers it is used only when no partial
/// sum of any row can come near the type's range: |bias| + sum of the largest |w * value| per input,
/// doubled, must fit. Otherwise the row-order sweep runs: the very operations of direct evaluation,
/// whose overflow is a compile error. User types that declare exact addition are trusted.
template <class Net, class Dom>
constexpr bool gray_is_safe(const Net& net, const Dom& dom) {
  using T = typename Net::scalar_type;
  if constexpr (!std::is_integral_v<T>) {
    return exact_addition_v<T>;
  } else {
    const auto& first = boost::hana::at_c<0>(net.layers);
    constexpr std::size_t hidden = std::remove_cvref_t<decltype(first)>::output_size;
    constexpr auto limit = static_cast<unsigned long long>(std::numeric_limits<T>::max()) / 2;
    for (std::size_t o = 0; o < hidden; ++o) {
      unsigned long long bound = magnitude_product(static_cast<long long>(first.biases[o]), 1);
      for (std::size_t i = 0, at = 0; i < Dom::input_count; at += Dom::counts[i], ++i) {
        unsigned long long largest = 0;
        for (std::size_t k = 0; k < Dom::counts[i]; ++k) {
          const auto term = magnitude_product(static_cast<long long>(first.weights[o][i]),
                                              static_cast<long long>(dom.values[at + k]));
          largest = term > largest ? term : largest;
        }
        bound = largest > ~0ULL - bound ? ~0ULL : bound + largest;
      }
      if (bound > limit) return false;
    }
    return true;
  }
}

/// Rows [begin, end) in documented order, each evaluated by the network itself (`net(x)`): what
/// `ctnn::verify` does at run time for floating point, where the sweeps' expressions could be
/// contracted into fused multiply-adds by the optimiser, and `net(x)` cannot.
template <class Net, class Spec, class Rule, class Dom>
sweep_outcome sweep_at_run_time(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom,
                                std::size_t begin, std::size_t end) {
  using T = typename Net::scalar_type;
  for (std::size_t r = begin; r < end; ++r) {
    const auto row = dom.row(r);
    typename Dom::value_type x[Dom::input_count]{};
    typename Net::input_type input{};
    for (std::size_t i = 0; i < Net::input_size; ++i) x[i] = row[i], input[i] = static_cast<T>(row[i]);
    const auto outputs = net(input);
    T y[Net::output_size]{};
    for (std::size_t o = 0; o < Net::output_size; ++o) y[o] = outputs[o];
    // The specification's check, as in the compile-time sweep (a rule needs only `holds`).
    if (!spec.template check<Net::output_size>(r, x, y, 0, rule)) return {false, r};
  }
  return {};
}

/// Rows [begin, end) in documented order, each evaluated directly: the network's constexpr path
/// (`evaluate_raw`, what net(x) runs in a constant expression: the same bits), or, given the
/// network's `norms` (signed integers, overflow.hpp), the same operations guarded against overflow
/// (`evaluate_guarded`): the first row that overflows or fails stops the sweep. No set-up: the
/// planner (plan.hpp) takes it when the sweeps' set-up, a table of every listed value times every
/// first-layer unit, would cost more than the rows it saves (wide networks over few rows), and for
/// signed integers whose sums the interval bounds cannot keep in range.
template <bool Guarded, class Net, class Spec, class Rule, class Dom>
constexpr sweep_outcome sweep_direct(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom,
                                     std::size_t begin, std::size_t end, const layer_norms<Net>* norms) {
  using T = typename Net::scalar_type;
  constexpr std::size_t n = Dom::input_count;
  constexpr domain_tables<Dom> tables{};
  [[maybe_unused]] wide_t<T> first = 0;
  if constexpr (Guarded) first = largest_magnitude<T>(dom);
  for (std::size_t r = begin; r < end; ++r) {
    typename Dom::value_type x[n]{};
    T in[n]{};
    for (std::size_t i = n, q = r; i-- > 0; q /= tables.count[i]) {
      x[i] = dom.values[tables.offset[i] + q % tables.count[i]];
      in[i] = static_cast<T>(x[i]);
    }
    T buffer[layout_of<Net>::size]{};
    if constexpr (Guarded) {
      const overflow_site site = evaluate_guarded(net, *norms, first, in, buffer);
      if (site.found) return {false, r, true, site.layer, site.unit};
    } else {
      evaluate_raw(net, in, buffer);
    }
    if (!spec.template check<Net::output_size>(r, x, buffer, layout_of<Net>::offsets[Net::layer_count - 1], rule))
      return {false, r};
  }
  return {};
}

/// Rows [begin, end), directly (see above), unguarded.
template <class Net, class Spec, class Rule, class Dom>
constexpr sweep_outcome sweep_direct(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom,
                                     std::size_t begin, std::size_t end) {
  return sweep_direct<false>(net, spec, rule, dom, begin, end, static_cast<const layer_norms<Net>*>(nullptr));
}

/// Rows [begin, end), directly, guarded against overflow by the network's norms (norms_of(net)).
template <class Net, class Spec, class Rule, class Dom>
constexpr sweep_outcome sweep_direct(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom,
                                     std::size_t begin, std::size_t end, const layer_norms<Net>& norms) {
  return sweep_direct<true>(net, spec, rule, dom, begin, end, &norms);
}

/// Rows [begin, end) (documented order) or, when `Gray`, Gray-code steps [begin, end).
template <bool Gray, class Net, class Spec, class Rule, class Dom>
constexpr sweep_outcome sweep_in_order(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom,
                                       std::size_t begin, std::size_t end) {
  constexpr std::size_t hidden = std::tuple_element_t<0, typename Net::layer_types>::output_size;
  constexpr bool unroll = hidden <= unroll_limit;
  using units = std::make_index_sequence<unroll ? hidden : 0>;
  using inputs = std::make_index_sequence<Dom::input_count>;
  if constexpr (!Gray && !exact_addition_v<typename Net::scalar_type>) {
    if (!std::is_constant_evaluated()) return sweep_at_run_time(net, spec, rule, dom, begin, end);
  }
  return sweep_rows<Gray>(net, spec, rule, dom, begin, end, units{}, inputs{});
}

/// Whether rows are swept in Gray-code order: the one place this is decided (CTNN_VERIFY's pieces
/// ask it once each, ctnn::verify once per call). Only for scalars with exact addition, and for
/// integers only when no partial sum can overflow (gray_is_safe).
template <class Net, class Dom>
constexpr bool use_gray(const Net& net, const Dom& dom) {
  if constexpr (exact_addition_v<typename Net::scalar_type>)
    return gray_is_safe(net, dom);
  else
    return false;
}

/// Rows [begin, end) (documented order) or Gray-code steps [begin, end) (exact scalars, when safe);
/// signed integers whose sums the interval bounds cannot keep in range row by row, guarded
/// (sweep_direct).
template <class Net, class Spec, class Rule, class Dom>
constexpr sweep_outcome sweep(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom,
                              std::size_t begin, std::size_t end) {
  if constexpr (overflow_is_undefined_v<typename Net::scalar_type>) {
    // Few rows: guarding them costs less than the interval bounds (about six rows).
    if (Dom::size() <= 8 || !sums_cannot_overflow(net, dom))
      return sweep_direct(net, spec, rule, dom, begin, end, norms_of(net));
  }
  if (use_gray(net, dom)) return sweep_in_order<true>(net, spec, rule, dom, begin, end);
  return sweep_in_order<false>(net, spec, rule, dom, begin, end);
}

}  // namespace detail
}  // namespace ctnn

CTNN_DETAIL_PRECISE_FLOAT_END
