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
/// Besides the macros, one name every layer needs: `ctnn::detail::named_error`.
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

/// @def CTNN_FLOAT_MODE
/// Which floating-point mode of the compiler, if any, would make run-time results differ from the
/// compile-time ones; floating-point layers refuse to be built under any but 0 (core/scalar.hpp):
/// 0 none; 1 fast math (`__FAST_MATH__`); 2 excess precision (`__FLT_EVAL_METHOD__` not 0: g++
/// -mfpmath=387, or -m32 without SSE2); 3 reassociation (`__ASSOCIATIVE_MATH__`: g++
/// -funsafe-math-optimizations); 4 reciprocals (`__RECIPROCAL_MATH__`: g++ -freciprocal-math); 5 no NaN
/// or infinity (`__FINITE_MATH_ONLY__`: -ffinite-math-only, both compilers); 6 no signed zeros
/// (`__NO_SIGNED_ZEROS__`: g++ -fno-signed-zeros). Modes a compiler does not announce (clang++'s
/// -funsafe-math-optimizations, -fassociative-math, -freciprocal-math) cannot be refused:
/// docs/floating-point.md says what each does to the run-time path.
#if defined(__FAST_MATH__)
#define CTNN_FLOAT_MODE 1
#elif defined(__FLT_EVAL_METHOD__) && __FLT_EVAL_METHOD__ != 0
#define CTNN_FLOAT_MODE 2
#elif defined(__ASSOCIATIVE_MATH__)
#define CTNN_FLOAT_MODE 3
#elif defined(__RECIPROCAL_MATH__)
#define CTNN_FLOAT_MODE 4
#elif defined(__FINITE_MATH_ONLY__) && __FINITE_MATH_ONLY__
#define CTNN_FLOAT_MODE 5
#elif defined(__NO_SIGNED_ZEROS__)
#define CTNN_FLOAT_MODE 6
#else
#define CTNN_FLOAT_MODE 0
#endif

/// @def CTNN_DETAIL_PRECISE_FLOAT_BEGIN
/// Opens, in a header, a region whose functions keep IEEE semantics even when the file is compiled
/// with clang++'s -funsafe-math-optimizations, -fassociative-math or -freciprocal-math, which no
/// macro announces (`#pragma float_control(precise, on)`); CTNN_DETAIL_PRECISE_FLOAT_END closes it.
/// g++ announces those modes, and ctnn refuses them (CTNN_FLOAT_MODE).
#if defined(__clang__)
#define CTNN_DETAIL_PRECISE_FLOAT_BEGIN _Pragma("float_control(precise, on, push)")
#define CTNN_DETAIL_PRECISE_FLOAT_END _Pragma("float_control(pop)")
#else
#define CTNN_DETAIL_PRECISE_FLOAT_BEGIN
#define CTNN_DETAIL_PRECISE_FLOAT_END
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

namespace ctnn::detail {
/// False for every `Error`: the condition of the static_assert that names a compile error,
/// `static_assert(named_error<E<...>>, "why")`. Both compilers print the condition with its template
/// arguments in that one error (diagnostic/errors.hpp).
template <class Error>
inline constexpr bool named_error = false;
}  // namespace ctnn::detail
