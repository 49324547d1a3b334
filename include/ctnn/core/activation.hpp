/// @file core/activation.hpp
/// The Activation concept and its optional capabilities. Every engine (the constexpr evaluator, the
/// verification planner and sweeps, the run-time kernels, the type-level conversion, and the box
/// proofs to come) asks an activation what it can do through the names below, never by its type:
/// a user's activation joins every fast path it declares a capability for, and a new activation of
/// ctnn's own is one struct in core/activations.hpp.
///
/// Minimal complete definition: a function object `a` whose `a(x)` maps a scalar `T` to a `T` in
/// constant expressions, and computes the same bits at run time (it is the same code). Make its
/// members public if layers holding it are to be template arguments (the type-level conversion).
///
/// Optional capabilities, each declared by a member of the activation:
///
/// | capability     | member                                         | used by                           |
/// |----------------|------------------------------------------------|-----------------------------------|
/// | monotone       | `static constexpr bool monotone = true;`       | default interval image            |
/// | interval image | `interval<T> image(interval<T>) const`         | box proofs: sound image of a range |
/// | vector form    | `V vector(V) const` for GCC/clang vectors of T | run-time kernels                  |
/// | exact          | `static constexpr bool exact = true;`          | type-level conversion             |
/// | keeps integers | `constexpr bool keeps_integers() const`        | type-level conversion             |
/// | rectifier      | `static constexpr bool rectifier = true;`      | verification sweeps (inlined)     |
/// | cost hint      | `static constexpr activation_cost cost = ...;` | verification planner              |
///
/// - *monotone*: `a` is non-decreasing in its computed values: x <= y implies a(x) <= a(y), bit for
///   bit in ctnn's arithmetic, not only mathematically. The image of [lo, hi] is then [a(lo), a(hi)].
/// - *interval image*: `a.image({lo, hi})` contains a(x) for every x of T in [lo, hi], as `a`
///   computes it (a sound bound; it may be wider). Without it, a monotone activation's image is
///   [a(lo), a(hi)]; any other activation has none (`has_interval_image` is false).
/// - *vector form*: `a.vector(v)` gives, in every lane k, the bits of `a(v[k])`. Without it the
///   kernels call `a` lane by lane (still bit-exact, slower).
/// - *exact*: on exact scalars (integers, `ctnn::meta::fraction`) `a` computes its mathematical value
///   without rounding, so the type-level form may compute it on rationals; *keeps integers*: on
///   integers it gives integers equal to that exact value (a leaky ReLU of slope 1/10 does not).
/// - *rectifier*: `a(x)` is exactly `x > T(0) ? x : T(0)`: the sweeps write it out instead of calling.
/// - *cost hint*: how the planner counts one call (default: `inlined` for rectifiers, else `call`).
#pragma once

#include <concepts>
#include <type_traits>

#include <ctnn/core/interval.hpp>
#include <ctnn/core/scalar.hpp>
#include <ctnn/config.hpp>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

namespace ctnn {

/// What an activation must be for scalar `T`: a function object that maps a T to a T in constant
/// expressions.
template <class A, class T>
concept activation_for = scalar<T> && std::is_invocable_r_v<T, const A&, const T&>;

/// How the verification planner counts one application of an activation (see verify/plan.hpp).
enum class activation_cost {
  inlined,         ///< written out by the engine, no call (rectifiers)
  call,            ///< a call of a small function
  transcendental,  ///< a call into ctnn::math (exp, tanh)
};

/// The capabilities of activation type `A` (see the table at the top of this header).
template <class A>
struct activation_traits {
  /// Whether `A` declares the monotone capability (`A::monotone` is true).
  static constexpr bool monotone = requires { requires A::monotone; };
  /// Whether `A` declares the exact capability (`A::exact` is true).
  static constexpr bool exact = requires { requires A::exact; };
  /// Whether `A` declares itself a rectifier (`A::rectifier` is true).
  static constexpr bool rectifier = requires { requires A::rectifier; };
  /// The cost hint: `A::cost` when declared, else `inlined` for a rectifier and `call` for others.
  static constexpr activation_cost cost = [] {
    if constexpr (requires { A::cost; })
      return A::cost;
    else
      return rectifier ? activation_cost::inlined : activation_cost::call;
  }();
};

/// True when `a.image(interval<T>)` gives a sound interval image (declared, or from monotonicity).
template <class A, class T>
concept has_interval_image =
    activation_for<A, T> && (activation_traits<A>::monotone || requires(const A& a, const interval<T>& x) {
                               { a.image(x) } -> std::same_as<interval<T>>;
                             });

/// A sound bound of { a(x) : x in [x.lower, x.upper] }, as `a` computes it.
template <class T, has_interval_image<T> A>
constexpr interval<T> image(const A& a, const interval<T>& x) {
  if constexpr (requires { a.image(x); })
    return a.image(x);
  else
    return {a(x.lower), a(x.upper)};
}

/// True when `a.vector(v)` exists for vectors `V` (a GCC/clang vector extension type).
template <class A, class V>
concept has_vector_form = requires(const A& a, const V& v) {
  { a.vector(v) } -> std::same_as<V>;
};

/// Whether `a` maps integers to integers equal to its exact value (see "keeps integers" above):
/// declared by the activation; an exact activation that does not declare it is assumed not to.
template <class A>
constexpr bool keeps_integers(const A& a) {
  if constexpr (requires { a.keeps_integers(); })
    return a.keeps_integers();
  else
    return false;
}

}  // namespace ctnn

CTNN_DETAIL_PRECISE_FLOAT_END
