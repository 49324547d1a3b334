// A network whose single row, evaluated directly, costs more than one constant expression's budget
// (less an eighth) cannot be split into pieces that fit it: CTNN_VERIFY refuses it, and names the
// estimated row cost and the budget. The budget is lowered here to 262144 units (the defaults are
// 1048576 on clang++ and 33554432 on g++) so that the mistake stays small and quick to compile: a
// 2-512-512-1 network, whose 263,680 multiply-adds cost about 1 step each on clang++ and 41
// operations on g++ (docs/scale.md).
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
constexpr ctnn::dense_layer<In, Out, int, ctnn::relu_t> zeros{};
constexpr auto net = ctnn::network(zeros<2, 512>, zeros<512, 512>, zeros<512, 1>);
CTNN_VERIFY(net, ctnn::table({0, 0, 0, 0}), ctnn::exact);
#endif
