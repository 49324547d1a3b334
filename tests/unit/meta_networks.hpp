// Networks shared by the meta unit tests: the seed network, one with rational weights, and a deeper
// one with mixed activations; `same<A, B>` compares types without cv-ref qualifiers.
#pragma once

#include <boost/hana/integral_constant.hpp>
#include <boost/hana/tuple.hpp>
#include <ctnn/meta/activations.hpp>
#include <ctnn/meta/dense.hpp>
#include <ctnn/meta/fraction.hpp>
#include <ctnn/meta/network.hpp>
#include <ctnn/meta/rational.hpp>
#include <type_traits>

namespace meta_test {

namespace hana = boost::hana;
namespace meta = ctnn::meta;

template <class A, class B>
constexpr bool same = std::is_same_v<std::remove_cvref_t<A>, std::remove_cvref_t<B>>;

// The seed network in the meta form (see examples/meta_buy_decision).
constexpr auto buy = meta::network(
    meta::dense(hana::make_tuple(hana::tuple_c<int, 5, 5>, hana::tuple_c<int, -5, -5>),
                hana::tuple_c<int, -5, 5>, meta::relu),
    meta::dense(hana::make_tuple(hana::tuple_c<int, -10, -10>), hana::tuple_c<int, 10>, meta::relu));

// One unit with rational weights: leaky_relu(x0/2 - x1/3) with slope 1/10.
constexpr auto thirds =
    meta::network(meta::dense(hana::make_tuple(hana::make_tuple(meta::ratio_c<1, 2>, meta::ratio_c<-1, 3>)),
                              hana::make_tuple(hana::int_c<0>), meta::leaky_relu<1, 10>));

// Three layers, mixed activations: clamp, identity, step.
constexpr auto deep = meta::network(
    meta::dense(
        hana::make_tuple(hana::tuple_c<int, 3, -1>, hana::tuple_c<int, -2, 4>, hana::tuple_c<int, 1, 1>),
        hana::tuple_c<int, 0, -1, -1>, meta::clamp<-2, 3>),
    meta::dense(hana::make_tuple(hana::tuple_c<int, 1, 1, -1>, hana::tuple_c<int, 2, -1, 0>),
                hana::tuple_c<int, 0, 1>),
    meta::dense(hana::make_tuple(hana::tuple_c<int, 1, -1>), hana::tuple_c<int, 0>, meta::step));

}  // namespace meta_test
