/// @file proof/prove.hpp
/// Proofs over boxes of inputs (docs/proofs.md): `ctnn::prove(net, box, property)`, a branch and
/// bound over `ctnn::bounds`, usable in constant expressions and at run time (same function, same
/// verdict), and its static form `CTNN_PROVE(net, box, property)`, split into pieces that each fit
/// the compilers' default constexpr budgets. Properties: `ctnn::always(rule, expected...)` (the
/// decision of `ctnn::above(t)` or `ctnn::argmax` is the expected one at every input of the box) and
/// `ctnn::outputs_within(intervals)` (every output stays in its interval); robustness at a point,
/// `ctnn::prove_robust(net, point, radius, rule)`.
///
/// The verdict is `proven` only when every leaf of the split box has bounds that imply the
/// property, or is a single point where the network's own output meets it; `counterexample` comes
/// with an input of the box where the network's output (the bits of `net(x)`) violates it; anything
/// else, including a spent budget, is `unknown`.
#pragma once

#include <array>
#include <boost/hana/at.hpp>
#include <cstddef>
#include <cstdio>
#include <ctnn/config.hpp>
#include <ctnn/core/activations.hpp>
#include <ctnn/core/interval.hpp>
#include <ctnn/core/scalar.hpp>
#include <ctnn/diagnostic/errors.hpp>
#include <ctnn/diagnostic/fields.hpp>
#include <ctnn/diagnostic/value.hpp>
#include <ctnn/model/network.hpp>
#include <ctnn/record/record.hpp>
#include <ctnn/bounds/bounds.hpp>
#include <ctnn/bounds/box.hpp>
#include <ctnn/proof/linear_bounds.hpp>
#include <ctnn/spec/rules.hpp>
#include <ctnn/verify/cubes.hpp>
#include <ctnn/verify/plan.hpp>
#include <limits>
#include <tuple>
#include <type_traits>
#include <utility>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

namespace ctnn {

// ---------------------------------------------------------------------------------------------
// Properties. A property has `holds(y)` on a network's outputs, `proven_by(bounds)` (the bounds of
// a box imply it at every input of the box) and `descent(y)`, the direction in output space that
// leads toward a violation (a heuristic for the counterexample search; it never decides a verdict).

/// At every input of the box, `rule` finds the expected decision: `ctnn::above(t)` with one bool per
/// output ("output o is above t" when expected[o] is true, "not above" when false), or
/// `ctnn::argmax` with the class index. Made by `ctnn::always`.
template <class Rule, class E, std::size_t K>
struct decision_property {
  /// The rule (`ctnn::above(t)` or `ctnn::argmax`).
  Rule rule;
  /// The expected decisions: one per output (above), or the class (argmax).
  std::array<E, K> expected;

  /// Whether the outputs `y` meet the property (the rule's own decision).
  template <class T, std::size_t Out>
  constexpr bool holds(const std::array<T, Out>& y) const {
    return rule(y, expected);
  }

  /// Whether the bounds of a box (ctnn::bounds or ctnn::linear_bounds) imply the property at every
  /// input of the box.
  template <class Bounds>
  constexpr bool proven_by(const Bounds& bounds) const {
    const auto& b = bounds.outputs;
    constexpr std::size_t Out = std::tuple_size_v<std::remove_cvref_t<decltype(b)>>;
    if constexpr (requires { rule.decision_threshold(); }) {
      static_assert(K == Out, "ctnn::always(ctnn::above(t), ...): give one expected decision per output");
      // The decision "above t" is monotone in the output (verify/cubes.hpp).
      return detail::intervals_decide(rule, b, expected);
    } else {
      static_assert(
          std::is_same_v<Rule, argmax_t>,
          "ctnn::always: the rule must be ctnn::above(t) or ctnn::argmax (decisions that bounds decide)");
      static_assert(K == 1, "ctnn::always(ctnn::argmax, k): give one class index");
      using T = std::remove_cvref_t<decltype(b[0].lower)>;
      const auto k = static_cast<std::size_t>(expected[0]);
      if (k >= Out) return false;
      // argmax takes the first of equal outputs: class k needs y_j < y_k before k, y_j <= y_k after:
      // the bounds of y_k - y_j, from the linear bounds when there are (tighter than the intervals).
      for (std::size_t j = 0; j < Out; ++j) {
        if (j == k) continue;
        if (j < k ? b[j].upper < b[k].lower : !(b[k].lower < b[j].upper)) continue;
        std::array<T, Out> c{};
        c[k] = T(1);
        c[j] = T(-1);
        const auto d = combination_bounds(bounds, c);
        if (!d || (j < k ? !(T(0) < d->lower) : d->lower < T(0))) return false;
      }
      return true;
    }
  }

  /// The direction toward a violation, at outputs y: lower the output whose expected "above" is
  /// nearest to failing (raise it for "not above"), or the expected class against its strongest rival.
  template <class T, std::size_t Out>
  constexpr std::array<double, Out> descent(const std::array<T, Out>& y) const {
    std::array<double, Out> d{};
    if constexpr (std::is_arithmetic_v<T>) {
      if constexpr (requires { rule.decision_threshold(); }) {
        std::size_t worst = 0;
        double worst_margin = std::numeric_limits<double>::max();
        const double t = static_cast<double>(rule.decision_threshold());
        for (std::size_t o = 0; o < Out; ++o) {
          const double m =
              static_cast<bool>(expected[o]) ? static_cast<double>(y[o]) - t : t - static_cast<double>(y[o]);
          if (m < worst_margin) worst_margin = m, worst = o;
        }
        d[worst] = static_cast<bool>(expected[worst]) ? 1.0 : -1.0;
      } else {
        const auto k = static_cast<std::size_t>(expected[0]);
        if (k < Out) {
          std::size_t rival = k == 0 ? 1 % Out : 0;
          for (std::size_t j = 0; j < Out; ++j)
            if (j != k && y[rival] < y[j]) rival = j;
          d[k] = 1.0;
          if (rival != k) d[rival] = -1.0;
        }
      }
    }
    return d;
  }
};

/// The property "the decision of `rule` is `expected...` at every input": `ctnn::always(ctnn::above(0),
/// true)`
/// ("buy" everywhere), `ctnn::always(ctnn::argmax, 2)`.
template <class Rule, class... E>
requires(sizeof...(E) > 0)
constexpr decision_property<Rule, std::common_type_t<E...>, sizeof...(E)> always(Rule rule, E... expected) {
  return {rule, {static_cast<std::common_type_t<E...>>(expected)...}};
}

/// Every output o stays in `allowed[o]` at every input of the box. Made by `ctnn::outputs_within`.
template <scalar T, std::size_t Out>
struct outputs_within_property {
  /// The interval each output must stay in.
  std::array<interval<T>, Out> allowed;

  /// Whether every output lies in its interval.
  constexpr bool holds(const std::array<T, Out>& y) const {
    for (std::size_t o = 0; o < Out; ++o)
      if (!allowed[o].contains(y[o])) return false;
    return true;
  }
  /// Whether the bounds of a box lie in the allowed intervals.
  template <class Bounds>
  constexpr bool proven_by(const Bounds& b) const {
    for (std::size_t o = 0; o < Out; ++o)
      if (!allowed[o].contains(b.outputs[o])) return false;
    return true;
  }
  /// Toward the nearer end of the output with the least room.
  constexpr std::array<double, Out> descent(const std::array<T, Out>& y) const {
    std::array<double, Out> d{};
    if constexpr (std::is_arithmetic_v<T>) {
      std::size_t worst = 0;
      double room = std::numeric_limits<double>::max();
      bool down = true;
      for (std::size_t o = 0; o < Out; ++o) {
        const double below = static_cast<double>(y[o]) - static_cast<double>(allowed[o].lower);
        const double above = static_cast<double>(allowed[o].upper) - static_cast<double>(y[o]);
        if (below < room) room = below, worst = o, down = true;
        if (above < room) room = above, worst = o, down = false;
      }
      d[worst] = down ? 1.0 : -1.0;
    }
    return d;
  }
};

/// The property "every output o stays in allowed[o]".
template <scalar T, std::size_t Out>
constexpr outputs_within_property<T, Out> outputs_within(const std::array<interval<T>, Out>& allowed) {
  return {allowed};
}

// ---------------------------------------------------------------------------------------------
// Linear constraints over the outputs (the VNN-LIB form): atoms c . y <= d, combined by all_of and
// any_of; `ctnn::always(condition)` asks that the condition hold at every input of the box,
// `ctnn::never(condition)` that it hold at none (VNN-LIB states the unsafe outputs: never(them)).

/// Whether a condition holds: certainly not, not decided (the exact value is too close to call
/// from rounded arithmetic, or the bounds are too loose), certainly.
enum class truth { no, unsure, yes };

/// The atom c[0] * y_0 + c[1] * y_1 + ... <= d, in exact arithmetic on the network's outputs. Made
/// by `ctnn::constraint`.
template <scalar T, std::size_t Out>
struct output_constraint {
  /// The coefficients, one per output.
  std::array<T, Out> c{};
  /// The bound.
  T d{};

  /// The atom at outputs y: decided exactly for integers and, for floating point, when it
  /// compares one output with d or two outputs with each other (factors +-1); otherwise from
  /// outward-rounded bounds of c . y (unsure within a few ulps of the boundary).
  constexpr truth at(const std::array<T, Out>& y) const {
    if constexpr (std::is_floating_point_v<T>) {
      for (const T& v : y)
        if (v != v) return truth::unsure;
      std::size_t terms = 0, first = Out, second = Out;
      bool unit = true;
      for (std::size_t o = 0; o < Out; ++o) {
        if (c[o] == T(0)) continue;
        ++terms;
        (first == Out ? first : second) = o;
        unit = unit && (c[o] == T(1) || c[o] == T(-1));
      }
      if (unit && terms == 1) return decided(!(d < T(c[first] * y[first])));  // exact: a sign change
      if (unit && terms == 2 && d == T(0)) {  // c_a y_a + c_b y_b <= 0, exactly by comparison
        const T &a = y[first], &b = y[second];
        if (c[first] == c[second]) return decided(c[first] > T(0) ? !(T(-b) < a) : !(a < T(-b)));
        return decided(c[first] > T(0) ? !(b < a) : !(a < b));
      }
      std::array<interval<T>, Out> point{};
      for (std::size_t o = 0; o < Out; ++o) point[o] = {y[o], y[o]};
      return over(network_bounds<T, Out>{bounds_status::known, 0, 0, point});
    } else {
      network_bounds<T, Out> b{};
      for (std::size_t o = 0; o < Out; ++o) b.outputs[o] = {y[o], y[o]};
      return over(b);
    }
  }
  /// The atom over a box, from its bounds: yes when c . y <= d at every input, no when at none.
  template <class Bounds>
  constexpr truth over(const Bounds& b) const {
    const auto r = combination_bounds(b, c);
    if (!r) return truth::unsure;
    if (!(d < r->upper)) return truth::yes;
    return d < r->lower ? truth::no : truth::unsure;
  }
  /// d - c . y in double: how far the atom is from failing (a heuristic).
  constexpr double margin(const std::array<T, Out>& y) const {
    double v = static_cast<double>(d);
    for (std::size_t o = 0; o < Out; ++o) v -= static_cast<double>(c[o]) * static_cast<double>(y[o]);
    return v;
  }
  /// Adds the gradient of margin, times `sign`, to g.
  constexpr void gradient(const std::array<T, Out>&, double sign, std::array<double, Out>& g) const {
    for (std::size_t o = 0; o < Out; ++o) g[o] -= sign * static_cast<double>(c[o]);
  }

 private:
  static constexpr truth decided(bool yes) { return yes ? truth::yes : truth::no; }
};

/// The atom c . y <= d over a network's outputs: `ctnn::constraint(std::array{1.0, -1.0}, 0.0)` is
/// y_0 <= y_1.
template <scalar T, std::size_t Out>
constexpr output_constraint<T, Out> constraint(const std::array<T, Out>& c, const T& d) {
  return {c, d};
}

/// Conditions joined by "and" (`All` true) or "or". Made by `ctnn::all_of` and `ctnn::any_of`.
template <bool All, class... C>
struct joined_condition {
  /// The joined conditions.
  std::tuple<C...> parts;

  /// "and": the least truth of the parts; "or": the greatest.
  template <class Y>
  constexpr truth at(const Y& y) const {
    return join([&](const auto& part) { return part.at(y); });
  }
  /// Same over a box.
  template <class Bounds>
  constexpr truth over(const Bounds& b) const {
    return join([&](const auto& part) { return part.over(b); });
  }
  /// "and": the least margin of the parts; "or": the greatest.
  template <class Y>
  constexpr double margin(const Y& y) const {
    double m = All ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
    std::apply(
        [&](const auto&... part) {
          ((m = [&](double v) { return All ? (v < m ? v : m) : (m < v ? v : m); }(part.margin(y))), ...);
        },
        parts);
    return m;
  }
  /// The gradient of the first part that gives the margin.
  template <class Y, class G>
  constexpr void gradient(const Y& y, double sign, G& g) const {
    const double m = margin(y);
    bool done = false;
    std::apply(
        [&](const auto&... part) {
          ((done = done || (part.margin(y) == m && (part.gradient(y, sign, g), true))), ...);
        },
        parts);
  }

 private:
  template <class F>
  constexpr truth join(const F& f) const {
    truth t = All ? truth::yes : truth::no;
    std::apply(
        [&](const auto&... part) {
          ((t = [&](truth v) { return All ? (v < t ? v : t) : (t < v ? v : t); }(f(part))), ...);
        },
        parts);
    return t;
  }
};

/// Whether C is a condition over outputs (an atom, all_of or any_of).
template <class C>
inline constexpr bool is_output_condition_v = false;
/// An atom c·y <= d is a condition.
template <scalar T, std::size_t Out>
inline constexpr bool is_output_condition_v<output_constraint<T, Out>> = true;
/// So is a join of conditions.
template <bool All, class... C>
inline constexpr bool is_output_condition_v<joined_condition<All, C...>> = true;

/// Every condition holds.
template <class... C>
requires(sizeof...(C) > 0 && (is_output_condition_v<C> && ...))
constexpr joined_condition<true, C...> all_of(const C&... conditions) {
  return {{conditions...}};
}
/// At least one condition holds.
template <class... C>
requires(sizeof...(C) > 0 && (is_output_condition_v<C> && ...))
constexpr joined_condition<false, C...> any_of(const C&... conditions) {
  return {{conditions...}};
}

/// The property that a condition over the outputs holds (`Holds` true) at every input of the box,
/// or at none. Made by `ctnn::always(condition)` and `ctnn::never(condition)`.
template <class Condition, bool Holds>
struct condition_property {
  /// The condition.
  Condition condition;

  /// Whether the outputs y certainly meet the property.
  template <class T, std::size_t Out>
  constexpr bool holds(const std::array<T, Out>& y) const {
    return condition.at(y) == (Holds ? truth::yes : truth::no);
  }
  /// Whether they certainly violate it (a counterexample).
  template <class T, std::size_t Out>
  constexpr bool violated(const std::array<T, Out>& y) const {
    return condition.at(y) == (Holds ? truth::no : truth::yes);
  }
  /// Whether the bounds of a box imply the property at every input of the box.
  template <class Bounds>
  constexpr bool proven_by(const Bounds& b) const {
    return condition.over(b) == (Holds ? truth::yes : truth::no);
  }
  /// Toward a violation: the gradient of the condition's margin (of its opposite for never).
  template <class T, std::size_t Out>
  constexpr std::array<double, Out> descent(const std::array<T, Out>& y) const {
    std::array<double, Out> g{};
    condition.gradient(y, Holds ? 1.0 : -1.0, g);
    return g;
  }
};

/// The condition holds at every input of the box: `ctnn::always(ctnn::constraint(c, d))`.
template <class C>
requires is_output_condition_v<C>
constexpr condition_property<C, true> always(const C& condition) {
  return {condition};
}
/// The condition holds at no input of the box (VNN-LIB's unsafe outputs).
template <class C>
requires is_output_condition_v<C>
constexpr condition_property<C, false> never(const C& condition) {
  return {condition};
}

// ---------------------------------------------------------------------------------------------
// The branch and bound.

/// A box whose inputs are named by the fields of record R (field order is input order): proved as
/// the box it is, its counterexamples shown by field (`ctnn::fields`, as a named domain's rows).
/// Made by `ctnn::named<R>(box)`.
template <class R, class T, std::size_t N>
struct named_box : box<T, N> {
  /// The record whose fields name the inputs.
  using record_type = R;
};

/// `ctnn::named<product>(box)`: the same box, its inputs named by the record's fields (their count
/// must equal the box's input count).
template <record R, class T, std::size_t N>
constexpr named_box<R, T, N> named(const box<T, N>& region) {
  (void)detail::check_record_fields<R, N>();  // false: a named error is shown
  return {region};
}

/// The three verdicts of a proof.
enum class verdict {
  proven,          ///< the property holds at every input of the box
  counterexample,  ///< an input of the box violates it (`proof_result::counterexample`)
  unknown          ///< neither, within the budget or the depth
};

/// How `ctnn::prove` bounds a box.
enum class bound_method {
  intervals,  ///< `ctnn::bounds`: interval bound propagation
  linear      ///< `ctnn::linear_bounds`, never looser (floating point; integers get intervals)
};

/// Limits of a proof.
struct proof_options {
  /// At most this many boxes bounded (a spent budget gives `unknown`).
  std::size_t max_boxes = 1u << 20;
  /// A box split this many times is not split again (its leaf is `unknown` unless decided).
  std::size_t max_depth = 40;
  /// Pseudo-random inputs of the whole box evaluated first, in search of a counterexample (a fixed
  /// sequence: the same points at compile time and at run time). Arithmetic scalars only.
  std::size_t samples = 64;
  /// How each box is bounded (docs/proofs.md compares the two).
  bound_method method = bound_method::linear;
};

/// What `ctnn::prove` found, with statistics. Structural: all members public.
template <scalar T, std::size_t N, std::size_t Out>
struct proof_result {
  /// proven, counterexample or unknown.
  ctnn::verdict verdict = ctnn::verdict::unknown;
  /// The violating input (when the verdict is counterexample).
  std::array<T, N> counterexample{};
  /// The network's outputs there: `net(counterexample)`, bit for bit.
  std::array<T, Out> outputs{};
  /// Boxes whose bounds were computed.
  std::size_t boxes = 0;
  /// Leaves decided by their bounds or as a single point.
  std::size_t proven_leaves = 0;
  /// Leaves left undecided at the depth limit.
  std::size_t unknown_leaves = 0;
  /// Boxes still to explore when the proof stopped (the budget was spent when > 0).
  std::size_t remaining = 0;
  /// The deepest split reached.
  std::size_t depth = 0;
  /// The first undecided leaf (when unknown_leaves > 0) and its bounds: the best bound reached there.
  box<T, N> open_box{};
  /// The bounds of open_box.
  network_bounds<T, Out> open_bounds{};
  /// Whether the property is proven.
  constexpr bool proven() const { return verdict == ctnn::verdict::proven; }
};

namespace detail {

/// Whether outputs y violate the property: its `violated(y)` when it has one (a property that can be
/// undecided at a point), else not `holds(y)`.
template <class Property, class Y>
constexpr bool violates(const Property& property, const Y& y) {
  if constexpr (requires { property.violated(y); })
    return property.violated(y);
  else
    return !property.holds(y);
}

/// Whether a box's bounds prove the property: its `proven_by(bounds)`, or `proven_by(outputs)`
/// for a property that takes the output intervals only.
template <class Property, class Bounds>
constexpr bool bounds_prove(const Property& property, const Bounds& b) {
  if constexpr (requires { property.proven_by(b); })
    return property.proven_by(b);
  else
    return property.proven_by(b.outputs);
}

/// The bounds of box b by the chosen method: ctnn::linear_bounds, or ctnn::bounds (as constant
/// linear functions, for floating point; integers always get ctnn::bounds).
template <class Net, class T, std::size_t N>
constexpr auto box_bounds(const Net& net, const box<T, N>& b, bound_method method) {
  if constexpr (linear_bounds_scalar_v<T>) {
    if (method == bound_method::linear) return linear_bounds(net, b);
    const auto plain = bounds(net, b);
    network_linear_bounds<T, N, Net::output_size> r{};
    r.status = plain.status;
    r.layer = plain.layer;
    r.unit = plain.unit;
    r.outputs = plain.outputs;
    r.region = b;
    for (std::size_t o = 0; o < Net::output_size; ++o) {
      r.lower[o].constant = plain.outputs[o].lower;
      r.upper[o].constant = plain.outputs[o].upper;
    }
    return r;
  } else {
    static_cast<void>(method);
    return bounds(net, b);
  }
}

template <class T, std::size_t Out>
constexpr network_bounds<T, Out> interval_bounds_of(const network_bounds<T, Out>& b) {
  return b;
}
template <class T, std::size_t N, std::size_t Out>
constexpr network_bounds<T, Out> interval_bounds_of(const network_linear_bounds<T, N, Out>& b) {
  return {b.status, b.layer, b.unit, b.outputs};
}

/// The state of a proof between two of its pieces: the boxes still to explore (depth first) and the
/// result so far. Literal: one piece's value is the next one's input.
template <scalar T, std::size_t N, std::size_t Out, std::size_t Capacity>
struct proof_state {
  using scalar_type = T;
  static constexpr std::size_t input_count = N;
  box<T, N> stack[Capacity]{};
  std::size_t depths[Capacity]{};
  std::size_t size = 0;
  bool finished = false;
  proof_result<T, N, Out> result{};
};

/// Stack room for a depth-first split of at most `max_depth` levels (two children per split, one of
/// which waits on the stack per level).
inline constexpr std::size_t proof_stack_capacity = 48;

/// How much splitting input i narrows the first layer's sums: its width times the magnitudes of its
/// weights (in double; a heuristic, it never decides a verdict).
template <class Net, class T, std::size_t N>
constexpr std::size_t split_dimension(const Net& net, const box<T, N>& b, std::size_t depth) {
  if constexpr (std::is_arithmetic_v<T>) {
    const auto& first = boost::hana::at_c<0>(net.layers);
    using L = std::remove_cvref_t<decltype(first)>;
    std::size_t best = N;
    double best_score = -1;
    for (std::size_t i = 0; i < N; ++i) {
      if (!(b.ranges[i].lower < b.ranges[i].upper)) continue;
      double weight = 0;
      for (std::size_t o = 0; o < L::output_size; ++o) {
        const double w = static_cast<double>(first.weights[o][i]);
        weight += w < 0 ? -w : w;
      }
      const double width = static_cast<double>(b.ranges[i].upper) - static_cast<double>(b.ranges[i].lower);
      const double score = width * (weight > 0 ? weight : 1e-300);
      if (score > best_score) best_score = score, best = i;
    }
    return best;
  } else {
    for (std::size_t k = 0; k < N; ++k) {
      const std::size_t i = (depth + k) % N;
      if (b.ranges[i].lower < b.ranges[i].upper) return i;
    }
    return N;
  }
}

/// Splits interval r in two closed halves that cover it: [lower, m] and [m, upper] (floating point:
/// [lower, lower] and [upper, upper] when they are adjacent values), [lower, m] and [m + 1, upper]
/// for integers.
template <class T>
constexpr void split_interval(const interval<T>& r, interval<T>& left, interval<T>& right) {
  const T m = midpoint(r);
  if constexpr (std::is_integral_v<T>) {
    left = {r.lower, m};
    right = {T(m + 1), r.upper};
  } else {
    if (m == r.lower || m == r.upper) {
      left = {r.lower, r.lower};
      right = {r.upper, r.upper};
    } else {
      left = {r.lower, m};
      right = {m, r.upper};
    }
  }
}

/// The slope of a layer's activation at an output value, for the descent heuristic.
template <class A, class T>
constexpr double slope_at(const A& activation, const T& output) {
  if constexpr (activation_traits<A>::rectifier) {
    return output > T(0) ? 1.0 : 0.0;
  } else if constexpr (std::is_same_v<A, leaky_relu_t>) {
    return output < T(0) ? static_cast<double>(activation.numerator) / activation.denominator : 1.0;
  } else {
    static_cast<void>(activation);
    static_cast<void>(output);
    return 1.0;
  }
}

/// Back-propagates the descent direction through layer K (gradient at the centre's values).
template <std::size_t K, class Net, class T, std::size_t Size>
constexpr void descend_layer(const Net& net, const T (&values)[Size], double (&g)[Size]) {
  const auto& layer = boost::hana::at_c<K>(net.layers);
  using L = std::remove_cvref_t<decltype(layer)>;
  constexpr std::size_t from = K == 0 ? 0 : Net::input_size + layout_of<Net>::offsets[K - 1];
  constexpr std::size_t to = Net::input_size + layout_of<Net>::offsets[K];
  for (std::size_t i = 0; i < L::input_size; ++i) g[from + i] = 0;
  for (std::size_t o = 0; o < L::output_size; ++o) {
    const double back = g[to + o] * slope_at(layer.activation, values[to + o]);
    if (back == 0) continue;
    for (std::size_t i = 0; i < L::input_size; ++i)
      g[from + i] += static_cast<double>(layer.weights[o][i]) * back;
  }
}

/// Evaluates the network at `centre` (evaluate_raw: the bits of net(centre)); if the property fails
/// there, records the counterexample and returns true. Otherwise writes to `corner` the corner of
/// the box that the network's gradient at the centre points to, toward a violation (the centre's
/// value where the gradient is flat). One evaluation serves both. Arithmetic scalars only.
template <class Net, class Property, class T, std::size_t N, class Result, std::size_t... K>
constexpr bool centre_violates(const Net& net, const Property& property, const box<T, N>& b,
                               const std::array<T, N>& centre, Result& result, std::array<T, N>& corner,
                               std::index_sequence<K...>) {
  constexpr std::size_t size = Net::input_size + layout_of<Net>::size;
  T values[size]{};
  T in[N]{};
  for (std::size_t i = 0; i < N; ++i) values[i] = in[i] = centre[i];
  T buffer[layout_of<Net>::size]{};
  evaluate_raw(net, in, buffer);
  for (std::size_t k = 0; k < layout_of<Net>::size; ++k) values[N + k] = buffer[k];
  constexpr std::size_t last = layout_of<Net>::offsets[Net::layer_count - 1];
  std::array<T, Net::output_size> y{};
  for (std::size_t o = 0; o < Net::output_size; ++o) y[o] = buffer[last + o];
  if (violates(property, y)) {
    result.verdict = verdict::counterexample;
    result.counterexample = centre;
    result.outputs = y;
    return true;
  }
  double g[size]{};
  const std::array<double, Net::output_size> d = property.descent(y);
  for (std::size_t o = 0; o < Net::output_size; ++o) g[N + last + o] = d[o];
  (descend_layer<Net::layer_count - 1 - K>(net, values, g), ...);
  corner = centre;
  // The output falls along -g: take the end of each input that lowers it.
  for (std::size_t i = 0; i < N; ++i)
    if (g[i] > 0)
      corner[i] = b.ranges[i].lower;
    else if (g[i] < 0)
      corner[i] = b.ranges[i].upper;
  return false;
}

/// Whether the network violates the property at x; if so, records x as the counterexample.
template <class Net, class Property, class T, std::size_t N, class Result>
constexpr bool violated_at(const Net& net, const Property& property, const std::array<T, N>& x,
                           Result& result) {
  const auto y = net(x);
  if (!violates(property, y)) return false;
  result.verdict = verdict::counterexample;
  result.counterexample = x;
  result.outputs = y;
  return true;
}

/// Evaluates `count` pseudo-random inputs of `b` (a fixed linear congruential sequence, in double,
/// each input rounded to T and kept within its interval); true, with the counterexample recorded,
/// at the first that violates the property.
template <class Net, class Property, class T, std::size_t N, class Result>
constexpr bool sampled_violation(const Net& net, const Property& property, const box<T, N>& b,
                                 std::size_t count, Result& result) {
  unsigned long long state = 0x2545F4914F6CDD1DULL;
  for (std::size_t s = 0; s < count; ++s) {
    std::array<T, N> x{};
    for (std::size_t i = 0; i < N; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      const double u = static_cast<double>(state >> 11) / 9007199254740992.0;  // [0, 1)
      const double lo = static_cast<double>(b.ranges[i].lower), hi = static_cast<double>(b.ranges[i].upper);
      T v = static_cast<T>(lo + (hi - lo) * u);
      x[i] = v < b.ranges[i].lower ? b.ranges[i].lower : (b.ranges[i].upper < v ? b.ranges[i].upper : v);
    }
    if (violated_at(net, property, x, result)) return true;
  }
  return false;
}

/// Explores at most `boxes` more boxes of `state` (depth first), then returns it.
template <class Net, class Property, class State>
constexpr State advance(const Net& net, const Property& property, State state, std::size_t boxes,
                        const proof_options& options) {
  using T = typename State::scalar_type;
  constexpr std::size_t N = State::input_count;
  auto& r = state.result;
  for (std::size_t step = 0; step < boxes && state.size > 0 && !state.finished; ++step) {
    --state.size;
    const box<T, N> b = state.stack[state.size];
    const std::size_t depth = state.depths[state.size];
    if (r.boxes >= options.max_boxes) {
      ++state.size;
      break;
    }
    ++r.boxes;
    r.depth = depth > r.depth ? depth : r.depth;
    const auto nb = box_bounds(net, b, options.method);
    if constexpr (std::is_arithmetic_v<T>) {
      if (r.boxes == 1 && nb.known() && sampled_violation(net, property, b, options.samples, r)) {
        state.finished = true;
        break;
      }
    }
    if (nb.known() && bounds_prove(property, nb)) {
      ++r.proven_leaves;
      continue;
    }
    // The box's points are evaluated only where that is safe: where the bounds are known (no sum
    // can overflow: no undefined behaviour for integers, no infinity for floating point, which a
    // constant expression may not compute), or floating point under an activation without an image.
    const bool evaluable =
        nb.known() || (!std::is_integral_v<T> && nb.status == bounds_status::no_interval_image);
    if (evaluable) {
      const std::array<T, N> centre = b.centre();
      bool found = false;
      if constexpr (std::is_arithmetic_v<T>) {
        std::array<T, N> corner{};
        found = centre_violates(net, property, b, centre, r, corner,
                                std::make_index_sequence<Net::layer_count>{}) ||
                (corner != centre && violated_at(net, property, corner, r));
      } else {
        found = violated_at(net, property, centre, r);
      }
      if (found) {
        state.finished = true;
        break;
      }
    }
    const std::size_t i = split_dimension(net, b, depth);
    if (i == N && evaluable && property.holds(net(b.centre()))) {  // a single point where it holds
      ++r.proven_leaves;
      continue;
    }
    if (i == N || depth >= options.max_depth ||
        state.size + 2 > sizeof(state.stack) / sizeof(state.stack[0])) {
      if (r.unknown_leaves == 0) {
        r.open_box = b;
        r.open_bounds = interval_bounds_of(nb);
      }
      ++r.unknown_leaves;
      continue;
    }
    box<T, N> left = b, right = b;
    split_interval(b.ranges[i], left.ranges[i], right.ranges[i]);
    state.stack[state.size] = right;
    state.depths[state.size++] = depth + 1;
    state.stack[state.size] = left;
    state.depths[state.size++] = depth + 1;
  }
  if (state.size == 0 || state.finished || r.boxes >= options.max_boxes) state.finished = true;
  if (state.finished) {
    r.remaining = r.verdict == verdict::counterexample ? 0 : state.size;
    if (r.verdict != verdict::counterexample)
      r.verdict = r.unknown_leaves == 0 && state.size == 0 ? verdict::proven : verdict::unknown;
  }
  return state;
}

template <class Net, class T, std::size_t N>
using proof_state_of = proof_state<T, N, Net::output_size, proof_stack_capacity>;

template <class Net, class T, std::size_t N>
constexpr proof_state_of<Net, T, N> start_proof(const box<T, N>& region) {
  proof_state_of<Net, T, N> state{};
  state.stack[0] = region;
  state.size = 1;
  bool finite = true;
  if constexpr (std::is_floating_point_v<T>) {
    for (const interval<T>& r : region.ranges)
      finite = finite && within_magnitude(r.lower, std::numeric_limits<T>::max()) &&
               within_magnitude(r.upper, std::numeric_limits<T>::max());
  }
  if (!region.well_formed() || !finite) {
    state.size = 0;
    state.finished = true;
    state.result.unknown_leaves = 1;
    state.result.open_box = region;
    state.result.open_bounds.status = finite ? bounds_status::ill_formed_box : bounds_status::not_finite;
  }
  return state;
}

template <class Net, class T, std::size_t N>
constexpr void check_proof_arguments() {
  static_assert(
      std::is_same_v<T, typename Net::scalar_type>,
      "ctnn::prove: the box's scalar must be the network's (ctnn::scalar_cast<T>(net) converts a network)");
  static_assert(N == Net::input_size, "ctnn::prove: the box needs one interval per network input");
}

}  // namespace detail

/// `ctnn::prove` (below), for long runs: `progress(result, open)` is called after every `every`
/// boxes and once at the end, with the result so far (boxes bounded, depth, leaves proven and
/// undecided) and the number of boxes still open; the verdict and every figure are those of the
/// call without it. `ctnn::print_progress(stderr)` prints a line each time.
template <class Net, class T, std::size_t N, class Property, class Progress>
requires is_network_v<Net> &&
    std::is_invocable_v<Progress&, const proof_result<T, N, Net::output_size>&, std::size_t>
constexpr proof_result<T, N, Net::output_size> prove(const Net& net, const box<T, N>& region,
                                                     const Property& property, const proof_options& options,
                                                     Progress&& progress, std::size_t every = 100000) {
  detail::check_proof_arguments<Net, T, N>();
  proof_options limited = options;
  if (limited.max_depth + 2 > detail::proof_stack_capacity)
    limited.max_depth = detail::proof_stack_capacity - 2;
  auto state = detail::start_proof<Net>(region);
  while (!state.finished) {
    state = detail::advance(net, property, state, every > 0 ? every : 1, limited);
    progress(static_cast<const proof_result<T, N, Net::output_size>&>(state.result), state.size);
  }
  return state.result;
}

/// A progress callback for `ctnn::prove` that prints one line to `out` each time: boxes bounded,
/// boxes open, the deepest split, leaves proven and undecided.
inline auto print_progress(std::FILE* out) {
  return [out](const auto& r, std::size_t open) {
    std::fprintf(out, "ctnn::prove: %zu boxes bounded, %zu open, depth %zu, %zu leaves proven, %zu undecided\n",
                 r.boxes, open, r.depth, r.proven_leaves, r.unknown_leaves);
    std::fflush(out);
  };
}

/// Proves `property` over every input of `region`, or finds an input where it fails, by splitting
/// the box (branch and bound, depth first) until every leaf is decided by its bounds, a
/// counterexample is found, or `options`' limits are reached (then `unknown`). Each box is split in
/// two along the input with the largest width times the magnitude of its first-layer weights
/// (docs/proofs.md); at every undecided box the network is evaluated at the centre and at the corner
/// its gradient there points to, in search of a counterexample. A constant expression when the
/// work fits the compiler's budget (CTNN_PROVE splits it into pieces); at run time, the same steps
/// and the same verdict.
template <class Net, class T, std::size_t N, class Property>
requires is_network_v<Net>
constexpr proof_result<T, N, Net::output_size> prove(const Net& net, const box<T, N>& region,
                                                     const Property& property,
                                                     const proof_options& options = {}) {
  return prove(net, region, property, options, [](const auto&, std::size_t) {}, options.max_boxes);
}

/// The decision of `rule` at `point` (ctnn::above(t): one bool per output; ctnn::argmax: the class),
/// as a property: what robustness at that point asks of every input near it.
template <class Net, class T, std::size_t N, class Rule>
requires is_network_v<Net>
constexpr auto decision_at(const Net& net, const std::array<T, N>& point, const Rule& rule) {
  const auto y = net(point);
  if constexpr (requires { rule.decision_threshold(); }) {
    decision_property<Rule, bool, Net::output_size> p{rule, {}};
    for (std::size_t o = 0; o < Net::output_size; ++o) p.expected[o] = rule.decision(y[o]);
    return p;
  } else {
    static_assert(std::is_same_v<Rule, argmax_t>,
                  "ctnn::decision_at: the rule must be ctnn::above(t) or ctnn::argmax");
    return decision_property<Rule, std::size_t, 1>{rule, {rule.decision(y)}};
  }
}

/// Robustness at a point: every input within `radius` of `point` in every input (the L-infinity
/// ball, `ctnn::ball`, clipped to `within`) gets the point's decision under `rule`. Proven, or a
/// counterexample: an input of the ball whose decision differs.
template <class Net, class T, std::size_t N, class Rule>
requires is_network_v<Net>
constexpr proof_result<T, N, Net::output_size> prove_robust(const Net& net, const std::array<T, N>& point,
                                                            const T& radius, const Rule& rule,
                                                            const box<T, N>& within,
                                                            const proof_options& options = {}) {
  return prove(net, ball(point, radius, within), decision_at(net, point, rule), options);
}
/// Same, without clipping.
template <class Net, class T, std::size_t N, class Rule>
requires is_network_v<Net>
constexpr proof_result<T, N, Net::output_size> prove_robust(const Net& net, const std::array<T, N>& point,
                                                            const T& radius, const Rule& rule,
                                                            const proof_options& options = {}) {
  return prove(net, ball(point, radius), decision_at(net, point, rule), options);
}

// ---------------------------------------------------------------------------------------------
// The static form.

/// Names a compile error: the property fails at the input `Inputs` of the box, where the network's
/// outputs are `Outputs` (decimal text, 10 significant digits: `ctnn::prove` gives the exact bits).
template <class Inputs, class Outputs>
struct property_fails_at;
/// Names a compile error: the proof is unknown within the budget: `Boxes` boxes bounded,
/// `Remaining` still to explore, `Undecided` leaves at the depth limit; `Lower`/`Upper` are the
/// bounds of output 0 on the first undecided leaf (or 0 when none).
template <std::size_t Boxes, std::size_t Remaining, std::size_t Undecided, class Lower, class Upper>
struct proof_unknown_within_budget;
/// Names a compile error: one box of CTNN_PROVE's network is estimated at `BoxCost` budget units,
/// more than twice what one constant expression may spend, `Budget` (CTNN_CONSTEXPR_BUDGET).
template <std::size_t BoxCost, std::size_t Budget>
struct proof_box_exceeds_the_constexpr_budget;

/// A box's input values in a compile error (decimal text).
template <class... V>
struct inputs_shown {};
/// A network's outputs in a compile error (decimal text).
template <class... V>
struct outputs_shown {};
/// A bound in a compile error (decimal text).
template <class V>
struct bound_shown {};

namespace detail {

template <class Net, class Region, class Property>
struct proof_task {
  Net net;
  Region region;
  Property property;
};

template <class Net, class Region, class Property>
constexpr proof_task<Net, Region, Property> make_proof_task(const Net& net, const Region& region,
                                                            const Property& property) {
  return {net, region, property};
}

/// The cost of one box, in budget units: bounds (two sums per unit and the picks), the centre and
/// the corner evaluated, the descent: counted as 16 direct rows of plan.hpp's model (1.8 to 7 times
/// the measured cost, docs/proofs.md).
template <class Net>
constexpr std::size_t box_cost() {
  return 16 * direct_row_cost<Net>(std::make_index_sequence<Net::layer_count>{}) + 64 * Net::input_size +
         2000;
}

/// What linear bounds add per unit and per coefficient of its functions (N + 1 of them), in budget
/// units: measured 180 clang++ steps and 1,800 g++ operations for an 8-16-16-1 relu network
/// (docs/proofs.md), counted as 300 and 3,000.
#if defined(__clang__)
inline constexpr std::size_t linear_cost_per_unit_coefficient = 300;
#else
inline constexpr std::size_t linear_cost_per_unit_coefficient = 3000;
#endif

/// The cost of one box under linear bounds: box_cost, plus for each unit its N + 1 coefficients'
/// fixed cost and two multiply-adds per weight and coefficient (counted one and a half times).
template <class Net, std::size_t... K>
constexpr std::size_t linear_box_cost(std::index_sequence<K...>) {
  using layers = typename Net::layer_types;
  constexpr std::size_t coefficients = Net::input_size + 1;
  return box_cost<Net>() +
         (... + (std::tuple_element_t<K, layers>::output_size * coefficients *
                 (linear_cost_per_unit_coefficient +
                  3 * std::tuple_element_t<K, layers>::input_size * direct_costs.per_16_multiply_adds / 16)));
}

/// The cost of a box of CTNN_PROVE (default options: linear bounds for floating point).
template <class Net>
constexpr std::size_t proof_box_cost() {
  if constexpr (linear_bounds_scalar_v<typename Net::scalar_type>)
    return linear_box_cost<Net>(std::make_index_sequence<Net::layer_count>{});
  else
    return box_cost<Net>();
}

/// Boxes per piece of CTNN_PROVE, and the number of pieces (the budget of the whole proof).
template <class Net>
inline constexpr std::size_t boxes_per_piece = [] {
  const std::size_t usable = constexpr_budget / 2;
  const std::size_t per = usable / proof_box_cost<Net>();
  return per > 0 ? per : std::size_t{1};
}();
/// How many pieces CTNN_PROVE may take (CTNN_PROVE_PIECES, default 64).
#ifndef CTNN_PROVE_PIECES
#define CTNN_PROVE_PIECES 64
#endif
inline constexpr std::size_t prove_pieces = CTNN_PROVE_PIECES;

/// The options of CTNN_PROVE: the defaults, with no more samples than an eighth of a piece's budget
/// pays for (the first piece evaluates them besides its boxes' half: through six layers of 50, 64
/// samples alone cost g++ more than a whole piece).
template <class Net>
inline constexpr proof_options static_proof_options = [] {
  proof_options o{};
  const std::size_t affordable =
      constexpr_budget / 8 / direct_row_cost<Net>(std::make_index_sequence<Net::layer_count>{});
  if (o.samples > affordable) o.samples = affordable;
  return o;
}();

/// Piece P of CTNN_PROVE(Task): one constant expression; piece 0 starts the proof.
template <const auto& Task, std::size_t P>
inline constexpr auto proof_piece = [] {
  using Net = std::remove_cvref_t<decltype(Task.net)>;
  constexpr proof_options options = static_proof_options<Net>;
  if constexpr (P == 0) {
    return advance(Task.net, Task.property, start_proof<Net>(Task.region), boxes_per_piece<Net>, options);
  } else {
    constexpr auto& previous = proof_piece<Task, P - 1>;
    if constexpr (previous.finished)
      return previous;
    else
      return advance(Task.net, Task.property, previous, boxes_per_piece<Net>, options);
  }
}();

/// The first finished piece of CTNN_PROVE(Task), or the last piece when none is (the budget is spent).
/// The pieces are named in order, so that each one's predecessor is a constant already (no nesting).
template <const auto& Task, std::size_t... P>
constexpr std::size_t first_finished_piece(std::index_sequence<P...>) {
  constexpr bool finished[] = {proof_piece<Task, P>.finished...};
  for (std::size_t p = 0; p < sizeof...(P); ++p)
    if (finished[p]) return p;
  return sizeof...(P) - 1;
}

template <auto Values, std::size_t... I>
constexpr auto shown_values(std::index_sequence<I...>) {
  return inputs_shown<decimal_t<value_text(Values[I]), 0>...>{};
}
template <auto Values, std::size_t... I>
constexpr auto shown_outputs(std::index_sequence<I...>) {
  return outputs_shown<decimal_t<value_text(Values[I]), 0>...>{};
}

/// A counterexample's inputs as a compile error shows them: decimal text, or by field when a record
/// names them (`ctnn::named<R>(box)`).
template <class Record, auto Inputs>
constexpr auto shown_inputs_of() {
  if constexpr (std::is_void_v<Record>) {
    return shown_values<Inputs>(std::make_index_sequence<Inputs.size()>{});
  } else {
    constexpr auto texts = [] {
      std::array<diagnostic_value, Inputs.size()> values{};
      for (std::size_t i = 0; i < Inputs.size(); ++i) values[i] = to_diagnostic(Inputs[i]);
      return field_texts<Record>(values);
    }();
    return fields_t<texts>{};
  }
}

/// The record that names a region's inputs, or void.
template <class Region>
struct region_record {
  using type = void;
};
template <class R, class T, std::size_t N>
struct region_record<named_box<R, T, N>> {
  using type = R;
};

template <auto Result, class Record = void>
constexpr bool show_proof() {
  if constexpr (Result.verdict == verdict::counterexample) {
    constexpr auto inputs = Result.counterexample;
    constexpr auto outputs = Result.outputs;
    using shown_in = decltype(shown_inputs_of<Record, inputs>());
    using shown_out = decltype(shown_outputs<outputs>(std::make_index_sequence<outputs.size()>{}));
    static_assert(named_error<property_fails_at<shown_in, shown_out>>,
                  "CTNN_PROVE: the property fails at an input of the box; ctnn::property_fails_at<inputs, "
                  "outputs> shows it and the network's outputs there");
    return false;
  } else if constexpr (Result.verdict == verdict::unknown) {
    constexpr std::array<decltype(Result.open_bounds.outputs[0].lower), 2> bound{
        Result.open_bounds.outputs[0].lower, Result.open_bounds.outputs[0].upper};
    static_assert(
        named_error<proof_unknown_within_budget<Result.boxes, Result.remaining, Result.unknown_leaves,
                                                bound_shown<decimal_t<value_text(bound[0]), 0>>,
                                                bound_shown<decimal_t<value_text(bound[1]), 0>>>>,
        "CTNN_PROVE: unknown within the budget (neither proven nor refuted); "
        "ctnn::proof_unknown_within_budget<boxes, remaining, undecided leaves, lower, upper> shows "
        "how far it got (raise CTNN_PROVE_PIECES, or prove smaller boxes)");
    return false;
  } else {
    return true;
  }
}

template <const auto& Task>
constexpr bool prove_static() {
  using Net = std::remove_cvref_t<decltype(Task.net)>;
  using Region = std::remove_cvref_t<decltype(Task.region)>;
  check_proof_arguments<Net, typename Region::scalar_type, Region::input_count>();
  if constexpr (proof_box_cost<Net>() > 2 * constexpr_budget) {
    static_assert(named_error<ctnn::proof_box_exceeds_the_constexpr_budget<proof_box_cost<Net>(), constexpr_budget>>,
                  "CTNN_PROVE: one box of this network costs far more than a constant expression may "
                  "spend; prove it at run time with ctnn::prove, or raise the compiler's limit "
                  "(clang++: -fconstexpr-steps, g++: -fconstexpr-ops-limit) and define "
                  "CTNN_CONSTEXPR_BUDGET to match; ctnn::proof_box_exceeds_the_constexpr_budget<box "
                  "cost, budget>");
    return false;
  } else {
    constexpr auto& state =
        proof_piece<Task, first_finished_piece<Task>(std::make_index_sequence<prove_pieces>{})>;
    constexpr auto result = [] {
      auto r = state.result;
      if (!state.finished) {  // the pieces are spent
        r.verdict = verdict::unknown;
        r.remaining = state.size;
      }
      return r;
    }();
    return show_proof<result, typename region_record<Region>::type>();
  }
}

}  // namespace detail
}  // namespace ctnn

CTNN_DETAIL_PRECISE_FLOAT_END

// The one macro body: `task` is the expression that makes the proof task.
#define CTNN_DETAIL_PROVE(name, task)                 \
  static constexpr auto name = task;                  \
  static_assert(::ctnn::detail::prove_static<name>(), \
                "CTNN_PROVE: the property is not proven over the box (the error above says why)")

/// `CTNN_PROVE(net, box, property)`, at namespace or block scope: proves at compile time that the
/// property holds at every input of the box, or stops the build with
/// `ctnn::property_fails_at<ctnn::inputs_shown<...>, ctnn::outputs_shown<...>>` (a counterexample) or
/// `ctnn::proof_unknown_within_budget<...>`. Split into CTNN_PROVE_PIECES constant expressions that
/// each fit the compiler's default budget.
#define CTNN_PROVE(net, box, property)                            \
  CTNN_DETAIL_PROVE(CTNN_DETAIL_CONCAT(ctnn_proof_, __COUNTER__), \
                    ::ctnn::detail::make_proof_task(net, box, property))
