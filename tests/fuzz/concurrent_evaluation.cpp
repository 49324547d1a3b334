// Several std::threads evaluate the same constexpr networks at once (tests/fuzz/CMakeLists.txt:
// sanitize.concurrent_evaluation, run under ThreadSanitizer by the preset tsan, and under ASan and
// UBSan by the preset sanitize). Each thread evaluates every network on the same inputs, one row at a
// time (net(x), ctnn::evaluate) and as a batch (ctnn::evaluate_batch), round after round, and
// compares every result with the single-thread results computed before the threads start, and
// with the oracle of oracle.hpp. A network is a constant shared by all threads; evaluation must
// write nothing but the caller's outputs, so ThreadSanitizer must see no race.
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <thread>
#include <type_traits>
#include <vector>

#include "networks.hpp"
#include "oracle.hpp"

namespace {

constexpr std::size_t thread_count = 8;
constexpr std::size_t rounds = 50;
constexpr std::size_t rows = 37;  // not a multiple of any lane count: the batch kernels' tails run

template <const auto& Net>
struct job {
  using N = std::remove_cvref_t<decltype(Net)>;
  using T = typename N::scalar_type;
  std::vector<T> inputs;                        // rows * input_size
  std::vector<typename N::output_type> single;  // one thread's results, row by row

  job() {
    std::uint32_t state = 12345;
    for (std::size_t k = 0; k < rows * N::input_size; ++k) {
      const int v = static_cast<int>(fuzz::next(state) % 201u) - 100;
      if constexpr (std::is_floating_point_v<T>)
        inputs.push_back(static_cast<T>(v) / T(16));
      else
        inputs.push_back(static_cast<T>(v % (fuzz::safe_input_limit(Net) + 1)));
    }
    for (std::size_t r = 0; r < rows; ++r) {
      single.push_back(Net(row(r)));
      if (!fuzz::same_bits(single.back(), fuzz::oracle(Net, row(r)))) {
        std::fprintf(stderr, "concurrent_evaluation: one thread's result differs from the oracle\n");
        std::exit(1);
      }
    }
  }

  typename N::input_type row(std::size_t r) const {
    typename N::input_type x{};
    for (std::size_t i = 0; i < N::input_size; ++i) x[i] = inputs[r * N::input_size + i];
    return x;
  }

  // One thread's round: false on any difference.
  bool round() const {
    bool same = true;
    for (std::size_t r = 0; r < rows; ++r) {
      same = same && fuzz::same_bits(Net(row(r)), single[r]);
      same = same && fuzz::same_bits(ctnn::evaluate(Net, row(r)), single[r]);
    }
    std::vector<T> out(rows * N::output_size);
    ctnn::evaluate_batch(Net, std::span<const T>(inputs), std::span<T>(out));
    for (std::size_t r = 0; r < rows; ++r)
      for (std::size_t o = 0; o < N::output_size; ++o) same = same && fuzz::same_bits(out[r * N::output_size + o], single[r][o]);
    return same;
  }
};

}  // namespace

int main() {
  const job<fuzz::int_buy> a;
  const job<fuzz::int_9_8_5_2> b;
  const job<fuzz::f_relu> c;
  const job<fuzz::f_tanh> d;
  const job<fuzz::d_sigmoid> e;
  const job<fuzz::d_7_9_3> f;
  constexpr std::size_t networks = 6;
  std::atomic<std::size_t> differences{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < thread_count; ++t)
    threads.emplace_back([&] {
      while (!go.load()) std::this_thread::yield();  // start together, for the most overlap
      for (std::size_t k = 0; k < rounds; ++k) {
        const bool same = a.round() && b.round() && c.round() && d.round() && e.round() && f.round();
        if (!same) differences.fetch_add(1);
      }
    });
  go.store(true);
  for (auto& t : threads) t.join();
  if (differences.load() != 0) {
    std::printf("concurrent evaluation: %zu rounds differ from one thread's results\n", differences.load());
    return 1;
  }
  std::printf("concurrent evaluation: %zu threads x %zu rounds, %zu networks, all equal to one thread's results\n",
              thread_count, rounds, networks);
  return 0;
}
