// A row whose sum overflows int stops the build with one named error: the row, its inputs, the layer
// and the unit (verify/overflow.hpp); nothing is swept after it. The twin's weights fit.
// EXPECT: integer_overflow_in_sum<ctnn::row<1>, ctnn::inputs<1, 1>, ctnn::layer_index<0>, ctnn::unit_index<0> ?>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr int big = 1'000'000'000;
#else
constexpr int big = 2'000'000'000;
#endif
constexpr auto net = ctnn::network(ctnn::dense<2, 1>({{big, -big}}, {big}));
CTNN_VERIFY(net, ctnn::truth_table_of([](int, int) { return true; }), ctnn::above(-2'100'000'000),
            ctnn::make_domain({0, 1}, {1}));
