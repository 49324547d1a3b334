// Fuzzer: run-time evaluation against the differential oracle of oracle.hpp, on the 19 networks of
// networks.hpp (int, long long, float, double; 2-2-1 to 16-8-1 and 9-8-5-2; every activation). Byte 0:
// 0-4 integer networks, 5-13 float, 14-18 double, in the order of `all` below.
//
// Input: byte 0 chooses the network, byte 1 how the rest becomes inputs: even, raw bits (floating
// point: any float or double, NaN, infinities and subnormals included; integers: mapped into
// [-L, L], L = safe_input_limit(net), so no sum can overflow); odd, small values (floating point:
// a 16-bit integer / 256; integers: a byte, signed). The rest is cut into rows of input_size values
// (at most 64 rows; a short rest is padded with zeros, so there is at least one row).
// Each row goes through net(x), ctnn::evaluate on the std::array and on a std::span, and the last
// layer of net.trace(x); all rows at once through ctnn::evaluate_batch, flat spans, spans of rows,
// and the overload that returns a std::vector. Every result must equal the oracle's bit for bit
// (for NaN: see same_bits). A difference prints the network, row, inputs and outputs, and aborts.
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <span>
#include <type_traits>
#include <vector>

#include <boost/hana/at.hpp>

#include "networks.hpp"
#include "oracle.hpp"

namespace {

template <class T>
void print_values(const char* what, const T* v, std::size_t n) {
  std::fprintf(stderr, "  %s:", what);
  for (std::size_t i = 0; i < n; ++i) {
    if constexpr (std::is_floating_point_v<T>) {
      if (std::isnan(v[i])) {  // a NaN's bits: sign and payload
        std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t> bits;
        std::memcpy(&bits, &v[i], sizeof bits);
        std::fprintf(stderr, " nan(0x%llx)", static_cast<unsigned long long>(bits));
      } else {
        std::fprintf(stderr, " %a", static_cast<double>(v[i]));
      }
    } else
      std::fprintf(stderr, " %lld", static_cast<long long>(v[i]));
  }
  std::fprintf(stderr, "\n");
}

template <class Net>
[[noreturn]] void fail(const char* path, std::size_t network, std::size_t row, const typename Net::input_type& x,
                       const typename Net::output_type& expected, const typename Net::output_type& actual) {
  std::fprintf(stderr, "fuzz_evaluate: %s differs from the oracle: network %zu, row %zu\n", path, network, row);
  print_values("inputs", x.data(), x.size());
  print_values("oracle", expected.data(), expected.size());
  print_values("actual", actual.data(), actual.size());
  std::abort();
}

template <class T>
T input_value(const std::uint8_t* bytes, bool small, T limit) {
  if constexpr (std::is_floating_point_v<T>) {
    if (small) {
      std::int16_t k;
      std::memcpy(&k, bytes, sizeof k);
      return static_cast<T>(k) / T(256);
    }
    T v;
    std::memcpy(&v, bytes, sizeof v);
    return v;
  } else {
    if (small) return static_cast<T>(static_cast<std::int8_t>(bytes[0]));
    T v;
    std::memcpy(&v, bytes, sizeof v);
    return static_cast<T>(v % (limit + 1));  // within [-limit, limit]
  }
}

template <const auto& Net>
void check(std::size_t network, bool small, const std::uint8_t* data, std::size_t size) {
  using N = std::remove_cvref_t<decltype(Net)>;
  using T = typename N::scalar_type;
  constexpr std::size_t in = N::input_size, out = N::output_size;
  T limit{};
  if constexpr (std::is_integral_v<T>) {
    constexpr T safe = fuzz::safe_input_limit(Net);
    static_assert(safe >= 1);
    limit = safe;
  }
  constexpr std::size_t value_bytes = sizeof(T);
  const std::size_t row_bytes = in * value_bytes;
  std::size_t rows = size / row_bytes;
  if (rows == 0) rows = 1;
  if (rows > 64) rows = 64;
  std::vector<std::uint8_t> bytes(data, data + size);
  bytes.resize(rows * row_bytes, 0);

  std::vector<typename N::input_type> xs(rows);
  std::vector<typename N::output_type> expected(rows);
  std::vector<T> flat(rows * in);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t i = 0; i < in; ++i) {
      xs[r][i] = input_value<T>(&bytes[(r * in + i) * value_bytes], small, limit);
      flat[r * in + i] = xs[r][i];
    }
    const auto& x = xs[r];
    expected[r] = fuzz::oracle(Net, x);
    const auto check_one = [&](const char* path, const typename N::output_type& y) {
      if (!fuzz::same_bits(y, expected[r])) fail<N>(path, network, r, x, expected[r], y);
    };
    check_one("net(x)", Net(x));
    check_one("ctnn::evaluate(net, std::array)", ctnn::evaluate(Net, x));
    check_one("ctnn::evaluate(net, std::span)", ctnn::evaluate(Net, std::span<const T>(x.data(), x.size())));
    check_one("net.trace(x) (last layer)", Net.trace(x)[boost::hana::size_c<N::layer_count - 1>]);
  }

  std::vector<T> flat_out(rows * out);
  ctnn::evaluate_batch(Net, std::span<const T>(flat), std::span<T>(flat_out));
  std::vector<typename N::output_type> row_out(rows);
  ctnn::evaluate_batch(Net, std::span<const typename N::input_type>(xs), std::span<typename N::output_type>(row_out));
  const std::vector<typename N::output_type> returned =
      ctnn::evaluate_batch(Net, std::span<const typename N::input_type>(xs));
  for (std::size_t r = 0; r < rows; ++r) {
    typename N::output_type y{};
    for (std::size_t o = 0; o < out; ++o) y[o] = flat_out[r * out + o];
    if (!fuzz::same_bits(y, expected[r])) fail<N>("ctnn::evaluate_batch (flat spans)", network, r, xs[r], expected[r], y);
    if (!fuzz::same_bits(row_out[r], expected[r]))
      fail<N>("ctnn::evaluate_batch (spans of rows)", network, r, xs[r], expected[r], row_out[r]);
    if (!fuzz::same_bits(returned[r], expected[r]))
      fail<N>("ctnn::evaluate_batch (returned vector)", network, r, xs[r], expected[r], returned[r]);
  }
}

template <const auto&... Nets>
struct networks {
  static constexpr std::size_t count = sizeof...(Nets);
  static void run(std::size_t k, bool small, const std::uint8_t* data, std::size_t size) {
    std::size_t i = 0;
    ((i++ == k ? check<Nets>(k, small, data, size) : void()), ...);
  }
};

using all = networks<fuzz::int_buy, fuzz::int_6_5_3, fuzz::int_3_4_2, fuzz::int_9_8_5_2, fuzz::ll_4_4_2,
                     fuzz::f_identity, fuzz::f_relu, fuzz::f_step, fuzz::f_hard_tanh, fuzz::f_sigmoid,
                     fuzz::f_tanh, fuzz::f_leaky_relu, fuzz::f_clamp, fuzz::f_5_3_2, fuzz::d_identity,
                     fuzz::d_step, fuzz::d_sigmoid, fuzz::d_leaky_relu, fuzz::d_7_9_3>;
static_assert(all::count == 19, "the seed corpus (tests/fuzz/corpus/evaluate/netNN_*) names networks by index");

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  all::run(data[0] % all::count, (data[1] & 1) != 0, data + 2, size - 2);
  return 0;
}
