// One box of a 5-50-1 network under linear bounds is estimated at far more than twice a constant
// expression's budget, lowered here to 50,000 units: CTNN_PROVE stops with one named error before
// any piece runs (not the compiler's own limit, deep in an evaluation). The twin proves the seed
// network, whose boxes fit.
// EXPECT: proof_box_exceeds_the_constexpr_budget<[0-9]+, 50000 ?>
// FLAGS: -DCTNN_CONSTEXPR_BUDGET=50000
#include <array>
#include <ctnn/prove.hpp>

#ifdef CTNN_TWIN
constexpr auto net = ctnn::scalar_cast<double>(ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                                             ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu)));
constexpr ctnn::box<double, 2> region{{{{0, 0.1}, {0.9, 1}}}};
#else
constexpr auto net = ctnn::network(ctnn::dense_layer<5, 50, double, ctnn::relu_t>{},
                                   ctnn::dense_layer<50, 1, double, ctnn::identity_t>{});
constexpr ctnn::box<double, 5> region{};
#endif
CTNN_PROVE(net, region, ctnn::always(ctnn::above(-1.0), true));
