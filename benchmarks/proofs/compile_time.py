#!/usr/bin/env python3
"""Compile-time proof benchmark (issue 10; prints figures, not a test).

For the seed network (its three properties of docs/proofs.md), random N-16-16-1 ReLU networks (N = 2
to 8) and random networks of the standard benchmark's size (5 inputs, six hidden layers of 50 ReLUs,
5 outputs), each with the output-bound property of benchmarks/proofs/proof_benchmark.cpp (output 0
within its sampled range widened by 25 % on each side; the sampled range from 500 inputs computed here
in the network's own arithmetic and order), compiles, with each compiler:

- `CTNN_PROVE(net, box, property)` under the compiler's default limits (linear bounds, the default):
  the verdict, CPU seconds (user + system) and peak memory, from /usr/bin/time -v;
- when that runs out of budget, the same with the budget raised (--raise: -fconstexpr-steps (clang++)
  or -fconstexpr-ops-limit and -fconstexpr-loop-limit (g++), and CTNN_CONSTEXPR_BUDGET to match);
- `constexpr auto r = ctnn::prove(net, box, property, options)` in one constant expression, limits
  raised, once with plain intervals and once with linear bounds, the program run to print the boxes
  explored and the depth (the same engine, and the same figures, as at run time).

Random weights are uniform in +-sqrt(6 / inputs), biases in +-0.1 (He-style, as the run-time
benchmark); the boxes are [-1, 1]^N for the small networks and [-h, h]^5 for the standard size.

--part finite (issue 10, item 6): CTNN_VERIFY of a 32-16-1 double network (tests/unit/finite_bounds.cpp's,
weights from tests/bit_equality/random_layers.hpp) over {0,1}^32 with ctnn::everywhere(true) and
ctnn::above(t), under default limits, for several t: CPU seconds, peak memory, and, from the program
the compile produced, the boxes bounded, rows evaluated and the run-time form's time; and, as the
baseline measured in the same run, the row-by-row CTNN_VERIFY of the same network and property over
the 2^16 rows with inputs 16 to 31 at 0, whose time times 2^16 estimates enumerating all 2^32.

  benchmarks/proofs/compile_time.py [--part proofs|finite|all] [--compilers g++,clang++]
                                    [--small 2,3,4,5,6,7,8] [--standard-halves 0.0001,0.001]
                                    [--thresholds -19,-17,-16,-15,-14] [--timeout 120] [--raise 16]
"""
import argparse
import math
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
INCLUDE = os.path.normpath(os.path.join(HERE, "..", "..", "include"))
sys.path.insert(0, os.path.dirname(HERE))
from measure import compile_and_measure  # noqa: E402

DEFAULT_BUDGET = {"g++": 33554432, "clang++": 1048576}


def random_network(sizes, seed):
    rng = random.Random(seed)
    layers = []
    for i in range(len(sizes) - 1):
        n, m = sizes[i], sizes[i + 1]
        scale = math.sqrt(6.0 / n)
        weights = [[rng.uniform(-scale, scale) for _ in range(n)] for _ in range(m)]
        biases = [rng.uniform(-0.1, 0.1) for _ in range(m)]
        layers.append((weights, biases, "relu" if i + 2 < len(sizes) else "identity"))
    return layers


def forward(layers, x):
    """The network's own arithmetic and order: the bias, then each product rounded and added."""
    for weights, biases, activation in layers:
        y = []
        for row, b in zip(weights, biases):
            s = b
            for w, v in zip(row, x):
                s = s + w * v
            y.append(max(s, 0.0) if activation == "relu" else s)
        x = y
    return x


def sampled_range(layers, box, seed, samples=500):
    rng = random.Random(seed)
    values = [forward(layers, [rng.uniform(lo, hi) for lo, hi in box])[0] for _ in range(samples)]
    return min(values), max(values)


def cpp_network(layers):
    parts = []
    for weights, biases, activation in layers:
        rows = ", ".join("{" + ", ".join(repr(w) for w in row) + "}" for row in weights)
        parts.append(f"ctnn::dense<{len(weights[0])}, {len(weights)}, double>({{{rows}}}, "
                     f"{{{', '.join(repr(b) for b in biases)}}}, ctnn::{activation})")
    return "ctnn::network(\n    " + ",\n    ".join(parts) + ")"


def cpp_box(box):
    return f"ctnn::box<double, {len(box)}>{{{{{{" + ", ".join(f"{{{lo!r}, {hi!r}}}" for lo, hi in box) + "}}}"


def cpp_within(outputs, lo, hi):
    allowed = [f"ctnn::interval<double>{{{lo!r}, {hi!r}}}"] + ["ctnn::interval<double>{-1e300, 1e300}"] * (outputs - 1)
    return f"ctnn::outputs_within(std::array{{{', '.join(allowed)}}})"


SEED = ("ctnn::scalar_cast<double>(ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),\n"
        "    ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu)))")


def cases(small, halves):
    yield "seed, [0, 0.1] x [0.9, 1], buy", SEED, cpp_box([(0, 0.1), (0.9, 1)]), "ctnn::always(ctnn::above(0.0), true)"
    yield "seed, [0, 0.3]^2, not buy", SEED, cpp_box([(0, 0.3), (0, 0.3)]), "ctnn::always(ctnn::above(0.0), false)"
    yield "seed, [0, 0.2] x [0.8, 1], buy", SEED, cpp_box([(0, 0.2), (0.8, 1)]), "ctnn::always(ctnn::above(0.0), true)"
    for n in small:
        layers = random_network([n, 16, 16, 1], 100 + n)
        box = [(-1.0, 1.0)] * n
        lo, hi = sampled_range(layers, box, n)
        w = hi - lo
        yield (f"{n}-16-16-1, [-1, 1]^{n}", cpp_network(layers), cpp_box(box), cpp_within(1, lo - 0.25 * w, hi + 0.25 * w))
    for k, half in enumerate(halves):
        layers = random_network([5, 50, 50, 50, 50, 50, 50, 5], 200 + k)
        box = [(-half, half)] * 5
        lo, hi = sampled_range(layers, box, k)
        w = hi - lo
        yield (f"5-50x6-5, [-{half:g}, {half:g}]^5", cpp_network(layers), cpp_box(box),
               cpp_within(5, lo - 0.25 * w, hi + 0.25 * w))


def static_source(net, box, prop):
    return f"""#include <ctnn/prove.hpp>
#include <array>
constexpr auto net = {net};
constexpr auto region = {box};
constexpr auto property = {prop};
CTNN_PROVE(net, region, property);
int main() {{}}
"""


def engine_source(net, box, prop, method, max_boxes):
    return f"""#include <ctnn/prove.hpp>
#include <array>
#include <cstdio>
constexpr auto net = {net};
constexpr auto r = [] {{
  ctnn::proof_options options{{{max_boxes}, 40}};
  options.method = ctnn::bound_method::{method};
  return ctnn::prove(net, {box}, {prop}, options);
}}();
int main() {{
  const char* v = r.verdict == ctnn::verdict::proven ? "proven" : r.verdict == ctnn::verdict::counterexample ? "counterexample" : "unknown";
  std::printf("%s %zu %zu\\n", v, r.boxes, r.depth);
}}
"""


def raised(compiler, factor):
    budget = min(DEFAULT_BUDGET[compiler] * factor, 2147483647)
    if compiler.startswith("clang"):
        return [f"-fconstexpr-steps={budget}", f"-DCTNN_CONSTEXPR_BUDGET={budget}"]
    return [f"-fconstexpr-ops-limit={budget}", "-fconstexpr-loop-limit=2147483647", f"-DCTNN_CONSTEXPR_BUDGET={budget}"]


def verdict_of(note):
    if not note:
        return "proven"
    if "unknown within the budget" in note or "proof_unknown_within_budget" in note:
        return "unknown"
    if "fails at an input" in note or "property_fails_at" in note:
        return "counterexample"
    if note.startswith("timeout"):
        return note
    if ("step limit" in note or "constexpr-ops-limit" in note or "constexpr loop" in note or "operations" in note
            or "must be initialized by a constant expression" in note):
        return "over a piece's budget"
    return note


FINITE_NET = """#include <ctnn/ctnn.hpp>
#include <chrono>
#include <cstdio>
#include "random_layers.hpp"
constexpr auto wide = ctnn::network(bit_matrix::random_layer<double, 32, 16>(5, ctnn::relu),
                                    bit_matrix::random_layer<double, 16, 1>(6, ctnn::identity));
"""


def finite_source(threshold):
    return FINITE_NET + f"""CTNN_VERIFY(wide, ctnn::everywhere(true), ctnn::above({threshold!r}), ctnn::boolean_inputs<32>);
int main() {{
  const auto start = std::chrono::steady_clock::now();
  const auto r = ctnn::verify_at_run_time(wide, ctnn::everywhere(true), ctnn::above({threshold!r}), ctnn::boolean_inputs<32>);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("%d %zu %zu %.3f\\n", r.passed ? 1 : 0, r.boxes_bounded, r.rows_evaluated, ms);
}}
"""


def enumerated_source(threshold):
    lists = ", ".join(["{0, 1}"] * 16 + ["{0}"] * 16)
    return FINITE_NET + f"""CTNN_VERIFY(wide, ctnn::truth_table_of([](auto...) {{ return true; }}), ctnn::above({threshold!r}),
            ctnn::make_domain({lists}));
int main() {{}}
"""


def finite(compilers, thresholds, timeout):
    bit_equality = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "bit_equality"))
    print("| threshold t | compiler | CTNN_VERIFY over {0,1}^32, default limits | boxes, rows evaluated | "
          "run time (verify_at_run_time) | rows one by one: 2^16 rows | estimate for 2^32 rows |")
    print("|---|---|---|---|---|---|---|")
    for t in thresholds:
        for compiler in compilers:
            s, m, note, out = compile_and_measure(compiler, finite_source(t), ["-O2", "-I" + bit_equality], timeout,
                                                  INCLUDE, run=True)
            if note:
                print(f"| {t:g} | {compiler} | {note} | - | - | - | - |", flush=True)
                continue
            passed, boxes, rows, ms = out.split()
            s2, m2, note2 = compile_and_measure(compiler, enumerated_source(t), ["-I" + bit_equality], timeout, INCLUDE)
            base = f"{s2:.1f} s, {m2:.0f} MB" if not note2 else note2
            estimate = f"{s2 * 65536 / 3600:,.0f} h" if not note2 else "-"
            verdict = "verified" if passed == "1" else "failed"
            print(f"| {t:g} | {compiler} | {verdict}, {s:.1f} s, {m:.0f} MB | {int(boxes):,}, {int(rows):,} | "
                  f"{float(ms):.1f} ms | {base} | {estimate} |", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", default="all", choices=["proofs", "finite", "all"])
    parser.add_argument("--compilers", default="g++,clang++")
    parser.add_argument("--thresholds", default="-19,-17,-16,-15,-14")
    parser.add_argument("--small", default="2,3,4,5,6,7,8")
    parser.add_argument("--standard-halves", default="0.0001,0.001")
    parser.add_argument("--timeout", type=int, default=120, help="seconds per compile")
    parser.add_argument("--raise", dest="factor", type=int, default=16, help="budget factor when raised")
    parser.add_argument("--max-boxes", type=int, default=20000, help="boxes at most, one-expression form")
    args = parser.parse_args()
    if args.part in ("finite", "all"):
        finite(args.compilers.split(","), [float(v) for v in args.thresholds.split(",")], args.timeout)
        if args.part == "finite":
            return 0
        print()
    small = [int(v) for v in args.small.split(",") if v]
    halves = [float(v) for v in args.standard_halves.split(",") if v]
    print("| network, box | compiler | CTNN_PROVE, default limits | raised limits | "
          "ctnn::prove, intervals: verdict, boxes, CPU s | linear: verdict, boxes, CPU s |")
    print("|---|---|---|---|---|---|")
    fmt = lambda s, m: "-" if s is None else f"{s:.1f} s, {m:.0f} MB"
    for name, net, box, prop in cases(small, halves):
        for compiler in args.compilers.split(","):
            s, m, note = compile_and_measure(compiler, static_source(net, box, prop), [], args.timeout, INCLUDE)
            default = f"{verdict_of(note)}, {fmt(s, m)}"
            again = "-"
            if note and verdict_of(note) in ("unknown", "over a piece's budget"):
                s2, m2, note2 = compile_and_measure(compiler, static_source(net, box, prop),
                                                    raised(compiler, args.factor), args.timeout, INCLUDE)
                again = f"x{args.factor}: {verdict_of(note2)}, {fmt(s2, m2)}"
            engine = []
            for method in ("intervals", "linear"):
                s3, m3, note3, out = compile_and_measure(compiler, engine_source(net, box, prop, method, args.max_boxes),
                                                         raised(compiler, 4096), args.timeout, INCLUDE, run=True)
                if note3:
                    engine.append(f"{verdict_of(note3)}, {fmt(s3, m3)}")
                else:
                    v, boxes, depth = out.split()
                    engine.append(f"{v}, {boxes} boxes (depth {depth}), {s3:.1f} s")
            print(f"| {name} | {compiler} | {default} | {again} | {engine[0]} | {engine[1]} |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
