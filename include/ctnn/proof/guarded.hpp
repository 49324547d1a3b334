/// @file proof/guarded.hpp
/// `ctnn::guarded(net, region)`: the network, evaluated only on the inputs it was verified or proven
/// for. `region` is a finite domain (CTNN_VERIFY's) or a `ctnn::box` (CTNN_PROVE's): anything with
/// `contains(x)`. Outside it, `g(x)` throws `ctnn::outside_verified_domain`, and `g.try_evaluate(x)`
/// returns an empty `std::optional` (for code built without exceptions: C++20 has no std::expected,
/// and the only error there is to report is "outside", so an optional says all of it).
#pragma once

#include <array>
#include <ctnn/config.hpp>
#include <ctnn/model/network.hpp>
#include <ctnn/bounds/bounds.hpp>
#include <optional>
#include <stdexcept>
#include <type_traits>

namespace ctnn {

/// Thrown by a `ctnn::guarded` network for an input outside the region it guards.
class outside_verified_domain : public std::domain_error {
 public:
  /// The message: what() is "ctnn::guarded: the input is outside the verified domain".
  outside_verified_domain() : std::domain_error("ctnn::guarded: the input is outside the verified domain") {}
};

/// A network with the region it was verified on: it evaluates, bit for bit as `net(x)`, only the
/// inputs of the region. Literal: a guarded network can be `constexpr`.
template <class Net, class Region>
struct guarded_network {
  /// The network.
  Net net;
  /// The inputs it evaluates: a finite domain or a box.
  Region region;

  /// Whether `x` lies in the region.
  constexpr bool contains(const typename Net::input_type& x) const { return region.contains(x); }
  /// `net(x)` for x in the region; else throws ctnn::outside_verified_domain.
  constexpr typename Net::output_type operator()(const typename Net::input_type& x) const {
    if (!region.contains(x)) throw outside_verified_domain();
    return net(x);
  }
  /// `net(x)` for x in the region; else no value (no exception).
  constexpr std::optional<typename Net::output_type> try_evaluate(
      const typename Net::input_type& x) const noexcept {
    if (!region.contains(x)) return std::nullopt;
    return net(x);
  }
};

/// The network `net`, guarded by `region` (a finite domain or a box of its inputs). For an integer
/// network and a box, the box must be one where `ctnn::bounds` shows that no sum overflows (a
/// guarded input must never be undefined behaviour): otherwise std::invalid_argument is thrown, a
/// compile error where the guard is `constexpr`.
template <class Net, class Region>
requires is_network_v<Net>
constexpr guarded_network<Net, Region> guarded(const Net& net, const Region& region) {
  static_assert(
      requires(const typename Net::input_type& x) {
        { region.contains(x) } -> std::convertible_to<bool>;
      },
      "ctnn::guarded: the region must be a domain or a box of the network's inputs (with contains(x))");
  if constexpr (std::is_integral_v<typename Net::scalar_type> && requires {
                  typename Region::scalar_type;
                  Region::input_count;
                  region.ranges;
                }) {
    if (!bounds(net, region).known())
      throw std::invalid_argument("ctnn::guarded: over this box a sum of the integer network can overflow");
  }
  return {net, region};
}

}  // namespace ctnn
