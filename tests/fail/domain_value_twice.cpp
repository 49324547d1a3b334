// A domain that lists a value twice for one input ({1, 1} where {0, 1} was meant): its rows would
// repeat and the value meant would never be checked. CTNN_VERIFY names the input and the value.
// EXPECT: domain_lists_a_value_twice<0, ctnn::decimal<'1'> ?>
#include <ctnn/ctnn.hpp>

constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

#ifdef CTNN_TWIN
CTNN_VERIFY(buy, ctnn::table({0, 10, 10, 0}), ctnn::exact, ctnn::uniform_domain<2>({0, 1}));
#else
CTNN_VERIFY(buy, ctnn::table({0, 0, 0, 0}), ctnn::exact, ctnn::uniform_domain<2>({1, 1}));
#endif
