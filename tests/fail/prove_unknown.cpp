// sigmoid's interval image is [0, 1] whatever its input, so "sigmoid(x) <= 0.99 on [-1, 1]" (true:
// 0.73 at most) is never shown by the bounds, and no counterexample exists: CTNN_PROVE spends its
// budget and says "unknown", never "proven". The twin asks for [0, 1], which the image shows.
// EXPECT: proof_unknown_within_budget<[0-9]+, [0-9]+, [0-9]+, ctnn::bound_shown<ctnn::decimal<'0'> ?>, ctnn::bound_shown<ctnn::decimal<'1'> ?> ?>
// Two pieces (CTNN_PROVE_PIECES, default 64) keep the test short: the verdict is the same.
#define CTNN_PROVE_PIECES 2
#include <ctnn/prove.hpp>

constexpr auto smooth = ctnn::network(ctnn::dense<1, 1>({{1.0}}, {0.0}, ctnn::sigmoid));
constexpr ctnn::box<double, 1> region{{{{-1, 1}}}};
#ifdef CTNN_TWIN
constexpr double most = 1;
#else
constexpr double most = 0.99;
#endif
CTNN_PROVE(smooth, region, ctnn::outputs_within(std::array{ctnn::interval<double>{0, most}}));
