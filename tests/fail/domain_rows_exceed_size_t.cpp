// {0,1}^64 has 2^64 rows, which a std::size_t cannot count (the product wrapped to 0 before, and a
// verification over it passed having checked no row). Its rows can be read, not counted.
// EXPECT: domain_rows_exceed_size_t<64>
#include <ctnn/ctnn.hpp>

#ifdef CTNN_TWIN
static_assert(ctnn::boolean_inputs<63>.size() == std::size_t{1} << 63);
static_assert(ctnn::boolean_inputs<64>.contains(std::array<int, 64>{}));
#else
static_assert(ctnn::boolean_inputs<64>.size() > 0);
#endif
