/// @file config.hpp
/// Every macro ctnn defines or reads, in one place. Users may set, before including ctnn:
///
/// - `CTNN_NO_KERNELS`: run-time evaluation uses the portable scalar path instead of the vector
///   kernels (same bits either way; see ctnn/kernels/kernels.hpp).
/// - `CTNN_CONSTEXPR_BUDGET`: the budget of one constant expression, in the compiler's unit, when the
///   compiler's limit is raised (clang++ `-fconstexpr-steps`, g++ `-fconstexpr-ops-limit`); larger
///   pieces compile faster.
///
/// ctnn defines, for its own use and for tests: `CTNN_KERNELS` (1 when the run-time kernels are
/// compiled in), `CTNN_RUNTIME_INLINE` (on run-time entry points: inlined into the caller, so that a
/// constexpr network's weights are constants there), `CTNN_FAST_MATH` (1 under -ffast-math).
#pragma once

/// @def CTNN_KERNELS
/// 1 when the run-time vector kernels are compiled in (clang++, or g++ 12 or later, on x86-64 with
/// SSE2, and CTNN_NO_KERNELS not defined), else 0.
// The run-time vector kernels: GCC/clang vector extensions on x86-64 (g++ before 12 lacks
// __builtin_shufflevector). The AArch64 branches of the kernels stay off until tested there.
#if !defined(CTNN_NO_KERNELS) && (defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 12)) && \
    defined(__x86_64__) && defined(__SSE2__)
#define CTNN_KERNELS 1
#else
#define CTNN_KERNELS 0
#endif

/// @def CTNN_RUNTIME_INLINE
/// On ctnn's run-time entry points (`net(x)`, `ctnn::evaluate`, `ctnn::evaluate_batch`): always
/// inlined into the caller when the kernels are compiled in, so that a constexpr network's weights
/// are constants there; empty otherwise.
#if CTNN_KERNELS
#define CTNN_RUNTIME_INLINE __attribute__((always_inline))
#else
#define CTNN_RUNTIME_INLINE
#endif

// Forced inlining inside the kernels and the optimisation barrier (GCC and clang spell it alike).
#define CTNN_DETAIL_INLINE __attribute__((always_inline)) inline
#define CTNN_DETAIL_INLINE_LAMBDA __attribute__((always_inline))

/// The width, in bytes of outputs, from which one-sample kernels use 512-bit vectors (AVX-512): a
/// tuning knob for experiments (docs/runtime-benchmark.md), not an interface.
#ifndef CTNN_WIDE_FROM
#define CTNN_WIDE_FROM 256
#endif

/// @def CTNN_FAST_MATH
/// 1 when the file is compiled with fast math (`__FAST_MATH__`: -ffast-math, -Ofast, clang++'s
/// -ffp-model=fast), else 0: floating-point layers then refuse to be evaluated.
#if defined(__FAST_MATH__)
#define CTNN_FAST_MATH 1
#else
#define CTNN_FAST_MATH 0
#endif

/// The budget of one constant expression, in the compiler's own unit: clang++ counts evaluation steps
/// (-fconstexpr-steps, default 1048576), g++ operations (-fconstexpr-ops-limit, default 33554432).
#ifndef CTNN_CONSTEXPR_BUDGET
#if defined(__clang__)
#define CTNN_CONSTEXPR_BUDGET 1048576
#else
#define CTNN_CONSTEXPR_BUDGET 33554432
#endif
#endif

#define CTNN_DETAIL_CONCAT2(a, b) a##b
#define CTNN_DETAIL_CONCAT(a, b) CTNN_DETAIL_CONCAT2(a, b)
