// A reference function with one parameter for a two-input network.
// EXPECT: reference_function_must_take_one_argument_per_input<2>
#include <ctnn/ctnn.hpp>

constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

#ifdef CTNN_TWIN
CTNN_VERIFY(buy, ctnn::truth_table_of([](int design, int quality) { return design != quality; }),
            ctnn::above(0));
#else
CTNN_VERIFY(buy, ctnn::truth_table_of([](int design) { return design != 0; }), ctnn::above(0));
#endif
