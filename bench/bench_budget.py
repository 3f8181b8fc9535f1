"""Keystroke to updated 金额合计 in the budget panel with 200 task rows (median, ms).

Run: QT_QPA_PLATFORM=offscreen python bench/bench_budget.py
Each sample types one digit into an open amount editor and processes events (the preview,
the model signals and the repaint of both views) until the pinned 金额合计 shows the new total.
"""

from __future__ import annotations

import statistics
import sys
import time
from decimal import Decimal

from _harness import add_repository_to_path

add_repository_to_path()

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from desktop.domain.model import Task  # noqa: E402
from desktop.domain.profile import DEFAULT_PROFILE_ID, load_profile, new_declaration  # noqa: E402
from ui.budget.model import Column  # noqa: E402
from ui.budget.panel import BudgetPanel  # noqa: E402
from ui.document import DeclarationDocument  # noqa: E402

ROWS = 200
KEYS = 400


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    profile = load_profile(DEFAULT_PROFILE_ID)
    declaration = new_declaration(profile, 2026)
    declaration.tasks = [
        Task(
            name=f"任务{i}",
            content=f"1. 第{i}项工作\n2. 说明",
            fiscal=Decimal("100.25"),
            other=Decimal(i),
        )
        for i in range(ROWS)
    ]
    panel = BudgetPanel(DeclarationDocument(declaration, profile))
    panel.resize(1366, 700)
    panel.show()
    app.processEvents()
    view, model = panel.view, panel.model
    view.setFocus()
    view.setCurrentIndex(model.index(ROWS // 2, Column.FISCAL))
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.clear()
    last = model.rowCount() - 1
    samples: list[float] = []
    for i in range(KEYS):
        if len(editor.text()) >= 7:
            QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(editor, Qt.Key.Key_Backspace)
            app.processEvents()
        before = model.index(last, Column.TOTAL).data()
        start = time.perf_counter()
        QTest.keyClicks(editor, str(1 + i % 9))
        app.processEvents()
        shown = model.index(last, Column.TOTAL).data()
        samples.append((time.perf_counter() - start) * 1000)
        assert shown != before
    print(
        f"budget keystroke -> total, {ROWS} rows: median {statistics.median(samples):.3f} ms, "
        f"p90 {statistics.quantiles(samples, n=10)[-1]:.3f} ms over {KEYS} keys"
    )


if __name__ == "__main__":
    main()
