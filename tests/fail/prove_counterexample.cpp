// "buy" on design x quality in [0, 0.2] x [0.8, 1] is false (at (0.2, 1) the output is 0): CTNN_PROVE
// names an input of the box where it fails and the network's output there. The twin proves it on
// [0, 0.1] x [0.9, 1], where 0.9 <= design + quality <= 1.1.
// EXPECT: property_fails_at<ctnn::inputs_shown<.*>, ctnn::outputs_shown<ctnn::decimal<'0'> ?> ?>
#include <ctnn/prove.hpp>

constexpr auto buy =
    ctnn::scalar_cast<double>(ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                            ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu)));

#ifdef CTNN_TWIN
constexpr ctnn::box<double, 2> region{{{{0, 0.1}, {0.9, 1}}}};
#else
constexpr ctnn::box<double, 2> region{{{{0, 0.2}, {0.8, 1}}}};
#endif
CTNN_PROVE(buy, region, ctnn::always(ctnn::above(0.0), true));
