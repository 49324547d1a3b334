"""What the compile-time benchmark scripts share (benchmarks/compile_time/run.py, benchmarks/meta/run.py,
benchmarks/proofs/compile_time.py)."""
import os
import re
import signal
import subprocess
import tempfile


def run_with_timeout(cmd, timeout, preexec_fn=None):
    """Runs cmd; on timeout kills its whole process group (the compiler under /usr/bin/time too,
    which would otherwise keep running and slow down the next measurements) and raises
    subprocess.TimeoutExpired."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=preexec_fn)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def compile_and_measure(compiler, source, extra, timeout, include, run=False):
    """Compiles `source` (-std=c++20 -I include, then `extra`) under /usr/bin/time -v: returns CPU
    seconds (user + system), peak memory in MB and a note ("" on success, else "timeout (...)" or the
    first error line). With `run`, also links the program and returns its standard output fourth."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.cpp")
        with open(path, "w") as f:
            f.write(source)
        binary = os.path.join(tmp, "bench")
        cmd = ["/usr/bin/time", "-v", compiler, "-std=c++20", "-I" + include, *extra, path,
               *([] if run else ["-c"]), "-o", binary]
        result = lambda *values: values + (("",) if run else ())
        try:
            compiled = run_with_timeout(cmd, timeout)
        except subprocess.TimeoutExpired:
            return result(None, None, f"timeout ({timeout} s)")
        user = re.search(r"User time \(seconds\): ([\d.]+)", compiled.stderr)
        system = re.search(r"System time \(seconds\): ([\d.]+)", compiled.stderr)
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", compiled.stderr)
        seconds = float(user.group(1)) + float(system.group(1))
        mb = int(rss.group(1)) / 1024
        if compiled.returncode != 0:
            first_error = next((l for l in compiled.stderr.splitlines() if "error" in l), "failed")
            return result(seconds, mb, "error: " + first_error[:160])
        if not run:
            return seconds, mb, ""
        out = subprocess.run([binary], capture_output=True, text=True, timeout=60)
        return seconds, mb, "", out.stdout
