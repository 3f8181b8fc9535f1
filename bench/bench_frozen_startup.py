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
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
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

    def run(self, *args: str) -> None:
        subprocess.run(
            [*self.command, "--db", str(self.database), *args],
            check=True,
            env=_env(self.folder),
            capture_output=True,
        )

    def actions(self, display: str | None) -> dict[str, Callable[[], None]]:
        found: dict[str, Callable[[], None]] = {
            "version": lambda: self.run("--version"),
            "export-pdf": lambda: self.run("export", "1", "--to", str(self.folder / "x.pdf")),
            "window-offscreen": lambda: self.run(
                "gui", "1", "--screenshot", str(self.folder / "x.png")
            ),
        }
        if display is not None:
            found["window-xvfb"] = lambda: _window_on_xvfb(
                self.command, self.database, self.folder, display
            )
        return found


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bundle", type=Path, default=REPO / "packaging" / "build" / "dist" / "perfdecl"
    )
    parser.add_argument("--python", default=str(REPO / ".venv" / "bin" / "python"))
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--only", default="", help="measure only the names containing this")
    args = parser.parse_args()
    xvfb = None
    display = None
    if shutil.which("Xvfb") and shutil.which("xdotool"):
        xvfb, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory(prefix="perfdecl-bench-") as scratch:
            sides = [
                Side("frozen", [str(args.bundle / "perfdecl")], Path(scratch) / "frozen"),
                Side("source", [args.python, "-m", "desktop"], Path(scratch) / "source"),
            ]
            measure(sides, args.repeat, display, args.only)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
