// Conversion between the forms. meta -> value (ctnn::meta::to_value) over several networks: the
// scalar picked, and equal outputs on every row of a domain, at compile time and at run time.
// value -> meta (ctnn::meta::from_layers with layers as class-type template arguments, and
// ctnn::meta::from_value by reference) for int, long long and fraction weights, every activation
// that has a meta form, and round trips. Both value networks are also checked with CTNN_VERIFY.
#include <array>
#include <boost/hana/assert.hpp>
#include <boost/hana/at.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <catch2/catch.hpp>
#include "meta_networks.hpp"
#include <cstddef>
#include <ctnn/meta/convert.hpp>
#include <ctnn/meta/truth_table.hpp>
#include <ctnn/meta/verify.hpp>
#include <ctnn/verify.hpp>
#include <type_traits>
#include <utility>

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





// Two outputs, rational biases, hard_tanh then leaky ReLU with an integer slope (keeps integers).
constexpr auto soft = meta::network(
    meta::dense(hana::make_tuple(hana::make_tuple(ratio_c<3, 4>, hana::int_c<-1>, ratio_c<1, 5>),
                                 hana::make_tuple(hana::int_c<2>, ratio_c<-2, 3>, hana::int_c<0>)),
                hana::make_tuple(ratio_c<-1, 4>, hana::int_c<1>), meta::hard_tanh),
    meta::dense(hana::make_tuple(hana::tuple_c<int, 2, -3>, hana::tuple_c<int, -1, 1>),
                hana::tuple_c<int, 0, 0>, meta::leaky_relu<3, 1>));

// long long constants, a leaky ReLU with an integer slope given as 4/2.
constexpr auto wide = meta::network(
    meta::dense(hana::make_tuple(hana::make_tuple(hana::llong_c<3'000'000'000>, hana::llong_c<-1>)),
                hana::make_tuple(hana::llong_c<-7>), meta::leaky_relu<4, 2>));

constexpr auto three_values = meta::domain(hana::tuple_c<int, -1, 0, 2>, hana::tuple_c<int, 0, 1, 3>);
constexpr auto three_inputs =
    meta::domain(hana::tuple_c<int, 0, 1, 2>, hana::tuple_c<int, -1, 1>, hana::tuple_c<int, 0, 1>);

/// Whether the value form gives the meta form's outputs on row R (values compared exactly).
template <class MetaNet, class ValueNet, class Dom, std::size_t R>
constexpr bool row_agrees(const ValueNet& value) {
  using inputs = decltype(Dom::template row<R>());
  using outputs = meta::output_t<MetaNet, inputs>;
  typename ValueNet::input_type x{};
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((x[I] = static_cast<typename ValueNet::scalar_type>(hana::value(hana::at_c<I>(inputs{})))), ...);
  }
  (std::make_index_sequence<ValueNet::input_size>{});
  const auto y = value(x);
  return [&]<std::size_t... O>(std::index_sequence<O...>) {
    return ((fraction(y[O]) == meta::to_fraction(hana::at_c<O>(outputs{}))) && ...);
  }
  (std::make_index_sequence<ValueNet::output_size>{});
}

template <class MetaNet, class ValueNet, class Dom, std::size_t... R>
constexpr bool all_rows_agree(const ValueNet& value, std::index_sequence<R...>) {
  return (row_agrees<MetaNet, ValueNet, Dom, R>(value) && ...);
}

/// Every row of `dom`: to_value(net) gives net's outputs (at compile time; agrees_at_run_time below
/// evaluates a copy the optimiser cannot see through, so nothing is folded).
template <class MetaNet, class Dom>
constexpr bool agrees(const MetaNet& net, const Dom&) {
  return all_rows_agree<MetaNet, decltype(meta::to_value(net)), Dom>(meta::to_value(net),
                                                                     std::make_index_sequence<Dom::size>{});
}

template <class MetaNet, class Dom>
bool agrees_at_run_time(const MetaNet& net, const Dom&) {
  volatile int zero = 0;  // the network object goes through memory the optimiser cannot see
  auto value = meta::to_value(net);
  if (zero != 0) value = decltype(value){};
  return all_rows_agree<MetaNet, decltype(value), Dom>(value, std::make_index_sequence<Dom::size>{});
}

// Value networks, to convert the other way (static storage: from_value takes a reference).
constexpr auto value_buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                         ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));
constexpr auto value_thirds = ctnn::network(
    ctnn::dense<2, 1, fraction>({{fraction(1, 2), fraction(-1, 3)}}, {0}, ctnn::leaky_relu(1, 10)));
constexpr auto value_every_activation =
    ctnn::network(ctnn::dense<2, 2, long long>({{2, -1}, {-3, 4}}, {0, 1}, ctnn::hard_tanh),
                  ctnn::dense<2, 2, long long>({{1, 1}, {1, -1}}, {0, 0}, ctnn::clamp(0, 5)),
                  ctnn::dense<2, 2, long long>({{1, 0}, {0, 1}}, {0, 0}, ctnn::step),
                  ctnn::dense<2, 1, long long>({{1, -1}}, {0}, ctnn::identity));

CTNN_VERIFY(value_buy, ctnn::table({0, 10, 10, 0}), ctnn::exact);
CTNN_VERIFY(value_thirds, ctnn::table({fraction(0), fraction(-1, 30), fraction(1, 2), fraction(1, 6)}),
            ctnn::exact);

}  // namespace

TEST_CASE("to_value picks an integer scalar when it can, else fraction", "[meta][convert]") {
  STATIC_REQUIRE(same<decltype(meta::to_value(buy))::scalar_type, int>);
  STATIC_REQUIRE(same<decltype(meta::to_value(deep))::scalar_type, int>);
  STATIC_REQUIRE(same<decltype(meta::to_value(wide))::scalar_type, long long>);
  STATIC_REQUIRE(same<decltype(meta::to_value(thirds))::scalar_type, fraction>);  // rational weights
  STATIC_REQUIRE(same<decltype(meta::to_value(soft))::scalar_type, fraction>);
  STATIC_REQUIRE(same<decltype(meta::to_value<long long>(buy))::scalar_type, long long>);
  STATIC_REQUIRE(same<decltype(meta::to_value<fraction>(buy))::scalar_type, fraction>);
  // a leaky ReLU with a fractional slope on integer weights: fractions on negative sums
  constexpr auto leaky = meta::network(meta::dense(hana::make_tuple(hana::tuple_c<int, 1, -2>),
                                                   hana::tuple_c<int, 0>, meta::leaky_relu<1, 10>));
  STATIC_REQUIRE(same<decltype(meta::to_value(leaky))::scalar_type, fraction>);
}

TEST_CASE("to_value keeps weights, biases, activations and shapes", "[meta][convert]") {
  constexpr auto value = meta::to_value(buy);
  STATIC_REQUIRE(decltype(value)::layer_count == 2);
  STATIC_REQUIRE(value.layer<0>() == ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu));
  STATIC_REQUIRE(value.layer<1>() == ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));
  constexpr auto three = meta::to_value(deep);
  STATIC_REQUIRE(three.layer<0>().activation == ctnn::clamp(-2, 3));
  STATIC_REQUIRE(three.layer<1>().activation == ctnn::identity);
  STATIC_REQUIRE(three.layer<2>().activation == ctnn::step);
  constexpr auto rational_layer = meta::to_value(thirds).layer<0>();
  STATIC_REQUIRE(rational_layer.weights[0][1] == fraction(-1, 3));
  STATIC_REQUIRE(rational_layer.activation == ctnn::leaky_relu(1, 10));
  STATIC_REQUIRE(meta::to_value(soft).layer<0>().biases[0] == fraction(-1, 4));
  STATIC_REQUIRE(meta::to_value(soft).layer<1>().activation == ctnn::leaky_relu(3, 1));
  STATIC_REQUIRE(meta::to_value(wide).layer<0>().weights[0][0] == 3'000'000'000LL);
}

TEST_CASE("meta and value forms agree on every row, at compile time", "[meta][convert]") {
  STATIC_REQUIRE(agrees(buy, meta::boolean_inputs<2>));
  STATIC_REQUIRE(agrees(buy, three_values));
  STATIC_REQUIRE(agrees(thirds, meta::boolean_inputs<2>));
  STATIC_REQUIRE(agrees(thirds, three_values));
  STATIC_REQUIRE(agrees(deep, three_values));
  STATIC_REQUIRE(agrees(soft, three_inputs));
  STATIC_REQUIRE(agrees(wide, three_values));
}

TEST_CASE("meta and value forms agree on every row, at run time", "[meta][convert]") {
  CHECK(agrees_at_run_time(buy, three_values));
  CHECK(agrees_at_run_time(thirds, three_values));
  CHECK(agrees_at_run_time(deep, three_values));
  CHECK(agrees_at_run_time(soft, three_inputs));
  CHECK(agrees_at_run_time(wide, three_values));
}

TEST_CASE("from_layers and from_value: value layers as template arguments", "[meta][convert]") {
  // int weights become hana::int_ constants: the very network written in the meta form
  STATIC_REQUIRE(same<decltype(meta::from_value<value_buy>), decltype(buy)>);
  STATIC_REQUIRE(
      same<decltype(meta::from_layers<value_buy.layer<0>(), value_buy.layer<1>()>), decltype(buy)>);
  STATIC_REQUIRE(same<decltype(meta::from_layers<ctnn::dense<2, 1>({{1, 2}}, {3})>(hana::tuple_c<int, 1, 1>)),
                      hana::tuple<hana::int_<6>>>);
  // fractions become rationals
  STATIC_REQUIRE(same<decltype(meta::from_value<value_thirds>(hana::tuple_c<int, 0, 1>)),
                      hana::tuple<rational<-1, 30>>>);
  STATIC_REQUIRE(
      same<meta::output_t<decltype(meta::from_value<value_thirds>), decltype(hana::tuple_c<int, 1, 1>)>,
           meta::output_t<decltype(thirds), decltype(hana::tuple_c<int, 1, 1>)>>);
  // long long weights, every activation with a meta form
  using every = std::remove_cvref_t<decltype(meta::from_value<value_every_activation>)>;
  STATIC_REQUIRE(same<decltype(every::layer<0>())::activation_type, decltype(meta::hard_tanh)>);
  STATIC_REQUIRE(same<decltype(every::layer<1>())::activation_type, meta::clamp_t<0, 5>>);
  STATIC_REQUIRE(same<decltype(every::layer<2>())::activation_type, meta::step_t>);
  STATIC_REQUIRE(same<decltype(every::layer<3>())::activation_type, meta::identity_t>);
  STATIC_REQUIRE(same<decltype(every::layer<0>())::biases_type, hana::tuple<hana::llong<0>, hana::llong<1>>>);
  STATIC_REQUIRE(agrees(meta::from_value<value_every_activation>, three_values));
}

TEST_CASE("round trips", "[meta][convert]") {
  // meta -> value -> meta: the same type for integer networks
  static constexpr auto there = meta::to_value(deep);
  STATIC_REQUIRE(same<decltype(meta::from_value<there>), decltype(deep)>);
  // with fractions, integer constants come back as rationals of the same value
  static constexpr auto rational_there = meta::to_value(thirds);
  using back = std::remove_cvref_t<decltype(meta::from_value<rational_there>)>;
  STATIC_REQUIRE(same<decltype(back::layer<0>())::biases_type, hana::tuple<rational<0, 1>>>);
  CTNN_META_VERIFY(
      back{}, meta::table(hana::make_tuple(hana::int_c<0>, ratio_c<-1, 30>, ratio_c<1, 2>, ratio_c<1, 6>)),
      meta::exact);
  // value -> meta -> value: equal layers
  STATIC_REQUIRE(meta::to_value(meta::from_value<value_buy>).layer<0>() == value_buy.layer<0>());
  STATIC_REQUIRE(meta::to_value(meta::from_value<value_thirds>).layer<0>() == value_thirds.layer<0>());
}
