// Named inputs for the meta form: a record value as a class-type template argument evaluated to a
// type, a record of run-time values evaluated through the value form, named domains in
// CTNN_META_VERIFY, and meta truth tables (computed by the compiler) printed with the field names.
#include <array>
#include <boost/hana/assert.hpp>
#include <boost/hana/define_struct.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <catch2/catch.hpp>
#include "meta_networks.hpp"
#include <ctnn/meta.hpp>
#include <string>
#include <type_traits>

namespace {

using meta_test::buy;
using meta_test::same;
using meta_test::thirds;

namespace hana = boost::hana;
namespace meta = ctnn::meta;
using meta::fraction;
using meta::ratio_c;
using meta::rational;


struct product {
  BOOST_HANA_DEFINE_STRUCT(product, (int, design), (int, quality));
};

// Fields of two types: a long long and an exact fraction.
struct mixture {
  BOOST_HANA_DEFINE_STRUCT(mixture, (long long, amount), (fraction, share));
};



CTNN_META_VERIFY(buy, meta::truth_table_of([](product p) { return p.design != p.quality; }),
                 meta::above(hana::int_c<0>), meta::named<product>(meta::boolean_inputs<2>));

}  // namespace

TEST_CASE("a record value evaluates to a type", "[meta][record]") {
  STATIC_REQUIRE(same<decltype(meta::constants_of<product{0, 1}>), decltype(hana::tuple_c<int, 0, 1>)>);
  STATIC_REQUIRE(same<decltype(meta::evaluate<product{0, 1}>(buy)), hana::tuple<hana::int_<10>>>);
  STATIC_REQUIRE(same<decltype(meta::evaluate<product{1, 1}>(buy)), hana::tuple<hana::int_<0>>>);
  // long long and fraction fields become llong and rational constants
  STATIC_REQUIRE(same<decltype(meta::constants_of<mixture{3, fraction(2, 4)}>),
                      hana::tuple<hana::llong<3>, rational<1, 2>>>);
  STATIC_REQUIRE(
      same<decltype(meta::evaluate<mixture{1, fraction(3, 2)}>(thirds)), hana::tuple<rational<0, 1>>>);
  STATIC_REQUIRE(
      same<decltype(meta::evaluate<mixture{0, fraction(3)}>(thirds)), hana::tuple<rational<-1, 10>>>);
}

TEST_CASE("a record of run-time values evaluates through the value form", "[meta][record]") {
  STATIC_REQUIRE(meta::evaluate(buy, product{0, 1}) == std::array{10});
  volatile int one = 1;
  CHECK(meta::evaluate(buy, product{one, 0}) == std::array{10});
  CHECK(meta::evaluate(buy, product{one, one}) == std::array{0});
  CHECK(meta::evaluate(thirds, product{0, one}) == std::array{fraction(-1, 30)});
}

TEST_CASE("named domains: field names in verification results and tables", "[meta][record]") {
  constexpr auto named = meta::named<product>(meta::boolean_inputs<2>);
  constexpr auto bad =
      meta::verify(buy, meta::truth_table_of([](product p) { return p.design == p.quality; }),
                   meta::above(hana::int_c<0>), named);
  STATIC_REQUIRE(decltype(bad)::row == 0);
  BOOST_HANA_CONSTANT_CHECK(!bad.passed);
}

TEST_CASE("a meta truth table prints with the field names", "[meta][record]") {
  constexpr auto table = meta::truth_table(buy, meta::named<product>(meta::boolean_inputs<2>));
  CHECK(meta::format_truth_table<product>(table) ==
        "design quality | output\n"
        "     0       0 |      0\n"
        "     0       1 |     10\n"
        "     1       0 |     10\n"
        "     1       1 |      0\n");
  // the decision computed by the compiler too: above(0).decision(output) is a hana::bool_
  const auto decision = ctnn::decision_column("decision", [](auto outputs) {
    return meta::above(hana::int_c<0>).decision(outputs[hana::size_c<0>]) ? "buy" : "not buy";
  });
  CHECK(meta::format_truth_table<product>(table, {"output"}, decision) ==
        "design quality | output | decision\n"
        "     0       0 |      0 | not buy\n"
        "     0       1 |     10 | buy\n"
        "     1       0 |     10 | buy\n"
        "     1       1 |      0 | not buy\n");
  // rational values print as fractions
  constexpr auto rational_table = meta::truth_table(thirds);
  CHECK(meta::format_truth_table<product>(rational_table, {"score"}) ==
        "design quality | score\n"
        "     0       0 |     0\n"
        "     0       1 | -1/30\n"
        "     1       0 |   1/2\n"
        "     1       1 |   1/6\n");
}
