#!/usr/bin/env python3
"""Type-level vs value-level evaluation of whole truth tables (prints figures; not a test).

For N-N-1 ReLU networks (random integer weights and biases in [-9, 9], the same in every form),
compiles a file that evaluates the network on every row of {0,1}^N and checks each output (the
output is above -1: true of every row, so every row is computed and nothing stops early), in three
forms:

  value  the value form: ctnn::network of ctnn::dense, CTNN_VERIFY (constant evaluation, in pieces
         that fit the compilers' default constexpr budgets)
  meta   the type-level form: ctnn::meta::network, CTNN_META_VERIFY (every row's output is a type,
         computed by template instantiation)
  hana   the same type-level computation written with Hana's generic algorithms only
         (hana::zip_with, hana::fold_left: the textbook spelling, docs/type-level.md)

Each compile is measured with /usr/bin/time -v (wall seconds, peak resident memory), stopped after
--timeout seconds or when it reaches --memory-limit GB of address space. A form that fails at some N
is not tried at larger N. Prints a Markdown table.

  benchmarks/meta/run.py [--sizes 2,4,8,12,16] [--compilers g++,clang++] [--forms value,meta,hana]
"""
import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
INCLUDE = os.path.normpath(os.path.join(HERE, "..", "..", "include"))
sys.path.insert(0, os.path.dirname(HERE))
from measure import run_with_timeout  # noqa: E402


def network(n):
    rng = random.Random(n)
    value = lambda: rng.randint(-9, 9)
    w0 = [[value() for _ in range(n)] for _ in range(n)]
    b0 = [value() for _ in range(n)]
    w1 = [value() for _ in range(n)]
    b1 = value()
    return w0, b0, w1, b1


def join(values):
    return ", ".join(str(v) for v in values)


def value_source(n):
    w0, b0, w1, b1 = network(n)
    rows = ", ".join("{" + join(r) + "}" for r in w0)
    return f"""#include <ctnn/verify.hpp>
constexpr auto net = ctnn::network(
    ctnn::dense<{n}, {n}>({{{rows}}}, {{{join(b0)}}}, ctnn::relu),
    ctnn::dense<{n}, 1>({{{{{join(w1)}}}}}, {{{b1}}}, ctnn::relu));
CTNN_VERIFY(net, ctnn::truth_table_of([](auto...) {{ return true; }}), ctnn::above(-1));
int main() {{}}
"""


def meta_layers(n):
    w0, b0, w1, b1 = network(n)
    rows = ", ".join(f"hana::tuple_c<int, {join(r)}>" for r in w0)
    return (f"hana::make_tuple({rows})", f"hana::tuple_c<int, {join(b0)}>",
            f"hana::make_tuple(hana::tuple_c<int, {join(w1)}>)", f"hana::tuple_c<int, {b1}>")


def meta_source(n):
    w0, b0, w1, b1 = meta_layers(n)
    return f"""#include <ctnn/meta.hpp>
namespace hana = boost::hana;
namespace meta = ctnn::meta;
constexpr auto net = meta::network(meta::dense({w0}, {b0}, meta::relu), meta::dense({w1}, {b1}, meta::relu));
CTNN_META_VERIFY(net, meta::truth_table_of([](auto...) {{ return hana::true_c; }}), meta::above(hana::int_c<-1>));
int main() {{}}
"""


def hana_source(n):
    w0, b0, w1, b1 = meta_layers(n)
    return f"""#include <ctnn/meta.hpp>
#include <boost/hana/fold_left.hpp>
#include <boost/hana/zip_with.hpp>
#include <cstddef>
#include <utility>
namespace hana = boost::hana;
namespace meta = ctnn::meta;
// A layer's outputs, in Hana's generic algorithms: bias + w[0]*x[0] + ..., then ReLU, for each unit.
constexpr auto layer = [](auto weights, auto biases, auto x) {{
  return hana::zip_with([&x](auto row, auto bias) {{
    return meta::relu(hana::fold_left(hana::zip_with(hana::mult, row, x), bias, hana::plus));
  }}, weights, biases);
}};
constexpr auto forward = [](auto x) {{
  return layer({w1}, {b1}, layer({w0}, {b0}, x));
}};
constexpr auto rows = meta::boolean_inputs<{n}>;
template <std::size_t R>
constexpr bool row_passes() {{
  using output = decltype(forward(rows.template row<R>())[hana::size_c<0>]);
  return decltype(hana::less(hana::int_c<-1>, output{{}}))::value;
}}
template <std::size_t... R>
constexpr bool all_rows(std::index_sequence<R...>) {{
  constexpr bool passes[] = {{row_passes<R>()...}};
  for (bool p : passes) if (!p) return false;
  return true;
}}
static_assert(all_rows(std::make_index_sequence<decltype(rows)::size>{{}}));
int main() {{}}
"""


SOURCES = {"value": value_source, "meta": meta_source, "hana": hana_source}


def compile_and_measure(compiler, source, timeout, memory_gb):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.cpp")
        with open(path, "w") as f:
            f.write(source)
        cmd = ["/usr/bin/time", "-v", compiler, "-std=c++20", "-I" + INCLUDE, "-c", path, "-o",
               os.path.join(tmp, "bench.o")]
        limit = int(memory_gb * (1 << 30))

        def cap():
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        try:
            run = run_with_timeout(cmd, timeout, preexec_fn=cap)
        except subprocess.TimeoutExpired:
            return None, None, f"> {timeout} s (stopped)"
        wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", run.stderr)
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
        seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
        mb = int(rss.group(1)) / 1024
        if run.returncode != 0:
            memory = re.search(r"out of memory|virtual memory exhausted|std::bad_alloc|Cannot allocate", run.stderr)
            if memory:
                return seconds, mb, f"out of memory (> {memory_gb:g} GB address space)"
            first_error = next((l for l in run.stderr.splitlines() if "error" in l), "failed")
            return seconds, mb, "error: " + first_error[:120]
        return seconds, mb, ""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2,4,8,12,16")
    parser.add_argument("--compilers", default="g++,clang++")
    parser.add_argument("--forms", default="value,meta,hana")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per compile (default 300)")
    parser.add_argument("--memory-limit", type=float, default=12, help="GB of address space per compile")
    args = parser.parse_args()
    forms = args.forms.split(",")
    failed = set()  # (form, compiler) that already failed at a smaller N
    header = "| N | rows | compiler | " + " | ".join(f"{f} s | {f} MB" for f in forms)
    if "value" in forms and "meta" in forms:
        header += " | meta / value (time) |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for n in [int(v) for v in args.sizes.split(",")]:
        for compiler in args.compilers.split(","):
            cells, seconds = [], {}
            for form in forms:
                if (form, compiler) in failed:
                    cells += ["not run (failed at a smaller N)", "-"]
                    continue
                s, mb, note = compile_and_measure(compiler, SOURCES[form](n), args.timeout, args.memory_limit)
                if note:
                    failed.add((form, compiler))
                    cells += [note if s is None else f"{s:.1f} {note}", "-" if mb is None else f"{mb:.0f}"]
                else:
                    seconds[form] = s
                    cells += [f"{s:.2f}", f"{mb:.0f}"]
            row = f"| {n} | {2 ** n} | {compiler} | " + " | ".join(cells)
            if "value" in forms and "meta" in forms:
                ratio = f"{seconds['meta'] / seconds['value']:.1f}" if "meta" in seconds and "value" in seconds else "-"
                row += f" | {ratio} |"
            print(row, flush=True)


if __name__ == "__main__":
    sys.exit(main())
