"""Start-up of the packaged program against the source checkout (packaging/README.md budgets).

``python bench/bench_frozen_startup.py [--bundle packaging/build/dist/perfdecl] [--repeat 7]``

Each measurement is a whole process, wall time, median of ``--repeat`` runs after one warm-up:

* ``version``: ``--version`` (interpreter and bundle loading only);
* ``export-pdf``: import the seed into a fresh database, then ``export 1 --to x.pdf``;
* ``window-offscreen``: ``gui 1 --screenshot`` offscreen (window built, shown, laid out, grabbed);
* ``window-xvfb``: under Xvfb with the real xcb platform plugin, from the start of the process to
  the main window being mapped on the screen (``xdotool search --sync``), then the process is
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


def _median_s(run: Callable[[], object], repeat: int) -> float:
    run()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


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
    if display is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env.pop("QT_QPA_PLATFORM", None)
        env["DISPLAY"] = display
    return env


def _window_on_xvfb(command: list[str], database: Path, folder: Path, display: str) -> None:
    process = subprocess.Popen(
        [*command, "--db", str(database), "gui", "1"],
        env=_env(folder, display),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", TITLE],
            env=_env(folder, display),
            check=True,
            capture_output=True,
            timeout=60,
        )
    finally:
        process.terminate()
        process.wait(timeout=30)


def measure(name: str, command: list[str], repeat: int, display: str | None) -> dict[str, float]:
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="perfdecl-bench-") as scratch:
        folder = Path(scratch)
        database = _prepare(command, folder)
        env = _env(folder)

        def run(*args: str) -> None:
            subprocess.run(
                [*command, "--db", str(database), *args], check=True, env=env, capture_output=True
            )

        results["version"] = _median_s(lambda: run("--version"), repeat)
        results["export-pdf"] = _median_s(
            lambda: run("export", "1", "--to", str(folder / "x.pdf")), repeat
        )
        results["window-offscreen"] = _median_s(
            lambda: run("gui", "1", "--screenshot", str(folder / "x.png")), repeat
        )
        if display is not None:
            results["window-xvfb"] = _median_s(
                lambda: _window_on_xvfb(command, database, folder, display), repeat
            )
    print(name, " ".join(f"{key}={value:.2f}s" for key, value in results.items()), flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bundle", type=Path, default=REPO / "packaging" / "build" / "dist" / "perfdecl"
    )
    parser.add_argument("--python", default=str(REPO / ".venv" / "bin" / "python"))
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    xvfb = None
    display = None
    if shutil.which("Xvfb") and shutil.which("xdotool"):
        display = ":97"
        xvfb = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1)
    try:
        frozen = measure("frozen", [str(args.bundle / "perfdecl")], args.repeat, display)
        source = measure("source", [args.python, "-m", "desktop"], args.repeat, display)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
    for key in frozen:
        print(f"{key}: frozen/source = {frozen[key] / source[key]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
