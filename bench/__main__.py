"""``python -m bench``: measure every budget figure of issue 14 and regenerate bench/results.md.

Start-up figures run as whole processes beside their floor in the same run (bench/startup.py);
the in-process scenarios (bench/scenarios.py) each run in a process of their own, so that the
peak memory reported for each is its own. ``--quick`` runs fewer rounds (a smoke run);
``--readme`` also rewrites the short table in README.md. The whole run takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.figures import Figure, table
from bench.processes import REPO, python, run
from bench.startup import startup_figures

RESULTS = REPO / "bench" / "results.md"
README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"

#: (scenario, result key, figure name, unit, budget); seconds are shown as s, ms as ms.
SCENARIO_FIGURES = [
    ("window_pdf", "window_pdf_s", "打印预览 of the seed from the open window (warm)", "s", 0.25),
    ("window_pdf", "window_pdf_first_s", "打印预览 of the seed, first in the session", "s", None),
    ("pdf_100k", "pdf_100k_s", "PDF with one 100,000-character 指标解释", "s", 10.0),
    ("typing", "keystroke_ms", "keystroke to 金额合计, 200 tasks", "ms", 5.0),
    ("typing", "edit_repaint_ms", "indicator edit to repaint, 1,000 indicators", "ms", 16.0),
    ("large_window", "open_1000_s", "open 1,000 indicators in the window", "s", 0.6),
    ("large_window", "resize_shown_ms", "resize, 1,000 indicators, 绩效指标 shown", "ms", 50.0),
    ("large_window", "resize_hidden_ms", "resize, 1,000 indicators, 绩效指标 hidden", "ms", 50.0),
    ("large_window", "rewrap_ms", "re-wrap of the rows on screen after a resize settles", "ms", None),
]
SCENARIOS = ["window_pdf", "pdf_100k", "typing", "large_window", "memory_open", "memory_preview"]
MEMORY_BUDGET_MB = 150.0


def _log(text: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", flush=True)


def _machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        total_kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {total_kb / 1024 / 1024:.1f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    import PySide6

    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return [
        f"- Machine: {cpu}, {os.cpu_count()} logical CPUs{memory}; {platform.platform()}",
        f"- Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"Qt platform `{os.environ.get('BENCH_QPA', 'offscreen')}`",
        f"- Load average when the run started: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}",
    ]


def _scenario(name: str, quick: bool) -> tuple[dict[str, list[float]], float]:
    command = [python(), "-m", "bench.scenarios", name] + (["--quick"] if quick else [])
    result = run(command, timeout=900)
    line = next((x for x in result.output.splitlines() if x.startswith("BENCH-RESULT ")), None)
    if result.status != 0 or line is None:
        raise RuntimeError(f"scenario {name} failed ({result.status}):\n{result.output[-3000:]}")
    return json.loads(line.removeprefix("BENCH-RESULT ")), result.peak_mb


def measure(quick: bool, rounds: int) -> tuple[list[str], list[Figure], dict[str, float]]:
    header = _machine()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="perfdecl-bench-") as folder:
        figures, memory = startup_figures(Path(folder), rounds, _log)
    samples: dict[str, list[float]] = {}
    for name in SCENARIOS:
        _log(f"scenario {name}")
        found, peak = _scenario(name, quick)
        samples.update(found)
        memory[f"scenario: {name}"] = peak
    for _scenario_name, key, title, unit, budget in SCENARIO_FIGURES:
        figure = Figure(title, unit, budget, samples.get(key, []))
        cpu_key = key.removesuffix("_s").removesuffix("_ms") + ("_cpu_s" if unit == "s" else "_cpu_ms")
        cpu = sorted(samples.get(cpu_key, []))
        if cpu:
            middle = cpu[len(cpu) // 2]
            figure.note = f"CPU (GUI thread) {middle:.2f} s" if unit == "s" else f"CPU (GUI thread) {middle:.1f} ms"
        figures.append(figure)
    figures.append(
        Figure(
            "peak memory, 1,000 indicators + 200 tasks open (editing sections shown, checked)",
            "MB",
            MEMORY_BUDGET_MB,
            [memory["scenario: memory_open"]],
            "peak RSS of the whole process",
        )
    )
    figures.append(
        Figure(
            "peak memory, the same with its 预览 pages rendered",
            "MB",
            None,
            [memory["scenario: memory_preview"]],
            "reportlab's parsed print font and the PDF in QtPdf",
        )
    )
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    header.append(
        f"- Load average when it ended: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}; "
        f"the run took {time.perf_counter() - started:.0f} s"
    )
    return header, figures, memory


def render(header: list[str], figures: list[Figure], memory: dict[str, float], quick: bool) -> str:
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    mode = " (quick run: fewer samples)" if quick else ""
    lines = [
        "# Benchmark results",
        "",
        f"Generated by `python -m bench`{mode} on {date}. Do not edit: run it again.",
        "",
        *header,
        "",
        "Budgets are those of issue 14. Whole-process figures are wall times of a new process",
        "(byte-code and disk caches warm, as on a user's second start); a ratio is taken between",
        "the two processes of the same round, so machine load hits both alike. The spread is",
        "the smallest and largest sample. The notes give CPU time (of the process, or of the GUI",
        "thread in process): on a machine shared with other work it shows the cost that wall",
        "time hides under waiting for a core; compare the load averages above.",
        "",
        table(figures),
        "",
        "## Peak memory per scenario (MB, largest over the runs)",
        "",
        "| process | peak RSS |",
        "|---|---|",
        *(f"| {name} | {value:.0f} MB |" for name, value in memory.items()),
        "",
    ]
    return "\n".join(lines)


def readme_table(figures: list[Figure]) -> str:
    main = [f for f in figures if f.budget is not None]
    rows = ["| figure | median | budget | result |", "|---|---|---|---|"]
    for figure in main:
        parts = figure.row().split(" | ")
        rows.append(f"| {figure.name} | {parts[1]} | {parts[3]} | {figure.verdict()} |")
    return "\n".join(rows)


def update_readme(figures: list[Figure]) -> None:
    readme = REPO / "README.md"
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        _log("README.md has no bench markers; not updated")
        return
    head, rest = text.split(README_START, 1)
    _old, tail = rest.split(README_END, 1)
    readme.write_text(
        f"{head}{README_START}\n{readme_table(figures)}\n{README_END}{tail}", encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds and samples")
    parser.add_argument("--rounds", type=int, default=None, help="start-up rounds (default 5)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results file")
    parser.add_argument("--readme", action="store_true", help="also update README.md's table")
    args = parser.parse_args(argv)
    rounds = args.rounds or (2 if args.quick else 5)
    header, figures, memory = measure(args.quick, rounds)
    text = render(header, figures, memory, args.quick)
    args.out.write_text(text, encoding="utf-8")
    if args.readme:
        update_readme(figures)
    print(table(figures))
    _log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
