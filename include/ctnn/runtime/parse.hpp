/// @file runtime/parse.hpp
/// Inputs from text, for command-line tools: `ctnn::parse_value<T>` and `ctnn::parse_inputs<T, N>`.
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

namespace ctnn {

/// Thrown by `parse_value` and `parse_inputs` for text that is not a number of the scalar type, or
/// (parse_inputs) a wrong count.
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
