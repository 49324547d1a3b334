// A reference function that reads a run-time value (a lambda capturing a local of main) cannot be
// evaluated at compile time. The compiler rejects the task before any ctnn code runs, so the error is
// the compiler's own, not a named one: g++ "the value of 'limit' is not usable in a constant
// expression", clang++ "constexpr variable 'ctnn_verification_0' must be initialized by a constant
// expression" and "read of non-const variable 'limit'". ctnn stops after it (no second error). The
// twin makes the captured value a constant; or verify at run time (ctnn::verify_at_run_time).
// EXPECT: limit
// FIRST: limit|ctnn_verification_0
#include <ctnn/ctnn.hpp>

constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

int main() {
#ifdef CTNN_TWIN
  static constexpr int limit = 0;
#else
  int limit = 0;
#endif
  CTNN_VERIFY(buy, ctnn::truth_table_of([&](int a, int b) { return a + b > limit && a + b < 2; }),
              ctnn::above(0));
  return limit;
}
