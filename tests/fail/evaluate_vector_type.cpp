// A std::vector<double> for an int network: the run-time sequence overload takes the network's
// scalar only, and says which two types met.
// EXPECT: input_values_must_have_the_network_scalar_type<double, int>
#include <ctnn/ctnn.hpp>

#include <vector>

constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));
int decide(const std::vector<double>& inputs) {
#ifdef CTNN_TWIN
  const std::vector<int> converted(inputs.begin(), inputs.end());
  return ctnn::evaluate(buy, converted)[0];
#else
  return ctnn::evaluate(buy, inputs)[0];
#endif
}
