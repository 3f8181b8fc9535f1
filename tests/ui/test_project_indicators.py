"""The project's 绩效指标 section: the 年度 | 中期 switch, the other horizon's column, edits in
either tree stored and reopened, jumps to findings of either tree, annual-only profiles."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from desktop.app import make_main_window
from desktop.domain.project import ANNUAL, MID, ProjectDeclaration
from desktop.exchange.reader import read_json_file
from desktop.rules.engine import check_declaration
from desktop.services.revisions import import_new
from desktop.services.store import DeclarationStore
from tests.qtkeys import key_click
from tests.ui.test_editor_window import type_text
from ui import read_only
from ui.findings.row_marks import RowMarks
from ui.indicators.model import Column
from ui.main_window import MainWindow
from ui.navigation import go_to_where
from ui.project.horizon_switch import HorizonSwitch
from ui.project.indicator_panel import ProjectIndicatorPanel

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ZDPQ = FIXTURES / "project-futian-2026-zdpq.json"
ANNUAL_ONLY = FIXTURES / "project-annual-example.json"
COST, COUNTS = 0, 3  # 经济成本指标, 数量指标

OpenWindow = Callable[[int], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, db_path: Path) -> Iterator[OpenWindow]:
    def make(declaration_id: int) -> MainWindow:
        made = make_main_window(db_path, declaration_id)
        assert isinstance(made, MainWindow)
        qtbot.addWidget(made)
        made.resize(1280, 800)
        made.show()
        made.activateWindow()  # keys (F2, F7) go to the active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
        return made

    yield make


def _project(path: Path = ZDPQ) -> ProjectDeclaration:
    declaration = read_json_file(path).declaration
    assert isinstance(declaration, ProjectDeclaration)
    return declaration


def _page(window: MainWindow) -> ProjectIndicatorPanel:
    assert window.editor is not None
    window.editor.setCurrentIndex(3)
    page = window.editor.page("projectIndicatorPanel")
    assert isinstance(page, ProjectIndicatorPanel)
    return page


def _declaration(window: MainWindow) -> ProjectDeclaration:
    assert window.document is not None
    declaration = window.document.declaration
    assert isinstance(declaration, ProjectDeclaration)
    return declaration


def _type(qtbot: QtBot, page: ProjectIndicatorPanel, cat: int, row: int, text: str) -> None:
    """Type ``text`` into the 指标值 cell as a user does: F2, the text, Enter."""
    view = page.panel.view
    view.setFocus()
    view.setCurrentIndex(page.model.indicator_index(cat, row, Column.VALUE))
    key_click(view, Qt.Key.Key_F2)
    assert view.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert editor is not None
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, text)
    key_click(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def _other(page: ProjectIndicatorPanel, cat: int, row: int) -> str:
    return str(page.model.indicator_index(cat, row, Column.OTHER).data() or "")


def test_an_edit_in_each_horizon_is_stored_and_shown_again_on_reopening(
    qtbot: QtBot, open_window: OpenWindow, store: DeclarationStore
) -> None:
    project_id = import_new(store, _project())
    window = open_window(project_id)
    page = _page(window)
    assert page.horizon() == ANNUAL
    _type(qtbot, page, COUNTS, 0, "≥2项")
    key_click(page.panel.view, Qt.Key.Key_F7)
    assert page.horizon() == MID
    _type(qtbot, page, COUNTS, 0, "≥6项")
    declaration = _declaration(window)
    assert declaration.categories[COUNTS].indicators[0].value == "≥2项"
    assert declaration.mid_term is not None
    assert declaration.mid_term.categories[COUNTS].indicators[0].value == "≥6项"
    assert window.flush()
    stored = store.load(project_id)
    assert isinstance(stored, ProjectDeclaration) and stored.mid_term is not None
    assert stored.categories[COUNTS].indicators[0].value == "≥2项"
    assert stored.mid_term.categories[COUNTS].indicators[0].value == "≥6项"
    window.close()

    again = _page(open_window(project_id))
    assert again.horizon() == ANNUAL
    assert again.model.indicator_index(COUNTS, 0, Column.VALUE).data() == "≥2项"
    assert _other(again, COUNTS, 0) == "≥6项"
    again.show_horizon(MID)
    assert again.model.indicator_index(COUNTS, 0, Column.VALUE).data() == "≥6项"
    assert _other(again, COUNTS, 0) == "≥2项"


def test_f7_and_the_switch_toggle_the_tree_and_the_other_column_follows(
    open_window: OpenWindow, store: DeclarationStore
) -> None:
    window = open_window(import_new(store, _project()))
    page = _page(window)
    switch = page.findChild(HorizonSwitch)
    assert switch is not None and switch.isVisible()
    header = page.model.headerData(Column.OTHER, Qt.Orientation.Horizontal)
    assert header == "中期指标值"
    # Same category, same name: the 中期 row beside the 年度 one; no pair, empty.
    assert page.model.indicator_index(COST, 0, Column.VALUE).data() == "≤1279.04万元"
    assert _other(page, COST, 0) == "≤3850万元"
    assert _other(page, 5, 1) == ""  # 群众工作年度分析报告完成时间 has no 中期 row
    copy_action = page.actions_by_name["copyToOtherHorizonAction"]
    assert copy_action.text() == "复制到中期"
    page.panel.ops.select(5, 1)

    key_click(page.panel.view, Qt.Key.Key_F7)
    assert page.horizon() == MID and switch.current() == MID
    assert page.model.headerData(Column.OTHER, Qt.Orientation.Horizontal) == "年度指标值"
    assert page.model.indicator_index(COST, 0, Column.VALUE).data() == "≤3850万元"
    assert _other(page, COST, 0) == "≤1279.04万元"
    assert page.model.indicator_index(5, 1, Column.NAME).data() == "项目实施完成时间"
    assert copy_action.text() == "复制到年度"

    page.panel.ops.select(COST, 2, Column.VALUE)  # the cursor in the 中期 tree ...
    switch.buttons[ANNUAL].click()
    assert page.horizon() == ANNUAL and switch.current() == ANNUAL
    current = page.panel.view.currentIndex()  # ... and back where it was in the 年度 one
    assert (page.model.category_of(current), current.row(), current.column()) == (5, 1, 0)
    switch.buttons[MID].click()
    current = page.panel.view.currentIndex()
    assert (page.model.category_of(current), current.row(), current.column()) == (COST, 2, 1)
    switch.buttons[ANNUAL].click()
    key_click(page.panel.view, Qt.Key.Key_F7)
    key_click(page.panel.view, Qt.Key.Key_F7)
    assert page.horizon() == ANNUAL
    # F7 works wherever the focus is while the section shows (e.g. after clicking its tab) ...
    assert window.editor is not None
    tabs = window.editor.tabBar()
    tabs.setFocus()
    key_click(tabs, Qt.Key.Key_F7)
    assert page.horizon() == MID
    # ... and does nothing while another section shows.
    window.editor.setCurrentIndex(0)
    key_click(tabs, Qt.Key.Key_F7)
    assert page.horizon() == MID


def test_the_other_column_follows_edits_of_either_tree(
    qtbot: QtBot, open_window: OpenWindow, store: DeclarationStore
) -> None:
    window = open_window(import_new(store, _project()))
    page = _page(window)
    page.show_horizon(MID)
    _type(qtbot, page, COST, 0, "≤3900万元")
    page.show_horizon(ANNUAL)
    assert _other(page, COST, 0) == "≤3900万元"
    # Renaming the 年度 row breaks the pair; the name key ignores spaces and punctuation.
    model = page.model
    model.setData(model.indicator_index(COST, 0, Column.NAME), "重点片区建设项目支出成本（调整）")
    assert _other(page, COST, 0) == ""
    model.setData(model.indicator_index(COST, 0, Column.NAME), "重点片区 建设项目支出成本。")
    assert _other(page, COST, 0) == "≤3900万元"


def test_a_p03_finding_shows_its_icon_in_the_other_column_of_both_trees(
    open_window: OpenWindow, store: DeclarationStore
) -> None:
    window = open_window(import_new(store, _project()))
    page = _page(window)
    model = page.model
    model.setData(model.indicator_index(COUNTS, 0, Column.VALUE), "≥5项")  # 中期 says ≥3项
    declaration = _declaration(window)
    findings = check_declaration(declaration, rules=["P03"])
    assert [(f.rule, f.where) for f in findings] == [("P03", "indicators[5].value")]
    page.set_marks(RowMarks(findings, declaration))
    other = model.indicator_index(COUNTS, 0, Column.OTHER)
    assert other.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "超过中期指标值" in str(other.data(Qt.ItemDataRole.ToolTipRole))
    assert model.indicator_index(COUNTS, 1, Column.OTHER).data(Qt.ItemDataRole.DecorationRole) is None
    page.show_horizon(MID)  # the paired 中期 row shows it too
    other = model.indicator_index(COUNTS, 0, Column.OTHER)
    assert other.data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.indicator_index(COUNTS, 1, Column.OTHER).data(Qt.ItemDataRole.DecorationRole) is None
    # The 年度 row's own marks do not appear on the 中期 rows' names.
    assert model.indicator_index(COUNTS, 0, Column.NAME).data(Qt.ItemDataRole.DecorationRole) is None


def test_copying_selected_rows_overwrites_after_one_confirmation_as_one_undo_step(
    open_window: OpenWindow, store: DeclarationStore, answer_yes: list[str]
) -> None:
    window = open_window(import_new(store, _project()))
    page = _page(window)
    model, view = page.model, page.panel.view
    model.setData(model.indicator_index(COUNTS, 0, Column.NAME), "新增的年度指标")
    declaration = _declaration(window)
    assert declaration.mid_term is not None
    before = copy.deepcopy(declaration)
    stack = window.document.undo_stack if window.document else None
    assert stack is not None
    steps = stack.count()
    # Select 新增的年度指标 (new in 中期) and 形成VI系统设计成果数量 (≥1项 in both: unchanged),
    # 开展招商推介活动次数 (≥1次 over ≥3次: overwritten).
    selection = view.selectionModel()
    flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
    for row in (0, 1, 2):
        selection.select(model.indicator_index(COUNTS, row), flags)
    page.actions_by_name["copyToOtherHorizonAction"].trigger()
    assert len(answer_yes) == 1
    assert "数量指标/开展招商推介活动次数" in answer_yes[0]
    assert "形成VI系统设计成果数量" not in answer_yes[0]  # same content: nothing overwritten
    assert stack.count() == steps + 1
    assert page.horizon() == MID  # the user sees the copied rows, selected
    mid = declaration.mid_term.categories[COUNTS].indicators
    assert [(i.name, i.value) for i in mid][2] == ("开展招商推介活动次数", "≥1次")
    assert (mid[-1].name, mid[-1].value) == ("新增的年度指标", "≥1项")
    assert len(mid) == len(before.mid_term.categories[COUNTS].indicators) + 1  # type: ignore[union-attr]
    selected = {i.row() for i in view.selectionModel().selectedRows()}
    assert selected == {1, 2, len(mid) - 1}
    after = copy.deepcopy(declaration)

    page.show_horizon(ANNUAL)
    stack.undo()
    assert page.horizon() == MID  # the undone edit is in the 中期 tree: shown
    assert _declaration(window) == before
    stack.redo()
    assert _declaration(window) == after


def test_copying_the_whole_tree_creates_the_mid_term_and_undo_leaves_none(
    open_window: OpenWindow, store: DeclarationStore, answer_yes: list[str]
) -> None:
    project = _project()
    project.mid_term = None
    project_id = import_new(store, project)
    window = open_window(project_id)
    page = _page(window)
    declaration = _declaration(window)
    before = copy.deepcopy(declaration)
    page.copy_to_other()  # nothing selected: the whole 年度 tree
    assert answer_yes == []  # nothing to overwrite in an empty 中期 tree
    assert page.horizon() == MID
    assert declaration.mid_term is not None
    copied = declaration.mid_term.categories
    assert [(c.key, c.not_applicable) for c in copied] == [
        (c.key, c.not_applicable) for c in declaration.categories
    ]
    assert [[(i.name, i.value, i.unit, i.explanation) for i in c.indicators] for c in copied] == [
        [(i.name, i.value, i.unit, i.explanation) for i in c.indicators]
        for c in declaration.categories
    ]
    assert "已复制" in page.panel.status.text()
    assert window.flush()
    stored = store.load(project_id)
    assert isinstance(stored, ProjectDeclaration) and stored.mid_in_use()

    assert window.document is not None
    window.document.undo_stack.undo()
    assert _declaration(window) == before and _declaration(window).mid_term is None
    assert page.model.rowCount(page.model.category_index(COUNTS)) == 0
    assert window.flush()
    reloaded = store.load(project_id)
    assert isinstance(reloaded, ProjectDeclaration) and not reloaded.mid_in_use()


def test_copying_the_whole_tree_back_lists_every_overwritten_row_once(
    open_window: OpenWindow, store: DeclarationStore, answer_yes: list[str]
) -> None:
    window = open_window(import_new(store, _project()))
    page = _page(window)
    page.show_horizon(MID)
    before = copy.deepcopy(_declaration(window))
    assert window.document is not None
    steps = window.document.undo_stack.count()
    page.copy_to_other()  # 中期 → 年度, the whole tree
    assert len(answer_yes) == 1
    listed = answer_yes[0]
    # The 13 paired rows whose 指标值 or 指标解释 differ; equal ones are not listed.
    assert "年度绩效指标中以下 13 条同名指标将被覆盖" in listed
    assert "经济成本指标/重点片区建设项目支出成本" in listed
    assert "社会效益指标/对提升区域品牌影响力的促进程度" in listed  # same value, own 指标解释
    assert "形成VI系统设计成果数量" not in listed and "项目成果验收通过率" not in listed
    # 可持续影响指标 is 不适用 in 年度 and has rows in 中期: the mark is lifted.
    annual = _declaration(window).categories
    assert not annual[9].not_applicable and len(annual[9].indicators) == 2
    assert window.document.undo_stack.count() == steps + 1
    window.document.undo_stack.undo()
    assert _declaration(window) == before


def test_declining_the_confirmation_copies_nothing(
    open_window: OpenWindow, store: DeclarationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No)
    )
    window = open_window(import_new(store, _project()))
    page = _page(window)
    before = copy.deepcopy(_declaration(window))
    page.copy_to_other()
    assert _declaration(window) == before and page.horizon() == ANNUAL


def test_undo_of_an_edit_in_the_hidden_tree_shows_that_tree(
    qtbot: QtBot, open_window: OpenWindow, store: DeclarationStore
) -> None:
    window = open_window(import_new(store, _project()))
    page = _page(window)
    page.show_horizon(MID)
    _type(qtbot, page, COUNTS, 1, "≥2项")
    page.show_horizon(ANNUAL)
    assert window.document is not None
    window.document.undo_stack.undo()
    assert page.horizon() == MID
    assert page.model.indicator_index(COUNTS, 1, Column.VALUE).data() == "≥1项"
    page.show_horizon(ANNUAL)
    window.document.undo_stack.redo()
    assert page.horizon() == MID
    assert page.model.indicator_index(COUNTS, 1, Column.VALUE).data() == "≥2项"


def test_the_first_mid_term_edit_creates_it_and_undo_removes_it_again(
    open_window: OpenWindow, store: DeclarationStore
) -> None:
    project = _project()
    project.mid_term = None
    window = open_window(import_new(store, project))
    page = _page(window)
    before = copy.deepcopy(_declaration(window))
    key_click(page.panel.view, Qt.Key.Key_F7)
    assert page.model.rowCount(page.model.category_index(COUNTS)) == 0
    assert _declaration(window).mid_term is None  # looking creates nothing
    assert page.panel.empty_label.isVisibleTo(page)
    assert "复制到中期" in page.panel.empty_label.text()
    page.panel.view.setCurrentIndex(page.model.category_index(COUNTS))
    page.panel.ops.add(edit=False)
    mid = _declaration(window).mid_term
    assert mid is not None and len(mid.categories[COUNTS].indicators) == 1
    assert window.document is not None
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert _declaration(window) == before


def test_a_jump_to_a_mid_term_indicator_switches_and_selects_it(
    open_window: OpenWindow, store: DeclarationStore
) -> None:
    window = open_window(import_new(store, _project()))
    assert window.editor is not None
    page = _page(window)
    # 中期 document rows: 3 cost rows, two 不适用, then 数量指标 (row 5 = its first row).
    assert go_to_where(window.editor, "mid_term.indicators[6].value")
    assert window.editor.currentIndex() == 3
    assert page.horizon() == MID
    current = page.panel.view.currentIndex()
    assert (page.model.category_of(current), current.row(), current.column()) == (
        COUNTS, 1, Column.VALUE,
    )  # fmt: skip
    assert current.data() == "≥1项"
    assert go_to_where(window.editor, "indicators[0].name")
    assert page.horizon() == ANNUAL
    current = page.panel.view.currentIndex()
    assert (page.model.category_of(current), current.row()) == (COST, 0)
    assert go_to_where(window.editor, "mid_term.indicators[3]")  # a 不适用 row
    assert page.horizon() == MID
    assert page.panel.view.currentIndex().data() == "不适用"
    assert not go_to_where(window.editor, "mid_term.indicators[99].value")


def test_the_edit_menu_offers_the_page_actions(
    open_window: OpenWindow, store: DeclarationStore
) -> None:
    window = open_window(import_new(store, _project()))
    page = _page(window)
    menu = window.window_actions.indicator_menu
    assert menu is not None
    names = {a.objectName() for a in menu.actions()}
    assert {"copyToOtherHorizonAction", "switchHorizonAction", "addIndicatorAction"} <= names
    assert names == set(page.actions_by_name)
    tree_actions = {a.objectName() for a in page.panel.view.actions()}
    assert "copyToOtherHorizonAction" in tree_actions  # the right-click menu


def test_an_annual_only_profile_has_no_switch_and_no_other_column(
    open_window: OpenWindow, store: DeclarationStore
) -> None:
    window = open_window(import_new(store, _project(ANNUAL_ONLY)))
    page = _page(window)
    assert page.switch is None and page.findChild(HorizonSwitch) is None
    assert page.model.columnCount() == len(Column) - 1
    assert "copyToOtherHorizonAction" not in page.actions_by_name
    assert "switchHorizonAction" not in page.actions_by_name
    key_click(page.panel.view, Qt.Key.Key_F7)
    assert page.horizon() == ANNUAL
    assert not page.focus_where("mid_term.indicators[0]")
    assert page.focus_where("indicators[0].value")
    assert page.panel.view.currentIndex().column() == Column.VALUE


def test_read_only_viewing_keeps_the_switch_but_refuses_edits(
    qtbot: QtBot, open_window: OpenWindow, store: DeclarationStore, answer_yes: list[str]
) -> None:
    project_id = import_new(store, _project())
    first = open_window(project_id)
    second = open_window(project_id)
    assert second.read_only is not None
    page = _page(second)
    switch = page.findChild(HorizonSwitch)
    assert switch is not None
    assert switch.buttons[MID].property(read_only.VIEW_CONTROL) is True
    assert switch.buttons[MID].isEnabled() and switch.buttons[ANNUAL].isEnabled()
    switch.buttons[MID].click()
    assert page.horizon() == MID
    key_click(page.panel.view, Qt.Key.Key_F7)
    assert page.horizon() == ANNUAL
    view = page.panel.view
    assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    before = copy.deepcopy(_declaration(second))
    page.copy_to_other()  # e.g. from the 编辑 menu: taken back at once
    qtbot.waitUntil(lambda: _declaration(second) == before, timeout=3000)
    first.close()
    assert store.load(project_id) == before


def test_the_library_adds_to_the_tree_shown_and_marks_mid_term_totals(
    open_window: OpenWindow, store: DeclarationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from ui.library.dialog import MID_TOTAL_NOTE, IndicatorLibraryDialog

    window = open_window(import_new(store, _project()))
    page = _page(window)
    page.show_horizon(MID)
    page.panel.view.setCurrentIndex(page.model.category_index(COUNTS))
    seen: dict[str, list[str]] = {}

    def pick(dialog: IndicatorLibraryDialog) -> int:
        seen["title"] = [dialog.windowTitle()]
        dialog.all_categories.setChecked(True)
        seen["texts"] = [dialog.results.item(r).text() for r in range(dialog.results.count())]
        dialog.all_categories.setChecked(False)
        dialog.results.setCurrentRow(0)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(IndicatorLibraryDialog, "exec", pick)
    annual = copy.deepcopy(_declaration(window).categories)
    mid_rows = len(page.model.categories[COUNTS].indicators)
    page.panel.open_library()
    assert "中期" in seen["title"][0]
    marked = [t for t in seen["texts"] if MID_TOTAL_NOTE in t]
    # Counts and amounts are marked; rates and satisfaction are not.
    assert marked and all("%" not in t.split("\n")[0] for t in marked)
    assert any("满意度" in t.split("\n")[0] and MID_TOTAL_NOTE not in t for t in seen["texts"])
    declaration = _declaration(window)
    assert declaration.mid_term is not None
    assert len(declaration.mid_term.categories[COUNTS].indicators) == mid_rows + 1
    assert declaration.categories == annual

    page.show_horizon(ANNUAL)  # the 年度 library marks nothing
    page.panel.view.setCurrentIndex(page.model.category_index(COUNTS))
    page.panel.open_library()
    assert "中期" not in seen["title"][0]
    assert not any(MID_TOTAL_NOTE in t for t in seen["texts"])
    assert len(declaration.categories[COUNTS].indicators) == len(annual[COUNTS].indicators) + 1
