// The networks of fuzz_evaluate.cpp and concurrent_evaluation.cpp: constexpr, with weights from a
// fixed linear congruential sequence, in int, long long, float and double, of several shapes (lane
// multiples and odd sizes, so the kernels' full tiles and their tails both run) and every built-in
// activation. For integer networks, safe_input_limit(net) is the largest power of two L such that
// no sum, product or activation can overflow for inputs in [-L, L] (signed overflow is undefined
// behaviour, which the sanitizers would report): the fuzzers map their inputs into that range.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <utility>

#include <ctnn/ctnn.hpp>

#include "../../examples/buy_decision/cli.hpp"

namespace fuzz {

constexpr std::uint32_t next(std::uint32_t& state) {
  state = state * 1664525u + 1013904223u;
  return state >> 8;
}

// A layer with weights and biases drawn from `seed`: integers in [-range, range], or for floating
// point k/337 for k in [-1000, 1000] (not dyadic: products and sums round).
template <class T, std::size_t In, std::size_t Out, class A>
constexpr ctnn::dense_layer<In, Out, T, A> layer(std::uint32_t seed, A activation, int range = 9) {
  std::array<std::array<T, In>, Out> w{};
  std::array<T, Out> b{};
  const auto draw = [&] {
    if constexpr (std::is_floating_point_v<T>) {
      const int k = static_cast<int>(next(seed) % 2001u) - 1000;
      return static_cast<T>(static_cast<double>(k) / 337.0);
    } else {
      return static_cast<T>(static_cast<int>(next(seed) % static_cast<std::uint32_t>(2 * range + 1)) - range);
    }
  };
  for (std::size_t o = 0; o < Out; ++o) {
    b[o] = draw();
    for (std::size_t i = 0; i < In; ++i) w[o][i] = draw();
  }
  return ctnn::dense<In, Out, T, A>(w, b, activation);
}

// The largest |value| an activation can give for pre-activations within [-bound, bound], and the
// largest intermediate it computes (leaky_relu multiplies first).
constexpr long long magnitude(long long x) { return x < 0 ? -x : x; }
template <class A>
constexpr long long activation_bound(const A& a, long long bound) {
  if constexpr (std::is_same_v<A, ctnn::step_t>) {
    return 1;
  } else if constexpr (std::is_same_v<A, ctnn::clamp_t>) {
    const long long edges = magnitude(a.lower) > magnitude(a.upper) ? magnitude(a.lower) : magnitude(a.upper);
    return bound > edges ? bound : edges;
  } else if constexpr (std::is_same_v<A, ctnn::leaky_relu_t>) {
    return bound * (magnitude(a.numerator) > 1 ? magnitude(a.numerator) : 1);  // x * numerator, then / denominator
  } else {
    static_assert(std::is_same_v<A, ctnn::relu_t> || std::is_same_v<A, ctnn::identity_t>,
                  "fuzz::activation_bound: an activation this file does not know");
    return bound;
  }
}

// Largest |value| anywhere in `net` for inputs within [-input, input], or -1 past `limit`.
template <class Net, std::size_t... K>
constexpr long long largest_value(const Net& net, long long input, long long limit, std::index_sequence<K...>) {
  long long bound = input;
  const auto step = [&](const auto& l) {
    if (bound < 0) return;
    long long worst = 0;
    for (std::size_t o = 0; o < l.output_size; ++o) {
      long long s = magnitude(l.biases[o]);
      for (std::size_t i = 0; i < l.input_size; ++i) {
        const long long w = magnitude(l.weights[o][i]);
        if (w != 0 && bound > (limit - s) / w) {
          bound = -1;
          return;
        }
        s += w * bound;
      }
      if (s > worst) worst = s;
    }
    const long long after = activation_bound(l.activation, worst);
    bound = after > limit ? -1 : after;
  };
  (step(net.template layer<K>()), ...);
  return bound;
}

template <class Net>
constexpr typename Net::scalar_type safe_input_limit(const Net& net) {
  using T = typename Net::scalar_type;
  static_assert(std::is_integral_v<T>);
  // half the type's range: a sum's partial values stay within the worst case too
  const long long limit = static_cast<long long>(std::numeric_limits<T>::max() / 2);
  long long input = 1;
  while (input < limit / 2 &&
         largest_value(net, input * 2, limit, std::make_index_sequence<Net::layer_count>{}) >= 0)
    input *= 2;
  return static_cast<T>(input);
}

// ---------------------------------------------------------------------------------------------
// The networks.

// Integers: the 2-2-1 buy network of examples/buy_decision (relu, relu) and wider ones.
inline constexpr const auto& int_buy = buy_decision::buy;
inline constexpr auto int_6_5_3 = ctnn::network(layer<int, 6, 5>(11, ctnn::leaky_relu(1, 4)),
                                                layer<int, 5, 3>(12, ctnn::clamp(-300, 300)));
inline constexpr auto int_3_4_2 = ctnn::network(layer<int, 3, 4>(13, ctnn::step), layer<int, 4, 2>(14, ctnn::hard_tanh));
inline constexpr auto int_9_8_5_2 = ctnn::network(layer<int, 9, 8>(15, ctnn::relu), layer<int, 8, 5>(16, ctnn::leaky_relu(3, 2)),
                                                  layer<int, 5, 2>(17, ctnn::identity));
inline constexpr auto ll_4_4_2 = ctnn::network(layer<long long, 4, 4>(18, ctnn::relu, 1000),
                                               layer<long long, 4, 2>(19, ctnn::identity, 1000));

// Floating point: in float, 16-8-1 with each activation in the hidden layer (and the next one of the
// list at the output) and an odd shape; in double, four of those (every activation in one layer or
// the other) and an odd shape: fewer, as each network costs compile time.
template <class T, class Hidden, class Output>
constexpr auto wide(std::uint32_t seed, Hidden hidden, Output output) {
  return ctnn::network(layer<T, 16, 8>(seed, hidden), layer<T, 8, 1>(seed + 1, output));
}
inline constexpr auto f_identity = wide<float>(21, ctnn::identity, ctnn::relu);
inline constexpr auto f_relu = wide<float>(23, ctnn::relu, ctnn::step);
inline constexpr auto f_step = wide<float>(25, ctnn::step, ctnn::hard_tanh);
inline constexpr auto f_hard_tanh = wide<float>(27, ctnn::hard_tanh, ctnn::sigmoid);
inline constexpr auto f_sigmoid = wide<float>(29, ctnn::sigmoid, ctnn::tanh);
inline constexpr auto f_tanh = wide<float>(31, ctnn::tanh, ctnn::leaky_relu(1, 10));
inline constexpr auto f_leaky_relu = wide<float>(33, ctnn::leaky_relu(1, 10), ctnn::clamp(-2, 3));
inline constexpr auto f_clamp = wide<float>(35, ctnn::clamp(-2, 3), ctnn::identity);
inline constexpr auto f_5_3_2 = ctnn::network(layer<float, 5, 3>(37, ctnn::tanh), layer<float, 3, 2>(38, ctnn::sigmoid));
inline constexpr auto d_identity = wide<double>(41, ctnn::identity, ctnn::relu);
inline constexpr auto d_step = wide<double>(45, ctnn::step, ctnn::hard_tanh);
inline constexpr auto d_sigmoid = wide<double>(49, ctnn::sigmoid, ctnn::tanh);
inline constexpr auto d_leaky_relu = wide<double>(53, ctnn::leaky_relu(1, 10), ctnn::clamp(-2, 3));
inline constexpr auto d_7_9_3 = ctnn::network(layer<double, 7, 9>(57, ctnn::relu), layer<double, 9, 3>(58, ctnn::tanh));

}  // namespace fuzz
