// CTNN_VERIFY over a named domain (ctnn::named<R>): the failing row is shown with the field names,
// and the reference function takes the record.
// EXPECT: truth_table_row_mismatch<ctnn::row<3>, ctnn::fields<ctnn::field<'d', 'e', 's', 'i', 'g', 'n', '=', '1'>, ctnn::field<'q', 'u', 'a', 'l', 'i', 't', 'y', '=', '1'>[ ]?>, ctnn::expected<0>, ctnn::actual<10>, ctnn::expected_decision<0>, ctnn::actual_decision<1>
#include <boost/hana/define_struct.hpp>
#include <ctnn/ctnn.hpp>

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

CTNN_VERIFY(buy, ctnn::truth_table_of([](product p) { return p.design != p.quality; }), ctnn::above(0),
            ctnn::named<product>(ctnn::boolean_inputs<2>));
