"""The 项目资金 section: keystroke to updated 总额/share/C02 line, and reading its neighbours.

Run: QT_QPA_PLATFORM=offscreen python bench/bench_project_funds.py (medians in milliseconds).
The project is ``project-futian-2026-zdpq.json`` stored with the seed and ``OTHERS`` more
projects of the same unit (the C02 sums run over all of them). "read neighbours" is what the
panel does when it is shown (``related_forms`` on the store); "keystroke" types one digit into
the 年度 财政拨款 editor and processes events until the 总额 cell and the C02 line show it.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from _harness import REPO, SEED, add_repository_to_path, median_ms

add_repository_to_path()

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from db.repository import open_store  # noqa: E402
from desktop.domain.profile import load_profile  # noqa: E402
from desktop.domain.project import ProjectDeclaration  # noqa: E402
from desktop.exchange.reader import read_json_file  # noqa: E402
from desktop.services.related_forms import related_forms  # noqa: E402
from desktop.services.revisions import import_new  # noqa: E402
from ui.document import DeclarationDocument  # noqa: E402
from ui.project.funds_panel import FundsPanel  # noqa: E402

PROJECT = REPO / "tests" / "fixtures" / "project-futian-2026-zdpq.json"
OTHERS = 20
KEYS = 300


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.sqlite3")
        import_new(store, read_json_file(SEED).declaration)
        project = read_json_file(PROJECT).declaration
        assert isinstance(project, ProjectDeclaration)
        project_id = import_new(store, project)
        for i in range(OTHERS):
            other = read_json_file(PROJECT).declaration
            assert isinstance(other, ProjectDeclaration)
            other.project.name = f"其他项目{i}"
            import_new(store, other)
        read = median_ms(lambda: related_forms(store, project, project_id), 11)
        print(f"read neighbours (seed + {OTHERS} projects): median {read:.1f} ms")

        panel = FundsPanel(
            DeclarationDocument(project, load_profile(project.profile_id)),
            lambda: related_forms(store, project, project_id),
        )
        panel.resize(1000, 600)
        panel.show()
        app.processEvents()
        view, model = panel.view, panel.model
        view.setFocus()
        view.setCurrentIndex(model.index(1, 1))
        QTest.keyClick(view, Qt.Key.Key_F2)
        editor = view.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.clear()
        samples: list[float] = []
        for i in range(KEYS):
            if len(editor.text()) >= 6:
                QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
                QTest.keyClick(editor, Qt.Key.Key_Backspace)
                app.processEvents()
            before = panel.c02.text()
            start = time.perf_counter()
            QTest.keyClicks(editor, str(1 + i % 9))
            app.processEvents()
            samples.append((time.perf_counter() - start) * 1000)
            assert panel.c02.text() != before
        print(
            f"keystroke -> 总额, share and C02 line: median {statistics.median(samples):.3f} ms, "
            f"p90 {statistics.quantiles(samples, n=10)[-1]:.3f} ms over {KEYS} keys"
        )
        panel.close()
        store.close()


if __name__ == "__main__":
    main()
