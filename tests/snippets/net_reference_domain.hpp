// Prelude for docs/scale.md's block: the names it leaves to the reader (a network `net`, a reference
// function `reference`, a `domain`), and Catch2 for REQUIRE. The block is compiled, not run.
#include <catch2/catch.hpp>
#include <ctnn/ctnn.hpp>

constexpr auto net = ctnn::network(ctnn::dense<3, 1>({{1, 2, 3}}, {-1}));
constexpr auto reference = [](int a, int b, int c) { return a + 2 * b + 3 * c - 1; };
constexpr auto domain = ctnn::uniform_domain<3>({0, 1, 2});
