// The interval image of every built-in activation (core/activation.hpp): for every sampled x in
// [lo, hi], the activation's computed value lies in image(a, [lo, hi]), for int, float and double;
// monotone activations give exactly [a(lo), a(hi)].
#include <algorithm>
#include <array>
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <ctnn/ctnn.hpp>
#include <limits>
#include <random>
#include <vector>

namespace {

template <class T>
std::vector<T> values_between(T lo, T hi, std::mt19937_64& random) {
  std::vector<T> xs{lo, hi, T(0), T(1), T(-1)};
  if constexpr (std::is_floating_point_v<T>) {
    xs.push_back(std::nextafter(lo, hi));
    xs.push_back(std::nextafter(hi, lo));
    xs.push_back(T(-0.0));
    xs.push_back(std::numeric_limits<T>::denorm_min());
    std::uniform_real_distribution<T> uniform(lo, hi);
    for (int k = 0; k < 200; ++k) xs.push_back(uniform(random));
  } else {
    std::uniform_int_distribution<T> uniform(lo, hi);
    for (int k = 0; k < 200; ++k) xs.push_back(uniform(random));
  }
  std::vector<T> inside;
  for (const T x : xs)
    if (!(x < lo) && !(hi < x)) inside.push_back(x);
  return inside;
}

template <class T, class A>
void check_image(const A& activation, T lo, T hi, std::mt19937_64& random) {
  const ctnn::interval<T> range{lo, hi};
  const auto image = ctnn::image(activation, range);
  INFO("range [" << lo << ", " << hi << "], image [" << image.lower << ", " << image.upper << "]");
  REQUIRE(!(image.upper < image.lower));
  for (const T x : values_between(lo, hi, random)) {
    INFO("x = " << x << ", a(x) = " << activation(x));
    REQUIRE(image.contains(activation(x)));
  }
  if constexpr (ctnn::activation_traits<A>::monotone) {
    // The claim behind the default image: computed values never decrease as x grows.
    auto xs = values_between(lo, hi, random);
    std::sort(xs.begin(), xs.end());
    for (std::size_t k = 1; k < xs.size(); ++k) {
      INFO("x = " << xs[k - 1] << " then " << xs[k]);
      REQUIRE(!(activation(xs[k]) < activation(xs[k - 1])));
    }
    REQUIRE(image.lower == activation(lo));
    REQUIRE(image.upper == activation(hi));
  }
}

template <class T, class A>
void check_ranges(const A& activation) {
  std::mt19937_64 random(12345);
  const std::array<std::array<T, 2>, 8> ranges{{{T(-10), T(10)}, {T(-10), T(-2)}, {T(2), T(10)}, {T(-3), T(0)},
                                                {T(0), T(5)}, {T(0), T(0)}, {T(-100), T(1)}, {T(-1), T(100)}}};
  for (const auto& [lo, hi] : ranges) check_image<T>(activation, lo, hi, random);
  if constexpr (std::is_floating_point_v<T>) {
    check_image<T>(activation, T(-0.001), T(0.001), random);
    check_image<T>(activation, T(-40), T(40), random);
  }
}

template <class A>
void check_all_scalars(const A& activation) {
  check_ranges<int>(activation);
  check_ranges<float>(activation);
  check_ranges<double>(activation);
}

}  // namespace

TEST_CASE("piecewise-linear activations: a sound image, exact when monotone", "[interval]") {
  check_all_scalars(ctnn::identity);
  check_all_scalars(ctnn::relu);
  check_all_scalars(ctnn::step);
  check_all_scalars(ctnn::hard_tanh);
  check_all_scalars(ctnn::clamp(-2, 3));
  STATIC_REQUIRE(ctnn::activation_traits<ctnn::relu_t>::monotone);
  STATIC_REQUIRE(ctnn::activation_traits<ctnn::relu_t>::rectifier);
  STATIC_REQUIRE(ctnn::image(ctnn::relu, ctnn::interval<int>{-5, 3}) == ctnn::interval<int>{0, 3});
  STATIC_REQUIRE(ctnn::image(ctnn::hard_tanh, ctnn::interval<double>{-5, 0.5}) == ctnn::interval<double>{-1, 0.5});
}

TEST_CASE("leaky ReLU with every sign of slope: a sound image", "[interval]") {
  check_all_scalars(ctnn::leaky_relu(1, 10));
  check_all_scalars(ctnn::leaky_relu(3, 1));
  check_all_scalars(ctnn::leaky_relu(-1, 2));  // decreasing below 0
  check_all_scalars(ctnn::leaky_relu(1, -4));  // so is this one
  check_all_scalars(ctnn::leaky_relu(0, 1));
  STATIC_REQUIRE(!ctnn::activation_traits<ctnn::leaky_relu_t>::monotone);
  // The negative slope makes -10 -> 5 the largest value of [-10, 3]; 0 -> 0 the smallest.
  STATIC_REQUIRE(ctnn::image(ctnn::leaky_relu(-1, 2), ctnn::interval<int>{-10, 3}) == ctnn::interval<int>{0, 5});
  STATIC_REQUIRE(ctnn::image(ctnn::leaky_relu(1, 10), ctnn::interval<int>{-15, 3}) == ctnn::interval<int>{-1, 3});
}

TEST_CASE("sigmoid and tanh: their ranges, sound for ctnn's arithmetic", "[interval]") {
  check_ranges<float>(ctnn::sigmoid);
  check_ranges<double>(ctnn::sigmoid);
  check_ranges<float>(ctnn::tanh);
  check_ranges<double>(ctnn::tanh);
  STATIC_REQUIRE(ctnn::activation_traits<ctnn::sigmoid_t>::cost == ctnn::activation_cost::transcendental);
  // Extremes and every float from 0 up by a large step: never outside [0, 1] / [-1, 1].
  for (const double x : {-1e300, -745.2, -40.0, -1e-300, 0.0, 1e-300, 40.0, 709.8, 1e300}) {
    REQUIRE(ctnn::interval<double>{0, 1}.contains(ctnn::sigmoid(x)));
    REQUIRE(ctnn::interval<double>{-1, 1}.contains(ctnn::tanh(x)));
  }
  for (std::uint32_t bits = 0; bits < 0x7f800000u; bits += 0x1357u) {
    const float x = std::bit_cast<float>(bits);
    REQUIRE(ctnn::interval<float>{0, 1}.contains(ctnn::sigmoid(x)));
    REQUIRE(ctnn::interval<float>{0, 1}.contains(ctnn::sigmoid(-x)));
    REQUIRE(ctnn::interval<float>{-1, 1}.contains(ctnn::tanh(x)));
    REQUIRE(ctnn::interval<float>{-1, 1}.contains(ctnn::tanh(-x)));
  }
}
