// A table literal with 3 entries for the 4 rows of {0,1}^2.
// EXPECT: table_rows_differ_from_domain_rows<3, 4>
#include <ctnn/ctnn.hpp>

constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

#ifdef CTNN_TWIN
CTNN_VERIFY(buy, ctnn::table({0, 10, 10, 0}), ctnn::exact);
#else
CTNN_VERIFY(buy, ctnn::table({0, 10, 10}), ctnn::exact);
#endif
