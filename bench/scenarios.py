"""In-process scenarios, each run in its own process by ``python -m bench`` (so that its peak
memory is its own): ``python -m bench.scenarios NAME [--quick]`` prints one JSON line
``{"figure name": [samples...]}`` (seconds or milliseconds, as the name says).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.processes import REPO

sys.path.insert(0, str(REPO))

SEED = REPO / "resources" / "sample" / "seed-futian-2026.json"
UNIT = "该指标主要考察重点片区建设项目的推进情况与成果质量，确保各项工作按计划完成。2026年 80%-100%。\n"


def _timed(action: Callable[[], object], cpu: list[float] | None = None) -> float:
    """Wall seconds of ``action``; its CPU seconds on this thread are appended to ``cpu``."""
    start, start_cpu = time.perf_counter(), time.thread_time()
    action()
    if cpu is not None:
        cpu.append(time.thread_time() - start_cpu)
    return time.perf_counter() - start


def _ms(samples: list[float]) -> list[float]:
    return [s * 1000 for s in samples]


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    from desktop.app import _application  # the application exactly as perfdecl makes it

    app = _application([])
    assert isinstance(app, QApplication)
    return app


def _idle() -> None:
    from desktop.app import _wait_until_idle

    _wait_until_idle()


def _seed() -> Any:
    from desktop.exchange.reader import read_json_file

    return read_json_file(SEED).declaration


def _large(indicators: int, tasks: int) -> Any:
    from desktop.domain.model import Indicator, Task

    declaration = _seed()
    real = [c for c in declaration.categories if not c.not_applicable]
    n = 0
    while declaration.indicator_count() < indicators:
        real[n % len(real)].indicators.append(
            Indicator(f"生成指标{n}", "≥90%", "次", f"该指标主要考察第{n}项工作的完成情况。" * 2)
        )
        n += 1
    while len(declaration.tasks) < tasks:
        k = len(declaration.tasks)
        declaration.tasks.append(
            Task(f"任务{k}", f"1. 第{k}项工作\n2. 说明", Decimal("100.25"), Decimal(k))
        )
    return declaration


def _window(folder: Path, declaration: Any, section: int) -> Any:
    """A shown main window on a database made by another process (as a user's database is:
    this process never migrates it, so Alembic is not loaded here)."""
    import subprocess

    from desktop.app import make_main_window
    from desktop.exchange.writer import write_json_file

    db = folder / "bench.sqlite3"
    source = folder / "declaration.json"
    write_json_file(declaration, source)
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db), "import", str(source)],
        capture_output=True,
        text=True,
        check=True,
    )
    window = make_main_window(db, int(done.stdout.split()[-1]))
    window.resize(1280, 800)
    window.show()
    window.show_section(section)  # type: ignore[attr-defined]
    _settled(window)
    return window


def _settled(window: Any) -> None:
    """Idle, with the first live check done (it runs in a worker 0.4 s after opening, and a
    Python worker thread slows the GUI thread's Python calls while it runs)."""
    _idle()
    window.checks.checker._timer.stop()
    window.checks.checker.run_now()
    _idle()


# -- scenarios ---------------------------------------------------------------------------------
def window_pdf(quick: bool) -> dict[str, list[float]]:
    """打印预览 of the seed from the open window: freeze, render, load into the preview."""
    from ui.preview import dialogs

    _app()
    shown: list[int] = []

    def show(dialog: dialogs.PrintPreviewDialog) -> int:  # instead of a modal event loop
        shown.append(dialog.pane.page_count())
        return 0

    setattr(dialogs.PrintPreviewDialog, "exec", show)  # noqa: B010
    with tempfile.TemporaryDirectory() as folder:
        window = _window(Path(folder), _seed(), 0)
        action = window.window_actions["printPreviewAction"]
        first = _timed(action.trigger)
        cpu: list[float] = []
        warm = [_timed(action.trigger, cpu) for _ in range(3 if quick else 9)]
        assert shown and shown[0] >= 3, shown
        window.close()
    return {"window_pdf_first_s": [first], "window_pdf_s": warm, "window_pdf_cpu_s": cpu}


def pdf_100k(quick: bool) -> dict[str, list[float]]:
    """The PDF of the seed with one 100,000-character 指标解释 (whole render, fonts loaded)."""
    from desktop.documents.pdf import render_pdf_bytes
    from desktop.domain.profile import load_profile

    declaration = _seed()
    _category, indicator = next(iter(declaration.iter_indicators()))
    indicator.explanation = (UNIT * (100_000 // len(UNIT) + 1))[:100_000]
    profile = load_profile(declaration.profile_id)

    def render() -> bytes:
        return render_pdf_bytes(declaration, profile, revision=1, fingerprint="0123456789ab")

    cpu: list[float] = []
    samples = [_timed(render, cpu) for _ in range(1 if quick else 3)]
    return {"pdf_100k_s": samples, "pdf_100k_cpu_s": cpu}


def typing(quick: bool) -> dict[str, list[float]]:
    """Keystroke to 金额合计 with 200 tasks; an indicator edit to repaint with 1,000."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from ui.budget.model import Column as BudgetColumn
    from ui.indicators.model import Column as IndicatorColumn

    app = _app()
    keys: list[float] = []
    keys_cpu: list[float] = []
    edits: list[float] = []
    edits_cpu: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        window = _window(Path(folder), _large(1000, 200), 1)
        panel = window.findChild(object, "budgetPanel") or window.editor.pages[1]
        view, model = panel.view, panel.model
        view.setFocus()
        view.setCurrentIndex(model.index(100, BudgetColumn.FISCAL))
        QTest.keyClick(view, Qt.Key.Key_F2)
        editor = view.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.clear()
        last = model.rowCount() - 1
        for i in range(60 if quick else 300):
            if len(editor.text()) >= 7:
                editor.clear()
                app.processEvents()
            before = model.index(last, BudgetColumn.TOTAL).data()

            def key(digit: str = str(1 + i % 9)) -> None:
                QTest.keyClicks(editor, digit)
                app.processEvents()

            keys.append(_timed(key, keys_cpu))
            assert model.index(last, BudgetColumn.TOTAL).data() != before
        QTest.keyClick(editor, Qt.Key.Key_Escape)
        window.show_section(3)
        _settled(window)
        indicators = window.findChild(object, "indicatorPanel")
        tree = indicators.model
        for n in range(20 if quick else 60):

            def edit(n: int = n) -> None:
                tree.setData(tree.indicator_index(0, 0, IndicatorColumn.VALUE), f"≥{n}次")
                indicators.view.viewport().repaint()

            edits.append(_timed(edit, edits_cpu))
        window.close()
    return {
        "keystroke_ms": _ms(keys),
        "keystroke_cpu_ms": _ms(keys_cpu),
        "edit_repaint_ms": _ms(edits),
        "edit_repaint_cpu_ms": _ms(edits_cpu),
    }


def large_window(quick: bool) -> dict[str, list[float]]:
    """Open 1,000 indicators in the window (绩效指标 shown); resize with it shown and hidden;
    the re-wrap of the rows on screen once a resize has settled."""
    _app()
    result: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        window = _window(Path(folder), _large(1000, 5), 3)
        declaration_id = window.document.declaration_id
        opens: list[float] = []
        opens_cpu: list[float] = []

        def reopen() -> None:
            window.open_declaration(declaration_id, 3)
            _idle()
            window.repaint()

        for _ in range(2 if quick else 5):
            window.close_declaration()
            _idle()
            opens.append(_timed(reopen, opens_cpu))
            _settled(window)
        result["open_1000_s"], result["open_1000_cpu_s"] = opens, opens_cpu
        for section, key in ((3, "resize_shown"), (0, "resize_hidden")):
            window.show_section(section)
            _settled(window)
            walls: list[float] = []
            cpus: list[float] = []
            for n in range(6 if quick else 20):

                def resize(n: int = n) -> None:
                    window.resize(1280 - 40 * (n % 2), 800 - 20 * (n % 2))
                    _idle()
                    window.repaint()

                walls.append(_timed(resize, cpus))
            result[f"{key}_ms"], result[f"{key}_cpu_ms"] = _ms(walls), _ms(cpus)
        window.show_section(3)
        _settled(window)
        view = window.findChild(object, "indicatorTree")
        walls, cpus = [], []
        for n in range(4 if quick else 10):
            window.resize(1280 - 40 * (n % 2), 800 - 20 * (n % 2))
            _idle()
            view._relayout.stop()  # the re-wrap the view runs 120 ms after the last resize

            def rewrap() -> None:
                view.scheduleDelayedItemsLayout()
                view.executeDelayedItemsLayout()
                window.repaint()

            walls.append(_timed(rewrap, cpus))
        result["rewrap_ms"], result["rewrap_cpu_ms"] = _ms(walls), _ms(cpus)
        window.close()
    return result


def memory_open(quick: bool) -> dict[str, list[float]]:
    """1,000 indicators and 200 tasks open, every editing section shown once, checked."""
    _app()
    with tempfile.TemporaryDirectory() as folder:
        window = _window(Path(folder), _large(1000, 200), 0)
        for section in range(4):
            window.show_section(section)
            _idle()
        window.checks.run_now()
        _idle()
        window.close()
    return {}


def memory_preview(quick: bool) -> dict[str, list[float]]:
    """As ``memory_open``, then the 预览 section's pages rendered and shown."""
    _app()
    with tempfile.TemporaryDirectory() as folder:
        window = _window(Path(folder), _large(1000, 200), 0)
        for section in range(5):
            window.show_section(section)
            _idle()
        window.findChild(object, "previewSection").wait(120_000)
        window.checks.run_now()
        _idle()
        window.close()
    return {}


SCENARIOS: dict[str, Callable[[bool], dict[str, list[float]]]] = {
    "window_pdf": window_pdf,
    "pdf_100k": pdf_100k,
    "typing": typing,
    "large_window": large_window,
    "memory_open": memory_open,
    "memory_preview": memory_preview,
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    from desktop.none_guard import make_none_immortal

    make_none_immortal()
    figures = SCENARIOS[args.scenario](args.quick)
    print("BENCH-RESULT " + json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
