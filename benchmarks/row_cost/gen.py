#!/usr/bin/env python3
"""Writes a file that builds an N-H-O int (or double) relu network from closed-form constexpr weights,
each layer its own constant expression, and then, by mode:
  gen   - nothing else
  rowK  - evaluates K rows of net(x) in one constant expression (static_assert)
  verifyR - CTNN_VERIFY over a domain of R rows (last log2 R inputs binary, the others fixed)
"""
import sys
n, h, o, ty, mode = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]

print(f'''#include <array>
#include <cstddef>
#include <cstdint>
#include <ctnn/ctnn.hpp>
using T = {ty};
template <std::size_t In, std::size_t Out, std::uint32_t Seed>
constexpr ctnn::dense_layer<In, Out, T, ctnn::relu_t> make_layer() {{
  ctnn::dense_layer<In, Out, T, ctnn::relu_t> l{{}};
  for (std::size_t u = 0; u < Out; ++u) {{
    std::uint32_t s = static_cast<std::uint32_t>(u) * 2654435761u + Seed;
    for (std::size_t i = 0; i < In; ++i) l.weights[u][i] = T(int((s = s * 1664525u + 1013904223u) >> 28) - 8);
    l.biases[u] = T(int(s >> 29) - 4);
  }}
  return l;
}}
constexpr auto l0 = make_layer<{n}, {h}, 1>();
constexpr auto l1 = make_layer<{h}, {o}, 2>();
constexpr auto net = ctnn::network(l0, l1);
''')
if mode.startswith('row'):
    k = int(mode[3:])
    print(f'''constexpr T rows() {{
  T total = 0;
  for (int r = 0; r < {k}; ++r) {{
    std::array<T, {n}> x{{}};
    x[{n} - 1] = T(r % 2); x[0] = T(1);
    total = total + net(x)[0];
  }}
  return total;
}}
static_assert(rows() >= T(0));''')
elif mode.startswith('verify'):
    r = int(mode[6:])
    b = r.bit_length() - 1
    print(f'''template <std::size_t... I>
constexpr auto make_dom(std::index_sequence<I...>) {{
  ctnn::domain<int, (I + {b} < {n} ? 1 : 2)...> d{{}};
  for (std::size_t k = 0, i = 0; i < {n}; ++i) {{
    if (i + {b} < {n}) d.values[k++] = int(i % 2);
    else {{ d.values[k++] = 0; d.values[k++] = 1; }}
  }}
  return d;
}}
constexpr auto dom = make_dom(std::make_index_sequence<{n}>{{}});
CTNN_VERIFY(net, ctnn::truth_table_of([](auto...) {{ std::array<bool, {o}> e{{}}; for (auto& v : e) v = true; return e; }}), ctnn::above(T(-1)), dom);''')
