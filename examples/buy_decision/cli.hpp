// buy_decision's command line, as a function: main.cpp calls it with the real argv and streams, the
// fuzzer tests/fuzz/fuzz_cli.cpp with strings. See main.cpp for what the program does.
#pragma once

#include <cstddef>
#include <cstdio>
#include <exception>
#include <limits>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include <boost/hana/at.hpp>
#include <ctnn/ctnn.hpp>
#include <ctnn/proof/guarded.hpp>

namespace buy_decision {

//! [network]
constexpr auto buy = ctnn::network(
    // hidden unit 1 fires (5) only when both inputs are 1; hidden unit 2 only when both are 0
    ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
    // the output is positive only when neither hidden unit fires
    ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

// The exact outputs, row by row: (0,0), (0,1), (1,0), (1,1).
CTNN_VERIFY(buy, ctnn::table({0, 10, 10, 0}), ctnn::exact);
// The decision: buy (output > 0) exactly when design and quality differ.
CTNN_VERIFY(buy, ctnn::truth_table_of([](int design, int quality) { return design != quality; }),
            ctnn::above(0));
//! [network]

inline constexpr auto verified_domain = ctnn::boolean_inputs<2>;
// The network as verified: it evaluates the inputs of verified_domain and refuses the others.
inline constexpr auto verified_buy = ctnn::guarded(buy, verified_domain);

// Inputs outside {0,1} are evaluated too, but int arithmetic must not overflow: with |input| <= 10^6
// the hidden sums stay within 5 * 2 * 10^6 + 5 and the output sum within 10 * 2 * (10^7 + 5) + 10.
inline constexpr int input_limit = 1'000'000;
static_assert(10LL * 2 * (5LL * 2 * input_limit + 5) + 10 < std::numeric_limits<int>::max());

// Exit statuses: 0 done, 1 a write to standard output failed (main.cpp), 2 bad arguments.
inline constexpr int status_ok = 0;
inline constexpr int status_write_error = 1;
inline constexpr int status_usage = 2;

inline constexpr const char* usage =
    "usage: buy_decision [design quality]\n"
    "  with no arguments: print the truth table of the verified network, hidden units included\n"
    "  with two inputs (integers; 0 or 1 is the verified domain, up to +-1000000 is evaluated):\n"
    "    print the decision and the network's output\n"
    "  -h, --help: print this text\n"
    "exit status: 0 done, 1 write error on standard output, 2 bad arguments\n";

// Arguments quoted in messages are cut after this many bytes.
inline constexpr std::size_t quote_limit = 40;

inline bool is_control(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }

// `text` with its control characters escaped (\n, \t, \r, else \xHH): a message stays one line.
inline std::string escaped(std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string s;
  for (const char c : text) {
    if (c == '\n') {
      s += "\\n";
    } else if (c == '\t') {
      s += "\\t";
    } else if (c == '\r') {
      s += "\\r";
    } else if (is_control(c)) {
      s += "\\x";
      s += hex[static_cast<unsigned char>(c) >> 4];
      s += hex[static_cast<unsigned char>(c) & 0xf];
    } else {
      s += c;
    }
  }
  return s;
}

// `argument` as a message quotes it: control characters escaped, and, for an argument longer than
// quote_limit bytes, only its first quote_limit bytes (fewer, so as not to cut a UTF-8 sequence),
// "...", and after the quote its length: 'xxxx...' (131071 bytes).
inline std::string quoted(std::string_view argument) {
  // Appended piece by piece: g++ 12 -O3 warns (-Wrestrict, a false positive) on "'" + std::string.
  std::string s(1, '\'');
  if (argument.size() <= quote_limit) {
    s += escaped(argument);
    s += '\'';
    return s;
  }
  std::size_t cut = quote_limit;
  while (cut > 0 && (static_cast<unsigned char>(argument[cut]) & 0xC0) == 0x80) --cut;
  s += escaped(argument.substr(0, cut));
  s += "...' (";
  s += std::to_string(argument.size());
  s += " bytes)";
  return s;
}

inline const char* decision(int output) { return output > 0 ? "buy" : "not buy"; }

inline void print_table(std::ostream& out) {
  out << "design quality | hidden1 hidden2 | output | decision\n";
  for (std::size_t r = 0; r < verified_domain.size(); ++r) {
    const auto x = verified_domain.row(r);
    const auto layers = buy.trace(x);
    const auto hidden = layers[boost::hana::size_c<0>];
    const int output = layers[boost::hana::size_c<1>][0];
    char line[96];
    std::snprintf(line, sizeof line, "%6d %7d | %7d %7d | %6d | %s\n", x[0], x[1], hidden[0], hidden[1],
                  output, decision(output));
    out << line;
  }
}

// The program, without main's check of standard output: `args` are argv[1..argc-1]. Writes results
// to `out` and messages to `err`; returns the exit status (status_ok or status_usage).
inline int run(std::span<const char* const> args, std::ostream& out, std::ostream& err) {
  for (const char* arg : args) {
    const std::string_view a(arg);
    if (a == "-h" || a == "--help") {
      out << usage;
      return status_ok;
    }
  }
  if (args.empty()) {
    print_table(out);
    return status_ok;
  }
  std::string message;
  try {
    const auto x = ctnn::parse_inputs<int, 2>(args);
    for (const int value : x)
      if (value < -input_limit || value > input_limit)
        throw ctnn::parse_error("input " + std::to_string(value) + " is beyond +-1000000");
    // Inside the verified domain, the guarded network; outside it, the same network unguarded, said so.
    const auto verified = verified_buy.try_evaluate(x);
    const int output = verified ? (*verified)[0] : ctnn::evaluate(buy, x)[0];
    out << decision(output) << " (output " << output << ")"
        << (verified ? "" : " [outside the verified domain {0,1}^2: not checked at compile time]") << "\n";
    return status_ok;
  } catch (const ctnn::parse_error& e) {
    // The rejected text is quoted here, not found again in e.what(): an argument may hold another.
    message = e.quotes_text() ? std::string(e.reason()) + ": " + quoted(e.text()) : e.what();
  }
  err << "buy_decision: " << message << " (usage: buy_decision [design quality], each 0 or 1)\n";
  return status_usage;
}

}  // namespace buy_decision
