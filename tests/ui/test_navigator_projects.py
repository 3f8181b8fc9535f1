"""The navigator with project forms: order, the 项目 tag, and the 填报步骤 of each kind."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QListWidget, QTreeView

from desktop.app import make_main_window
from desktop.domain.model import FORM_DEPARTMENT, FORM_PROJECT
from desktop.exchange.reader import read_json_file
from desktop.services.revisions import import_new
from desktop.services.store import DeclarationStore, DeclarationSummary
from ui.item_tag import TAG_COLOURS, TAG_ROLE
from ui.main_window import MainWindow
from ui.navigator.declaration_list import navigator_order

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ZDPQ = FIXTURES / "project-futian-2026-zdpq.json"
ANNUAL = FIXTURES / "project-annual-example.json"
_NOW = datetime(2026, 11, 30, tzinfo=UTC)


def _row(ident: int, year: int, unit: str, project: str | None = None) -> DeclarationSummary:
    form = FORM_PROJECT if project is not None else FORM_DEPARTMENT
    # Lower ids are newer, as the store lists them newest first.
    return DeclarationSummary(ident, year, unit, form, "x", 0, None, _NOW - timedelta(hours=ident), project)


def test_projects_follow_their_units_department_form_of_the_same_year() -> None:
    newest_first = [
        _row(1, 2026, "甲单位", "甲项目一"),
        _row(2, 2026, "乙单位"),
        _row(3, 2026, "甲 单位", "甲项目二"),  # the same unit, spelled with a space
        _row(4, 2026, "甲单位"),
        _row(5, 2026, "丙单位", "丙项目"),  # no department form of 丙单位 is stored
        _row(6, 2025, "甲单位", "甲项目（上年）"),
        _row(7, 2025, "甲单位"),
    ]
    assert [r.id for r in navigator_order(newest_first)] == [4, 1, 3, 2, 5, 7, 6]


def _list(window: MainWindow) -> QTreeView:
    view = window.findChild(QTreeView, "declarationList")
    assert view is not None
    return view


def _window(qtbot: QtBot, db_path: Path, declaration_id: int | None = None) -> MainWindow:
    window = make_main_window(db_path, declaration_id)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def _has_colour(image: QImage, colour: QColor, top: int, bottom: int) -> bool:
    wanted = colour.rgb()
    return any(
        image.pixelColor(x, y).rgb() == wanted
        for y in range(max(top, 0), min(bottom, image.height()))
        for x in range(image.width())
    )


def test_project_rows_show_the_project_name_with_a_painted_tag(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path
) -> None:
    seed_id = import_new(store, read_json_file(seed_path).declaration)
    import_new(store, read_json_file(ZDPQ).declaration)
    import_new(store, read_json_file(ANNUAL).declaration)
    window = _window(qtbot, db_path, seed_id)
    view = _list(window)
    model = view.model()
    shown = [
        (model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 1).data(TAG_ROLE))
        for r in range(model.rowCount())
    ]
    assert shown == [
        ("2026", "新移交市政公园绿化养护项目", "项目"),  # another unit, stored last
        ("2026", "深圳市福田区重点片区建设发展中心（本级）", None),
        ("2026", "重点片区建设（其他项目）", "项目"),
    ]
    assert "示例区城市管理和综合执法局（本级）" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    image = view.viewport().grab().toImage()
    tag_background = QColor(TAG_COLOURS["项目"][1])
    for row, (_, _, tag) in enumerate(shown):
        rect = view.visualRect(model.index(row, 1))
        assert _has_colour(image, tag_background, rect.top(), rect.bottom()) == (tag is not None)


def test_steps_are_named_after_the_open_declarations_sections(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path
) -> None:
    seed_id = import_new(store, read_json_file(seed_path).declaration)
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    window = _window(qtbot, db_path, project_id)
    steps = window.findChild(QListWidget, "sectionList")
    assert steps is not None

    def titles() -> list[str]:
        return [steps.item(r).text().split("　")[0] for r in range(steps.count())]

    assert titles() == ["基本信息", "项目资金", "总体目标", "绩效指标", "预览"]
    assert steps.item(1).text() == "项目资金　Ctrl+2"
    steps.setCurrentRow(1)
    assert window.editor is not None and window.editor.tabText(window.editor.currentIndex()) == "项目资金"
    window.open_declaration(seed_id)
    assert titles() == ["基本信息", "主要任务与预算", "总体目标", "绩效指标", "预览"]
    window.open_declaration(project_id)
    assert titles()[1] == "项目资金"


def test_deleting_a_project_names_the_project_and_leaves_the_department_form(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path, answer_yes: list[str]
) -> None:
    seed_id = import_new(store, read_json_file(seed_path).declaration)
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    window = _window(qtbot, db_path, project_id)
    window.window_actions["deleteDeclarationAction"].trigger()
    assert answer_yes[0].startswith("确定删除“2026 重点片区建设（其他项目）（项目支出表）”")
    assert [s.id for s in store.list()] == [seed_id]
    assert _list(window).model().rowCount() == 1
