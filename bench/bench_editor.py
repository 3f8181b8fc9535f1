"""Editor benchmarks (warm, in process): open the seed, open 1,000 indicators, edit → repaint.

Run: QT_QPA_PLATFORM=offscreen python bench/bench_editor.py
Targets (issue 3): seed < 0.3 s, 1,000 indicators < 1 s, an edit to repaint < 16 ms.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from _harness import add_repository_to_path

from PySide6.QtWidgets import QApplication

add_repository_to_path()

from db.repository import open_store  # noqa: E402
from desktop.domain.model import Indicator  # noqa: E402
from desktop.exchange.reader import read_json_file  # noqa: E402
from desktop.resources import sample_path  # noqa: E402
from desktop.services.store import DeclarationStore  # noqa: E402
from desktop.settings import Settings  # noqa: E402
from ui.fonts import apply_application_fonts  # noqa: E402
from ui.indicators.model import Column  # noqa: E402
from ui.indicators.panel import IndicatorPanel  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def _median(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} ms (n={len(samples)})"


def _open_time(app: QApplication, store: DeclarationStore, declaration_id: int, runs: int) -> list[float]:
    times: list[float] = []
    window = MainWindow(store, Settings())
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    for _ in range(runs):
        start = time.perf_counter()
        window.open_declaration(declaration_id, 3)
        app.processEvents()
        window.repaint()
        times.append(time.perf_counter() - start)
        window.close_declaration()
        app.processEvents()
    window.close()
    return times


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_application_fonts(app)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.sqlite3")
        seed = read_json_file(sample_path()).declaration
        seed_id = store.create(seed)
        big = read_json_file(sample_path()).declaration
        real = [c for c in big.categories if not c.not_applicable]
        for n in range(1000 - big.indicator_count()):
            real[n % len(real)].indicators.append(
                Indicator(f"生成指标{n}", "≥90%", "", f"该指标主要考察第{n}项工作的完成情况。" * 2)
            )
        big_id = store.create(big)
        _open_time(app, store, seed_id, 2)  # warm up
        print("open seed into the editor:", _median(_open_time(app, store, seed_id, 15)))
        print("open 1,000 indicators:", _median(_open_time(app, store, big_id, 7)))
        window = MainWindow(store, Settings(), seed_id)
        window.resize(1280, 800)
        window.show()
        window.show_section(3)
        app.processEvents()
        panel = window.findChild(IndicatorPanel, "indicatorPanel")
        assert panel is not None
        model = panel.model
        edits: list[float] = []
        for n in range(40):
            start = time.perf_counter()
            model.setData(model.indicator_index(0, 0, Column.VALUE), f"≥{n}次")
            panel.view.viewport().repaint()
            edits.append(time.perf_counter() - start)
        print("edit to repaint:", _median(edits))
        window.close()
        store.close()


if __name__ == "__main__":
    main()
