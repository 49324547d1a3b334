// CTNN_VERIFY at block scope; an output weight changed from -10 to -1 gives (1, 1) an output of 5.
// EXPECT: truth_table_row_mismatch<ctnn::row<3>, ctnn::inputs<1, 1>, ctnn::expected<0>, ctnn::actual<5>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr int weight = -10;
#else
constexpr int weight = -1;
#endif

int main() {
  constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                     ctnn::dense<2, 1>({{weight, -10}}, {10}, ctnn::relu));
  CTNN_VERIFY(buy, ctnn::table({0, 10, 10, 0}), ctnn::exact);
}
