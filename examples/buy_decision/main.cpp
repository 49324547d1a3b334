// buy_decision: the seed network. Two yes/no inputs, design and quality; the customer buys when
// exactly one of them is good (both good: too expensive; both bad: nobody wants it). That is XOR,
// which no single ReLU unit can decide, and which two hidden ReLU units can.
//
//   buy_decision          prints the whole truth table, hidden units included
//   buy_decision 0 1      prints the decision and the output for design = 0, quality = 1
#include <cstdio>
#include <exception>
#include <limits>
#include <span>
#include <string>

#include <boost/hana/at.hpp>
#include <ctnn/ctnn.hpp>

namespace {

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

constexpr auto verified_domain = ctnn::boolean_inputs<2>;

const char* decision(int output) { return output > 0 ? "buy" : "not buy"; }

// Inputs outside {0,1} are evaluated too, but int arithmetic must not overflow: with |input| <= 10^6
// the hidden sums stay within 5 * 2 * 10^6 + 5 and the output sum within 10 * 2 * (10^7 + 5) + 10.
constexpr int input_limit = 1'000'000;
static_assert(10LL * 2 * (5LL * 2 * input_limit + 5) + 10 < std::numeric_limits<int>::max());

void print_table() {
  std::printf("design quality | hidden1 hidden2 | output | decision\n");
  for (std::size_t r = 0; r < verified_domain.size(); ++r) {
    const auto x = verified_domain.row(r);
    const auto layers = buy.trace(x);
    const auto hidden = layers[boost::hana::size_c<0>];
    const int output = layers[boost::hana::size_c<1>][0];
    std::printf("%6d %7d | %7d %7d | %6d | %s\n", x[0], x[1], hidden[0], hidden[1], output,
                decision(output));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 1) {
    print_table();
    return 0;
  }
  try {
    const auto x = ctnn::parse_inputs<int, 2>(std::span<const char* const>(argv + 1, argc - 1));
    for (const int value : x)
      if (value < -input_limit || value > input_limit)
        throw ctnn::parse_error("input " + std::to_string(value) + " is beyond +-1000000");
    const int output = ctnn::evaluate(buy, x)[0];
    std::printf("%s (output %d)%s\n", decision(output), output,
                verified_domain.contains(x) ? ""
                                            : " [outside the verified domain {0,1}^2: not checked at "
                                              "compile time]");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "buy_decision: %s (usage: buy_decision [design quality], each 0 or 1)\n",
                 e.what());
    return 2;
  }
}
