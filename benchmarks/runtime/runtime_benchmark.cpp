// Run-time speed of ctnn against a hand-written loop and Eigen fixed-size matrices (issue 5).
//
// Shapes 2-2-1, 16-8-1, 16-16-16-1 and 64-64-1 (ReLU hidden layers, identity output), in float and
// int, the same weights for every contender. Contenders, all in this binary:
//   ctnn_single   ctnn::evaluate(net, x), one sample per call (net: a constexpr network)
//   ctnn_batch    ctnn::evaluate_batch(net, inputs, outputs), 4096 samples per call
//   hand_single / hand_batch: the naive loop, one sequential dot product per output over std::array
//                 (constexpr weights, like ctnn's), one sample per call / a loop over the 4096 samples
//   eigen_single / eigen_batch: Eigen fixed-size matrices, y = W x + b, one sample per call / a loop
//   eigen_block   Eigen fixed-size matrices on blocks of 16 samples (Y = W X + b, a small GEMM)
//   ctnn_single_rt, ctnn_batch_rt, hand_single_rt: the same on copies of the networks in non-const
//                 globals, whose weights the optimiser cannot treat as constants (Eigen's never are)
// "Single" benchmarks call the function once per iteration, on the 4096 inputs in turn: consecutive
// calls are independent, so the processor may overlap them (this is the cost of a call in a loop,
// not the latency of one isolated call).
//
// Before timing, every contender's outputs are compared with ctnn_single on all 4096 samples: ctnn
// and the hand loop must be bit-identical (the program stops otherwise); Eigen reorders and fuses
// float sums, so its differing outputs are counted and printed, not fatal.
//
// Each benchmark reports ns_per_sample (CPU time); after the run, tables give the median ns/sample of
// every contender, the ratios of ctnn to the others, and issue 5's targets met or not. Repetitions
// default to 5 (override with --benchmark_repetitions=N; a filter shortens the tables). With --check
// the program compares the outputs and stops, timing nothing (CI runs it so).
//
// Built with -ffp-contract=off, so that the hand loop computes what it says (its products are not
// fused into FMA by clang++); ctnn does not need the flag (its bit-equality tests run in gnu++20 mode,
// where g++ contracts), Eigen's FMA comes from intrinsics and stays.
#include <benchmark/benchmark.h>

// g++ 12 warns inside its own avx512fintrin.h (_mm512_undefined_ps, GCC bug 105593) when Eigen's
// GEMM is inlined at -march=native; the warning is about the intrinsic, not about this program.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Waggressive-loop-optimizations"  // Eigen's BlasUtil.h, same story
#endif
#include <Eigen/Core>
#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctnn/ctnn.hpp>
#include <map>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace {

constexpr std::size_t batch = 4096;  // samples per batch call (and distinct inputs for single calls)
constexpr std::size_t eigen_block_size = 16;

// ------------------------------------------------------------------------------------------------
// Networks: deterministic pseudo-random weights, computed at compile time.

constexpr double uniform(std::uint64_t& state) {  // [-1, 1)
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  return static_cast<double>(state >> 11) / 4503599627370496.0 - 1.0;
}

template <class T>
constexpr T draw(std::uint64_t& state, std::size_t fan_in) {
  if constexpr (std::is_floating_point_v<T>) {
    double scale = 1;
    while (scale * scale * static_cast<double>(fan_in) > 4) scale /= 2;  // ~ 2 / sqrt(fan_in), exact
    return static_cast<T>(uniform(state) * scale);
  } else {
    return static_cast<T>(static_cast<int>((uniform(state) + 1) * 4.5) - 4);  // -4 .. 4
  }
}

template <class T, std::size_t In, std::size_t Out, class Activation>
constexpr auto layer(std::uint64_t seed, Activation activation) {
  std::array<std::array<T, In>, Out> w{};
  std::array<T, Out> b{};
  for (auto& row : w)
    for (auto& v : row) v = draw<T>(seed, In);
  for (auto& v : b) v = draw<T>(seed, In);
  return ctnn::dense(w, b, activation);
}

template <class T>
constexpr auto net_2_2_1 = ctnn::network(layer<T, 2, 2>(11, ctnn::relu), layer<T, 2, 1>(12, ctnn::identity));
template <class T>
constexpr auto net_16_8_1 = ctnn::network(layer<T, 16, 8>(21, ctnn::relu),
                                          layer<T, 8, 1>(22, ctnn::identity));
template <class T>
constexpr auto net_16_16_16_1 = ctnn::network(layer<T, 16, 16>(31, ctnn::relu),
                                              layer<T, 16, 16>(32, ctnn::relu),
                                              layer<T, 16, 1>(33, ctnn::identity));
template <class T>
constexpr auto net_64_64_1 = ctnn::network(layer<T, 64, 64>(41, ctnn::relu),
                                           layer<T, 64, 1>(42, ctnn::identity));

// The same networks in non-const globals: the optimiser must load their weights at run time.
template <class Net>
Net runtime_copy = Net{};

// ------------------------------------------------------------------------------------------------
// The hand loop: what one writes without a library. std::array weights, one sequential dot product
// per output, ReLU as x > 0 ? x : 0.

template <class T, std::size_t In, std::size_t Out, bool Relu>
struct hand_layer {
  std::array<std::array<T, In>, Out> w;
  std::array<T, Out> b;

  void operator()(const std::array<T, In>& x, std::array<T, Out>& y) const {
    for (std::size_t o = 0; o < Out; ++o) {
      T s = b[o];
      for (std::size_t i = 0; i < In; ++i) s += w[o][i] * x[i];
      if constexpr (Relu)
        y[o] = s > T(0) ? s : T(0);
      else
        y[o] = s;
    }
  }
};

template <class Layer>
constexpr auto to_hand_layer(const Layer& l) {
  using T = typename Layer::scalar_type;
  hand_layer<T, Layer::input_size, Layer::output_size,
             std::is_same_v<typename Layer::activation_type, ctnn::relu_t>>
      h{};
  for (std::size_t o = 0; o < Layer::output_size; ++o) {
    h.b[o] = l.biases[o];
    for (std::size_t i = 0; i < Layer::input_size; ++i) h.w[o][i] = l.weights[o][i];
  }
  return h;
}

template <class Net, std::size_t... K>
constexpr auto to_hand(const Net& net, std::index_sequence<K...>) {
  return std::tuple{to_hand_layer(net.template layer<K>())...};
}
template <class Net>
constexpr auto to_hand(const Net& net) {
  return to_hand(net, std::make_index_sequence<Net::layer_count>{});
}

template <class T, std::size_t In, std::size_t Out, bool R, class... Rest>
void hand_run(const std::array<T, In>& x, T* y, const hand_layer<T, In, Out, R>& first, const Rest&... rest) {
  std::array<T, Out> h;
  first(x, h);
  if constexpr (sizeof...(Rest) == 0)
    std::memcpy(y, h.data(), sizeof h);
  else
    hand_run(h, y, rest...);
}

// ------------------------------------------------------------------------------------------------
// Eigen fixed-size matrices (filled at start-up from the ctnn weights; Eigen is not constexpr).

template <class T, int In, int Out, bool Relu>
struct eigen_layer {
  Eigen::Matrix<T, Out, In> w;
  Eigen::Matrix<T, Out, 1> b;

  template <class X>
  auto operator()(const X& x) const {
    Eigen::Matrix<T, Out, X::ColsAtCompileTime> y = (w * x).colwise() + b;
    if constexpr (Relu) y = y.cwiseMax(T(0));
    return y;
  }
};

template <class Layer>
auto to_eigen_layer(const Layer& l) {
  using T = typename Layer::scalar_type;
  eigen_layer<T, int(Layer::input_size), int(Layer::output_size),
              std::is_same_v<typename Layer::activation_type, ctnn::relu_t>>
      e;
  for (std::size_t o = 0; o < Layer::output_size; ++o) {
    e.b(int(o)) = l.biases[o];
    for (std::size_t i = 0; i < Layer::input_size; ++i) e.w(int(o), int(i)) = l.weights[o][i];
  }
  return e;
}

template <class Net, std::size_t... K>
auto to_eigen(const Net& net, std::index_sequence<K...>) {
  return std::tuple{to_eigen_layer(net.template layer<K>())...};
}

template <class X, class First, class... Rest>
auto eigen_run(const X& x, const First& first, const Rest&... rest) {
  if constexpr (sizeof...(Rest) == 0)
    return first(x);
  else
    return eigen_run(first(x), rest...);
}

// ------------------------------------------------------------------------------------------------
// One shape and scalar type: the networks, the inputs, and the contenders.

template <class T>
std::string type_name() {
  return std::is_same_v<T, float> ? "float" : "int";
}

template <const auto& Net>
struct shape {
  using net_type = std::remove_cvref_t<decltype(Net)>;
  using T = typename net_type::scalar_type;
  static constexpr std::size_t in = net_type::input_size;
  static constexpr std::size_t out = net_type::output_size;
  static constexpr auto hand = to_hand(Net);
  static inline auto hand_rt = hand;  // non-const: weights loaded at run time

  static inline std::vector<T> inputs;  // batch rows of `in` values
  static inline decltype(to_eigen(Net, std::make_index_sequence<net_type::layer_count>{})) eigen;

  static void setup() {
    std::uint64_t state = 7;
    inputs.resize(batch * in);
    for (auto& v : inputs) {
      if constexpr (std::is_floating_point_v<T>)
        v = static_cast<T>(uniform(state) * 2);
      else
        v = static_cast<T>(static_cast<int>((uniform(state) + 1) * 8.5) - 8);  // -8 .. 8
    }
    eigen = to_eigen(Net, std::make_index_sequence<net_type::layer_count>{});
    runtime_copy<net_type> = Net;
  }

  static std::array<T, in> row(std::size_t r) {
    std::array<T, in> x;
    std::memcpy(x.data(), inputs.data() + r * in, sizeof x);
    return x;
  }

  // One sample.
  static void ctnn_single(std::size_t r, T* y) {
    const auto z = ctnn::evaluate(Net, row(r));
    std::memcpy(y, z.data(), sizeof z);
  }
  static void ctnn_single_rt(std::size_t r, T* y) {
    const auto z = ctnn::evaluate(runtime_copy<net_type>, row(r));
    std::memcpy(y, z.data(), sizeof z);
  }
  static void hand_single(std::size_t r, T* y) {
    std::apply([&](const auto&... layers) { hand_run(row(r), y, layers...); }, hand);
  }
  static void hand_single_rt(std::size_t r, T* y) {
    std::apply([&](const auto&... layers) { hand_run(row(r), y, layers...); }, hand_rt);
  }
  static void eigen_single(std::size_t r, T* y) {
    const Eigen::Map<const Eigen::Matrix<T, int(in), 1>> x(inputs.data() + r * in);
    const auto z = std::apply([&](const auto&... layers) { return eigen_run(x, layers...); }, eigen);
    Eigen::Map<Eigen::Matrix<T, int(out), 1>>{y} = z;
  }

  // Every sample.
  static void ctnn_batch(T* y) {
    ctnn::evaluate_batch(Net, std::span<const T>(inputs), std::span<T>(y, batch * out));
  }
  static void ctnn_batch_rt(T* y) {
    ctnn::evaluate_batch(runtime_copy<net_type>, std::span<const T>(inputs), std::span<T>(y, batch * out));
  }
  static void hand_batch(T* y) {
    for (std::size_t r = 0; r < batch; ++r) hand_single(r, y + r * out);
  }
  static void eigen_batch(T* y) {
    for (std::size_t r = 0; r < batch; ++r) eigen_single(r, y + r * out);
  }
  static void eigen_block(T* y) {
    constexpr int B = int(eigen_block_size);
    for (std::size_t r = 0; r < batch; r += eigen_block_size) {
      const Eigen::Map<const Eigen::Matrix<T, int(in), B>> x(inputs.data() + r * in);
      Eigen::Map<Eigen::Matrix<T, int(out), B>>{y + r* out} =
          std::apply([&](const auto&... layers) { return eigen_run(x, layers...); }, eigen);
    }
  }
};

template <class T>
auto bits_of(T v) {
  if constexpr (std::is_floating_point_v<T>)
    return std::bit_cast<std::uint32_t>(v);
  else
    return v;
}

// Compares every contender with ctnn_single; returns false when ctnn or the hand loop differ.
template <class S>
bool check(const std::string& name) {
  using T = typename S::T;
  const std::size_t n = batch * S::out;
  std::vector<T> reference(n), other(n);
  for (std::size_t r = 0; r < batch; ++r) S::ctnn_single(r, reference.data() + r * S::out);
  const auto differing = [&] {
    std::size_t d = 0;
    for (std::size_t k = 0; k < n; ++k) d += bits_of(reference[k]) != bits_of(other[k]);
    return d;
  };
  bool ok = true;
  const auto exact = [&](const char* what, std::size_t d) {
    if (d != 0) {
      std::printf("FAIL %s: %s differs from ctnn_single in %zu of %zu outputs\n", name.c_str(), what, d, n);
      ok = false;
    }
  };
  for (std::size_t r = 0; r < batch; ++r) S::ctnn_single_rt(r, other.data() + r * S::out);
  exact("ctnn_single_rt", differing());
  S::ctnn_batch(other.data());
  exact("ctnn_batch", differing());
  S::ctnn_batch_rt(other.data());
  exact("ctnn_batch_rt", differing());
  S::hand_batch(other.data());
  exact("hand loop", differing());
  for (std::size_t r = 0; r < batch; ++r) S::hand_single_rt(r, other.data() + r * S::out);
  exact("hand_single_rt", differing());
  S::eigen_batch(other.data());
  const std::size_t eigen_single_diff = differing();
  S::eigen_block(other.data());
  const std::size_t eigen_block_diff = differing();
  std::printf(
      "check %-18s ctnn single = ctnn batch = hand loop: %s; Eigen differs in %zu (single) and %zu "
      "(block) of %zu outputs\n",
      name.c_str(), ok ? "yes" : "NO", eigen_single_diff, eigen_block_diff, n);
  return ok;
}

// ------------------------------------------------------------------------------------------------
// Registration.

template <class S, void (*F)(std::size_t, typename S::T*)>
void bench_single(benchmark::State& state) {
  std::array<typename S::T, S::out> y{};
  std::size_t r = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(r);
    F(r, y.data());
    benchmark::DoNotOptimize(y);
    r = (r + 1) % batch;
  }
  state.counters["ns_per_sample"] =
      benchmark::Counter(1, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

template <class S, void (*F)(typename S::T*)>
void bench_batch(benchmark::State& state) {
  std::vector<typename S::T> y(batch * S::out);
  for (auto _ : state) {
    F(y.data());
    benchmark::DoNotOptimize(y.data());
    benchmark::ClobberMemory();
  }
  state.counters["ns_per_sample"] =
      benchmark::Counter(batch, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

std::vector<std::string> shape_names;  // in registration order

template <const auto& Net>
bool add(const std::string& shape_name) {
  using S = shape<Net>;
  S::setup();
  const std::string prefix = type_name<typename S::T>() + "/" + shape_name + "/";
  shape_names.push_back(type_name<typename S::T>() + "/" + shape_name);
  if (!check<S>(prefix.substr(0, prefix.size() - 1))) return false;
  benchmark::RegisterBenchmark((prefix + "ctnn_single").c_str(), bench_single<S, S::ctnn_single>);
  benchmark::RegisterBenchmark((prefix + "ctnn_single_rt").c_str(), bench_single<S, S::ctnn_single_rt>);
  benchmark::RegisterBenchmark((prefix + "hand_single").c_str(), bench_single<S, S::hand_single>);
  benchmark::RegisterBenchmark((prefix + "hand_single_rt").c_str(), bench_single<S, S::hand_single_rt>);
  benchmark::RegisterBenchmark((prefix + "eigen_single").c_str(), bench_single<S, S::eigen_single>);
  benchmark::RegisterBenchmark((prefix + "ctnn_batch").c_str(), bench_batch<S, S::ctnn_batch>);
  benchmark::RegisterBenchmark((prefix + "ctnn_batch_rt").c_str(), bench_batch<S, S::ctnn_batch_rt>);
  benchmark::RegisterBenchmark((prefix + "hand_batch").c_str(), bench_batch<S, S::hand_batch>);
  benchmark::RegisterBenchmark((prefix + "eigen_batch").c_str(), bench_batch<S, S::eigen_batch>);
  benchmark::RegisterBenchmark((prefix + "eigen_block").c_str(), bench_batch<S, S::eigen_block>);
  return true;
}

// Keeps the medians of ns_per_sample while the console reporter prints as usual.
class summary_reporter : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, double> median_ns;  // "float/16-8-1/ctnn_single" -> ns per sample

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs) {
      const auto counter = run.counters.find("ns_per_sample");
      if (counter == run.counters.end()) continue;
      const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      const bool single_run = run.run_type == Run::RT_Iteration && run.repetitions <= 1;
      if (median || single_run) median_ns[run.run_name.str()] = counter->second.value * 1e9;
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

void print_summary(const summary_reporter& reporter) {
  const auto get = [&](const std::string& key) {
    const auto it = reporter.median_ns.find(key);
    return it == reporter.median_ns.end() ? -1.0 : it->second;
  };
  const auto verdict = [](bool met) { return met ? "met" : "not met"; };
  std::printf(
      "\nSummary: median ns per sample (lower is better); ratios are ctnn / other (< 1: ctnn is faster).\n"
      "Eigen batch = the faster of eigen_batch and eigen_block. Targets (issue 5): single <= the faster of\n"
      "the hand loop and Eigen (single); batch <= 0.8 x the fastest other contender, single or batch.\n\n"
      "| shape | ctnn single | hand single | Eigen single | single / hand | single / Eigen | single target "
      "| ctnn batch | hand batch | Eigen batch | batch / hand | batch / Eigen | batch / fastest other "
      "| batch target |\n"
      "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const auto& s : shape_names) {
    const double cs = get(s + "/ctnn_single"), hs = get(s + "/hand_single"), es = get(s + "/eigen_single");
    const double cb = get(s + "/ctnn_batch"), hb = get(s + "/hand_batch");
    const double eb = std::min(get(s + "/eigen_batch"), get(s + "/eigen_block"));
    if (cs < 0 || cb < 0 || hs < 0 || hb < 0 || es < 0 || eb < 0) continue;  // filtered out
    const double fastest = std::min({hs, es, hb, eb});
    std::printf(
        "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s |\n",
        s.c_str(), cs, hs, es, cs / hs, cs / es, verdict(cs <= std::min(hs, es)), cb, hb, eb, cb / hb, cb / eb,
        cb / fastest, verdict(cb <= 0.8 * fastest));
  }
  std::printf(
      "\nWeights the optimiser cannot see (the networks copied into non-const globals): median ns per "
      "sample.\n\n"
      "| shape | ctnn single_rt | hand single_rt | ctnn single_rt / hand single_rt | ctnn batch_rt "
      "| ctnn batch_rt / hand single_rt |\n"
      "|---|---|---|---|---|---|\n");
  for (const auto& s : shape_names) {
    const double c = get(s + "/ctnn_single_rt"), h = get(s + "/hand_single_rt"), b = get(s + "/ctnn_batch_rt");
    if (c < 0 || h < 0 || b < 0) continue;
    std::printf("| %s | %.2f | %.2f | %.2f | %.2f | %.2f |\n", s.c_str(), c, h, c / h, b, b / h);
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Default: 5 repetitions, aggregates only (medians for the summary); flags on the command line win.
  // --check: compare the contenders' outputs, time nothing (CI runs this; exit status 1 on a mismatch).
  std::vector<char*> args{argv[0]};
  bool repetitions_given = false;
  bool check_only = false;
  for (int k = 1; k < argc; ++k) {
    if (std::strcmp(argv[k], "--check") == 0) {
      check_only = true;
      continue;
    }
    repetitions_given |= std::strncmp(argv[k], "--benchmark_repetitions", 23) == 0;
    args.push_back(argv[k]);
  }
  static char repetitions[] = "--benchmark_repetitions=5";
  static char aggregates[] = "--benchmark_report_aggregates_only=true";
  if (!repetitions_given) {
    args.insert(args.begin() + 1, aggregates);
    args.insert(args.begin() + 1, repetitions);
  }
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (benchmark::ReportUnrecognizedArguments(count, args.data())) return 2;

  bool ok = true;
  ok &= add<net_2_2_1<float>>("2-2-1");
  ok &= add<net_16_8_1<float>>("16-8-1");
  ok &= add<net_16_16_16_1<float>>("16-16-16-1");
  ok &= add<net_64_64_1<float>>("64-64-1");
  ok &= add<net_2_2_1<int>>("2-2-1");
  ok &= add<net_16_8_1<int>>("16-8-1");
  ok &= add<net_16_16_16_1<int>>("16-16-16-1");
  ok &= add<net_64_64_1<int>>("64-64-1");
  if (!ok) {
    std::printf("ctnn and the hand loop must agree bit for bit: not timing\n");
    return 1;
  }
  if (check_only) return 0;

  summary_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  print_summary(reporter);
  benchmark::Shutdown();
  return 0;
}
