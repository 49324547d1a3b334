// An overflow in a later layer, over a domain of 16 rows: the interval bounds cannot rule it out, the
// rows are evaluated guarded, and the first that overflows is named with its layer and unit. The
// twin's second-layer weight keeps every sum in range.
// EXPECT: integer_overflow_in_sum<ctnn::row<1>, ctnn::inputs<1>, ctnn::layer_index<1>, ctnn::unit_index<0> ?>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr int weight = 1;
#else
constexpr int weight = 30;
#endif
constexpr auto net = ctnn::network(ctnn::dense<1, 2>({{1}, {100'000'000}}, {0, 0}, ctnn::relu),
                                   ctnn::dense<2, 1>({{1, weight}}, {0}));
CTNN_VERIFY(net, ctnn::truth_table_of([](int) { return true; }), ctnn::above(-1),
            ctnn::make_domain({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}));
