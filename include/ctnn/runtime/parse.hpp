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
/// (parse_inputs) a wrong count. For a bad text, `what()` is "<reason>: '<text>'" and `reason()` and
/// `text()` give the two parts, so that a program can quote the text its own way (shortened, escaped);
/// for a wrong count `text()` is empty and `quotes_text()` false. Copying stays noexcept: both parts
/// are views into `what()`.
class parse_error : public std::invalid_argument {
 public:
  /// An error that quotes no text (a wrong count): `reason()` is the whole message.
  explicit parse_error(const std::string& message) : std::invalid_argument(message) {
    reason_length_ = shown_length();
  }
  /// As above, from a C string.
  explicit parse_error(const char* message) : parse_error(std::string(message)) {}
  /// An error that quotes the rejected `text`: `what()` is "<reason>: '<text>'".
  parse_error(std::string_view reason, std::string_view text)
      : std::invalid_argument(std::string(reason) + ": '" + std::string(text) + "'"), quotes_text_(true) {
    // what() is a C string: a NUL in the text (impossible in argv) ends it, and the parts with it.
    const std::size_t shown = shown_length();
    reason_length_ = reason.size() < shown ? reason.size() : shown;
    text_start_ = reason_length_ + 3 < shown ? reason_length_ + 3 : shown;
    text_length_ = text.size() < shown - text_start_ ? text.size() : shown - text_start_;
  }

  /// The message without the quoted text ("not a number", "out of range", "expected 2 inputs, got 3").
  std::string_view reason() const noexcept { return {what(), reason_length_}; }
  /// The text that was rejected, as it was given (empty when the error quotes no text).
  std::string_view text() const noexcept { return {what() + text_start_, text_length_}; }
  /// Whether the message quotes a rejected text (false for a wrong count).
  bool quotes_text() const noexcept { return quotes_text_; }

 private:
  std::size_t shown_length() const noexcept { return std::char_traits<char>::length(what()); }

  std::size_t reason_length_ = 0;
  std::size_t text_start_ = 0;
  std::size_t text_length_ = 0;
  bool quotes_text_ = false;
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
    throw parse_error("not a number", text);
  if (error == std::errc::result_out_of_range)
    throw parse_error("out of range", text);
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
