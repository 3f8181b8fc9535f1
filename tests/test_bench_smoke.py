"""The benchmark command stays runnable: its modules import, a process is measured, one small
scenario runs and the results table renders. (Speed itself is never asserted here.)"""

from __future__ import annotations

import sys

from bench import __main__ as bench_main
from bench.figures import Figure, table
from bench.processes import run


def test_a_whole_process_is_measured() -> None:
    done = run([sys.executable, "-c", "print('hello')"])
    assert done.status == 0 and "hello" in done.output
    assert done.seconds > 0 and done.peak_mb > 1


def test_a_scenario_runs_in_its_own_process() -> None:
    samples, peak = bench_main._scenario("pdf_100k", quick=True)
    assert len(samples["pdf_100k_s"]) == 1 and samples["pdf_100k_s"][0] > 0
    assert peak > 10


def test_results_render_with_budgets_and_verdicts() -> None:
    figures = [
        Figure("fast", "ms", 5.0, [1.0, 2.0, 3.0]),
        Figure("slow", "x", 2.5, [3.0, 3.5]),
        Figure("peer", "s", None, [], skipped="soffice not found"),
    ]
    text = bench_main.render(["- Machine: test"], figures, {"bare window": 60.0}, quick=True)
    assert "| fast | 2.0 ms | 1.0 ms–3.0 ms (n=3) | ≤ 5.0 ms | pass |" in text
    assert "| slow | 3.25× |" in text and "**FAIL**" in text
    assert "soffice not found" in text and "| bare window | 60 MB |" in text
    assert table(figures).count("\n") == 4
