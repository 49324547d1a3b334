// A network whose single row costs more than half of one constant expression's budget cannot be
// split into pieces that fit it: CTNN_VERIFY refuses it, and names the estimated row cost and the
// budget. The budget is lowered here to 262144 units (the defaults are 1048576 on clang++ and
// 33554432 on g++) so that the mistake stays small and quick to compile: a 2-128-128-128-1 network,
// whose third layer alone costs about 200000 units on clang++ (12 per multiply-add, more on g++).
// The twin, the 2-2-1 network of the README, fits the same budget on both compilers.
// FLAGS: -DCTNN_CONSTEXPR_BUDGET=262144
// EXPECT: one_row_exceeds_the_constexpr_budget<[0-9]+, 262144>
#include <array>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
constexpr auto net = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));
CTNN_VERIFY(net, ctnn::table({0, 10, 10, 0}), ctnn::exact);
#else
template <std::size_t In, std::size_t Out>
constexpr auto zeros =
    ctnn::dense(std::array<std::array<int, In>, Out>{}, std::array<int, Out>{}, ctnn::relu);
constexpr auto net = ctnn::network(zeros<2, 128>, zeros<128, 128>, zeros<128, 128>, zeros<128, 1>);
CTNN_VERIFY(net, ctnn::table({0, 0, 0, 0}), ctnn::exact);
#endif
