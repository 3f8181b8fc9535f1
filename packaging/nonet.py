"""Run a program with every socket forbidden and fail if it tried to open one.

``python3 packaging/nonet.py PROGRAM [ARGS...]`` runs PROGRAM offscreen under ``strace``, which
makes every ``socket()`` and ``connect()`` call fail with EACCES and records it (Unix-domain
sockets, which cannot leave the machine, are refused but not counted); then it also
runs in a network namespace of its own when ``unshare -n`` is allowed (root in CI). Exit status:
the program's, or 4 when it attempted a socket (the attempts are printed). PerfDecl never uses
the network ("No network" in packaging/README.md): not even a local socket is expected.
Linux only; without strace it exits 5 rather than pretend.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile

SOCKET_CALL = re.compile(r"\b(socket|connect|socketpair)\(")
# A Unix-domain socket cannot leave the machine: glibc asks the local nscd through one when the
# user name is looked up (getpwuid). Refused like all sockets, but not counted as network use.
LOCAL_ONLY = re.compile(r"\b(socket\((AF_UNIX|AF_LOCAL)|socketpair\()")


def _attempts(lines: list[str]) -> list[str]:
    """The socket calls, each with the command line of the process that made it."""
    programs: dict[str, str] = {}
    found: list[str] = []
    for line in lines:
        pid = line.split(" ", 1)[0]
        if " execve(" in line and "= 0" in line:
            programs[pid] = line.split("[", 1)[-1].split("]", 1)[0][:160]
        elif SOCKET_CALL.search(line) and not LOCAL_ONLY.search(line):
            found.append(f"{line.rstrip()}   <- {programs.get(pid, '?')}")
    return found


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    strace = shutil.which("strace")
    if strace is None:
        print("nonet: strace is not installed (apt-get install strace)", file=sys.stderr)
        return 5
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory(prefix="perfdecl-nonet-") as scratch:
        trace = os.path.join(scratch, "trace.log")
        command = [
            strace,
            "-f",
            "-qq",
            "-o",
            trace,
            "-e",
            "trace=socket,connect,socketpair,execve",
            "-e",
            "inject=socket,connect,socketpair:error=EACCES",
            *argv,
        ]
        unshare = shutil.which("unshare")
        if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
            command = [unshare, "-n", *command]
        status = subprocess.run(command, env=env).returncode
        with open(trace, encoding="utf-8", errors="replace") as handle:
            attempts = _attempts(handle.read().splitlines())
    if attempts:
        print(
            "nonet: the program tried to open sockets:", *attempts[:20], sep="\n  ", file=sys.stderr
        )
        return 4
    print(f"nonet: no network socket attempted (exit status {status})", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
