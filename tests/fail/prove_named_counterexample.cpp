// CTNN_PROVE over a named box (ctnn::named<R>(box)): the counterexample is shown by field, as a
// failing row of a named domain is. "Buy" fails on [0, 0.2] x [0.8, 1] (at design 0.2, quality 1
// the output is 0); the twin proves it on [0, 0.1] x [0.9, 1].
// EXPECT: property_fails_at<ctnn::fields<ctnn::field<'d', 'e', 's', 'i', 'g', 'n', '=', [^>]*>, ctnn::field<'q', 'u', 'a', 'l', 'i', 't', 'y', '=', [^>]*> ?>, ctnn::outputs_shown<
#include <boost/hana/define_struct.hpp>
#include <ctnn/prove.hpp>

struct product {
  BOOST_HANA_DEFINE_STRUCT(product, (double, design), (double, quality));
};

constexpr auto buy = ctnn::scalar_cast<double>(ctnn::network(
    ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu), ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu)));
#ifdef CTNN_TWIN
constexpr ctnn::box<double, 2> region{{{{0, 0.1}, {0.9, 1}}}};
#else
constexpr ctnn::box<double, 2> region{{{{0, 0.2}, {0.8, 1}}}};
#endif
CTNN_PROVE(buy, ctnn::named<product>(region), ctnn::always(ctnn::above(0.0), true));
