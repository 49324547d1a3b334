// ctnn::meta::fraction (exact rational values) and ctnn::meta::rational (the same in types): lowest
// terms, arithmetic, ordering, Hana's Constant / Monoid / Ring / Comparable / Orderable models,
// mixing with hana::integral_constant, the structural fraction as a template argument, fraction as
// a value-form scalar, and run-time errors.
#include <boost/hana/assert.hpp>
#include <boost/hana/concept/comparable.hpp>
#include <boost/hana/concept/constant.hpp>
#include <boost/hana/concept/group.hpp>
#include <boost/hana/concept/monoid.hpp>
#include <boost/hana/concept/orderable.hpp>
#include <boost/hana/concept/ring.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/value.hpp>
#include <catch2/catch.hpp>
#include <climits>
#include <ctnn/dense.hpp>
#include <ctnn/meta/fraction.hpp>
#include <ctnn/meta/rational.hpp>
#include <ctnn/scalar.hpp>
#include <stdexcept>
#include <string_view>
#include <type_traits>

namespace {

namespace hana = boost::hana;
using ctnn::meta::fraction;
using ctnn::meta::ratio;
using ctnn::meta::ratio_c;
using ctnn::meta::rational;

template <fraction F>
struct takes_fraction {
  static constexpr fraction value = F;
};

}  // namespace

TEST_CASE("fraction: lowest terms, positive denominator", "[meta][fraction]") {
  STATIC_REQUIRE(fraction(2, 4).num == 1);
  STATIC_REQUIRE(fraction(2, 4).den == 2);
  STATIC_REQUIRE(fraction(2, -4) == fraction(-1, 2));
  STATIC_REQUIRE(fraction(0, -7) == fraction(0));
  STATIC_REQUIRE(fraction(0, -7).den == 1);
  STATIC_REQUIRE(fraction(6, 3) == fraction(2));
  STATIC_REQUIRE(fraction(6, 3).is_integer());
  STATIC_REQUIRE(!fraction(1, 3).is_integer());
  STATIC_REQUIRE(fraction() == 0);
}

TEST_CASE("fraction: exact arithmetic and ordering", "[meta][fraction]") {
  STATIC_REQUIRE(fraction(1, 3) + fraction(1, 6) == fraction(1, 2));
  STATIC_REQUIRE(fraction(1, 3) - fraction(1, 2) == fraction(-1, 6));
  STATIC_REQUIRE(fraction(2, 3) * fraction(9, 4) == fraction(3, 2));
  STATIC_REQUIRE(fraction(2, 3) / fraction(-4, 9) == fraction(-3, 2));
  STATIC_REQUIRE(-fraction(1, 3) == fraction(-1, 3));
  STATIC_REQUIRE(fraction(1, 3) < fraction(1, 2));
  STATIC_REQUIRE(fraction(-1, 2) < fraction(-1, 3));
  STATIC_REQUIRE(fraction(7, 7) <= 1);
  STATIC_REQUIRE(fraction(1, 10) > 0);
  STATIC_REQUIRE(static_cast<double>(fraction(1, 4)) == 0.25);
  // large values stay exact as long as the results fit: the least common denominator is used
  STATIC_REQUIRE(fraction(1, 3'000'000'000LL) + fraction(1, 3'000'000'000LL) == fraction(1, 1'500'000'000LL));
  STATIC_REQUIRE(fraction(3'000'000'000LL, 7) * fraction(7, 3'000'000'000LL) == 1);
  CHECK(ctnn::meta::to_string(fraction(-1, 3)) == "-1/3");
  CHECK(ctnn::meta::to_string(fraction(10)) == "10");
}

TEST_CASE("fraction: ordering is exact for all long long values", "[meta][fraction]") {
  // no subtraction behind <=>: LLONG_MAX - (-1) would overflow
  STATIC_REQUIRE(fraction(LLONG_MAX) > fraction(-1));
  STATIC_REQUIRE(fraction(-1) < fraction(LLONG_MAX));
  STATIC_REQUIRE(fraction(LLONG_MIN) < fraction(LLONG_MAX));
  STATIC_REQUIRE(fraction(LLONG_MAX) > fraction(LLONG_MIN));
  STATIC_REQUIRE(fraction(LLONG_MIN) < fraction(LLONG_MIN + 1));
  STATIC_REQUIRE(fraction(LLONG_MIN, LLONG_MAX) < -1);
  STATIC_REQUIRE(fraction(LLONG_MIN + 1, LLONG_MAX) == -1);
  STATIC_REQUIRE(fraction(LLONG_MAX - 1, LLONG_MAX) > fraction(LLONG_MAX - 2, LLONG_MAX - 1));
  STATIC_REQUIRE(fraction(1, LLONG_MAX) < fraction(1, LLONG_MAX - 1));
  STATIC_REQUIRE(fraction(-1, LLONG_MAX) > fraction(-1, LLONG_MAX - 1));
  STATIC_REQUIRE(fraction(LLONG_MAX, 2) > fraction(LLONG_MAX - 2, 2));
  // LLONG_MIN / 3 is -3074457345618258602.67: its floor is -3074457345618258603
  STATIC_REQUIRE(fraction(LLONG_MIN, 3) < fraction(-3074457345618258602LL));
  STATIC_REQUIRE(fraction(LLONG_MIN, 3) > fraction(-3074457345618258603LL));
  STATIC_REQUIRE((fraction(LLONG_MAX, 3) <=> fraction(LLONG_MAX, 3)) == 0);
  STATIC_REQUIRE((fraction(-7, 3) <=> fraction(-5, 2)) > 0);
  STATIC_REQUIRE((fraction(5, 3) <=> fraction(8, 5)) > 0);     // equal integer parts, then 2/3 > 3/5
  STATIC_REQUIRE((fraction(13, 8) <=> fraction(21, 13)) > 0);  // Fibonacci ratios: several steps
  STATIC_REQUIRE((fraction(21, 13) <=> fraction(34, 21)) < 0);
  // Hana's comparisons of rationals and above(...) decisions go through <=>
  BOOST_HANA_CONSTANT_CHECK(ratio_c<LLONG_MAX> > ratio_c<-1>);
  BOOST_HANA_CONSTANT_CHECK(ratio_c<LLONG_MIN, 3> < ratio_c<LLONG_MAX, 2>);
}

TEST_CASE("fraction: the diagnostic text is complete for every fraction", "[meta][fraction]") {
  // the longest text: 40 characters
  constexpr auto longest = to_diagnostic(fraction(LLONG_MIN, LLONG_MAX));
  STATIC_REQUIRE(!longest.integral);
  STATIC_REQUIRE(std::string_view(longest.text, longest.length) ==
                 "-9223372036854775808/9223372036854775807");
  constexpr auto reviewed = to_diagnostic(fraction(-1234567890123456789LL, 987654321098765431LL));
  STATIC_REQUIRE(std::string_view(reviewed.text, reviewed.length) ==
                 "-1234567890123456789/987654321098765431");
  constexpr auto small = to_diagnostic(fraction(1, 3));
  STATIC_REQUIRE(std::string_view(small.text, small.length) == "1/3");
  STATIC_REQUIRE(to_diagnostic(fraction(LLONG_MIN)).integral);
  STATIC_REQUIRE(to_diagnostic(fraction(LLONG_MIN)).integer == LLONG_MIN);
}

TEST_CASE("fraction: a scalar of the value form, a structural type", "[meta][fraction]") {
  STATIC_REQUIRE(ctnn::scalar<fraction>);
  STATIC_REQUIRE(ctnn::exact_addition_v<fraction>);
  // weights written as fractions, as fraction.hpp's comment shows ({{1, 2}} would be ambiguous)
  constexpr auto layer = ctnn::dense<2, 1, fraction>({{fraction(1, 2), fraction(-1, 3)}}, {0});
  STATIC_REQUIRE(layer({fraction(1), fraction(1)})[0] == fraction(1, 6));
  STATIC_REQUIRE(takes_fraction<fraction(-2, 6)>::value == fraction(-1, 3));
  STATIC_REQUIRE(std::is_same_v<takes_fraction<fraction(1, 3)>, takes_fraction<fraction(2, 6)>>);
}

TEST_CASE("fraction: run-time errors throw", "[meta][fraction]") {
  volatile long long zero = 0;
  CHECK_THROWS_AS(fraction(1, zero), std::domain_error);
  CHECK_THROWS_AS(fraction(1) / fraction(zero), std::domain_error);
  volatile long long big = LLONG_MAX;
  CHECK_THROWS_AS(fraction(big) + fraction(1), std::overflow_error);
  CHECK_THROWS_AS(fraction(big) * fraction(2), std::overflow_error);
  CHECK_THROWS_AS(-fraction(LLONG_MIN + zero), std::overflow_error);
  CHECK(fraction(big) - fraction(big) == 0);
}

TEST_CASE("rational: one type per value", "[meta][rational]") {
  STATIC_REQUIRE(std::is_same_v<ratio<2, 4>, rational<1, 2>>);
  STATIC_REQUIRE(std::is_same_v<ratio<2, -4>, rational<-1, 2>>);
  STATIC_REQUIRE(std::is_same_v<ratio<0, -3>, rational<0, 1>>);
  STATIC_REQUIRE(std::is_same_v<ratio<5>, rational<5, 1>>);
  STATIC_REQUIRE(std::is_same_v<std::remove_cv_t<decltype(ratio_c<3, 9>)>, rational<1, 3>>);
  STATIC_REQUIRE(std::is_same_v<ctnn::meta::rational_of<fraction(4, 6)>, rational<2, 3>>);
  STATIC_REQUIRE(std::is_empty_v<rational<1, 3>>);
  STATIC_REQUIRE(rational<-1, 3>::value == fraction(-1, 3));
}

TEST_CASE("rational: a Hana Constant whose value is a fraction", "[meta][rational]") {
  using tag = ctnn::meta::rational_tag;
  STATIC_REQUIRE(hana::Constant<tag>::value);
  STATIC_REQUIRE(hana::Monoid<tag>::value);
  STATIC_REQUIRE(hana::Group<tag>::value);
  STATIC_REQUIRE(hana::Ring<tag>::value);
  STATIC_REQUIRE(hana::Comparable<tag>::value);
  STATIC_REQUIRE(hana::Orderable<tag>::value);
  STATIC_REQUIRE(hana::value(ratio_c<1, 3>) == fraction(1, 3));
  STATIC_REQUIRE(hana::value<rational<-5, 2>>() == fraction(-5, 2));
  STATIC_REQUIRE(std::is_same_v<decltype(hana::zero<tag>()), rational<0, 1>>);
  STATIC_REQUIRE(std::is_same_v<decltype(hana::one<tag>()), rational<1, 1>>);
  STATIC_REQUIRE(ctnn::meta::constant<rational<1, 2>>);
  STATIC_REQUIRE(ctnn::meta::constant<hana::int_<3>>);
  STATIC_REQUIRE(ctnn::meta::constant<hana::llong<3>>);
  STATIC_REQUIRE(!ctnn::meta::constant<hana::bool_<true>>);
  STATIC_REQUIRE(!ctnn::meta::constant<int>);
  // unsigned constants narrower than long long have exact values (a ullong_c is refused: see
  // tests/fail/meta_unsigned_constants.cpp)
  STATIC_REQUIRE(ctnn::meta::to_fraction(hana::uint_c<4294967295u>) == fraction(4294967295LL));
  STATIC_REQUIRE(ctnn::meta::to_fraction(hana::llong_c<LLONG_MIN>) == fraction(LLONG_MIN));
  STATIC_REQUIRE(ctnn::meta::detail::has_exact_value<hana::uint<1>>());
  STATIC_REQUIRE(!ctnn::meta::detail::has_exact_value<hana::ullong<1>>());
  STATIC_REQUIRE(!ctnn::meta::detail::has_exact_value<hana::size_t<1>>());
}

TEST_CASE("rational: arithmetic computes types", "[meta][rational]") {
  // between rationals
  STATIC_REQUIRE(std::is_same_v<decltype(ratio_c<1, 2> + ratio_c<1, 3>), rational<5, 6>>);
  STATIC_REQUIRE(std::is_same_v<decltype(ratio_c<1, 2> + ratio_c<1, 2>), rational<1, 1>>);
  STATIC_REQUIRE(std::is_same_v<decltype(ratio_c<1, 2> - ratio_c<1, 3>), rational<1, 6>>);
  STATIC_REQUIRE(std::is_same_v<decltype(ratio_c<2, 3> * ratio_c<3, 4>), rational<1, 2>>);
  STATIC_REQUIRE(std::is_same_v<decltype(-ratio_c<2, 3>), rational<-2, 3>>);
  STATIC_REQUIRE(std::is_same_v<decltype(hana::plus(ratio_c<1, 4>, ratio_c<1, 4>)), rational<1, 2>>);
  // with integer constants on either side: the integer converts exactly
  STATIC_REQUIRE(std::is_same_v<decltype(hana::int_c<3> * ratio_c<1, 2>), rational<3, 2>>);
  STATIC_REQUIRE(std::is_same_v<decltype(ratio_c<1, 2> * hana::int_c<3>), rational<3, 2>>);
  STATIC_REQUIRE(std::is_same_v<decltype(ratio_c<1, 2> - hana::llong_c<1>), rational<-1, 2>>);
  STATIC_REQUIRE(std::is_same_v<decltype(hana::short_c<-2> + ratio_c<1, 3>), rational<-5, 3>>);
  STATIC_REQUIRE(std::is_same_v<decltype(hana::mult(hana::int_c<-3>, ratio_c<1, 10>)), rational<-3, 10>>);
  // integer constants keep their own arithmetic
  STATIC_REQUIRE(std::is_same_v<decltype(hana::int_c<3> * hana::int_c<5>), hana::int_<15>>);
}

TEST_CASE("rational: comparisons are hana::bool_ constants", "[meta][rational]") {
  BOOST_HANA_CONSTANT_CHECK(ratio_c<1, 2> < ratio_c<2, 3>);
  BOOST_HANA_CONSTANT_CHECK(ratio_c<1, 2> > ratio_c<1, 3>);
  BOOST_HANA_CONSTANT_CHECK(ratio_c<1, 2> <= ratio_c<2, 4>);
  BOOST_HANA_CONSTANT_CHECK(ratio_c<1, 2> >= ratio_c<2, 4>);
  BOOST_HANA_CONSTANT_CHECK(ratio_c<1, 2> != ratio_c<1, 3>);
  BOOST_HANA_CONSTANT_CHECK(ratio_c<2, 2> == hana::int_c<1>);
  BOOST_HANA_CONSTANT_CHECK(hana::int_c<1> != ratio_c<1, 3>);
  BOOST_HANA_CONSTANT_CHECK(ratio_c<-1, 2> < hana::int_c<0>);
  BOOST_HANA_CONSTANT_CHECK(hana::int_c<0> < ratio_c<1, 1000>);
  BOOST_HANA_CONSTANT_CHECK(hana::equal(ratio_c<3, 1>, hana::llong_c<3>));
  STATIC_REQUIRE(std::is_same_v<decltype(ratio_c<1, 2> < ratio_c<2, 3>), hana::bool_<true>>);
}
