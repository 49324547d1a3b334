// Fuzzer: buy_decision's argument handling (examples/buy_decision/cli.hpp, buy_decision::run), with
// string streams for standard output and error.
//
// Input: the arguments, separated by NUL bytes (at most 8; an argument of argv cannot hold a NUL).
// The oracle, written here: "-h" or "--help" anywhere prints the usage, status 0, nothing on stderr;
// no arguments prints the 4-row table, status 0; exactly two arguments that are base-10 integers
// ("+"? digits, or "-" digits) within +-1000000 print "buy (output N)" or "not buy (output N)", N
// computed here in 64-bit arithmetic from the network's weights (relu(10 - 10 relu(5a + 5b - 5)
// - 10 relu(5 - 5a - 5b))), with the note on the verified domain when an input is not 0 or 1;
// anything else is status 2, nothing on stdout, and on stderr exactly one line
// "buy_decision: <reason> (usage: ...)" of at most 320 bytes whatever the arguments' length
// (arguments over 40 bytes are quoted shortened, control characters escaped: 40 bytes may become
// 160). Anything else aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "../../examples/buy_decision/cli.hpp"

namespace {

[[noreturn]] void fail(const char* what, const std::vector<std::string>& args, const std::string& out,
                       const std::string& err) {
  std::fprintf(stderr, "fuzz_cli: %s\n  %zu arguments:", what, args.size());
  for (const auto& a : args) std::fprintf(stderr, " '%.60s'%s", a.c_str(), a.size() > 60 ? "..." : "");
  std::fprintf(stderr, "\n  stdout: %.300s\n  stderr: %.300s\n", out.c_str(), err.c_str());
  std::abort();
}

// The argument as an input: false when it is not an integer within +-1000000.
bool as_input(std::string_view text, long long& value) {
  if (!text.empty() && text[0] == '+') {
    text.remove_prefix(1);
    if (!text.empty() && text[0] == '-') return false;
  }
  bool negative = false;
  if (!text.empty() && text[0] == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  if (text.empty()) return false;
  long long magnitude = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    magnitude = magnitude * 10 + (c - '0');
    if (magnitude > buy_decision::input_limit) return false;
  }
  value = negative ? -magnitude : magnitude;
  return true;
}

// 0 when `text` is a base-10 int as std::from_chars reads it (after an optional '+' not followed by
// '-'), 1 when it is not a number, 2 when it is a number beyond int.
int int_kind(std::string_view text) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-') text.remove_prefix(1);
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty()) return 1;
  long long magnitude = 0;
  bool beyond = false;
  for (const char c : text) {
    if (c < '0' || c > '9') return 1;
    if (!beyond) magnitude = magnitude * 10 + (c - '0');
    beyond = beyond || magnitude > 1LL << 31;
  }
  const bool fits = negative ? magnitude <= 1LL << 31 : magnitude < 1LL << 31;
  return !beyond && fits ? 0 : 2;
}

long long relu(long long x) { return x > 0 ? x : 0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args;
  if (size > 0) {
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    std::size_t from = 0;
    while (from <= all.size() && args.size() < 8) {
      const std::size_t to = std::min(all.find('\0', from), all.size());
      args.emplace_back(all.substr(from, to - from));
      from = to + 1;
    }
  }
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out_stream, err_stream;
  const int status = buy_decision::run(std::span<const char* const>(argv), out_stream, err_stream);
  const std::string out = out_stream.str(), err = err_stream.str();

  bool help = false;
  for (const auto& a : args) help = help || a == "-h" || a == "--help";
  long long a = 0, b = 0;
  const bool inputs = args.size() == 2 && as_input(args[0], a) && as_input(args[1], b);
  if (help || args.empty() || inputs) {
    if (status != buy_decision::status_ok) fail("expected status 0", args, out, err);
    if (!err.empty()) fail("expected nothing on stderr", args, out, err);
    std::string expected;
    if (help) {
      expected = buy_decision::usage;
    } else if (args.empty()) {
      expected =
          "design quality | hidden1 hidden2 | output | decision\n"
          "     0       0 |       0       5 |      0 | not buy\n"
          "     0       1 |       0       0 |     10 | buy\n"
          "     1       0 |       0       0 |     10 | buy\n"
          "     1       1 |       5       0 |      0 | not buy\n";
    } else {
      const long long output = relu(10 - 10 * relu(5 * a + 5 * b - 5) - 10 * relu(5 - 5 * a - 5 * b));
      const bool verified = (a == 0 || a == 1) && (b == 0 || b == 1);
      expected = std::string(output > 0 ? "buy" : "not buy") + " (output " + std::to_string(output) + ")" +
                 (verified ? "" : " [outside the verified domain {0,1}^2: not checked at compile time]") + "\n";
    }
    if (out != expected) fail("wrong output", args, out, err);
  } else {
    if (status != buy_decision::status_usage) fail("expected status 2", args, out, err);
    if (!out.empty()) fail("expected nothing on stdout", args, out, err);
    const std::string prefix = "buy_decision: ";
    const std::string suffix = " (usage: buy_decision [design quality], each 0 or 1)\n";
    if (err.size() > 320) fail("the message is longer than 320 bytes", args, out, err);
    if (err.compare(0, prefix.size(), prefix) != 0 || err.size() < prefix.size() + suffix.size() ||
        err.compare(err.size() - suffix.size(), suffix.size(), suffix) != 0)
      fail("the message is not 'buy_decision: <reason> (usage: ...)'", args, out, err);
    if (err.find('\n') != err.size() - 1) fail("the message is not one line", args, out, err);
    // With two arguments, the first that is not an int is named, quoted as buy_decision::quoted writes
    // it, whatever the other argument holds.
    if (args.size() == 2) {
      for (const auto& arg : args) {
        const int kind = int_kind(arg);
        if (kind == 0) continue;
        const std::string expected =
            prefix + (kind == 1 ? "not a number: " : "out of range: ") + buy_decision::quoted(arg) + suffix;
        if (err != expected) fail("the refused argument is not quoted as expected", args, out, err);
        break;
      }
    }
  }
  return 0;
}
