// Deterministic pseudo-random layers, computed at compile time, for the programs of the bit-equality
// matrix (bit_equality.cpp, bounds_sampling.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <ctnn/ctnn.hpp>

namespace bit_matrix {

// Pseudo-random values in [-1, 1).
constexpr double uniform(std::uint64_t& state) {
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  return static_cast<double>(state >> 11) / 4503599627370496.0 - 1.0;  // 2^52
}

template <class T, std::size_t In, std::size_t Out, class Activation>
constexpr auto random_layer(std::uint64_t seed, Activation activation) {
  std::array<std::array<T, In>, Out> w{};
  std::array<T, Out> b{};
  for (auto& row : w)
    for (auto& v : row) v = static_cast<T>(uniform(seed));
  for (auto& v : b) v = static_cast<T>(uniform(seed));
  return ctnn::dense(w, b, activation);
}

}  // namespace bit_matrix
