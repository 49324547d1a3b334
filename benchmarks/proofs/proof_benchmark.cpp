// Box proofs at run time (issue 10): ctnn::prove, the engine of CTNN_PROVE, on the seed network,
// random N-16-16-1 ReLU networks (N = 2 to 8) and random networks of the standard benchmark's size
// (5 inputs, six hidden layers of 50 ReLUs, 5 outputs; boxes of half-width 10^-4 to 10^-2), each
// with an output-bound property expected to hold (the sampled range of output 0 widened by 25 % on
// each side) and one that fails (its upper bound 5 % of the range below the sampled maximum: time
// to a counterexample). Prints the verdict, boxes bounded, depth and wall time per proof, once with
// plain interval bounds (ctnn::bounds) and once with the linear bounds (ctnn::linear_bounds), on the
// same networks and boxes.
//
//   ctnn_proof_benchmark            the table (docs/proofs.md has one), 200,000 boxes per proof at most
//   ctnn_proof_benchmark --boxes N  the same with at most N boxes per proof
//   ctnn_proof_benchmark --check    small budgets, and checks instead of timing: every counterexample
//                                   replays, every "proven" holds at 100,000 sampled inputs (CI)
#include <ctnn/prove.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <utility>

namespace {

bool check_mode = false;
int failures = 0;

template <class Layer>
void randomise(Layer& layer, std::mt19937& g) {
  // He-style scale: weights uniform in +-sqrt(6 / inputs), biases in +-0.1.
  std::uniform_real_distribution<double> w(-std::sqrt(6.0 / Layer::input_size), std::sqrt(6.0 / Layer::input_size));
  std::uniform_real_distribution<double> b(-0.1, 0.1);
  for (std::size_t o = 0; o < Layer::output_size; ++o) {
    layer.biases[o] = b(g);
    for (std::size_t i = 0; i < Layer::input_size; ++i) layer.weights[o][i] = w(g);
  }
}

template <class Net>
Net random_network(std::mt19937& g) {
  Net net{};
  [&]<std::size_t... K>(std::index_sequence<K...>) {
    (randomise(boost::hana::at_c<K>(net.layers), g), ...);
  }(std::make_index_sequence<Net::layer_count>{});
  return net;
}

template <std::size_t N>
std::array<double, N> sample(const ctnn::box<double, N>& b, std::mt19937& g) {
  std::array<double, N> x{};
  for (std::size_t i = 0; i < N; ++i) {
    std::uniform_real_distribution<double> u(b[i].lower, b[i].upper);
    x[i] = u(g);
  }
  return x;
}

// The sampled range of output 0 over the box.
template <class Net, std::size_t N>
std::pair<double, double> sampled_range(const Net& net, const ctnn::box<double, N>& b, std::mt19937& g) {
  double lo = HUGE_VAL, hi = -HUGE_VAL;
  for (int s = 0; s < 20000; ++s) {
    const double y = net(sample(b, g))[0];
    lo = std::min(lo, y);
    hi = std::max(hi, y);
  }
  return {lo, hi};
}

const char* verdict_name(ctnn::verdict v) {
  return v == ctnn::verdict::proven ? "proven" : v == ctnn::verdict::counterexample ? "counterexample" : "unknown";
}

// Output 0 within [lo, hi] (the other outputs unconstrained).
template <class Net>
auto output0_within(double lo, double hi) {
  std::array<ctnn::interval<double>, Net::output_size> allowed{};
  for (auto& a : allowed) a = {-1e300, 1e300};
  allowed[0] = {lo, hi};
  return ctnn::outputs_within(allowed);
}

template <class Net, std::size_t N, class Property>
void run(const char* name, const char* property_name, const Net& net, const ctnn::box<double, N>& region,
         const Property& property, std::size_t max_boxes, std::mt19937& g) {
  std::printf("%-20s %-8s", name, property_name);
  for (const auto method : {ctnn::bound_method::intervals, ctnn::bound_method::linear}) {
    ctnn::proof_options options{max_boxes, 40};
    options.method = method;
    const auto start = std::chrono::steady_clock::now();
    const auto r = ctnn::prove(net, region, property, options);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (check_mode) {
      if (r.verdict == ctnn::verdict::counterexample &&
          (!region.contains(r.counterexample) || net(r.counterexample) != r.outputs || property.holds(r.outputs))) {
        std::printf("\nFAIL %s %s: the counterexample does not replay\n", name, property_name);
        ++failures;
      }
      if (r.verdict == ctnn::verdict::proven) {
        for (int s = 0; s < 100000; ++s) {
          if (!property.holds(net(sample(region, g)))) {
            std::printf("\nFAIL %s %s: proven, but a sampled input violates it\n", name, property_name);
            ++failures;
            break;
          }
        }
      }
      std::printf(" | %-14s %7zu boxes d%2zu", verdict_name(r.verdict), r.boxes, r.depth);
    } else {
      std::printf(" | %-14s %7zu boxes d%2zu %9.1f ms", verdict_name(r.verdict), r.boxes, r.depth, ms);
    }
  }
  std::printf("\n");
}

template <class Net, std::size_t N>
void holds_and_fails(const char* name, const Net& net, const ctnn::box<double, N>& region, std::size_t max_boxes,
                     std::mt19937& g) {
  const auto [lo, hi] = sampled_range(net, region, g);
  const double width = hi - lo;
  run(name, "holds", net, region, output0_within<Net>(lo - 0.25 * width, hi + 0.25 * width), max_boxes, g);
  run(name, "fails", net, region, output0_within<Net>(lo - 0.25 * width, hi - 0.05 * width), max_boxes, g);
}

template <std::size_t N>
ctnn::box<double, N> unit_box() {
  ctnn::box<double, N> b{};
  for (auto& r : b.ranges) r = {-1, 1};
  return b;
}

template <std::size_t N>
using small_net = decltype(ctnn::network(std::declval<ctnn::dense_layer<N, 16, double, ctnn::relu_t>>(),
                                         std::declval<ctnn::dense_layer<16, 16, double, ctnn::relu_t>>(),
                                         std::declval<ctnn::dense_layer<16, 1, double, ctnn::identity_t>>()));
using hidden50 = ctnn::dense_layer<50, 50, double, ctnn::relu_t>;
using standard_net =
    decltype(ctnn::network(std::declval<ctnn::dense_layer<5, 50, double, ctnn::relu_t>>(), std::declval<hidden50>(),
                           std::declval<hidden50>(), std::declval<hidden50>(), std::declval<hidden50>(),
                           std::declval<hidden50>(), std::declval<ctnn::dense_layer<50, 5, double, ctnn::identity_t>>()));

template <std::size_t... N>
void small_networks(std::mt19937& g, std::size_t max_boxes, std::index_sequence<N...>) {
  (
      [&] {
        const std::string name = std::to_string(N) + "-16-16-1";
        holds_and_fails(name.c_str(), random_network<small_net<N>>(g), unit_box<N>(), max_boxes, g);
      }(),
      ...);
}

}  // namespace

int main(int argc, char** argv) {
  check_mode = argc > 1 && std::strcmp(argv[1], "--check") == 0;
  std::size_t max_boxes = check_mode ? 20000 : 200000;
  if (argc > 2 && std::strcmp(argv[1], "--boxes") == 0) max_boxes = std::stoul(argv[2]);
  std::mt19937 g(20261202);
  std::printf("ctnn::prove at run time, budget %zu boxes, depth 40%s\n", max_boxes,
              check_mode ? " (--check: outcomes checked, not timed)" : "");
  std::printf("%-20s %-8s | %-44s | %s\n", "network, box", "property", "interval bounds", "linear bounds");

  constexpr auto buy = ctnn::scalar_cast<double>(ctnn::network(
      ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu), ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu)));
  run("seed [0,.1]x[.9,1]", "buy", buy, ctnn::box<double, 2>{{{{0, 0.1}, {0.9, 1}}}},
      ctnn::always(ctnn::above(0.0), true), max_boxes, g);
  run("seed [0,.3]^2", "not buy", buy, ctnn::box<double, 2>{{{{0, 0.3}, {0, 0.3}}}},
      ctnn::always(ctnn::above(0.0), false), max_boxes, g);
  run("seed [0,.2]x[.8,1]", "buy", buy, ctnn::box<double, 2>{{{{0, 0.2}, {0.8, 1}}}},
      ctnn::always(ctnn::above(0.0), true), max_boxes, g);

  small_networks(g, max_boxes, std::index_sequence<2, 3, 4, 5, 6, 7, 8>{});

  // Small boxes: through six layers of 50 random relus, plain intervals grow about 3 times per layer
  // and the linear bounds' relaxations add up too; at most 20,000 boxes per proof (2,000 in --check).
  const std::size_t standard_boxes = std::min<std::size_t>(max_boxes, check_mode ? 2000 : 20000);
  for (int k = 0; k < (check_mode ? 1 : 3); ++k) {
    const auto net = random_network<standard_net>(g);
    for (const double half : {0.0001, 0.001, 0.01}) {
      ctnn::box<double, 5> region{};
      for (auto& r : region.ranges) r = {-half, half};
      char name[32];
      std::snprintf(name, sizeof name, "5-50x6-5 #%d +-%g", k, half);
      holds_and_fails(name, net, region, standard_boxes, g);
    }
  }
  if (check_mode) std::printf(failures ? "%d FAILURES\n" : "all outcomes checked\n", failures);
  return failures ? 1 : 0;
}
