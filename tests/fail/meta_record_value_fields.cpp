// Named inputs in the value form: a record with one field for a two-input network is a compile error
// that gives both counts.
// EXPECT: record_fields_differ_from_network_inputs<1, 2>
#include <array>
#include <boost/hana/define_struct.hpp>
#include <ctnn/ctnn.hpp>
#include <ctnn/record.hpp>

struct product {
#ifdef CTNN_TWIN
  BOOST_HANA_DEFINE_STRUCT(product, (int, design), (int, quality));
#else
  BOOST_HANA_DEFINE_STRUCT(product, (int, design));
#endif
};

constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

int main() { return ctnn::evaluate(buy, product{}) == std::array{0} ? 0 : 1; }
