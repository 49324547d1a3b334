// Named inputs in the value form: CTNN_VERIFY_RECORD shows a failing row with the field names.
// EXPECT: truth_table_row_mismatch<ctnn::row<3>, ctnn::fields<ctnn::field<'d', 'e', 's', 'i', 'g', 'n', '=', '1'>, ctnn::field<'q', 'u', 'a', 'l', 'i', 't', 'y', '=', '1'>[ ]?>, ctnn::expected<0>, ctnn::actual<10>
#include <boost/hana/define_struct.hpp>
#include <ctnn/ctnn.hpp>
#include <ctnn/record.hpp>

struct product {
  BOOST_HANA_DEFINE_STRUCT(product, (int, design), (int, quality));
};

#ifdef CTNN_TWIN
constexpr int first_bias = -5;
#else
constexpr int first_bias = -10;
#endif
constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {first_bias, 5}, ctnn::relu),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

CTNN_VERIFY_RECORD(product, buy, ctnn::truth_table_of([](product p) { return p.design != p.quality; }),
                   ctnn::above(0));
