/// @file proof/separability.hpp
/// `ctnn::single_neuron_can_realise(table)`: whether ONE neuron, output 1 when w·x + b > 0 and 0
/// otherwise (ctnn::step, so step(0) == 0), gives a boolean table over {0,1}^n, decided in exact
/// integer arithmetic, in a constant expression. When it can, the answer holds integer weights and
/// a bias; when it cannot, a Farkas certificate: non-negative integer multipliers on the rows under
/// which the 1-rows and the 0-rows have the same weighted sum of inputs and the same total weight.
/// Each answer is checked before it is returned (ctnn::neuron_realises,
/// ctnn::certificate_refutes_neuron). docs/separability.md gives the algorithm, the proof and the
/// costs.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <exception>
#include <type_traits>

#include <ctnn/config.hpp>
#include <ctnn/spec/specification.hpp>

namespace ctnn {

/// Names a compile error: the table given to ctnn::single_neuron_can_realise has `Rows` entries,
/// which is not 2^n for an n >= 1 (one entry per row of {0,1}^n: 2, 4, 8, 16, ...).
template <std::size_t Rows>
struct separability_table_rows_are_not_a_power_of_two;

/// Names a compile error: the table's entries have type `E`, which is neither bool nor an integer
/// type (a table of 0s and 1s).
template <class E>
struct separability_table_entries_are_not_bool_or_integers;

/// Names a compile error: the `ctnn::table` lists `Outputs` values per row; one neuron has one output.
template <std::size_t Outputs>
struct separability_table_has_several_values_per_row;

/// The answer of ctnn::single_neuron_can_realise for a table over {0,1}^N. A structural type (all
/// members public): it can be a template argument. Converts to bool: `realisable`.
template <std::size_t N>
struct separability {
  /// n, the number of inputs.
  static constexpr std::size_t input_count = N;
  /// 2^n, the number of rows of the table.
  static constexpr std::size_t row_count = std::size_t{1} << N;

  /// Whether one neuron realises the table.
  bool realisable = false;
  /// When realisable: the neuron's weights, input by input (all 0 otherwise). With `bias`,
  /// weights·x + bias > 0 exactly on the rows whose entry is 1; the integers have no common factor.
  std::array<long long, N> weights{};
  /// When realisable: the neuron's bias (0 otherwise).
  long long bias = 0;
  /// When not realisable: the Farkas certificate, one multiplier per row in the domain's row order
  /// (all 0 otherwise). Every multiplier is >= 0, the multipliers of the 1-rows and of the 0-rows
  /// have the same positive sum, and the two weighted sums of the rows' inputs are equal; then no
  /// real weights can exist (docs/separability.md). For XOR: {1, 1, 1, 1}, (0,1) + (1,0) = (0,0) + (1,1).
  std::array<long long, row_count> multipliers{};

  /// `realisable`.
  constexpr explicit operator bool() const { return realisable; }
};

/// What ctnn::single_neuron_can_realise and the checks throw at run time, where a constant
/// expression would not compile: a table entry other than 0 and 1, or (never reached, see
/// docs/separability.md) an overflow or an answer that fails its check. (Not std::invalid_argument:
/// `<stdexcept>` would more than double the parse time of this header.)
class separability_error : public std::exception {
 public:
  /// An error that says `what`.
  explicit separability_error(const char* what) noexcept : what_(what) {}
  /// What went wrong.
  const char* what() const noexcept override { return what_; }

 private:
  const char* what_;
};

namespace detail {

// Not constexpr on purpose: reaching one in a constant expression is the compile error (its name
// says what happened); at run time it throws.
inline void separability_table_entry_is_not_0_or_1() {
  throw separability_error("ctnn::single_neuron_can_realise: a table entry is neither 0 nor 1");
}
inline void separability_arithmetic_overflows_long_long() {
  throw separability_error("ctnn::single_neuron_can_realise: a value does not fit in long long");
}
inline void separability_answer_fails_its_check() {
  throw separability_error(
      "ctnn::single_neuron_can_realise: the answer failed its own check (a bug of ctnn)");
}

/// What the forms of a table have in common: the entry type, the number of rows and of values per
/// row, and row r's entry. Defined for std::array<E, Rows>, E[Rows] and ctnn::table_spec.
template <class Table>
struct separability_table {
  static constexpr bool known = false;
};
template <class E, std::size_t Rows>
struct separability_table<std::array<E, Rows>> {
  static constexpr bool known = true;
  using entry_type = std::remove_cv_t<E>;
  static constexpr std::size_t rows = Rows, values_per_row = 1;
  static constexpr const E& entry(const std::array<E, Rows>& table, std::size_t r) { return table[r]; }
};
template <class E, std::size_t Rows>
struct separability_table<E[Rows]> {
  static constexpr bool known = true;
  using entry_type = std::remove_cv_t<E>;
  static constexpr std::size_t rows = Rows, values_per_row = 1;
  static constexpr const E& entry(const E (&table)[Rows], std::size_t r) { return table[r]; }
};
template <class E, std::size_t Rows, std::size_t Outputs>
struct separability_table<table_spec<E, Rows, Outputs>> {
  static constexpr bool known = true;
  using entry_type = std::remove_cv_t<E>;
  static constexpr std::size_t rows = Rows, values_per_row = Outputs;
  static constexpr const E& entry(const table_spec<E, Rows, Outputs>& table, std::size_t r) {
    return table.rows[r][0];
  }
};

/// True when `Table` is a table of 0s and 1s with 2^n rows; otherwise also the compile error that
/// names what is wrong.
template <class Table>
constexpr bool check_separability_table() {
  using traits = separability_table<Table>;
  using E = typename traits::entry_type;
  if constexpr (!std::is_integral_v<E>) {
    static_assert(named_error<separability_table_entries_are_not_bool_or_integers<E>>,
                  "ctnn::single_neuron_can_realise: the table's entries must be bool or integers, 0 or 1; "
                  "ctnn::separability_table_entries_are_not_bool_or_integers<entry type>");
    return false;
  } else if constexpr (traits::values_per_row != 1) {
    static_assert(named_error<separability_table_has_several_values_per_row<traits::values_per_row>>,
                  "ctnn::single_neuron_can_realise: one neuron has one output, so the table needs one "
                  "value per row; ctnn::separability_table_has_several_values_per_row<values per row>");
    return false;
  } else if constexpr (traits::rows < 2 || !std::has_single_bit(traits::rows)) {
    static_assert(
        named_error<separability_table_rows_are_not_a_power_of_two<traits::rows>>,
        "ctnn::single_neuron_can_realise: the table needs one entry per row of {0,1}^n, 2^n "
        "entries for an n >= 1 (2, 4, 8, ...); ctnn::separability_table_rows_are_not_a_power_of_two<rows>");
    return false;
  } else {
    return true;
  }
}

/// n for a table of 2^n rows.
template <class Table>
inline constexpr std::size_t separability_inputs = std::countr_zero(separability_table<Table>::rows);

// The decision's own pieces, in a namespace of their own: their names (magnitude, decide, ...) are
// too plain to share ctnn::detail with other layers' overloads.
namespace separation {

/// A 128-bit signed integer (the GCC and clang extension, like verify/overflow.hpp's int128): every
/// product of two long long fits it.
__extension__ typedef __int128 int128;

/// The table's entries as bools; an entry other than 0 and 1 is an error (a compile error in a
/// constant expression, naming detail::separability_table_entry_is_not_0_or_1; ctnn::separability_error
/// at run time).
template <class Table>
constexpr std::array<bool, separability_table<Table>::rows> boolean_rows(const Table& table) {
  using traits = separability_table<Table>;
  std::array<bool, traits::rows> ones{};
  for (std::size_t r = 0; r < traits::rows; ++r) {
    const auto& e = traits::entry(table, r);
    if constexpr (std::is_same_v<typename traits::entry_type, bool>) {
      ones[r] = e;
    } else {
      if (e != 0 && e != 1) separability_table_entry_is_not_0_or_1();
      ones[r] = e == 1;
    }
  }
  return ones;
}

/// Input k of row r of {0,1}^n, as 0 or 1: row r holds the binary digits of r, input 0 the most
/// significant (spec/domain.hpp's row order; the last input changes fastest).
constexpr int input_bit(std::size_t r, std::size_t n, std::size_t k) { return int((r >> (n - 1 - k)) & 1); }

/// `v` as a long long; a value outside it is an error (compile error, or ctnn::separability_error).
constexpr long long narrow_to_long_long(int128 v) {
  if (static_cast<long long>(v) != v) separability_arithmetic_overflows_long_long();
  return static_cast<long long>(v);
}

/// |a| as unsigned (LLONG_MIN included).
constexpr unsigned long long magnitude(long long a) {
  return a < 0 ? 0ULL - static_cast<unsigned long long>(a) : static_cast<unsigned long long>(a);
}

/// Divides the values by their greatest common divisor (none when all are 0). (Not std::gcd:
/// `<numeric>` costs parse time.)
template <std::size_t K>
constexpr void divide_by_common_factor(std::array<long long, K>& values, long long& also) {
  unsigned long long g = magnitude(also);
  for (const long long v : values)
    for (unsigned long long b = magnitude(v); b != 0;) {
      const unsigned long long rest = g % b;
      g = b;
      b = rest;
    }
  if (g <= 1) return;
  const long long divisor = static_cast<long long>(g);  // at most |a value|: the values fit 63 bits
  for (long long& v : values) v /= divisor;
  also /= divisor;
}

/// The decision for the table `ones` over {0,1}^N: phase 1 of the simplex method on the Farkas
/// system of the table (docs/separability.md), fraction-free, with Bland's rule; unchecked.
///
/// The system: multipliers m_r >= 0, one per row, with sum over rows of s_r m_r x_r = 0 (s_r = +1 on
/// a 1-row, -1 on a 0-row; N equations), sum of the 1-rows' m_r = 1 and sum of the 0-rows' m_r = 1.
/// A solution is a certificate. Phase 1 adds one artificial variable per equation and minimises
/// their sum; when the minimum is positive, the simplex multipliers pi of the last basis give the
/// weights -pi_0..pi_{N-1} and the bias pi_{N+1}.
///
/// Integer tableau T with common denominator d (Edmonds' integer-preserving pivot): the true
/// tableau is T / d; a pivot on (p, q) sets T[i][j] = (T[p][q] T[i][j] - T[i][q] T[p][j]) / d for
/// i != p, an exact division, and d = T[p][q] > 0, the determinant of the basis B (up to sign).
/// Overflow: every entry of T is, up to sign, a determinant of order at most N + 3 whose entries
/// are 0, 1 or -1: in an equation row, d times an entry of B^-1 [M | I | h] (a minor of order N + 2,
/// by Cramer's rule); in the objective row, d times a reduced cost (B bordered by the column and
/// the 0/1 costs). Hadamard's bound makes such a determinant at most k^(k/2), k = N + 3: 19683 for
/// N = 6, 1.8e7 for N = 10, below 2^62 up to N = 23. So the entries fit a long long and the
/// products of two fit the 128-bit type; the weights (d minus an entry) and the bias (a sum of N
/// weights) fit a long long up to N = 20 at least. Every stored value is still checked: an overflow
/// is an error (separability_arithmetic_overflows_long_long), never a wrong answer.
template <std::size_t N>
constexpr separability<N> decide(const std::array<bool, (std::size_t{1} << N)>& table) {
  constexpr std::size_t rows = std::size_t{1} << N;
  constexpr std::size_t equations = N + 2, objective = equations;
  constexpr std::size_t artificial = rows, rhs = rows + equations, columns = rhs + 1;
  // C arrays, not std::array: clang++ counts each call of std::array's operator[] as steps of its
  // constexpr budget, and the pivots below are the whole cost.
  bool ones[rows]{};
  std::size_t count = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    ones[r] = table[r];
    count += ones[r] ? 1 : 0;
  }
  separability<N> answer{};
  if (count == 0 || count == rows) {  // a constant: no input matters
    answer.realisable = true;
    answer.bias = count == rows;
    return answer;
  }

  long long t[equations + 1][columns]{};
  std::size_t basis[equations]{};
  for (std::size_t r = 0; r < rows; ++r) {
    const long long s = ones[r] ? 1 : -1;
    for (std::size_t k = 0; k < N; ++k) t[k][r] = input_bit(r, N, k) * s;
    t[ones[r] ? N : N + 1][r] = 1;
  }
  t[N][rhs] = t[N + 1][rhs] = 1;
  for (std::size_t i = 0; i < equations; ++i) {
    t[i][artificial + i] = 1;
    basis[i] = artificial + i;
  }
  // The objective row holds the reduced costs and -(the objective): costs 0 on the multipliers and
  // 1 on the artificial variables, minus the sum of the rows, which makes the basic columns 0.
  for (std::size_t j = 0; j < columns; ++j)
    if (j < rows || j == rhs)
      for (std::size_t i = 0; i < equations; ++i) t[objective][j] -= t[i][j];

  long long d = 1;
  for (;;) {
    // Bland's rule: the first multiplier column with a negative reduced cost enters (an artificial
    // variable never enters again)...
    std::size_t q = 0;
    while (q < rows && t[objective][q] >= 0) ++q;
    if (q == rows) break;
    // ...and of the rows with the smallest ratio rhs / T[i][q] over T[i][q] > 0, the one whose basic
    // variable has the smallest index leaves.
    std::size_t p = equations;
    for (std::size_t i = 0; i < equations; ++i) {
      if (t[i][q] <= 0) continue;
      if (p != equations) {
        const int128 mine = int128(t[i][rhs]) * t[p][q], best = int128(t[p][rhs]) * t[i][q];
        if (mine > best || (mine == best && basis[i] > basis[p])) continue;
      }
      p = i;
    }
    // No row: the objective would fall without bound, which a sum of non-negative variables cannot.
    if (p == equations) separability_answer_fails_its_check();
    const long long pivot = t[p][q];
    bool overflow = false;
    for (std::size_t i = 0; i <= equations; ++i) {
      if (i == p) continue;
      const long long factor = t[i][q];
      for (std::size_t j = 0; j < columns; ++j) {
        // (Divided in 64 bits when the difference fits them: 128-bit division is slow at run time.)
        const int128 n = int128(pivot) * t[i][j] - int128(factor) * t[p][j];
        const int128 v = static_cast<long long>(n) == n ? int128(static_cast<long long>(n) / d) : n / d;
        overflow |= (t[i][j] = static_cast<long long>(v)) != v;
      }
    }
    if (overflow) separability_arithmetic_overflows_long_long();
    d = pivot;
    basis[p] = q;
  }

  if (t[objective][rhs] == 0) {
    // The artificial variables are all 0: the multipliers solve the system (over d; d cancels).
    for (std::size_t i = 0; i < equations; ++i)
      if (basis[i] < rows) answer.multipliers[basis[i]] = t[i][rhs];
    long long none = 0;
    divide_by_common_factor(answer.multipliers, none);
    return answer;
  }
  // pi_i = 1 - (the reduced cost of artificial variable i); times d: d - T[objective][artificial + i].
  // The optimality of the basis says pi . column_r <= 0 for every row r: w . x_r >= pi_N on the
  // 1-rows and w . x_r + pi_{N+1} <= 0 on the 0-rows, with w = -pi_0..pi_{N-1}; and the objective,
  // pi_N + pi_{N+1}, is positive: so w . x + pi_{N+1} > 0 exactly on the 1-rows.
  answer.realisable = true;
  long long w[N]{};
  for (std::size_t k = 0; k < N; ++k) w[k] = narrow_to_long_long(int128(t[objective][artificial + k]) - d);
  // The bias: not pi_{N+1} but the largest that keeps every 0-row at <= 0 (so the 1-rows stay > 0),
  // which gives smaller integers once divided by the common factor.
  bool first = true;
  int128 highest = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    if (ones[r]) continue;
    int128 sum = 0;
    for (std::size_t k = 0; k < N; ++k) sum += input_bit(r, N, k) * int128(w[k]);
    if (first || sum > highest) highest = sum;
    first = false;
  }
  for (std::size_t k = 0; k < N; ++k) answer.weights[k] = w[k];
  answer.bias = narrow_to_long_long(-highest);
  divide_by_common_factor(answer.weights, answer.bias);
  return answer;
}

/// Whether the neuron with `weights` and `bias` gives `ones`: the sums in 128 bits (n terms of at
/// most 2^63 each), so no overflow.
template <std::size_t N, std::size_t Rows>
constexpr bool neuron_gives(const std::array<bool, Rows>& ones, const std::array<long long, N>& weights,
                            long long bias) {
  long long w[N]{};  // (C arrays: see decide)
  for (std::size_t k = 0; k < N; ++k) w[k] = weights[k];
  for (std::size_t r = 0; r < Rows; ++r) {
    int128 sum = bias;
    for (std::size_t k = 0; k < N; ++k) sum += input_bit(r, N, k) * int128(w[k]);
    if ((sum > 0) != ones[r]) return false;
  }
  return true;
}

/// Whether `multipliers` is a Farkas certificate for `ones` over {0,1}^N (see ctnn::separability):
/// the sums in 128 bits (2^n terms of at most 2^63 each, n < 64), so no overflow.
template <std::size_t N, std::size_t Rows>
constexpr bool certificate_holds(const std::array<bool, Rows>& ones,
                                 const std::array<long long, Rows>& multipliers) {
  int128 total = 0;  // the 1-rows' multipliers minus the 0-rows'
  int128 positive = 0;
  int128 inputs[N]{};  // the same, for each input's weighted sum (C arrays: see decide)
  for (std::size_t r = 0; r < Rows; ++r) {
    const long long m = multipliers[r];
    if (m < 0) return false;
    const int128 signed_m = ones[r] ? int128(m) : -int128(m);
    total += signed_m;
    if (ones[r]) positive += m;
    for (std::size_t k = 0; k < N; ++k) inputs[k] += input_bit(r, N, k) * signed_m;
  }
  if (total != 0 || positive == 0) return false;
  for (const int128 v : inputs)
    if (v != 0) return false;
  return true;
}

}  // namespace separation
}  // namespace detail

/// Whether the neuron step(weights·x + bias) gives `table` on every row of {0,1}^n: weights·x + bias
/// > 0 exactly on the rows whose entry is 1 (computed exactly, without overflow). `table` is a
/// `std::array<E, 2^n>`, an `E[2^n]` or a `ctnn::table(...)`, E bool or an integer type holding 0s and
/// 1s; `weights` has one entry per input.
template <class Table, std::size_t N>
  requires detail::separability_table<Table>::known
constexpr bool neuron_realises(const Table& table, const std::array<long long, N>& weights, long long bias) {
  if constexpr (!detail::check_separability_table<Table>()) {
    return false;
  } else if constexpr (N != detail::separability_inputs<Table>) {
    static_assert(N == detail::separability_inputs<Table>,
                  "ctnn::neuron_realises: the weights need one entry per input (n for 2^n rows)");
    return false;
  } else {
    return detail::separation::neuron_gives<N>(detail::separation::boolean_rows(table), weights, bias);
  }
}

/// Whether `multipliers` (one per row of `table`, in row order) is a Farkas certificate that no
/// neuron realises `table`: every multiplier >= 0, the 1-rows' multipliers and the 0-rows' have the
/// same positive sum, and the 1-rows' inputs weighted by their multipliers add up to the same vector
/// as the 0-rows'. Computed exactly, without overflow. `table` as for ctnn::neuron_realises.
template <class Table, std::size_t Rows>
  requires detail::separability_table<Table>::known
constexpr bool certificate_refutes_neuron(const Table& table, const std::array<long long, Rows>& multipliers) {
  if constexpr (!detail::check_separability_table<Table>()) {
    return false;
  } else if constexpr (Rows != detail::separability_table<Table>::rows) {
    static_assert(
        Rows == detail::separability_table<Table>::rows,
        "ctnn::certificate_refutes_neuron: the certificate needs one multiplier per row of the table");
    return false;
  } else {
    const auto ones = detail::separation::boolean_rows(table);
    return detail::separation::certificate_holds<detail::separability_inputs<Table>>(ones, multipliers);
  }
}

/// Whether one neuron, output 1 when w·x + b > 0 and 0 otherwise (ctnn::step: step(0) == 0),
/// realises `table`, a boolean function of n inputs given row by row in the domain's row order
/// (row r of {0,1}^n holds the binary digits of r, input 0 the most significant):
/// a `std::array<E, 2^n>`, an `E[2^n]` or a `ctnn::table({...})`, E bool or an integer type, every
/// entry 0 or 1. Returns a ctnn::separability<n>: integer weights and bias when realisable, a Farkas
/// certificate otherwise, each checked before it is returned. Exact (integer simplex, no rounding);
/// constexpr, and fits the compilers' default constexpr limits up to n = 6 at least
/// (docs/separability.md has the costs). A wrong table type is a named compile error; an entry other
/// than 0 and 1 is a compile error naming detail::separability_table_entry_is_not_0_or_1 (at run time,
/// ctnn::separability_error).
template <class Table>
  requires detail::separability_table<Table>::known
constexpr auto single_neuron_can_realise(const Table& table) {
  if constexpr (detail::check_separability_table<Table>()) {
    constexpr std::size_t n = detail::separability_inputs<Table>;
    const auto ones = detail::separation::boolean_rows(table);
    const separability<n> answer = detail::separation::decide<n>(ones);
    // Both answers are proofs only once checked: the weights on every row, the certificate's sums.
    if (answer.realisable ? !detail::separation::neuron_gives<n>(ones, answer.weights, answer.bias)
                          : !detail::separation::certificate_holds<n>(ones, answer.multipliers))
      detail::separability_answer_fails_its_check();
    return answer;
  } else {
    return separability<1>{};
  }
}

/// The same, for a braced list: `ctnn::single_neuron_can_realise({0, 1, 1, 0})` (XOR: false).
template <class E, std::size_t Rows>
constexpr auto single_neuron_can_realise(const E (&table)[Rows]) {
  return single_neuron_can_realise<E[Rows]>(table);
}

}  // namespace ctnn
