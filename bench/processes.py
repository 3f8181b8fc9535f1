"""Run whole processes and measure them: wall time, CPU time and peak memory of each one.

``os.wait4`` gives the resource usage of exactly the child waited for, so the peak RSS is the
process's own (``RUSAGE_CHILDREN`` would be the maximum over every child so far).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Run:
    seconds: float  # wall time
    cpu: float  # user + system time
    peak_mb: float
    status: int
    output: str


def bench_env() -> dict[str, str]:
    """The environment of measured processes: offscreen Qt, this checkout first on the path,
    and byte-code caches allowed (an installed application has them; without them every
    start would compile our modules again)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["QT_QPA_PLATFORM"] = env.get("BENCH_QPA", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return env


def python() -> str:
    return sys.executable


def run(command: Sequence[str], *, timeout: float = 600, cwd: Path | None = None) -> Run:
    """Run ``command`` to its end; the figures of that one process."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(
            list(command), stdout=log, stderr=subprocess.STDOUT, env=bench_env(), cwd=cwd or REPO
        )
        killer = threading.Timer(timeout, child.kill)
        killer.start()
        try:
            # wait4 (not Popen.wait) reaps the child and gives the usage of this child alone.
            _pid, status, usage = os.wait4(child.pid, 0)
        finally:
            killer.cancel()
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode(errors="replace")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024, child.returncode, output)
