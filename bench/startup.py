"""Whole-process figures, each side by side with its floor in the same run.

Every round runs, one after the other: the bare window and ``perfdecl gui ID`` to a usable
window; the bare window grabbed and ``perfdecl gui ID --screenshot``; LibreOffice converting our
exported xlsx to PDF and ``perfdecl export ID --to x.pdf``; ``perfdecl check`` and ``export``
to JSON. Ratios are taken within a round, so load on the machine hits both sides alike.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from bench.figures import Figure
from bench.processes import REPO, Run, python, run

BENCH = REPO / "bench"


def _perfdecl(db: Path, *args: str) -> list[str]:
    return [python(), "-m", "desktop", "--db", str(db), *args]


def _ok(result: Run, what: str, statuses: tuple[int, ...] = (0,)) -> Run:
    if result.status not in statuses:
        raise RuntimeError(f"{what} exited {result.status}:\n{result.output[-2000:]}")
    return result


def startup_figures(work: Path, rounds: int, log: Callable[[str], None]) -> tuple[list[Figure], dict[str, float]]:
    """The start-up, export and command figures; and peak memory (MB) per process kind."""
    db = work / "startup.sqlite3"
    _ok(run(_perfdecl(db, "import", str(REPO / "resources/sample/seed-futian-2026.json"))), "import")
    xlsx = work / "seed.xlsx"
    _ok(run(_perfdecl(db, "export", "1", "--to", str(xlsx))), "export xlsx")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    profile = (work / "lo-profile").as_uri()
    commands: dict[str, tuple[list[str], tuple[int, ...]]] = {
        "bare window": ([python(), str(BENCH / "probe_bare.py")], (0,)),
        "perfdecl gui (usable window)": (
            [python(), str(BENCH / "probe_start.py"), str(db), "1"],
            (0,),
        ),
        "bare window grabbed": ([python(), str(BENCH / "probe_bare.py"), str(work / "bare.png")], (0,)),
        "perfdecl gui --screenshot": (
            _perfdecl(db, "gui", "1", "--screenshot", str(work / "shot.png")),
            (0,),
        ),
        "perfdecl export (pdf)": (_perfdecl(db, "export", "1", "--to", str(work / "x.pdf")), (0,)),
        "perfdecl check": (_perfdecl(db, "check", "1"), (0, 1)),
        "perfdecl export (json)": (_perfdecl(db, "export", "1", "--to", str(work / "x.json")), (0,)),
    }
    if soffice:
        commands["LibreOffice xlsx→pdf"] = (
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work / "lo"),
                str(xlsx),
            ],
            (0,),
        )
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    log("warming up (byte-code caches, disk cache, LibreOffice profile)")
    for name, (command, statuses) in commands.items():
        _ok(run(command), name, statuses)
    for number in range(rounds):
        log(f"start-up round {number + 1}/{rounds}")
        for name, (command, statuses) in commands.items():
            runs[name].append(_ok(run(command), name, statuses))

    def seconds(name: str) -> list[float]:
        return [r.seconds for r in runs[name]]

    def ratios(name: str, floor: str) -> list[float]:
        return [a.seconds / b.seconds for a, b in zip(runs[name], runs[floor])]

    def cpu_ratio(name: str, floor: str) -> str:
        found = sorted(a.cpu / b.cpu for a, b in zip(runs[name], runs[floor]) if b.cpu > 0)
        return f"CPU-time ratio {found[len(found) // 2]:.2f}×" if found else ""

    def absolute(name: str, budget: float | None, note: str = "") -> Figure:
        done = sorted(r.cpu for r in runs[name])
        cpu = f"CPU {done[len(done) // 2]:.2f} s"
        return Figure(name, "s", budget, seconds(name), f"{note}; {cpu}" if note else cpu)

    bare = Figure("cold start, usable window with the seed ÷ bare window", "x", 2.5)
    bare.samples = ratios("perfdecl gui (usable window)", "bare window")
    bare.note = cpu_ratio("perfdecl gui (usable window)", "bare window")
    shot = Figure("`perfdecl gui ID --screenshot` ÷ bare window grabbed", "x", 3.0)
    shot.samples = ratios("perfdecl gui --screenshot", "bare window grabbed")
    shot.note = cpu_ratio("perfdecl gui --screenshot", "bare window grabbed")
    export = Figure("`perfdecl export ID --to x.pdf` ÷ LibreOffice xlsx→pdf", "x", 0.35)
    if soffice:
        export.samples = ratios("perfdecl export (pdf)", "LibreOffice xlsx→pdf")
        export.note = cpu_ratio("perfdecl export (pdf)", "LibreOffice xlsx→pdf")
    else:
        export.skipped = "soffice not found: LibreOffice peer not measured"
    figures = [
        bare,
        absolute("perfdecl gui (usable window)", None),
        absolute("bare window", None, "floor: PySide6 window + bundled font"),
        shot,
        absolute("perfdecl gui --screenshot", None),
        absolute("bare window grabbed", None),
        export,
        absolute("perfdecl export (pdf)", None),
    ]
    if soffice:
        figures.append(absolute("LibreOffice xlsx→pdf", None, "peer"))
    figures += [
        absolute("perfdecl check", 0.6, "whole command, seed"),
        absolute("perfdecl export (json)", 0.6, "whole command, seed"),
    ]
    memory = {name: max(r.peak_mb for r in done) for name, done in runs.items() if done}
    return figures, memory
