"""Start-up of the packaged program against the source checkout (packaging/README.md budgets).

``python bench/bench_frozen_startup.py [--bundle packaging/build/dist/perfdecl] [--repeat 7]``

Each measurement is a whole process, wall time, median of ``--repeat`` runs after one warm-up,
the two sides alternating run by run:

* ``version``: ``--version`` (interpreter and bundle loading only);
* ``export-pdf``: import the seed into a fresh database, then ``export 1 --to x.pdf``;
* ``window-offscreen``: ``gui 1 --screenshot`` offscreen (window built, shown, laid out, grabbed);
* ``window-xvfb``: under Xvfb with the real xcb platform plugin, from the start of the process to
  the main window being mapped on the screen (polled with ``xdotool search``), then the process is
  ended. Needs ``Xvfb`` and ``xdotool``; skipped without them.

The source side runs ``.venv/bin/python -m desktop`` (the ``perfdecl`` console script is the same
code path).

``--instructions`` runs the first three once per side under valgrind's callgrind instead and
prints user-space instruction counts: they do not move with the machine's load.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "resources" / "sample" / "seed-futian-2026.json"
TITLE = "绩效目标申报助手"


def _prepare(command: list[str], folder: Path) -> Path:
    database = folder / "bench.sqlite3"
    subprocess.run(
        [*command, "--db", str(database), "import", str(SEED)],
        check=True,
        capture_output=True,
        env=_env(folder),
    )
    return database


def _env(folder: Path, display: str | None = None) -> dict[str, str]:
    env = dict(os.environ, HOME=str(folder), XDG_CONFIG_HOME=str(folder / "config"))
    env.pop("PERFDECL_CONFIG_DIR", None)
    # Byte-code caches allowed, as in bench/processes.py: an installed program has them, and
    # without them the source side would compile every module of ours at every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if display is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env.pop("QT_QPA_PLATFORM", None)
        env["DISPLAY"] = display
    return env


def _window_on_xvfb(command: list[str], database: Path, folder: Path, display: str) -> None:
    """Start the GUI on ``display`` and return once its main window is mapped."""
    env = _env(folder, display)
    process = subprocess.Popen(
        [*command, "--db", str(database), "gui", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", TITLE],
                env=env,
                capture_output=True,
                text=True,
            )
            if found.stdout.strip():
                return
            if process.poll() is not None:
                raise RuntimeError(f"the GUI ended early: {process.stderr.read()!r}")  # type: ignore[union-attr]
            time.sleep(0.02)
        raise RuntimeError("no window within 60 s")
    finally:
        process.terminate()
        process.wait(timeout=30)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """Start a private Xvfb and return it with its display once it accepts clients.

    Xvfb picks a free display number itself and writes it to ``-displayfd`` only when it is
    ready (a fixed ``:97`` and a one-second sleep collided with other benchmarks and were
    sometimes too short). ``-noreset``: by default the X server resets whenever its last client
    leaves, and each ``xdotool`` poll is such a client; a program connecting during that reset
    is refused ("could not connect to display"), which ended about one run in ten.
    """
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1366x768x24"]
        + ["-nolisten", "tcp", "-noreset"],
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        number = pipe.readline().strip()  # EOF (b"") if Xvfb failed
    if not number.isdigit():
        xvfb.kill()
        xvfb.wait()
        raise RuntimeError(f"Xvfb did not start (exit status {xvfb.returncode})")
    return xvfb, f":{number.decode()}"


class Side:
    """One way of starting the program, with its own scratch home and seeded database."""

    def __init__(self, name: str, command: list[str], folder: Path) -> None:
        self.name, self.command, self.folder = name, command, folder
        folder.mkdir()
        self.database = _prepare(command, folder)

    def arguments(self, key: str) -> list[str]:
        """The command-line arguments of the whole-process measurement ``key``."""
        return {
            "version": ["--version"],
            "export-pdf": ["export", "1", "--to", str(self.folder / "x.pdf")],
            "window-offscreen": ["gui", "1", "--screenshot", str(self.folder / "x.png")],
        }[key]

    def run(self, args: list[str], wrapper: Sequence[str] = ()) -> None:
        subprocess.run(
            [*wrapper, *self.command, "--db", str(self.database), *args],
            check=True,
            env=_env(self.folder),
            capture_output=True,
        )

    def actions(self, display: str | None) -> dict[str, Callable[[], None]]:
        found: dict[str, Callable[[], None]] = {
            key: functools.partial(self.run, self.arguments(key))
            for key in ("version", "export-pdf", "window-offscreen")
        }
        if display is not None:
            found["window-xvfb"] = lambda: _window_on_xvfb(
                self.command, self.database, self.folder, display
            )
        return found

    def instructions(self, key: str) -> int:
        """User-space instructions of one run under valgrind's callgrind, every process and
        exec'd image included (PyInstaller's bootloader starts itself twice)."""
        with tempfile.TemporaryDirectory(prefix="perfdecl-callgrind-") as scratch:
            wrapper = [
                "valgrind", "--tool=callgrind", "--trace-children=yes",
                f"--callgrind-out-file={scratch}/out.%p", f"--log-file={scratch}/log.%p",
            ]  # fmt: skip
            self.run(self.arguments(key), wrapper)
            logs = (path.read_text(encoding="utf-8") for path in Path(scratch).glob("log.*"))
            return sum(int(n) for text in logs for n in re.findall(r"Collected : (\d+)", text))


def _timed(action: Callable[[], None]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(sides: list[Side], repeat: int, display: str | None, only: str) -> None:
    """Alternate the sides run by run, so a busy machine slows both alike; print medians (and
    the smallest and largest sample)."""
    for key in sides[0].actions(display):
        if only not in key:
            continue
        samples: dict[str, list[float]] = {side.name: [] for side in sides}
        for side in sides:
            side.actions(display)[key]()  # warm-up: file cache
        for _ in range(repeat):
            for side in sides:
                samples[side.name].append(_timed(side.actions(display)[key]))
        medians = {name: statistics.median(values) for name, values in samples.items()}
        text = "  ".join(
            f"{name} {medians[name]:.2f} s ({min(values):.2f}–{max(values):.2f})"
            for name, values in samples.items()
        )
        ratio = medians[sides[0].name] / medians[sides[1].name]
        print(f"{key:18} {text}  ratio {ratio:.2f}", flush=True)


def count_instructions(sides: list[Side], only: str) -> None:
    """One run per side under callgrind: instruction counts do not vary with the machine's load,
    which makes differences of a few per cent visible where wall times on a shared machine
    spread by ±10 %. Cache misses and the kernel's work are not counted."""
    for key in ("version", "export-pdf", "window-offscreen"):
        if only not in key:
            continue
        counts = {side.name: side.instructions(key) for side in sides}
        text = "  ".join(f"{name} {count / 1e6:,.0f} M" for name, count in counts.items())
        ratio = counts[sides[0].name] / counts[sides[1].name]
        print(f"{key:18} {text}  ratio {ratio:.3f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bundle", type=Path, default=REPO / "packaging" / "build" / "dist" / "perfdecl"
    )
    parser.add_argument("--python", default=str(REPO / ".venv" / "bin" / "python"))
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--only", default="", help="measure only the names containing this")
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions with valgrind instead"
    )
    args = parser.parse_args()
    xvfb = None
    display = None
    if not args.instructions and shutil.which("Xvfb") and shutil.which("xdotool"):
        xvfb, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory(prefix="perfdecl-bench-") as scratch:
            sides = [
                Side("frozen", [str(args.bundle / "perfdecl")], Path(scratch) / "frozen"),
                Side("source", [args.python, "-m", "desktop"], Path(scratch) / "source"),
            ]
            if args.instructions:
                count_instructions(sides, args.only)
            else:
                measure(sides, args.repeat, display, args.only)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
