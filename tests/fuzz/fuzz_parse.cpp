// Fuzzer: ctnn::parse_value<T> and ctnn::parse_inputs<T, N> for int, long long, float and double.
//
// The oracle does not call std::from_chars. For each T, the text is classified by a grammar written
// here (std::from_chars' grammar, after parse_value's optional leading '+'):
//   integers  "+"? digits | "-" digits  (base 10; "+-1", " 1", "0x1" are not numbers)
//   floating  "+"? "-"? (digits ["." digits*] | "." digits) [("e"|"E") ["+"|"-"] digits]
//             | "+"? "-"? ("inf" | "infinity" | "nan" | "nan(" [A-Za-z0-9_]* ")"), any case
// Text outside the grammar must throw ctnn::parse_error "not a number: '<text>'". Text inside must
// either give a value or throw "out of range: '<text>'":
//   integers  the value, printed by std::to_string, is the text without its '+' and leading zeros
//             ("-0" prints as "0"); out of range exactly when that decimal string is beyond
//             std::numeric_limits<T> (compared as strings of digits);
//   floating  the value's bits equal those of std::strtod / std::strtof on the same text (C locale;
//             for NaN: NaN with the same sign bit, the payload is not compared), and out of range
//             exactly when strtod/strtof report ERANGE with a result of infinity or zero (overflow,
//             or underflow to zero; a subnormal result is a value: libstdc++'s from_chars rule).
// (what() is a C string: for a text with a NUL, which argv cannot hold, the message ends there.)
// Any other exception, or none where one is due, aborts (a finding). parse_inputs<T, 2> and
// parse_inputs<T, 3> get the text cut at each '\n' (as C strings, so a piece ends at its first NUL):
// a wrong count throws "expected N inputs, got M", else the result is that of parse_value on each
// piece, or the first bad piece's error.
#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <ctnn/runtime/parse.hpp>

namespace {

[[noreturn]] void fail(const char* what, std::string_view text, const std::string& detail = "") {
  std::fprintf(stderr, "fuzz_parse: %s\n  text (%zu bytes): '%.*s'\n  %s\n", what, text.size(),
               static_cast<int>(text.size() > 200 ? 200 : text.size()), text.data(), detail.c_str());
  std::abort();
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum_(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool equals_nocase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != b[i]) return false;
  }
  return true;
}

// The text after parse_value's one optional '+' (which is skipped only before something other than '-').
std::string_view after_plus(std::string_view text) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-') text.remove_prefix(1);
  return text;
}

// Integers: the canonical decimal string ("-123", "0"), or empty when the text is not a number.
std::string integer_canonical(std::string_view text) {
  std::string_view t = after_plus(text);
  bool negative = false;
  if (!t.empty() && t[0] == '-') {
    negative = true;
    t.remove_prefix(1);
  }
  if (t.empty()) return {};
  for (char c : t)
    if (!is_digit(c)) return {};
  while (t.size() > 1 && t[0] == '0') t.remove_prefix(1);
  if (t == "0") return "0";
  return (negative ? "-" : "") + std::string(t);
}

// a, b canonical decimal strings: a < b?
bool decimal_less(const std::string& a, const std::string& b) {
  const bool na = a[0] == '-', nb = b[0] == '-';
  if (na != nb) return na;
  const std::string_view ma = std::string_view(a).substr(na), mb = std::string_view(b).substr(nb);
  const bool magnitude_less = ma.size() != mb.size() ? ma.size() < mb.size() : ma < mb;
  const bool magnitude_greater = ma.size() != mb.size() ? ma.size() > mb.size() : ma > mb;
  return na ? magnitude_greater : magnitude_less;
}

bool floating_grammar(std::string_view text) {
  std::string_view t = after_plus(text);
  if (!t.empty() && t[0] == '-') t.remove_prefix(1);
  if (equals_nocase(t, "inf") || equals_nocase(t, "infinity") || equals_nocase(t, "nan")) return true;
  if (t.size() >= 5 && equals_nocase(t.substr(0, 4), "nan(") && t.back() == ')') {
    for (char c : t.substr(4, t.size() - 5))
      if (!is_alnum_(c)) return false;
    return true;
  }
  std::size_t i = 0, digits = 0;
  while (i < t.size() && is_digit(t[i])) ++i, ++digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && is_digit(t[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    std::size_t exponent_digits = 0;
    while (i < t.size() && is_digit(t[i])) ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == t.size();
}

// What parse_value<T>(text) must do.
template <class T>
struct expectation {
  enum { value, not_a_number, out_of_range } kind;
  T v{};
};

template <class T>
expectation<T> expect(std::string_view text) {
  if constexpr (std::is_integral_v<T>) {
    const std::string canonical = integer_canonical(text);
    if (canonical.empty()) return {expectation<T>::not_a_number};
    const std::string lowest = std::to_string(std::numeric_limits<T>::min());
    const std::string highest = std::to_string(std::numeric_limits<T>::max());
    if (decimal_less(canonical, lowest) || decimal_less(highest, canonical)) return {expectation<T>::out_of_range};
    return {expectation<T>::value};  // the value is checked through its canonical string
  } else {
    if (text.find('\0') != std::string_view::npos || !floating_grammar(text)) return {expectation<T>::not_a_number};
    const std::string c_text(after_plus(text));
    errno = 0;
    char* end = nullptr;
    T v;
    if constexpr (std::is_same_v<T, float>)
      v = std::strtof(c_text.c_str(), &end);
    else
      v = std::strtod(c_text.c_str(), &end);
    if (end != c_text.c_str() + c_text.size()) fail("strtod did not read the whole text the grammar accepts", text);
    if (errno == ERANGE && (std::isinf(v) || v == T(0))) return {expectation<T>::out_of_range};
    return {expectation<T>::value, v};
  }
}

template <class T>
bool same_value(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(a)) return std::isnan(b) && std::signbit(a) == std::signbit(b);
    return std::memcmp(&a, &b, sizeof a) == 0;
  } else {
    return a == b;
  }
}

template <class T>
std::string show(T v) {
  char buffer[64];
  if constexpr (std::is_floating_point_v<T>)
    std::snprintf(buffer, sizeof buffer, "%a", static_cast<double>(v));
  else
    std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(v));
  return buffer;
}

// Checks parse_value<T>(text) against the oracle; returns the message it threw ("" if none).
template <class T>
std::string check_value(std::string_view text) {
  const expectation<T> e = expect<T>(text);
  std::string message;
  T got{};
  bool threw = false;
  try {
    got = ctnn::parse_value<T>(text);
  } catch (const ctnn::parse_error& error) {
    threw = true;
    message = error.what();
    // The parts: what() is "<reason>: '<text>'" (cut at a NUL in the text), reason() and text() its pieces.
    const std::string head = std::string(error.reason()) + ": '";
    if (!error.quotes_text() || message.compare(0, head.size(), head) != 0 ||
        error.text() != std::string(std::string(text).c_str()))
      fail("reason() and text() are not the parts of what()", text, message);
  } catch (...) {
    fail("parse_value threw something other than ctnn::parse_error", text);
  }
  // what() is a C string: a text with a NUL (impossible in argv) is quoted up to the NUL.
  const auto c_string = [](const std::string& s) { return std::string(s.c_str()); };
  const std::string quoted = "'" + std::string(text) + "'";
  switch (e.kind) {
    case expectation<T>::not_a_number:
      if (!threw) fail("parse_value accepted text that is not a number", text, "value " + show(got));
      if (message != c_string("not a number: " + quoted)) fail("wrong message for not a number", text, message);
      break;
    case expectation<T>::out_of_range:
      if (!threw) fail("parse_value accepted an out-of-range number", text, "value " + show(got));
      if (message != c_string("out of range: " + quoted)) fail("wrong message for out of range", text, message);
      break;
    case expectation<T>::value:
      if (threw) fail("parse_value rejected a number", text, message);
      if constexpr (std::is_integral_v<T>) {
        if (std::to_string(got) != integer_canonical(text))
          fail("integer does not round-trip", text, std::to_string(got));
      } else {
        if (!same_value(got, e.v)) fail("value differs from strtod's", text, show(got) + " vs " + show(e.v));
      }
      break;
  }
  return message;
}

template <class T, std::size_t N>
void check_inputs(const std::vector<std::string>& pieces) {
  std::vector<const char*> texts;
  for (const auto& p : pieces) texts.push_back(p.c_str());
  std::string expected_message;
  if (pieces.size() != N) {
    expected_message = "expected " + std::to_string(N) + " inputs, got " + std::to_string(pieces.size());
  } else {
    for (const char* t : texts) {
      expected_message = check_value<T>(t);
      if (!expected_message.empty()) break;
    }
  }
  const std::string_view all = pieces.empty() ? std::string_view() : std::string_view(pieces[0]);
  try {
    const std::array<T, N> x = ctnn::parse_inputs<T, N>(std::span<const char* const>(texts));
    if (!expected_message.empty()) fail("parse_inputs accepted what it should refuse", all, expected_message);
    for (std::size_t i = 0; i < N; ++i)
      if (!same_value(x[i], ctnn::parse_value<T>(texts[i]))) fail("parse_inputs differs from parse_value", texts[i]);
  } catch (const ctnn::parse_error& error) {
    if (error.what() != expected_message) fail("parse_inputs: wrong error", all, error.what() + (" vs " + expected_message));
  } catch (...) {
    fail("parse_inputs threw something other than ctnn::parse_error", all);
  }
}

template <class T>
void check_type(std::string_view text, const std::vector<std::string>& pieces) {
  check_value<T>(text);
  check_inputs<T, 2>(pieces);
  check_inputs<T, 3>(pieces);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> pieces;
  if (size <= 4096) {  // parse_inputs on many pieces would only repeat parse_value
    std::size_t from = 0;
    while (from <= text.size()) {
      const std::size_t to = std::min(text.find('\n', from), text.size());
      pieces.emplace_back(text.substr(from, to - from).data(), to - from);
      pieces.back().resize(std::strlen(pieces.back().c_str()));  // a C string ends at its first NUL
      from = to + 1;
    }
  }
  check_type<int>(text, pieces);
  check_type<long long>(text, pieces);
  check_type<float>(text, pieces);
  check_type<double>(text, pieces);
  return 0;
}
