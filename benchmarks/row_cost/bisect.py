#!/usr/bin/env python3
"""bisect.py CXX FILE [extra flags]: the smallest constexpr limit (clang -fconstexpr-steps, g++
-fconstexpr-ops-limit) under which FILE compiles (-fsyntax-only), to within 1 %."""
import os, subprocess, sys
cxx, src, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
flag = '-fconstexpr-steps=' if 'clang' in cxx else '-fconstexpr-ops-limit='
here = os.path.dirname(os.path.abspath(__file__))
inc = ['-I' + os.path.join(here, '..', '..', 'include')] if not any(e.startswith('-I') for e in extra) else []
def ok(limit):
    cmd = [cxx, '-std=c++20', '-fsyntax-only', *inc, *extra, flag + str(limit), src]
    if 'clang' not in cxx: cmd.insert(2, '-fconstexpr-loop-limit=100000000')
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode and 'constexpr' not in p.stderr and 'constant' not in p.stderr:
        sys.exit('unexpected error:\n' + p.stderr[:3000])
    return p.returncode == 0
lo, hi = 1000, 1000
while not ok(hi):
    lo, hi = hi, hi * 4
    if hi > 2**40: sys.exit('no limit found')
while hi - lo > max(hi // 100, 1):
    mid = (lo + hi) // 2
    if ok(mid): hi = mid
    else: lo = mid
print(hi)
