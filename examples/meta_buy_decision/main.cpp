// meta_buy_decision: the seed network in the type-level form. Its weights and biases are constants
// carried in types (hana::int_), so the compiler computes every output as a type while it compiles
// this file: the whole truth table below is a type, verified by CTNN_META_VERIFY. At run time the
// program only reads the values out of those types and prints them, with the input record's field
// names as column headers. The same network converted to the value form is verified too.
//
//   meta_buy_decision     prints the table that the compiler computed
#include <boost/hana/define_struct.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <cstdio>
#include <ctnn/ctnn.hpp>
#include <ctnn/meta.hpp>
#include <type_traits>

namespace {

namespace hana = boost::hana;
namespace meta = ctnn::meta;

//! [network]
// The inputs, named: field order is input order.
struct product {
  BOOST_HANA_DEFINE_STRUCT(product, (int, design), (int, quality));
};

constexpr auto buy = meta::network(
    // hidden unit 1 fires (5) only when both inputs are 1; hidden unit 2 only when both are 0
    meta::dense(hana::make_tuple(hana::tuple_c<int, 5, 5>, hana::tuple_c<int, -5, -5>),
                hana::tuple_c<int, -5, 5>, meta::relu),
    // the output is positive only when neither hidden unit fires
    meta::dense(hana::make_tuple(hana::tuple_c<int, -10, -10>), hana::tuple_c<int, 10>, meta::relu));

// The answer for (0, 1) is a type.
static_assert(std::is_same_v<decltype(buy(hana::tuple_c<int, 0, 1>)), hana::tuple<hana::int_<10>>>);

constexpr auto products = meta::named<product>(meta::boolean_inputs<2>);
// The exact outputs, row by row: (0,0), (0,1), (1,0), (1,1).
CTNN_META_VERIFY(buy, meta::table(hana::tuple_c<int, 0, 10, 10, 0>), meta::exact, products);
// The decision: buy (output > 0) exactly when design and quality differ.
CTNN_META_VERIFY(buy, meta::truth_table_of([](product p) { return p.design != p.quality; }),
                 meta::above(hana::int_c<0>), products);

// The same network in the value form, verified by constant evaluation.
constexpr auto buy_value = meta::to_value(buy);
CTNN_VERIFY(buy_value, ctnn::table({0, 10, 10, 0}), ctnn::exact);
//! [network]

// The whole truth table, computed by the compiler: a hana::tuple of rows whose outputs are types.
constexpr auto table = meta::truth_table(buy, products);

}  // namespace

int main() {
  const auto decision = ctnn::decision_column("decision", [](auto outputs) {
    // above(0).decision(output) is hana::true_ or hana::false_: the compiler chose the word
    return meta::above(hana::int_c<0>).decision(outputs[hana::size_c<0>]) ? "buy" : "not buy";
  });
  std::fputs(meta::format_truth_table<product>(table, {"output"}, decision).c_str(), stdout);
  return 0;
}
