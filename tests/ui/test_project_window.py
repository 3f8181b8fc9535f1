"""Opening a project declaration in the window: the project's sections; the navigator's entries."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import make_main_window
from desktop.exchange.canonical import content_key
from desktop.exchange.reader import read_json_file
from desktop.services.revisions import import_new
from desktop.services.store import DeclarationStore
from ui.main_window import MainWindow

ZDPQ = Path(__file__).resolve().parent.parent / "fixtures" / "project-futian-2026-zdpq.json"


def test_a_project_opens_with_its_own_sections_and_the_department_form_with_its_own(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path
) -> None:
    seed_id = import_new(store, read_json_file(seed_path).declaration)
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    before = content_key(store.load(project_id))
    window = make_main_window(db_path, project_id)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    assert window.document is not None and window.document.declaration_id == project_id
    assert window.editor is not None
    titles = [window.editor.tabText(i) for i in range(window.editor.count())]
    assert titles == ["基本信息", "项目资金", "总体目标", "绩效指标", "预览"]
    assert window.windowTitle().startswith("2026 重点片区建设（其他项目） · ")
    assert [a.text() for a in window.window_actions.sections][1] == "项目资金"
    window.open_declaration(seed_id)
    assert window.document is not None and window.document.declaration_id == seed_id
    assert window.editor is not None
    assert window.editor.tabText(1) == "主要任务与预算"
    assert [a.text() for a in window.window_actions.sections][1] == "主要任务与预算"
    window.close_declaration()
    assert content_key(store.load(project_id)) == before


def test_navigator_names_project_entries_by_project(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTreeView

    from ui.item_tag import TAG_ROLE

    # The project is stored last (newest), yet it follows its unit's department form.
    import_new(store, read_json_file(seed_path).declaration)
    import_new(store, read_json_file(ZDPQ).declaration)
    window = make_main_window(db_path)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    view = window.findChild(QTreeView, "declarationList")
    assert view is not None
    model = view.model()
    rows = [
        (model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 1).data(TAG_ROLE))
        for r in range(model.rowCount())
    ]
    assert rows == [
        ("2026", "深圳市福田区重点片区建设发展中心（本级）", None),
        ("2026", "重点片区建设（其他项目）", "项目"),
    ]
    tips = [model.index(r, 1).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    assert any("项目支出表：重点片区建设（其他项目）" in t for t in tips)


def test_the_project_window_exports_each_format_and_the_files_read_back_equal(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, tmp_path: Path
) -> None:
    from desktop.documents.xlsx.read_own import read_xlsx
    from tests.documents.helpers import pdftotext, squeeze

    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    before = content_key(store.load(project_id))
    window = make_main_window(db_path, project_id)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    for name in ("项目.json", "项目.xlsx", "项目.pdf"):
        assert window.output.export_to(tmp_path / name), name
    assert content_key(read_json_file(tmp_path / "项目.json").declaration) == before
    assert content_key(read_xlsx(tmp_path / "项目.xlsx").declaration) == before
    text = squeeze(pdftotext(tmp_path / "项目.pdf"))
    assert "项目支出绩效目标申报表" in text and "重点片区建设（其他项目）" in text
    assert [r.number for r in store.revisions(project_id)] == [1]  # unchanged: no new revision
    window.close_declaration()


@pytest.mark.parametrize("fixture", ["project-futian-2026-zdpq.json", "project-annual-example.json"])
def test_every_project_section_fits_at_1280_by_800(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path, fixture: str
) -> None:
    """The done-when line of issue 12: each section of a project (with and without 中期) shows
    at 1280×800 with nothing cut off, the unit's department form stored beside it."""
    from PySide6.QtWidgets import QApplication

    from tests.ui.cut_off import cut_off_widgets

    import_new(store, read_json_file(seed_path).declaration)
    project_id = import_new(store, read_json_file(ZDPQ.parent / fixture).declaration)
    window = make_main_window(db_path, project_id)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.checks.run_now()
    assert window.editor is not None
    for index in range(window.editor.count()):
        window.show_section(index)
        QApplication.processEvents()
        page = window.editor.current_page()
        assert page is not None
        assert cut_off_widgets(page) == [], window.editor.tabText(index)
    window.close_declaration()
