/// @file diagnostic/vocabulary.hpp
/// The words of a failed verification, shared by the value form, the type-level form and named
/// records. Declared, never defined, or empty: the compiler prints them with their template
/// arguments, e.g.
/// `ctnn::truth_table_row_mismatch<ctnn::row<1>, ctnn::inputs<0, 1>, ctnn::expected<1>, ctnn::actual<10>>`.
#pragma once

#include <cstddef>

namespace ctnn {

/// What a failing verification prints (CTNN_VERIFY and its aliases). Declared, never defined: the
/// compiler shows the arguments. Integer values appear as themselves (`inputs<0, 1>`), other values
/// as decimal text (`actual_decimal<ctnn::decimal<'0', '.', '5'>>`), named inputs as
/// `fields<field<'d', 'e', 's', 'i', 'g', 'n', '=', '1'>, ...>`; `Decisions` are
/// `expected_decision<d>, actual_decision<d>` for the rules that make decisions (above, argmax).
template <class Row, class Inputs, class Expected, class Actual, class... Decisions>
struct truth_table_row_mismatch;

/// The failing row's index, in the domain's documented row order.
template <std::size_t Index>
struct row {};
/// The failing row's inputs, when they are all integers.
template <long long... Values>
struct inputs {};
/// The expected values, when they are all integers.
template <long long... Values>
struct expected {};
/// The network's outputs, when they are all integers.
template <long long... Values>
struct actual {};
/// The failing row's inputs as decimal text (some are not integers).
template <class... Decimals>
struct inputs_decimal {};
/// The expected values as decimal text.
template <class... Decimals>
struct expected_decimal {};
/// The network's outputs as decimal text.
template <class... Decimals>
struct actual_decimal {};
/// The decision the specification asks for: above(t): 1 for "above t"; argmax: the class index.
template <long long Value>
struct expected_decision {};
/// The decision the network's output makes.
template <long long Value>
struct actual_decision {};

/// A non-integer value in a compile error, as its decimal digits (10 significant digits at most) or
/// as its own text (a fraction: `decimal<'1', '/', '3'>`).
template <char... Digits>
struct decimal {};

/// One field of a failing row in a compile error: its name, '=', its value, as characters
/// (`ctnn::field<'d', 'e', 's', 'i', 'g', 'n', '=', '1'>`; both compilers print characters as such).
template <char... Text>
struct field {};
/// The fields of a failing row, in order: `ctnn::fields<ctnn::field<...>, ctnn::field<...>>`.
template <class... Fields>
struct fields {};

}  // namespace ctnn
