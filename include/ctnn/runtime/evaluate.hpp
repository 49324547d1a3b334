/// @file runtime/evaluate.hpp
/// Run-time evaluation of the very network object that was verified at compile time: on
/// `std::array` (size checked at compile time), on `std::span` / `std::vector` (size checked at run
/// time, with an exception that names both sizes), on batches, and on records (named inputs).
/// Inputs from command-line text: runtime/parse.hpp.
///
/// At run time, evaluation goes through the vector kernels of ctnn/kernels/kernels.hpp (g++ and
/// clang++ on x86-64; float, double, and integers where the target has vector multiplies): one sample with a layer's
/// outputs side by side in vector lanes, a batch with samples side by side. Every output is computed
/// with the compile-time operations in the compile-time order, so the bits are those that
/// static_assert checked. Nothing allocates except the overload that returns a std::vector.
#pragma once

#include <array>
#include <cstddef>
#include <iterator>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <ctnn/config.hpp>
#include <ctnn/diagnostic/errors.hpp>
#include <ctnn/kernels/kernels.hpp>
#include <ctnn/model/network.hpp>
#include <ctnn/record/record.hpp>

CTNN_DETAIL_PRECISE_FLOAT_BEGIN

namespace ctnn {

/// Thrown when a run-time input or output buffer has the wrong size. `what()` names both sizes, in
/// `unit`s (values, or rows for spans of rows).
class size_error : public std::invalid_argument {
 public:
  /// The error of function `where`: "where: expected N units, got M" (the unit pluralised unless N is 1).
  size_error(const char* where, std::size_t expected, std::size_t actual, const char* unit = "value")
      : std::invalid_argument(std::string(where) + ": expected " + std::to_string(expected) + " " + unit +
                              (expected == 1 ? "" : "s") + ", got " + std::to_string(actual)),
        expected_(expected),
        actual_(actual) {}
  /// The size expected (for a batch that is not a whole number of rows, the next multiple of the input
  /// count).
  std::size_t expected() const noexcept { return expected_; }
  /// The size given.
  std::size_t actual() const noexcept { return actual_; }

 private:
  std::size_t expected_;
  std::size_t actual_;
};

namespace detail {
/// The batch seam: `rows` rows, in(r, i) reading input i of row r and out(r, o, v) writing output o;
/// side by side in the kernels' lanes at run time when they take the scalar, else one row at a time
/// through the constexpr path. Same bits either way.
template <class Net, class In, class Out>
CTNN_RUNTIME_INLINE constexpr void forward_rows(const Net& net, const In& in, const Out& out, std::size_t rows) {
  using T = typename Net::scalar_type;
  if (on_kernels<T>()) {
    kernels::evaluate_rows(net, in, out, rows);
    return;
  }
  for (std::size_t r = 0; r < rows; ++r) {
    typename Net::input_type x{};
    for (std::size_t i = 0; i < Net::input_size; ++i) x[i] = in(r, i);
    const auto y = net(x);
    for (std::size_t o = 0; o < Net::output_size; ++o) out(r, o, y[o]);
  }
}
}  // namespace detail

/// Evaluates `net` on a `std::array` whose size must equal the input count (checked at compile
/// time). Values are converted to the network's scalar type. Allocates nothing.
template <network_like Net, class U, std::size_t N>
CTNN_RUNTIME_INLINE constexpr typename Net::output_type evaluate(const Net& net, const std::array<U, N>& x) {
  if constexpr (!detail::check_input_count<Net::input_size, N>()) {
    return {};  // the named error is shown
  } else if constexpr (std::is_same_v<U, typename Net::scalar_type>) {
    return net(x);
  } else {
    typename Net::input_type converted{};
    for (std::size_t i = 0; i < N; ++i) converted[i] = static_cast<typename Net::scalar_type>(x[i]);
    return net(converted);
  }
}

/// Evaluates `net` on a braced list of its scalar type, `ctnn::evaluate(net, {0, 1})`, whose length
/// must equal the input count (checked at compile time).
template <network_like Net, std::size_t N>
CTNN_RUNTIME_INLINE constexpr typename Net::output_type evaluate(const Net& net,
                                                                 const typename Net::scalar_type (&x)[N]) {
  if constexpr (!detail::check_input_count<Net::input_size, N>()) {
    return {};  // the named error is shown
  } else {
    return net(std::to_array(x));
  }
}

namespace detail {
template <class T>
inline constexpr bool is_std_array = false;
template <class T, std::size_t N>
inline constexpr bool is_std_array<std::array<T, N>> = true;
/// The element type of a contiguous sequence (`std::data` works on it), without <ranges>.
template <class Sequence>
using element_of = std::remove_cvref_t<decltype(*std::data(std::declval<const Sequence&>()))>;
}  // namespace detail

/// Names a compile error: a run-time sequence of `Given` values was passed to a network that
/// computes in `Scalar` (convert the values, or give a `std::array`, which converts them).
template <class Given, class Scalar>
struct input_values_must_have_the_network_scalar_type;

/// A contiguous sequence of another type than the network's scalar: a compile error naming both.
template <network_like Net, class Sequence>
  requires requires(const Sequence& s) { std::data(s); std::size(s); } &&
           (!std::is_same_v<detail::element_of<Sequence>, typename Net::scalar_type> &&
            !detail::is_std_array<std::remove_cvref_t<Sequence>>)
constexpr typename Net::output_type evaluate(const Net&, const Sequence&) {
  static_assert(detail::named_error<input_values_must_have_the_network_scalar_type<detail::element_of<Sequence>,
                                                                                   typename Net::scalar_type>>,
                "ctnn::evaluate: a run-time sequence must hold the network's scalar type (a std::array "
                "of another type converts)");
  return {};
}

/// Evaluates `net` on a run-time sized sequence (a `std::vector` converts). Throws `ctnn::size_error`
/// when `x.size()` differs from the input count.
template <network_like Net>
CTNN_RUNTIME_INLINE constexpr typename Net::output_type evaluate(
    const Net& net, std::span<const typename Net::scalar_type> x) {
  if (x.size() != Net::input_size) throw size_error("ctnn::evaluate", Net::input_size, x.size());
  typename Net::output_type y;
  detail::forward(net, x.data(), y.data());  // straight from the caller's values, no copy
  return y;
}

/// Evaluates a batch: `inputs` holds rows of input_size values one after another, `outputs` receives
/// rows of output_size values. Throws `ctnn::size_error` when `inputs` is not a whole number of rows
/// or `outputs` does not have room for exactly that many (and then writes nothing). Allocates
/// nothing. At run time the samples are computed side by side in vector lanes, each output with the
/// operations, in the order, of the compile-time evaluation: the bits are those of `net(row)`.
template <network_like Net>
CTNN_RUNTIME_INLINE constexpr void evaluate_batch(const Net& net, std::span<const typename Net::scalar_type> inputs,
                              std::span<typename Net::scalar_type> outputs) {
  constexpr std::size_t in = Net::input_size;
  constexpr std::size_t out = Net::output_size;
  if (inputs.size() % in != 0)
    throw size_error("ctnn::evaluate_batch (inputs, a multiple of the input count)",
                     (inputs.size() / in + 1) * in, inputs.size());
  const std::size_t rows = inputs.size() / in;
  if (outputs.size() != rows * out)
    throw size_error("ctnn::evaluate_batch (outputs)", rows * out, outputs.size());
  using T = typename Net::scalar_type;
  const T* const x = inputs.data();
  T* const y = outputs.data();
  detail::forward_rows(
      net, [x](std::size_t r, std::size_t i) { return x[r * in + i]; },
      [y](std::size_t r, std::size_t o, T value) { y[r * out + o] = value; }, rows);
}

/// Evaluates a batch of fixed-size rows into `outputs`, one output row per input row. Throws
/// `ctnn::size_error` when the two spans differ in length (and then writes nothing). Allocates
/// nothing; same kernels and bits as the flat overload above.
template <network_like Net>
CTNN_RUNTIME_INLINE constexpr void evaluate_batch(const Net& net, std::span<const typename Net::input_type> rows,
                              std::span<typename Net::output_type> outputs) {
  if (outputs.size() != rows.size())
    throw size_error("ctnn::evaluate_batch (output rows, one per input row)", rows.size(), outputs.size(),
                     "row");
  using T = typename Net::scalar_type;
  detail::forward_rows(
      net, [rows](std::size_t r, std::size_t i) { return rows[r][i]; },
      [outputs](std::size_t r, std::size_t o, T value) { outputs[r][o] = value; }, rows.size());
}

/// Evaluates a batch of fixed-size rows into a new vector (convenient; allocates the result, once).
template <network_like Net>
std::vector<typename Net::output_type> evaluate_batch(const Net& net,
                                                      std::span<const typename Net::input_type> rows) {
  std::vector<typename Net::output_type> results(rows.size());
  evaluate_batch(net, rows, std::span<typename Net::output_type>(results));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Named inputs.

/// Evaluates `net` on a record, its fields being the inputs in order (converted to the network's
/// scalar type). The field count must equal the input count (checked at compile time).
template <network_like Net, record R>
constexpr typename Net::output_type evaluate(const Net& net, const R& r) {
  if constexpr (!detail::check_record_fields<R, Net::input_size>())
    return {};  // the named error is shown
  else
    return net(to_inputs<typename Net::scalar_type>(r));
}

}  // namespace ctnn

CTNN_DETAIL_PRECISE_FLOAT_END
