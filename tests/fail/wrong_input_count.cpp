// Three inputs for a two-input network: the error gives both counts (network 2, array 3).
// EXPECT: input_count_differs_from_network<2, 3>
#include <array>
#include <ctnn/ctnn.hpp>

constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

int main() {
#ifdef CTNN_TWIN
  return ctnn::evaluate(buy, std::array{0, 1})[0] == 10 ? 0 : 1;
#else
  return ctnn::evaluate(buy, std::array{0, 1, 1})[0] == 10 ? 0 : 1;
#endif
}
