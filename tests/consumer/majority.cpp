// A consumer of ctnn, written from the README alone: a 3-input majority vote as one step unit,
// verified at compile time over {0,1}^3, then evaluated at run time.
#include <ctnn/ctnn.hpp>

#include <array>
#include <cstdio>

constexpr auto majority = ctnn::network(ctnn::dense<3, 1>({{1, 1, 1}}, {-1}, ctnn::step));

CTNN_VERIFY(majority, ctnn::truth_table_of([](int a, int b, int c) { return a + b + c >= 2; }),
            ctnn::exact);

int main() {
  const auto vote = ctnn::evaluate(majority, std::array{1, 0, 1});
  std::printf("majority of (1, 0, 1) = %d\n", vote[0]);
  return vote[0] == 1 ? 0 : 1;
}
