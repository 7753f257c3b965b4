"""Runs a whole command as a child process and reports its wall time and peak RSS (os.wait4)."""
import os, subprocess, time


def measure(argv, env=None, repeat=1):
    """Best-of-`repeat` wall seconds and the peak RSS in MiB of that run."""
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode(errors='replace')
        if proc.returncode not in (0, 1):
            raise SystemExit(f'{argv[0]} failed ({proc.returncode}): {err[-2000:]}')
        run = (wall, usage.ru_maxrss / 1024)  # ru_maxrss is KiB on Linux
        if best is None or run[0] < best[0]:
            best = run
    return best


def node():
    """The project's Node 24 (node_modules/.bin/node), as npm scripts use."""
    local = os.path.join(os.path.dirname(__file__), '..', 'node_modules', '.bin', 'node')
    return os.path.abspath(local) if os.path.exists(local) else 'node'
