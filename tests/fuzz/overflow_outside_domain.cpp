// What happens when an integer network is evaluated far outside the domain it was verified on:
// 16 * (2^30 - 1) overflows int in the first unit's sum, which is undefined behaviour. Under UBSan
// (preset sanitize) the program stops with "signed integer overflow"; the test
// sanitize.overflow_outside_domain checks that it does. docs/api.md states the precondition.
#include <ctnn/ctnn.hpp>

#include <cstdio>

constexpr auto net = ctnn::network(ctnn::dense<1, 1>({{16}}, {0}, ctnn::relu));
CTNN_VERIFY(net, ctnn::truth_table_of([](int x) { return 16 * x; }), ctnn::exact);  // {0, 1}: verified

int main(int argc, char**) {
  volatile int big = (1 << 30) - 1 + (argc - 1);  // not a constant
  const auto y = net(std::array{int(big)});  // outside the verified domain: overflow
  std::printf("%d\n", y[0]);
  return 0;
}
