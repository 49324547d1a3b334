// The same mistake in one input's list of a per-input domain, with floating-point values (not in
// ascending order, so every pair is compared): input 1 lists 0.5 twice.
// EXPECT: domain_lists_a_value_twice<1, ctnn::decimal<'0', '\.', '5'> ?>
#include <ctnn/ctnn.hpp>

constexpr auto net = ctnn::network(ctnn::dense<2, 1, double>({{1.0, 1.0}}, {0.0}, ctnn::relu));

#ifdef CTNN_TWIN
CTNN_VERIFY(net, ctnn::truth_table_of([](double a, double b) { return a + b; }), ctnn::within(0.0),
            ctnn::make_domain({0.0, 1.0}, {0.5, 2.0, 0.25}));
#else
CTNN_VERIFY(net, ctnn::truth_table_of([](double a, double b) { return a + b; }), ctnn::within(0.0),
            ctnn::make_domain({0.0, 1.0}, {0.5, 2.0, 0.5}));
#endif
