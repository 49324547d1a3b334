/// @file kernels/kernels.hpp
/// Run-time kernels: the forward pass vectorised across the outputs of a layer (one sample) and
/// across samples (a batch), with the bits of the compile-time evaluation.
///
/// The compile-time evaluation computes every output as
///     sum = bias[o];  sum = T(sum + T(w[o][0] * x[0]));  sum = T(sum + T(w[o][1] * x[1]));  ...
/// These kernels perform exactly these operations, in this order, for each output; they only run
/// several outputs (or several samples) side by side in the lanes of a vector register (GCC/clang
/// vector extensions). Nothing is reassociated. Each floating-point product goes through an empty
/// asm statement before it is added (`add_product`): the optimiser cannot see that it is a product,
/// so it cannot contract the product and the addition into one fused multiply-add (g++ in gnu++ mode
/// and clang++ would, at -march=native). Integer sums are exact in any order; the kernels keep it.
///
///  - One sample (`evaluate_one`, `single_layer`): lane k of a vector holds the sum of output o + k;
///    step i adds the weight column w[o .. o + lanes)[i] times x[i]. For a constexpr network inlined
///    into its caller, the columns are constants and the optimiser builds them at compile time;
///    for weights in memory, blocks of lanes x lanes weights are loaded row by row and transposed
///    in registers.
///  - A batch (`evaluate_rows`): lane s holds the sum of one output for sample s; tiles of
///    `batch_plan::samples` rows are transposed once, and every layer reads and writes that layout.
///
/// Enabled for g++ 12 or later and clang++ on x86-64 (the AArch64 branches below are written but
/// stay off until the bit-equality tests run on an AArch64 machine), for float, double and 32/64-bit
/// integers
/// where the target multiplies such vectors in one instruction; other compilers, targets and scalar
/// types keep the scalar path of dense_layer (define CTNN_NO_KERNELS to force it). Nothing here
/// allocates: every buffer is on the stack, its size known at compile time (one sample: 2 x the
/// widest layer; a batch: 2 x the widest layer x batch_plan::samples values).
#pragma once

#include <array>
#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>

#include <ctnn/config.hpp>
#include <ctnn/core/activation.hpp>
#include <ctnn/core/scalar.hpp>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

namespace ctnn::detail::kernels {
#if CTNN_KERNELS

// Integer vector multiplications the target has in one instruction: without them (x86-64 before
// SSE4.1 for 32 bits, before AVX-512DQ for 64 bits, AArch64 for 64 bits) the compiler emulates them
// with several instructions per product, and the scalar path, which it vectorises the usual way
// (integer sums are exact in any order), is faster.
#if defined(__SSE4_1__) || defined(__aarch64__)
inline constexpr bool has_vector_multiply_32 = true;
#else
inline constexpr bool has_vector_multiply_32 = false;
#endif
#if defined(__AVX512DQ__)
inline constexpr bool has_vector_multiply_64 = true;
#else
inline constexpr bool has_vector_multiply_64 = false;
#endif

/// Scalar types with kernels: float, double, and integers of 32 or 64 bits (whose sums are exact in
/// any order, though the kernels keep the order anyway).
template <class T>
inline constexpr bool supported_scalar_here = std::is_same_v<T, float> || std::is_same_v<T, double> ||
                                         (std::is_integral_v<T> && !std::is_same_v<T, bool> &&
                                          ((sizeof(T) == 4 && has_vector_multiply_32) ||
                                           (sizeof(T) == 8 && has_vector_multiply_64)));

/// The widest vector register the target has for T, in bytes.
template <class T>
inline constexpr std::size_t register_bytes =
#if defined(__AVX512F__)
    64;
#elif defined(__AVX2__)
    32;
#elif defined(__AVX__)
    std::is_floating_point_v<T> ? 32 : 16;  // AVX has no 256-bit integer arithmetic
#else
    16;
#endif

/// Vector registers the target has (AVX-512 doubles them).
inline constexpr std::size_t register_count =
#if defined(__AVX512F__) || defined(__aarch64__)
    32;
#else
    16;
#endif

template <class T, std::size_t Lanes>
struct vector_of {
  typedef T type __attribute__((vector_size(sizeof(T) * Lanes)));
};
/// Lanes values of type T in one register (GCC/clang vector extension: element-wise + - * / < > ?:).
template <class T, std::size_t Lanes>
using vec = typename vector_of<T, Lanes>::type;

template <class V>
struct lanes_of;
template <class V>
requires requires(V v) { v[0]; }
struct lanes_of<V> {
  using scalar = std::remove_cvref_t<decltype(std::declval<V>()[0])>;
  static constexpr std::size_t value = sizeof(V) / sizeof(scalar);
};

/// `sum + product`, for a product already rounded to its type (a vector or a scalar). The product
/// goes through an empty asm statement first: the optimiser cannot see that it is a product, so it
/// cannot fuse it with the addition into one fused multiply-add (g++ in gnu++ mode and clang++ would,
/// at -march=native); and since the statement also reads `sum`, the products are computed where
/// they are added, not all in advance (g++ otherwise gathers each chain of additions into one
/// expression, expanded after every product, and spills the products).
template <class V>
CTNN_DETAIL_INLINE V add_product(V sum, V product) noexcept {
  opaque(product, sum);
  return V(sum + product);
}

/// A product hidden from the optimiser the same way, before it is used.
template <class V>
CTNN_DETAIL_INLINE V rounded(V product) noexcept {
  opaque(product);
  return product;
}

template <class V, class T, std::size_t... K>
CTNN_DETAIL_INLINE V splat_impl(T value, std::index_sequence<K...>) noexcept {
  return V{(static_cast<void>(K), value)...};
}
/// Every lane equal to `value` (bits kept: no arithmetic, so -0.0 stays -0.0).
template <class V, class T>
CTNN_DETAIL_INLINE V splat(T value) noexcept {
  return splat_impl<V>(value, std::make_index_sequence<lanes_of<V>::value>{});
}

template <class V, class T>
CTNN_DETAIL_INLINE V load(const T* p) noexcept {
  V v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <class V, class T>
CTNN_DETAIL_INLINE void store(T* p, const V& v) noexcept {
  std::memcpy(p, &v, sizeof v);
}

/// `N` calls f(integral_constant<0>), f(integral_constant<1>), ... in that order, unrolled.
template <std::size_t... K, class F>
CTNN_DETAIL_INLINE void for_each_index(std::index_sequence<K...>, F&& f) {
  (f(std::integral_constant<std::size_t, K>{}), ...);
}
template <std::size_t N, class F>
CTNN_DETAIL_INLINE void unrolled(F&& f) {
  for_each_index(std::make_index_sequence<N>{}, f);
}

template <class V, std::size_t... K>
CTNN_DETAIL_INLINE V zip_low(V a, V b, std::index_sequence<K...>) noexcept {  // a0 b0 a1 b1 ...
  constexpr std::size_t n = sizeof...(K);
  return __builtin_shufflevector(a, b, (K % 2 != 0 ? n + K / 2 : K / 2)...);
}
template <class V, std::size_t... K>
CTNN_DETAIL_INLINE V zip_high(V a, V b, std::index_sequence<K...>) noexcept {  // a(n/2) b(n/2) ...
  constexpr std::size_t n = sizeof...(K);
  return __builtin_shufflevector(a, b, (K % 2 != 0 ? n + n / 2 + K / 2 : n / 2 + K / 2)...);
}
/// Transposes N vectors of N lanes: afterwards lane r of rows[k] is what lane k of rows[r] was.
/// log2(N) rounds of N two-vector shuffles; values are moved, never computed.
template <std::size_t N, class V>
CTNN_DETAIL_INLINE void transpose(V (&rows)[N]) noexcept {
  static_assert(N >= 2 && (N & (N - 1)) == 0);
  constexpr auto lanes = std::make_index_sequence<N>{};
  for (std::size_t step = 1; step < N; step *= 2) {
    V next[N];
    unrolled<N / 2>([&](auto j) CTNN_DETAIL_INLINE_LAMBDA {
      next[2 * j] = zip_low(rows[j], rows[j + N / 2], lanes);
      next[2 * j + 1] = zip_high(rows[j], rows[j + N / 2], lanes);
    });
    unrolled<N>([&](auto j) CTNN_DETAIL_INLINE_LAMBDA { rows[j] = next[j]; });
  }
}

/// The activation applied to every lane, with the scalar activation's exact operations: its vector
/// form when it declares one (core/activation.hpp), else lane by lane.
template <class A, class V>
CTNN_DETAIL_INLINE V activate(const A& activation, V v) {
  using T = typename lanes_of<V>::scalar;
  if constexpr (has_vector_form<A, V>) {
    return activation.vector(v);
  } else {
    for (std::size_t k = 0; k < lanes_of<V>::value; ++k) v[k] = activation(T(v[k]));
    return v;
  }
}

// -------------------------------------------------------------------------------------------------
// One sample: the outputs of a layer side by side in the lanes. Lane k of accumulator g holds the sum
// of output o0 + g * Lanes + k; step i adds the column (w[o][i] for those outputs) times x[i].

/// How a layer is cut into vector blocks for one sample.
template <class Layer>
struct single_plan {
  using T = typename Layer::scalar_type;
  static constexpr std::size_t in = Layer::input_size;
  static constexpr std::size_t out = Layer::output_size;
  // Sums are chains of `in` dependent additions: 256-bit additions have the lower latency (2 cycles
  // against 4 for 512-bit ones on recent x86), 512-bit ones halve the work: they pay off from 4
  // registers of outputs on.
  // (CTNN_WIDE_FROM, config.hpp: a tuning knob for experiments, not an interface.)
  static constexpr std::size_t wide_from = std::is_integral_v<T> ? 64 : CTNN_WIDE_FROM;
  static constexpr std::size_t bytes =
      register_bytes<T> == 64 && out * sizeof(T) >= wide_from ? 64 : (register_bytes<T> >= 32 ? 32 : 16);
  static constexpr std::size_t lanes = bytes / sizeof(T);
  static constexpr std::size_t blocks = out / lanes;        // full vector blocks
  static constexpr std::size_t group = register_count / 2;  // accumulators in flight
  // Steps unrolled at compile time (then a constant network's columns are folded into constant
  // vectors by the optimiser: the transposition costs nothing at run time); larger layers loop.
  static constexpr bool unroll = in * (blocks + 2) <= 1536;
};

template <std::size_t Lanes, class Layer, std::size_t... K>
CTNN_DETAIL_INLINE auto column(const Layer& layer, std::size_t o, std::size_t i, std::index_sequence<K...>) {
  using T = typename Layer::scalar_type;
  return vec<T, Lanes>{layer.weights[o + K][i]...};
}

/// `Blocks` blocks of `Lanes` outputs from output `o0` on, all advancing together input by input.
template <std::size_t Lanes, std::size_t Blocks, bool Unroll, class Layer>
CTNN_DETAIL_INLINE void single_blocks(const Layer& layer, const typename Layer::scalar_type* x,
                               typename Layer::scalar_type* y, std::size_t o0) {
  using T = typename Layer::scalar_type;
  using V = vec<T, Lanes>;
  constexpr std::size_t in = Layer::input_size;
  V acc[Blocks];
  unrolled<Blocks>([&](auto g) CTNN_DETAIL_INLINE_LAMBDA { acc[g] = load<V>(&layer.biases[o0 + g * Lanes]); });
  const auto step = [&](std::size_t i) CTNN_DETAIL_INLINE_LAMBDA {
    const T xi = x[i];
    unrolled<Blocks>([&](auto g) CTNN_DETAIL_INLINE_LAMBDA {
      acc[g] = add_product(
          acc[g], V(column<Lanes>(layer, o0 + g * Lanes, i, std::make_index_sequence<Lanes>{}) * xi));
    });
  };
  bool constant_weights = false;
  if constexpr (Unroll)
    constant_weights =
        __builtin_constant_p(layer.weights[o0][0]) && __builtin_constant_p(layer.weights[o0][in - 1]);
  if (constant_weights) {
    // Weights known to the optimiser (a constexpr network, inlined): every column is a constant
    // vector, the loads and the transposition are done at compile time.
    if constexpr (Unroll) for_each_index(std::make_index_sequence<in>{}, step);
  } else {
    // Weights in memory: Lanes rows x Lanes inputs at a time, multiplied row by row (contiguous
    // loads), transposed in registers, then added column after column, in input order.
    constexpr std::size_t chunks = in / Lanes;
    for (std::size_t c = 0; c < chunks; ++c) {
      const std::size_t i0 = c * Lanes;
      const V xv = load<V>(x + i0);
      unrolled<Blocks>([&](auto g) CTNN_DETAIL_INLINE_LAMBDA {
        V products[Lanes];
        unrolled<Lanes>([&](auto r) CTNN_DETAIL_INLINE_LAMBDA {
          products[r] = rounded(V(load<V>(&layer.weights[o0 + g * Lanes + r][i0]) * xv));
        });
        transpose(products);
        unrolled<Lanes>([&](auto k) CTNN_DETAIL_INLINE_LAMBDA { acc[g] = add_product(acc[g], products[k]); });
      });
    }
    for (std::size_t i = chunks * Lanes; i < in; ++i) step(i);  // the last inputs: strided columns
  }
  unrolled<Blocks>([&](auto g)
                       CTNN_DETAIL_INLINE_LAMBDA { store(y + o0 + g * Lanes, activate(layer.activation, acc[g])); });
}

/// The last `Count` outputs (fewer than a 16-byte vector holds), one scalar chain each, interleaved.
template <std::size_t Count, class Layer>
CTNN_DETAIL_INLINE void single_scalars(const Layer& layer, const typename Layer::scalar_type* x,
                                typename Layer::scalar_type* y, std::size_t o0) {
  using T = typename Layer::scalar_type;
  T acc[Count];
  unrolled<Count>([&](auto r) CTNN_DETAIL_INLINE_LAMBDA { acc[r] = layer.biases[o0 + r]; });
  for (std::size_t i = 0; i < Layer::input_size; ++i) {
    const T xi = x[i];
    unrolled<Count>([&](auto r) CTNN_DETAIL_INLINE_LAMBDA {
      if constexpr (std::is_integral_v<T>)  // exact in any order: the compiler may vectorise the sum
        acc[r] = T(acc[r] + T(layer.weights[o0 + r][i] * xi));
      else
        acc[r] = add_product(acc[r], T(layer.weights[o0 + r][i] * xi));
    });
  }
  unrolled<Count>([&](auto r) CTNN_DETAIL_INLINE_LAMBDA { y[o0 + r] = layer.activation(acc[r]); });
}

/// Outputs [O0, Out) with vectors of at most `Lanes` lanes, then halves, then scalar chains.
template <std::size_t Lanes, std::size_t O0, class Layer>
CTNN_DETAIL_INLINE void single_tail(const Layer& layer, const typename Layer::scalar_type* x,
                             typename Layer::scalar_type* y) {
  using T = typename Layer::scalar_type;
  constexpr std::size_t rest = Layer::output_size - O0;
  if constexpr (rest == 0) {
    return;
  } else if constexpr (Lanes * sizeof(T) < 16 || Lanes < 2) {
    single_scalars<rest>(layer, x, y, O0);
  } else if constexpr (rest >= Lanes) {
    single_blocks<Lanes, 1, single_plan<Layer>::unroll>(layer, x, y, O0);
    single_tail<Lanes / 2, O0 + Lanes>(layer, x, y);
  } else {
    single_tail<Lanes / 2, O0>(layer, x, y);
  }
}

/// One layer for one sample: y[0 .. Out) from x[0 .. In).
template <class Layer>
CTNN_DETAIL_INLINE void single_layer_kernel(const Layer& layer, const typename Layer::scalar_type* x,
                              typename Layer::scalar_type* y) {
  using plan = single_plan<Layer>;
  constexpr std::size_t full_groups = plan::blocks / plan::group;
  constexpr std::size_t last_group = plan::blocks % plan::group;
  unrolled<full_groups>([&](auto g) CTNN_DETAIL_INLINE_LAMBDA {
    single_blocks<plan::lanes, plan::group, plan::unroll>(layer, x, y, g * plan::group * plan::lanes);
  });
  if constexpr (last_group > 0)
    single_blocks<plan::lanes, last_group, plan::unroll>(layer, x, y,
                                                         full_groups * plan::group * plan::lanes);
  single_tail<plan::lanes / 2, plan::blocks * plan::lanes>(layer, x, y);
}

// -------------------------------------------------------------------------------------------------
// A batch: samples side by side in the lanes. A tile of `samples` rows is transposed into a
// lane-major buffer (value i of sample s at [i * samples + s]); every layer then reads and writes
// that layout, so only the network's inputs and outputs are transposed. Lane s of an accumulator
// holds the sum of one output for sample s; step i adds w[o][i] (one weight, in every lane) times
// the inputs i of the samples.

template <class T>
struct batch_plan {
  static constexpr std::size_t lanes = register_bytes<T> / sizeof(T);
  // Accumulators: outputs x vectors. Each step loads `vectors` input vectors and broadcasts
  // `outputs` weights; a broadcast costs a shuffle before AVX (vbroadcastss reads memory), so 16-byte
  // registers take more sample vectors per weight.
  static constexpr std::size_t vectors = register_bytes<T> == 16 ? 4 : 2;  // sample vectors per tile
  static constexpr std::size_t outputs = register_count >= 32 ? 4 : 2;     // outputs per block
  static constexpr std::size_t samples = lanes * vectors;  // rows per tile
};

/// `Rows` outputs from `o`, for a tile: Rows x vectors accumulators.
template <std::size_t Rows, class Layer>
CTNN_DETAIL_INLINE void batch_block(const Layer& layer, const typename Layer::scalar_type* x,
                             typename Layer::scalar_type* y, std::size_t o) {
  using T = typename Layer::scalar_type;
  using plan = batch_plan<T>;
  using V = vec<T, plan::lanes>;
  constexpr std::size_t K = plan::vectors;
  constexpr std::size_t S = plan::samples;
  V acc[Rows][K];
  unrolled<Rows>([&](auto r) CTNN_DETAIL_INLINE_LAMBDA {
    const V bias = splat<V>(layer.biases[o + r]);
    unrolled<K>([&](auto k) CTNN_DETAIL_INLINE_LAMBDA { acc[r][k] = bias; });
  });
  for (std::size_t i = 0; i < Layer::input_size; ++i) {
    V xv[K];
    unrolled<K>([&](auto k) CTNN_DETAIL_INLINE_LAMBDA { xv[k] = load<V>(x + i * S + k * plan::lanes); });
    unrolled<Rows>([&](auto r) CTNN_DETAIL_INLINE_LAMBDA {
      const T w = layer.weights[o + r][i];
      unrolled<K>([&](auto k) CTNN_DETAIL_INLINE_LAMBDA { acc[r][k] = add_product(acc[r][k], V(xv[k] * w)); });
    });
  }
  unrolled<Rows>([&](auto r) CTNN_DETAIL_INLINE_LAMBDA {
    unrolled<K>([&](auto k) CTNN_DETAIL_INLINE_LAMBDA {
      store(y + (o + r) * S + k * plan::lanes, activate(layer.activation, acc[r][k]));
    });
  });
}

/// One layer for a tile, lane-major in and out.
template <class Layer>
CTNN_DETAIL_INLINE void batch_layer(const Layer& layer, const typename Layer::scalar_type* x,
                             typename Layer::scalar_type* y) {
  using plan = batch_plan<typename Layer::scalar_type>;
  constexpr std::size_t out = Layer::output_size;
  constexpr std::size_t R = plan::outputs;
  std::size_t o = 0;
  for (; o + R <= out; o += R) batch_block<R>(layer, x, y, o);
  if constexpr (out % R != 0) batch_block<out % R>(layer, x, y, o);
}

// -------------------------------------------------------------------------------------------------
// Networks.

template <class Net, std::size_t... K>
constexpr std::size_t widest_of(std::index_sequence<K...>) {
  std::size_t widest = Net::input_size;
  ((widest = widest < std::tuple_element_t<K, typename Net::layer_types>::output_size
                 ? std::tuple_element_t<K, typename Net::layer_types>::output_size
                 : widest),
   ...);
  return widest;
}
/// The widest of the network's input and layers.
template <class Net>
inline constexpr std::size_t width = widest_of<Net>(std::make_index_sequence<Net::layer_count>{});

/// One sample: y[0 .. output_size) from x[0 .. input_size). The caller's arrays are used for the
/// first input and the last output, two stack buffers of the widest layer's size in between.
template <class Net>
CTNN_DETAIL_INLINE void evaluate_one_kernel(const Net& net, const typename Net::scalar_type* x,
                              typename Net::scalar_type* y) {
  using T = typename Net::scalar_type;
  constexpr std::size_t last = Net::layer_count - 1;
  alignas(64) T buffers[2][width<Net>];
  unrolled<Net::layer_count>([&](auto k) CTNN_DETAIL_INLINE_LAMBDA {
    const T* from = k == 0 ? x : buffers[(k + 1) % 2];
    T* to = k == last ? y : buffers[k % 2];
    single_layer_kernel(net.template layer<k>(), from, to);
  });
}

/// Stack bytes a batch tile takes: two lane-major buffers of the widest layer.
template <class Net>
inline constexpr std::size_t tile_bytes = 2 * width<Net>* batch_plan<typename Net::scalar_type>::samples *
                                          sizeof(typename Net::scalar_type);
/// Tiles stay within 64 KiB of stack (16 KiB for 64-64-1 float with AVX-512); wider networks (more
/// than 256 floats with AVX-512) are evaluated one sample at a time.
inline constexpr std::size_t max_tile_bytes = 64 * 1024;

/// `count` rows (at most one tile, at least one) from row `first`: in(s, i) reads input i of row s,
/// out(s, o, v) writes output o of row s. A partial tile is padded with copies of its last row
/// (computed, never written).
template <bool Full, class Net, class In, class Out>
CTNN_DETAIL_INLINE void evaluate_tile(const Net& net, const In& in, const Out& out, std::size_t first,
                               std::size_t count) {
  using T = typename Net::scalar_type;
  using plan = batch_plan<T>;
  constexpr std::size_t S = plan::samples;
  constexpr std::size_t last = Net::layer_count - 1;
  alignas(64) T buffers[2][width<Net> * S];
  T* x = buffers[1];
  // The inputs into lanes. A partial tile is padded with copies of its last row, so that the padding
  // computes nothing that a real row does not (no overflow or exception of its own).
  if constexpr (Full) {
    for (std::size_t s = 0; s < S; ++s)
      for (std::size_t i = 0; i < Net::input_size; ++i) x[i * S + s] = in(first + s, i);
  } else {
    for (std::size_t s = 0; s < S; ++s)
      for (std::size_t i = 0; i < Net::input_size; ++i)
        x[i * S + s] = in(first + (s < count ? s : count - 1), i);
  }
  unrolled<Net::layer_count>([&](auto k) CTNN_DETAIL_INLINE_LAMBDA {
    batch_layer(net.template layer<k>(), buffers[(k + 1) % 2], buffers[k % 2]);
  });
  const T* y = buffers[last % 2];
  for (std::size_t s = 0; s < (Full ? S : count); ++s)
    for (std::size_t o = 0; o < Net::output_size; ++o) out(first + s, o, y[o * S + s]);
}

/// The last rows of a batch, fewer than a tile: a padded tile when they fill half of one or more,
/// else one sample at a time.
template <class Net, class In, class Out>
__attribute__((noinline)) void evaluate_tail(const Net& net, const In& in, const Out& out, std::size_t first,
                                             std::size_t count) {
  using T = typename Net::scalar_type;
  constexpr std::size_t S = batch_plan<T>::samples;
  if constexpr (tile_bytes<Net> <= max_tile_bytes)
    if (2 * count >= S) return evaluate_tile<false>(net, in, out, first, count);
  for (std::size_t r = first; r < first + count; ++r) {
    T x[Net::input_size];
    T y[Net::output_size];
    for (std::size_t i = 0; i < Net::input_size; ++i) x[i] = in(r, i);
    evaluate_one_kernel(net, x, y);
    for (std::size_t o = 0; o < Net::output_size; ++o) out(r, o, y[o]);
  }
}

/// `rows` rows: in(r, i) reads input i of row r, out(r, o, v) writes output o of row r; whole tiles
/// of batch_plan::samples rows, then the tail. (An entry point of the seam, like single_layer and
/// evaluate_one below, but defined here: a wrapper around it measurably changed g++'s inlining.)
template <class Net, class In, class Out>
CTNN_DETAIL_INLINE void evaluate_rows(const Net& net, const In& in, const Out& out, std::size_t rows) {
  if constexpr (supported_scalar_here<typename Net::scalar_type>) {
    constexpr std::size_t S = batch_plan<typename Net::scalar_type>::samples;
    std::size_t first = 0;
    if constexpr (tile_bytes<Net> <= max_tile_bytes)
      for (; first + S <= rows; first += S) evaluate_tile<true>(net, in, out, first, S);
    if (first < rows) evaluate_tail(net, in, out, first, rows - first);
  }
}

#endif  // CTNN_KERNELS

/// Whether the kernels take networks and layers of scalar type T (false when they are not compiled in).
template <class T>
inline constexpr bool supported_scalar =
#if CTNN_KERNELS
    supported_scalar_here<T>;
#else
    false;
#endif

// The entry points the run-time seam calls (detail::on_kernels, below): they compile for every
// network, and do nothing where the kernels do not take its scalar (where the seam never calls them).

/// One layer for one sample: y[0 .. Out) from x[0 .. In).
template <class Layer>
CTNN_DETAIL_INLINE void single_layer(const Layer& layer, const typename Layer::scalar_type* x,
                                     typename Layer::scalar_type* y) {
  if constexpr (supported_scalar<typename Layer::scalar_type>) single_layer_kernel(layer, x, y);
}

/// One sample through the network: y[0 .. output_size) from x[0 .. input_size).
template <class Net>
CTNN_DETAIL_INLINE void evaluate_one(const Net& net, const typename Net::scalar_type* x,
                                     typename Net::scalar_type* y) {
  if constexpr (supported_scalar<typename Net::scalar_type>) evaluate_one_kernel(net, x, y);
}

#if !CTNN_KERNELS
/// Without the kernels: never called (the seam says so).
template <class Net, class In, class Out>
inline void evaluate_rows(const Net&, const In&, const Out&, std::size_t) {}
#endif

}  // namespace ctnn::detail::kernels

namespace ctnn::detail {
/// The run-time seam, the one place that decides between the two paths: true when this evaluation
/// runs at run time (not in a constant expression) and the kernels take scalar type T; then the
/// callers (detail::forward_layer, detail::forward, detail::forward_rows) call the kernels, else the
/// constexpr path. Both give the same bits.
template <class T>
CTNN_DETAIL_INLINE constexpr bool on_kernels() noexcept {
  if constexpr (kernels::supported_scalar<T>)
    return !std::is_constant_evaluated();
  else
    return false;
}
}  // namespace ctnn::detail

CTNN_DETAIL_PRECISE_FLOAT_END
