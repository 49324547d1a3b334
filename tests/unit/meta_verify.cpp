// Truth tables and verification in the meta form: domains and their row order, truth tables as
// Hana sequences of types, ctnn::meta::verify passing and failing (row, inputs, expected, actual in
// the result's type), table and reference-function specifications (returning constants or plain
// values), exact and above, rational outputs, several outputs, CTNN_META_VERIFY at namespace and
// block scope.
#include <array>
#include <boost/hana/assert.hpp>
#include <boost/hana/define_struct.hpp>
#include <boost/hana/equal.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/length.hpp>
#include <boost/hana/tuple.hpp>
#include <catch2/catch.hpp>
#include "meta_networks.hpp"
#include <ctnn/meta/verify.hpp>
#include <type_traits>

namespace {

using meta_test::buy;
using meta_test::same;

namespace hana = boost::hana;
namespace meta = ctnn::meta;
using meta::ratio_c;
using meta::rational;


struct product {
  BOOST_HANA_DEFINE_STRUCT(product, (int, design), (int, quality));
};


// Outputs (b, a): the inputs swapped.
constexpr auto swap = meta::network(meta::dense(
    hana::make_tuple(hana::tuple_c<int, 0, 1>, hana::tuple_c<int, 1, 0>), hana::tuple_c<int, 0, 0>));

// x0/2 - x1/3, no activation.
constexpr auto thirds = meta::network(meta::dense(
    hana::make_tuple(hana::make_tuple(ratio_c<1, 2>, ratio_c<-1, 3>)), hana::make_tuple(hana::int_c<0>)));

constexpr auto differ = [](auto design, auto quality) { return design != quality; };  // gives hana::bool_

// Namespace scope.
CTNN_META_VERIFY(buy, meta::table(hana::tuple_c<int, 0, 10, 10, 0>), meta::exact);
CTNN_META_VERIFY(buy, meta::truth_table_of(differ), meta::above(hana::int_c<0>));
CTNN_META_VERIFY(buy, meta::truth_table_of([](int d, int q) { return d != q; }), meta::above(hana::int_c<0>),
                 meta::named<product>(meta::boolean_inputs<2>));
CTNN_META_VERIFY(buy, meta::truth_table_of([](int d, int q) { return d + q == 1 ? 10 : 0; }), meta::exact,
                 meta::domain(hana::tuple_c<int, 0, 1, 2>, hana::tuple_c<int, 0, 1, 2>));
CTNN_META_VERIFY(swap,
                 meta::table(hana::make_tuple(hana::tuple_c<int, 0, 0>, hana::tuple_c<int, 1, 0>,
                                              hana::tuple_c<int, 0, 1>, hana::tuple_c<int, 1, 1>)),
                 meta::exact);
CTNN_META_VERIFY(thirds,
                 meta::table(hana::make_tuple(hana::int_c<0>, ratio_c<-1, 3>, ratio_c<1, 2>, ratio_c<1, 6>)),
                 meta::exact);
CTNN_META_VERIFY(thirds, meta::truth_table_of([](int a, int b) {
                   return meta::fraction(a, 2) - meta::fraction(b, 3);
                 }),
                 meta::exact);
CTNN_META_VERIFY(thirds, meta::truth_table_of([](int a, int b) { return a > b; }),
                 meta::above(ratio_c<1, 3>));

}  // namespace

TEST_CASE("meta domains: sizes and the documented row order", "[meta][domain]") {
  constexpr auto bits = meta::boolean_inputs<3>;
  STATIC_REQUIRE(decltype(bits)::size == 8);
  STATIC_REQUIRE(decltype(bits)::input_count == 3);
  BOOST_HANA_CONSTANT_CHECK(bits.row<0>() == hana::tuple_c<int, 0, 0, 0>);
  BOOST_HANA_CONSTANT_CHECK(bits.row<1>() == hana::tuple_c<int, 0, 0, 1>);  // the last input changes fastest
  BOOST_HANA_CONSTANT_CHECK(bits.row<6>() == hana::tuple_c<int, 1, 1, 0>);
  BOOST_HANA_CONSTANT_CHECK(bits[hana::size_c<5>] == hana::tuple_c<int, 1, 0, 1>);

  constexpr auto mixed =
      meta::domain(hana::make_tuple(hana::int_c<0>, ratio_c<1, 2>), hana::tuple_c<int, 0, 1, 2>);
  STATIC_REQUIRE(decltype(mixed)::size == 6);
  BOOST_HANA_CONSTANT_CHECK(mixed.row<2>() == hana::tuple_c<int, 0, 2>);
  BOOST_HANA_CONSTANT_CHECK(mixed.row<4>() == hana::make_tuple(ratio_c<1, 2>, hana::int_c<1>));
  // the same order as the value form's domains
  STATIC_REQUIRE(ctnn::uniform_domain<2>({0, 1, 2}).row(5) == std::array{1, 2});
  BOOST_HANA_CONSTANT_CHECK(meta::domain(hana::tuple_c<int, 0, 1, 2>, hana::tuple_c<int, 0, 1, 2>).row<5>() ==
                            hana::tuple_c<int, 1, 2>);

  STATIC_REQUIRE(std::is_void_v<decltype(bits)::record_type>);
  STATIC_REQUIRE(same<decltype(meta::named<product>(meta::boolean_inputs<2>))::record_type, product>);
}

TEST_CASE("a meta truth table is a Hana sequence of rows whose outputs are types", "[meta][truth_table]") {
  constexpr auto table = meta::truth_table(buy);
  STATIC_REQUIRE(decltype(hana::length(table))::value == 4);
  using row1 = std::remove_cvref_t<decltype(table[hana::size_c<1>])>;
  STATIC_REQUIRE(row1::index == 1);
  STATIC_REQUIRE(same<decltype(row1::inputs), decltype(hana::tuple_c<int, 0, 1>)>);
  STATIC_REQUIRE(same<decltype(row1::outputs), hana::tuple<hana::int_<10>>>);
  using row3 = std::remove_cvref_t<decltype(table[hana::size_c<3>])>;
  STATIC_REQUIRE(same<decltype(row3::outputs), hana::tuple<hana::int_<0>>>);

  constexpr auto rational_table =
      meta::truth_table(thirds, meta::domain(hana::tuple_c<int, 3>, hana::tuple_c<int, 0, 1>));
  using last = std::remove_cvref_t<decltype(rational_table[hana::size_c<1>])>;
  STATIC_REQUIRE(same<decltype(last::outputs), hana::tuple<rational<7, 6>>>);  // 3/2 - 1/3
}

TEST_CASE("verify: passing and failing, the failure in the result's type", "[meta][verify]") {
  constexpr auto ok = meta::verify(buy, meta::table(hana::tuple_c<int, 0, 10, 10, 0>), meta::exact);
  BOOST_HANA_CONSTANT_CHECK(ok.passed);
  STATIC_REQUIRE(static_cast<bool>(ok));
  STATIC_REQUIRE(decltype(ok)::row == 4);

  // several rows are wrong: the first one is reported
  constexpr auto bad = meta::verify(buy, meta::table(hana::tuple_c<int, 0, 1, 1, 0>), meta::exact);
  BOOST_HANA_CONSTANT_CHECK(!bad.passed);
  STATIC_REQUIRE(decltype(bad)::row == 1);
  STATIC_REQUIRE(same<decltype(bad.inputs), decltype(hana::tuple_c<int, 0, 1>)>);
  STATIC_REQUIRE(same<decltype(bad.expected), hana::tuple<hana::int_<1>>>);
  STATIC_REQUIRE(same<decltype(bad.actual), hana::tuple<hana::int_<10>>>);

  constexpr auto last = meta::verify(buy, meta::table(hana::tuple_c<int, 0, 10, 10, 1>), meta::exact);
  STATIC_REQUIRE(decltype(last)::row == 3);
}

TEST_CASE("verify: decisions with above, constants or plain values from the reference", "[meta][verify]") {
  BOOST_HANA_CONSTANT_CHECK(
      meta::verify(buy, meta::truth_table_of(differ), meta::above(hana::int_c<0>)).passed);
  BOOST_HANA_CONSTANT_CHECK(
      meta::verify(buy, meta::truth_table_of(differ), meta::above(hana::int_c<9>)).passed);
  // above 10 no row buys: row 1 is the first where the decision differs
  constexpr auto high = meta::verify(buy, meta::truth_table_of(differ), meta::above(hana::int_c<10>));
  STATIC_REQUIRE(decltype(high)::row == 1);
  STATIC_REQUIRE(same<decltype(high.expected), hana::tuple<hana::bool_<true>>>);
  // the decision itself is a type
  STATIC_REQUIRE(same<decltype(meta::above(hana::int_c<0>).decision(hana::int_c<10>)), hana::bool_<true>>);
  STATIC_REQUIRE(same<decltype(meta::above(ratio_c<1, 2>).decision(ratio_c<1, 3>)), hana::bool_<false>>);

  // a plain-value reference function (bool), over a named domain
  constexpr auto named =
      meta::verify(buy, meta::truth_table_of([](int d, int q) { return d == q; }),
                   meta::above(hana::int_c<0>), meta::named<product>(meta::boolean_inputs<2>));
  STATIC_REQUIRE(decltype(named)::row == 0);
  STATIC_REQUIRE(!decltype(named)::passed_v);
}

TEST_CASE("verify: rational outputs compare exactly", "[meta][verify]") {
  // (0, 1) gives -1/3, not -0.333...
  constexpr auto close = meta::verify(
      thirds,
      meta::table(hana::make_tuple(hana::int_c<0>, ratio_c<-333, 1000>, ratio_c<1, 2>, ratio_c<1, 6>)),
      meta::exact);
  STATIC_REQUIRE(decltype(close)::row == 1);
  STATIC_REQUIRE(same<decltype(close.actual), hana::tuple<rational<-1, 3>>>);
  // int_<1> equals ratio<2, 2> and hana::true_
  STATIC_REQUIRE(meta::exact_t::holds<hana::tuple<hana::int_<1>>, hana::tuple<rational<1, 1>>>());
  STATIC_REQUIRE(meta::exact_t::holds<hana::tuple<hana::int_<1>>, hana::tuple<hana::bool_<true>>>());
  STATIC_REQUIRE(!meta::exact_t::holds<hana::tuple<hana::int_<0>>, hana::tuple<rational<1, 1000>>>());
}

TEST_CASE("CTNN_META_VERIFY at block scope", "[meta][verify]") {
  CTNN_META_VERIFY(buy, meta::table(hana::tuple_c<int, 0, 10, 10, 0>), meta::exact);
  CTNN_META_VERIFY(swap, meta::truth_table_of([](auto a, auto b) { return hana::make_tuple(b, a); }),
                   meta::exact);
  CTNN_META_VERIFY(swap, meta::truth_table_of([](int a, int b) { return std::array{b, a}; }), meta::exact);
  SUCCEED();
}
