"""What the compile-time benchmark scripts share (benchmarks/compile_time/run.py, benchmarks/meta/run.py)."""
import os
import signal
import subprocess


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
