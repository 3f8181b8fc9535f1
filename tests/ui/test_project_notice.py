"""Opening a project declaration in the window: a clear Chinese message, no crash, no editor."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QMessageBox

from desktop.app import make_main_window
from desktop.exchange.canonical import content_key
from desktop.exchange.reader import read_json_file
from desktop.services.revisions import import_new
from desktop.services.store import DeclarationStore
from ui.main_window import MainWindow

ZDPQ = Path(__file__).resolve().parent.parent / "fixtures" / "project-futian-2026-zdpq.json"


def test_opening_a_project_says_what_to_use_instead_and_changes_nothing(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path
) -> None:
    seed_id = import_new(store, read_json_file(seed_path).declaration)
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    before = content_key(store.load(project_id))
    window = make_main_window(db_path, project_id)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    box = window.findChild(QMessageBox, "projectNotEditableBox")
    assert box is not None and box.isVisible()
    assert "项目支出申报表的编辑界面尚未完成" in box.text()
    assert f"perfdecl check {project_id}" in box.text()
    assert "项目支出申报表的编辑界面尚未完成" in window.statusBar().currentMessage()
    assert window.document is None and window.stack.currentWidget() is window.start_page
    box.accept()
    # the department form still opens, and the project is untouched
    window.open_declaration(seed_id)
    assert window.document is not None and window.document.declaration_id == seed_id
    window.open_declaration(project_id)  # the open department form stays open
    assert window.document is not None and window.document.declaration_id == seed_id
    window.close_declaration()
    assert content_key(store.load(project_id)) == before


def test_navigator_names_project_entries_by_project(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTreeView

    import_new(store, read_json_file(seed_path).declaration)
    import_new(store, read_json_file(ZDPQ).declaration)
    window = make_main_window(db_path)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    view = window.findChild(QTreeView, "declarationList")
    assert view is not None
    model = view.model()
    names = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert names == {"深圳市福田区重点片区建设发展中心（本级）", "〔项目〕重点片区建设（其他项目）"}
    tips = [model.index(r, 1).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    assert any("项目支出表：重点片区建设（其他项目）" in t for t in tips)
