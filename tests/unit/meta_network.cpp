// The meta form's activations, layers and networks: each output is a type. Activations on integer
// and rational constants (against the value form's on the same numbers), the seed network giving
// hana::int_<10> on (0, 1), trace(), sizes, rational weights, and a deeper network.
#include <array>
#include <boost/hana/assert.hpp>
#include <boost/hana/equal.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/value.hpp>
#include <catch2/catch.hpp>
#include "meta_networks.hpp"
#include <ctnn/activations.hpp>
#include <ctnn/meta/activations.hpp>
#include <ctnn/meta/dense.hpp>
#include <ctnn/meta/fraction.hpp>
#include <ctnn/meta/network.hpp>
#include <ctnn/meta/rational.hpp>
#include <type_traits>

namespace {

using meta_test::buy;
using meta_test::deep;
using meta_test::same;
using meta_test::thirds;

namespace hana = boost::hana;
namespace meta = ctnn::meta;
using meta::fraction;
using meta::ratio_c;
using meta::rational;





// The value form's activation on the same number, as a fraction.
template <class ValueActivation, class C>
constexpr fraction value_form(const ValueActivation& f, C) {
  return f(meta::to_fraction(C{}));
}

}  // namespace

TEST_CASE("meta activations compute types, as the value form computes values", "[meta][activations]") {
  STATIC_REQUIRE(same<decltype(meta::relu(hana::int_c<-3>)), hana::int_<0>>);
  STATIC_REQUIRE(same<decltype(meta::relu(hana::int_c<7>)), hana::int_<7>>);
  STATIC_REQUIRE(same<decltype(meta::relu(ratio_c<-1, 3>)), rational<0, 1>>);
  STATIC_REQUIRE(same<decltype(meta::relu(ratio_c<1, 3>)), rational<1, 3>>);
  STATIC_REQUIRE(same<decltype(meta::identity(ratio_c<-1, 3>)), rational<-1, 3>>);
  STATIC_REQUIRE(same<decltype(meta::step(hana::int_c<0>)), hana::int_<0>>);
  STATIC_REQUIRE(same<decltype(meta::step(hana::int_c<4>)), hana::int_<1>>);
  STATIC_REQUIRE(same<decltype(meta::step(ratio_c<1, 9>)), rational<1, 1>>);
  STATIC_REQUIRE(same<decltype(meta::leaky_relu<1, 10>(hana::int_c<-15>)), rational<-3, 2>>);
  STATIC_REQUIRE(same<decltype(meta::leaky_relu<1, 10>(hana::int_c<15>)), hana::int_<15>>);
  STATIC_REQUIRE(same<decltype(meta::leaky_relu<2, 1>(hana::int_c<-3>)), hana::int_<-6>>);  // integer slope
  STATIC_REQUIRE(same<decltype(meta::leaky_relu<-1, 3>(ratio_c<-1, 2>)), rational<1, 6>>);
  STATIC_REQUIRE(same<decltype(meta::clamp<0, 6>(hana::int_c<9>)), hana::int_<6>>);
  STATIC_REQUIRE(same<decltype(meta::clamp<0, 6>(hana::int_c<-9>)), hana::int_<0>>);
  STATIC_REQUIRE(same<decltype(meta::clamp<0, 6>(ratio_c<7, 2>)), rational<7, 2>>);
  STATIC_REQUIRE(same<decltype(meta::hard_tanh(ratio_c<-5, 2>)), hana::int_<-1>>);
  STATIC_REQUIRE(same<decltype(meta::hard_tanh(ratio_c<1, 2>)), rational<1, 2>>);

  // the same values as the value form's activations on exact fractions
  STATIC_REQUIRE(meta::to_fraction(meta::leaky_relu<1, 10>(hana::int_c<-15>)) ==
                 value_form(ctnn::leaky_relu(1, 10), hana::int_c<-15>));
  STATIC_REQUIRE(meta::to_fraction(meta::leaky_relu<-1, 3>(ratio_c<-1, 2>)) ==
                 value_form(ctnn::leaky_relu(-1, 3), ratio_c<-1, 2>));
  STATIC_REQUIRE(meta::to_fraction(meta::hard_tanh(ratio_c<-5, 2>)) ==
                 value_form(ctnn::hard_tanh, ratio_c<-5, 2>));
  STATIC_REQUIRE(meta::to_fraction(meta::clamp<0, 6>(ratio_c<7, 2>)) ==
                 value_form(ctnn::clamp(0, 6), ratio_c<7, 2>));
  STATIC_REQUIRE(meta::to_fraction(meta::step(ratio_c<1, 9>)) == value_form(ctnn::step, ratio_c<1, 9>));
  STATIC_REQUIRE(meta::to_fraction(meta::relu(ratio_c<-1, 9>)) == value_form(ctnn::relu, ratio_c<-1, 9>));
}

TEST_CASE("the seed network gives hana::int_<10> on (0, 1)", "[meta][network]") {
  STATIC_REQUIRE(same<decltype(buy(hana::tuple_c<int, 0, 1>)), hana::tuple<hana::int_<10>>>);
  STATIC_REQUIRE(same<decltype(buy(hana::tuple_c<int, 0, 1>)[hana::size_c<0>]), hana::int_<10>>);
  STATIC_REQUIRE(
      same<meta::output_t<decltype(buy), decltype(hana::tuple_c<int, 1, 0>)>, hana::tuple<hana::int_<10>>>);
  STATIC_REQUIRE(same<decltype(buy(hana::tuple_c<int, 0, 0>)), hana::tuple<hana::int_<0>>>);
  STATIC_REQUIRE(same<decltype(buy(hana::tuple_c<int, 1, 1>)), hana::tuple<hana::int_<0>>>);
  BOOST_HANA_CONSTANT_CHECK(buy(hana::tuple_c<int, 0, 1>) == hana::tuple_c<int, 10>);
  // the value, read out of the type at run time
  CHECK(hana::value(buy(hana::tuple_c<int, 1, 0>)[hana::size_c<0>]) == 10);
}

TEST_CASE("trace gives every layer's outputs", "[meta][network]") {
  // (0, 0): hidden (0, 5); (1, 1): hidden (5, 0)
  BOOST_HANA_CONSTANT_CHECK(buy.trace(hana::tuple_c<int, 0, 0>) ==
                            hana::make_tuple(hana::tuple_c<int, 0, 5>, hana::tuple_c<int, 0>));
  BOOST_HANA_CONSTANT_CHECK(buy.trace(hana::tuple_c<int, 1, 1>) ==
                            hana::make_tuple(hana::tuple_c<int, 5, 0>, hana::tuple_c<int, 0>));
}

TEST_CASE("sizes and layers are compile-time constants", "[meta][network]") {
  using net = decltype(buy);
  STATIC_REQUIRE(net::input_size == 2);
  STATIC_REQUIRE(net::output_size == 1);
  STATIC_REQUIRE(net::layer_count == 2);
  STATIC_REQUIRE(net::parameter_count == 9);
  STATIC_REQUIRE(std::is_empty_v<net>);  // nothing but its type
  STATIC_REQUIRE(meta::network_like<net>);
  STATIC_REQUIRE(!meta::network_like<int>);
  using first = decltype(buy.layer<0>());
  STATIC_REQUIRE(first::input_size == 2 && first::output_size == 2 && first::parameter_count == 6);
  STATIC_REQUIRE(same<first::biases_type, decltype(hana::tuple_c<int, -5, 5>)>);
  STATIC_REQUIRE(same<first::activation_type, meta::relu_t>);
  STATIC_REQUIRE(decltype(deep)::layer_count == 3);
  STATIC_REQUIRE(decltype(deep)::parameter_count == 9 + 8 + 3);
}

TEST_CASE("rational weights give exact rational outputs", "[meta][network]") {
  STATIC_REQUIRE(
      same<decltype(thirds(hana::tuple_c<int, 0, 0>)), hana::tuple<rational<0, 1>>>);  // int_<0> + rationals
  STATIC_REQUIRE(
      same<decltype(thirds(hana::tuple_c<int, 0, 1>)), hana::tuple<rational<-1, 30>>>);  // -1/3 * 1/10
  STATIC_REQUIRE(same<decltype(thirds(hana::tuple_c<int, 1, 0>)), hana::tuple<rational<1, 2>>>);
  STATIC_REQUIRE(same<decltype(thirds(hana::tuple_c<int, 1, 1>)), hana::tuple<rational<1, 6>>>);
  // rational inputs too
  STATIC_REQUIRE(
      same<decltype(thirds(hana::make_tuple(ratio_c<2, 3>, hana::int_c<1>))), hana::tuple<rational<0, 1>>>);
}

TEST_CASE("a deeper network, checked by hand", "[meta][network]") {
  // (1, 2): layer 0 sums (1, 5, 2) -> clamp (1, 3, 2); layer 1 (1 + 3 - 2, 2 - 3 + 1) = (2, 0); step(2 - 0) =
  // 1
  BOOST_HANA_CONSTANT_CHECK(
      deep.trace(hana::tuple_c<int, 1, 2>) ==
      hana::make_tuple(hana::tuple_c<int, 1, 3, 2>, hana::tuple_c<int, 2, 0>, hana::tuple_c<int, 1>));
  // (0, 0): layer 0 (0, -1, -1); layer 1 (0 - 1 + 1, 0 + 1 + 1) = (0, 2); step(-2) = 0
  BOOST_HANA_CONSTANT_CHECK(deep(hana::tuple_c<int, 0, 0>) == hana::tuple_c<int, 0>);
}
