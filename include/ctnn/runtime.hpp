/// @file runtime.hpp
/// Run-time evaluation of the very network object that was verified at compile time: on
/// `std::array` (size checked at compile time), on `std::span` / `std::vector` (size checked at run
/// time, with an exception that names both sizes), on batches, and on command-line text.
///
/// At run time, evaluation goes through the vector kernels of ctnn/detail/kernels.hpp (g++ and
/// clang++ on x86-64; float, double, and integers where the target has vector multiplies): one sample with a layer's
/// outputs side by side in vector lanes, a batch with samples side by side. Every output is computed
/// with the compile-time operations in the compile-time order, so the bits are those that
/// static_assert checked. Nothing allocates except the overload that returns a std::vector.
#pragma once

#include <array>
#include <charconv>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

#include <ctnn/network.hpp>

namespace ctnn {

/// Thrown when a run-time input or output buffer has the wrong size. `what()` names both sizes, in
/// `unit`s (values, or rows for spans of rows).
class size_error : public std::invalid_argument {
 public:
  size_error(const char* where, std::size_t expected, std::size_t actual, const char* unit = "value")
      : std::invalid_argument(std::string(where) + ": expected " + std::to_string(expected) + " " + unit +
                              (expected == 1 ? "" : "s") + ", got " + std::to_string(actual)),
        expected_(expected),
        actual_(actual) {}
  std::size_t expected() const noexcept { return expected_; }
  std::size_t actual() const noexcept { return actual_; }

 private:
  std::size_t expected_;
  std::size_t actual_;
};

/// Names a compile error: the network takes `NetworkInputs` values, the array holds `ArrayInputs`.
template <std::size_t NetworkInputs, std::size_t ArrayInputs>
struct input_count_differs_from_network;

namespace detail {
template <std::size_t Expected, std::size_t Given>
constexpr bool check_input_count() {
  if constexpr (Expected != Given) {
    static_assert(Expected == Given,
                  "ctnn::evaluate: the array's size differs from the network's input count; "
                  "ctnn::input_count_differs_from_network<network inputs, array size> shows both");
    return sizeof(input_count_differs_from_network<Expected, Given>) > 0;
  }
  return true;
}
}  // namespace detail

/// Evaluates `net` on a `std::array` whose size must equal the input count (checked at compile
/// time). Values are converted to the network's scalar type. Allocates nothing.
template <network_like Net, class U, std::size_t N>
CTNN_RUNTIME_INLINE constexpr typename Net::output_type evaluate(const Net& net, const std::array<U, N>& x) {
  static_assert(detail::check_input_count<Net::input_size, N>());
  if constexpr (std::is_same_v<U, typename Net::scalar_type>) {
    return net(x);
  } else {
    typename Net::input_type converted{};
    for (std::size_t i = 0; i < N; ++i) converted[i] = static_cast<typename Net::scalar_type>(x[i]);
    return net(converted);
  }
}

/// Evaluates `net` on a run-time sized sequence (a `std::vector` converts). Throws `ctnn::size_error`
/// when `x.size()` differs from the input count.
template <network_like Net>
CTNN_RUNTIME_INLINE constexpr typename Net::output_type evaluate(
    const Net& net, std::span<const typename Net::scalar_type> x) {
  if (x.size() != Net::input_size) throw size_error("ctnn::evaluate", Net::input_size, x.size());
#if CTNN_KERNELS
  if constexpr (detail::kernels::supported_network<Net>) {
    if (!std::is_constant_evaluated()) {  // run time: straight from the caller's values, no copy
      typename Net::output_type y;
      detail::kernels::evaluate_one(net, x.data(), y.data());
      return y;
    }
  }
#endif
  typename Net::input_type fixed{};
  for (std::size_t i = 0; i < Net::input_size; ++i) fixed[i] = x[i];
  return net(fixed);
}

/// Evaluates a batch: `inputs` holds rows of input_size values one after another, `outputs` receives
/// rows of output_size values. Throws `ctnn::size_error` when `inputs` is not a whole number of rows
/// or `outputs` does not have room for exactly that many (and then writes nothing). Allocates
/// nothing. At run time the samples are computed side by side in vector lanes, each output with the
/// operations, in the order, of the compile-time evaluation: the bits are those of `net(row)`.
template <network_like Net>
constexpr void evaluate_batch(const Net& net, std::span<const typename Net::scalar_type> inputs,
                              std::span<typename Net::scalar_type> outputs) {
  constexpr std::size_t in = Net::input_size;
  constexpr std::size_t out = Net::output_size;
  if (inputs.size() % in != 0)
    throw size_error("ctnn::evaluate_batch (inputs, a multiple of the input count)",
                     (inputs.size() / in + 1) * in, inputs.size());
  const std::size_t rows = inputs.size() / in;
  if (outputs.size() != rows * out)
    throw size_error("ctnn::evaluate_batch (outputs)", rows * out, outputs.size());
#if CTNN_KERNELS
  if constexpr (detail::kernels::supported_network<Net>) {
    if (!std::is_constant_evaluated()) {  // run time: samples side by side in vector lanes
      using T = typename Net::scalar_type;
      const T* const x = inputs.data();
      T* const y = outputs.data();
      detail::kernels::evaluate_rows(
          net, [x](std::size_t r, std::size_t i) { return x[r * in + i]; },
          [y](std::size_t r, std::size_t o, T value) { y[r * out + o] = value; }, rows);
      return;
    }
  }
#endif
  for (std::size_t r = 0; r < rows; ++r) {
    typename Net::input_type x{};
    for (std::size_t i = 0; i < in; ++i) x[i] = inputs[r * in + i];
    const auto y = net(x);
    for (std::size_t o = 0; o < out; ++o) outputs[r * out + o] = y[o];
  }
}

/// Evaluates a batch of fixed-size rows into `outputs`, one output row per input row. Throws
/// `ctnn::size_error` when the two spans differ in length (and then writes nothing). Allocates
/// nothing; same kernels and bits as the flat overload above.
template <network_like Net>
constexpr void evaluate_batch(const Net& net, std::span<const typename Net::input_type> rows,
                              std::span<typename Net::output_type> outputs) {
  if (outputs.size() != rows.size())
    throw size_error("ctnn::evaluate_batch (output rows, one per input row)", rows.size(), outputs.size(),
                     "row");
#if CTNN_KERNELS
  if constexpr (detail::kernels::supported_network<Net>) {
    if (!std::is_constant_evaluated()) {
      using T = typename Net::scalar_type;
      detail::kernels::evaluate_rows(
          net, [rows](std::size_t r, std::size_t i) { return rows[r][i]; },
          [outputs](std::size_t r, std::size_t o, T value) { outputs[r][o] = value; }, rows.size());
      return;
    }
  }
#endif
  for (std::size_t r = 0; r < rows.size(); ++r) outputs[r] = net(rows[r]);
}

/// Evaluates a batch of fixed-size rows into a new vector (convenient; allocates the result, once).
template <network_like Net>
std::vector<typename Net::output_type> evaluate_batch(const Net& net,
                                                      std::span<const typename Net::input_type> rows) {
  std::vector<typename Net::output_type> results(rows.size());
  evaluate_batch(net, rows, std::span<typename Net::output_type>(results));
  return results;
}

/// Thrown by `parse_inputs` for text that is not a number of the scalar type, or a wrong count.
class parse_error : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Parses one number of type T (integers in base 10, or floating point) from the whole of `text`.
template <class T>
T parse_value(std::string_view text) {
  static_assert(std::is_arithmetic_v<T>, "ctnn::parse_value: T must be an integer or floating type");
  T value{};
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (text.size() > 1 && text.front() == '+' && text[1] != '-') ++first;  // from_chars rejects a leading '+'
  const auto [end, error] = std::from_chars(first, last, value);
  if (text.empty() || error == std::errc::invalid_argument || end != last)
    throw parse_error("not a number: '" + std::string(text) + "'");
  if (error == std::errc::result_out_of_range)
    throw parse_error("out of range: '" + std::string(text) + "'");
  return value;
}

/// Parses exactly `N` numbers of type T (e.g. from `argv + 1`); throws `ctnn::parse_error` naming the
/// first bad value, or both counts when there are not exactly N.
template <class T, std::size_t N>
std::array<T, N> parse_inputs(std::span<const char* const> texts) {
  if (texts.size() != N)
    throw parse_error("expected " + std::to_string(N) + " inputs, got " + std::to_string(texts.size()));
  std::array<T, N> x{};
  for (std::size_t i = 0; i < N; ++i) x[i] = parse_value<T>(texts[i]);
  return x;
}

}  // namespace ctnn
