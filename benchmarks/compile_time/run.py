#!/usr/bin/env python3
"""Compile-time verification benchmark (prints figures; not a test).

For N-8-1 ReLU networks (random integer weights in [-9, 9], or the same divided by 10 for double),
compiles the verification of every row of {0,1}^N with ctnn (CTNN_VERIFY, default compiler limits)
and, in the same run, with a naive baseline: one constexpr loop over all rows, the network in
std::array, evaluated row by row, limits raised, stopped after --timeout seconds. Both check the same
property on every row (the output is not negative). Records CPU seconds (user + system, which
another process on the machine changes far less than wall time) and peak memory from /usr/bin/time -v,
and prints a Markdown table with the ratio naive / ctnn. The timeout is in wall seconds.

  benchmarks/compile_time/run.py [--sizes 8,10,12] [--types int,double] [--compilers g++,clang++]
"""
import argparse
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
INCLUDE = os.path.normpath(os.path.join(HERE, "..", "..", "include"))
sys.path.insert(0, os.path.dirname(HERE))
from measure import compile_and_measure as measure_compile  # noqa: E402

HIDDEN = 8


def weights(n, scalar, seed):
    rng = random.Random(seed)
    def value():
        v = rng.randint(-9, 9)
        return str(v) if scalar == "int" else repr(v / 10)
    w0 = [[value() for _ in range(n)] for _ in range(HIDDEN)]
    b0 = [value() for _ in range(HIDDEN)]
    w1 = [value() for _ in range(HIDDEN)]
    b1 = value()
    return w0, b0, w1, b1


def ctnn_source(n, scalar):
    w0, b0, w1, b1 = weights(n, scalar, n)
    rows = ", ".join("{" + ", ".join(r) + "}" for r in w0)
    threshold = "-1" if scalar == "int" else "-0.5"
    return f"""#include <ctnn/verify.hpp>
constexpr auto net = ctnn::network(
    ctnn::dense<{n}, {HIDDEN}, {scalar}>({{{rows}}}, {{{", ".join(b0)}}}, ctnn::relu),
    ctnn::dense<{HIDDEN}, 1, {scalar}>({{{{{", ".join(w1)}}}}}, {{{b1}}}, ctnn::relu));
CTNN_VERIFY(net, ctnn::truth_table_of([](auto...) {{ return true; }}), ctnn::above({threshold}));
int main() {{}}
"""


def naive_source(n, scalar):
    w0, b0, w1, b1 = weights(n, scalar, n)
    rows = ", ".join("{" + ", ".join(r) + "}" for r in w0)
    return f"""#include <array>
#include <cstddef>
using T = {scalar};
constexpr std::array<std::array<T, {n}>, {HIDDEN}> w0{{{{{rows}}}}};
constexpr std::array<T, {HIDDEN}> b0{{{", ".join(b0)}}};
constexpr std::array<T, {HIDDEN}> w1{{{", ".join(w1)}}};
constexpr T b1 = {b1};
constexpr T relu(T x) {{ return x > T(0) ? x : T(0); }}
constexpr T forward(const std::array<T, {n}>& x) {{
  std::array<T, {HIDDEN}> h{{}};
  for (std::size_t j = 0; j < {HIDDEN}; ++j) {{
    T s = b0[j];
    for (std::size_t i = 0; i < {n}; ++i) s += w0[j][i] * x[i];
    h[j] = relu(s);
  }}
  T o = b1;
  for (std::size_t j = 0; j < {HIDDEN}; ++j) o += w1[j] * h[j];
  return relu(o);
}}
constexpr bool all_rows() {{
  for (std::size_t r = 0; r < (std::size_t{{1}} << {n}); ++r) {{
    std::array<T, {n}> x{{}};
    for (std::size_t i = 0; i < {n}; ++i) x[i] = T((r >> ({n} - 1 - i)) & 1);
    if (forward(x) < T(0)) return false;
  }}
  return true;
}}
static_assert(all_rows());
int main() {{}}
"""


RAISED = {
    "g++": ["-fconstexpr-ops-limit=2147483647", "-fconstexpr-loop-limit=2147483647"],
    "clang++": ["-fconstexpr-steps=2147483647"],
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="8,10,12,14,16,18,20")
    parser.add_argument("--types", default="int,double")
    parser.add_argument("--compilers", default="g++,clang++")
    parser.add_argument("--timeout", type=int, default=180, help="seconds, per naive compile")
    parser.add_argument("--ctnn-timeout", type=int, default=900, help="seconds, per ctnn compile")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    args = parser.parse_args()
    timed_out = set()  # (scalar, compiler) whose naive baseline already timed out at a smaller N
    print("| N | scalar | compiler | ctnn CPU s | ctnn MB | naive CPU s | naive MB | naive / ctnn (time) |")
    print("|---|---|---|---|---|---|---|---|")
    for n in [int(v) for v in args.sizes.split(",")]:
        for scalar in args.types.split(","):
            for compiler in args.compilers.split(","):
                cs, cm, cnote = measure_compile(compiler, ctnn_source(n, scalar), [], args.ctnn_timeout, INCLUDE)
                if args.no_naive:
                    ns, nm, nnote = None, None, "not run"
                elif (scalar, compiler) in timed_out:
                    ns, nm, nnote = None, None, f"timeout (skipped: timed out at a smaller N)"
                else:
                    ns, nm, nnote = measure_compile(compiler, naive_source(n, scalar), RAISED[compiler], args.timeout, INCLUDE)
                    if nnote.startswith("timeout"):
                        timed_out.add((scalar, compiler))
                fmt = lambda v, d: "-" if v is None else f"{v:.{d}f}"
                ratio = f"{ns / cs:.1f}" if cs and ns and not cnote and not nnote else "-"
                if nnote.startswith("timeout") and cs and not cnote and ns is not None:
                    ratio = f"> {args.timeout / cs:.0f}"
                print(f"| {n} | {scalar} | {compiler} | {fmt(cs, 2)}{' ' + cnote if cnote else ''} | {fmt(cm, 0)} "
                      f"| {fmt(ns, 2)}{' ' + nnote if nnote else ''} | {fmt(nm, 0)} | {ratio} |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
