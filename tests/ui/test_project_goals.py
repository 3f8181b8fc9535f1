"""A project's 总体目标 in the window: goals typed in the 中期 and 年度 lists are saved and come
back, copy between the lists is one undo step, findings mark and jump to the right list."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPlainTextEdit, QToolButton

from desktop.app import make_main_window
from desktop.domain.project import ProjectDeclaration
from desktop.exchange.canonical import content_key
from desktop.exchange.reader import read_json_file
from desktop.services.revisions import import_new
from desktop.services.store import DeclarationStore
from tests.conftest import FIXTURES
from tests.qtkeys import key_click, key_clicks
from tests.ui.cut_off import cut_off_widgets
from ui.goals.editor import GoalsEditor
from ui.goals.model import GoalColumn
from ui.main_window import MainWindow
from ui.project.goals_panel import ProjectGoalsPage
from ui.project.side_by_side import WIDE_WINDOW
from ui.sections import section_index

ZDPQ = FIXTURES / "project-futian-2026-zdpq.json"
ANNUAL_ONLY = FIXTURES / "project-annual-example.json"
OpenProject = Callable[[Path], tuple[MainWindow, int]]


@pytest.fixture
def open_project(qtbot: QtBot, store: DeclarationStore, db_path: Path) -> OpenProject:
    def open_(path: Path) -> tuple[MainWindow, int]:
        declaration_id = import_new(store, read_json_file(path).declaration)
        window = make_main_window(db_path, declaration_id)
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # shortcuts (Insert) reach only the active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window, declaration_id

    return open_


def _page(window: MainWindow) -> ProjectGoalsPage:
    assert window.editor is not None
    window.editor.setCurrentIndex(section_index("总体目标"))
    page = window.editor.page("projectGoalsEditor")
    assert isinstance(page, ProjectGoalsPage)
    return page


def _project(window: MainWindow) -> ProjectDeclaration:
    assert window.document is not None and window.document.project is not None
    return window.document.project


def _type_new_goal(qtbot: QtBot, editor: GoalsEditor, text: str) -> None:
    """Insert a goal after the last one and type it, as a user does."""
    view = editor.view
    view.setFocus()
    if editor.model.rowCount():
        view.setCurrentIndex(editor.model.index(editor.model.rowCount() - 1, GoalColumn.TEXT))
    key_click(view, Qt.Key.Key_Insert)
    typing = view.focusWidget()
    assert isinstance(typing, QPlainTextEdit)
    # QTest types ASCII only: Chinese runs are committed as an input method does.
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            key_clicks(typing, run)
        else:
            typing.insertPlainText(run)
    key_click(typing, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def _select(editor: GoalsEditor, rows: list[int]) -> None:
    model, selection = editor.model, editor.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag
    selection.setCurrentIndex(model.index(rows[0], 0), flags.ClearAndSelect | flags.Rows)
    for row in rows[1:]:
        selection.select(model.index(row, 0), flags.Select | flags.Rows)


def test_goals_typed_in_each_list_are_saved_and_reopened(
    qtbot: QtBot, open_project: OpenProject, store: DeclarationStore
) -> None:
    window, declaration_id = open_project(ZDPQ)
    page = _page(window)
    assert page.mid is not None
    _type_new_goal(qtbot, page.mid, "实施期内累计完成档案数字化不少于40000卷。")
    _type_new_goal(qtbot, page.annual, "年内完成档案数字化不少于20000卷。")
    assert window.flush()
    stored = store.load(declaration_id)
    assert isinstance(stored, ProjectDeclaration) and stored.mid_term is not None
    assert stored.mid_term.goals[-1] == "实施期内累计完成档案数字化不少于40000卷。"
    assert stored.goals[-1] == "年内完成档案数字化不少于20000卷。"
    assert len(stored.goals) == len(stored.mid_term.goals) == 6

    window.close_declaration()
    window.open_declaration(declaration_id)
    reopened = _page(window)
    assert reopened.mid is not None
    assert reopened.mid.model.index(5, 0).data() == "实施期内累计完成档案数字化不少于40000卷。"
    assert reopened.annual.model.index(5, 0).data() == "年内完成档案数字化不少于20000卷。"
    assert reopened.annual.model.headerData(5, Qt.Orientation.Vertical) == "目标6"


def test_the_first_mid_goal_creates_the_horizon_and_undo_removes_it(
    qtbot: QtBot, open_project: OpenProject, store: DeclarationStore
) -> None:
    window, declaration_id = open_project(ZDPQ)
    project = _project(window)
    project.mid_term = None  # a project whose 中期 side is still empty
    assert window.document is not None
    window.document.replace(project, window.document.profile)
    page = _page(window)
    assert page.mid is not None and page.mid.model.rowCount() == 0
    assert page.mid.empty.isVisible()
    before = copy.deepcopy(project)
    _type_new_goal(qtbot, page.mid, "实施期内累计开展巡查不少于12次。")
    assert project.mid_term is not None and project.mid_term.goals == [
        "实施期内累计开展巡查不少于12次。"
    ]
    assert window.flush()
    stored = store.load(declaration_id)
    assert isinstance(stored, ProjectDeclaration) and stored.mid_term is not None
    assert stored.mid_term.goals == ["实施期内累计开展巡查不少于12次。"]

    stack = window.document.undo_stack
    while stack.canUndo():
        stack.undo()
    assert project.mid_term is None and project == before
    assert page.mid.model.rowCount() == 0
    stack.redo()
    assert project.mid_term is not None and page.mid.model.rowCount() == 1


def test_copy_to_annual_is_one_undo_step_and_skips_duplicates(
    qtbot: QtBot, open_project: OpenProject, store: DeclarationStore
) -> None:
    window, declaration_id = open_project(ZDPQ)
    page = _page(window)
    assert page.mid is not None and window.document is not None
    project = _project(window)
    assert project.mid_term is not None
    # 年度 目标1 already repeats 中期 目标1 except for punctuation (as G08 compares them).
    project.goals[0] = project.mid_term.goals[0].replace("，", ",").rstrip("。")
    before = copy.deepcopy(project)
    stack = window.document.undo_stack
    steps = stack.count()
    _select(page.mid, [0, 2, 3])
    action = page.findChild(QAction, "copyToAnnualAction")
    assert isinstance(action, QAction) and action.text() == "复制到年度"
    assert action in page.mid.view.actions()  # the list's context menu lists it
    policy = page.mid.view.contextMenuPolicy()
    assert policy == Qt.ContextMenuPolicy.ActionsContextMenu
    buttons = [b for b in page.mid.findChildren(QToolButton) if b.defaultAction() is action]
    assert len(buttons) == 1 and buttons[0].isVisible()
    buttons[0].click()
    assert stack.count() == steps + 1
    assert project.goals[5:] == [project.mid_term.goals[2], project.mid_term.goals[3]]
    assert page.annual.model.rowCount() == 7
    assert page.mid.status.text() == (
        "已复制 2 个目标到年度目标末尾；跳过 1 个年度目标中已有的重复目标"
    )
    assert window.flush()
    stored = store.load(declaration_id)
    assert stored.goals[5:] == project.goals[5:]

    stack.undo()
    assert project == before and page.annual.model.rowCount() == 5
    stack.redo()
    assert len(project.goals) == 7


def test_copy_to_mid_creates_the_horizon_and_undo_restores_exactly(
    open_project: OpenProject,
) -> None:
    window, _ = open_project(ZDPQ)
    project = _project(window)
    project.mid_term = None
    assert window.document is not None
    window.document.replace(project, window.document.profile)
    page = _page(window)
    assert page.mid is not None
    before = content_key(project), copy.deepcopy(project)
    _select(page.annual, [1, 0])
    page.copy_selected("annual")
    assert project.mid_term is not None and project.mid_term.goals == project.goals[:2]
    assert page.mid.model.rowCount() == 2
    window.document.undo_stack.undo()
    assert project.mid_term is None and project == before[1]
    assert content_key(project) == before[0]


def test_findings_mark_the_rows_of_their_list_and_jump_there(
    qtbot: QtBot, open_project: OpenProject
) -> None:
    window, _ = open_project(ZDPQ)
    page = _page(window)
    assert page.mid is not None
    project = _project(window)
    assert project.mid_term is not None
    # G08: 年度 目标3 repeats a 中期 goal; a vague 中期 goal draws goal findings on the 中期 list.
    project.goals[2] = project.mid_term.goals[1]
    _type_new_goal(qtbot, page.mid, "加强管理")
    window.window_actions["checkAction"].trigger()
    findings = window.checks.checker.findings
    g08 = next(f for f in findings if f.rule == "G08")
    assert g08.where == "goals[2]"
    mid_goal = next(f for f in findings if f.where == "mid_term.goals[5]")

    decoration = Qt.ItemDataRole.DecorationRole
    assert page.annual.model.index(2, GoalColumn.TEXT).data(decoration) is not None
    assert page.annual.model.index(0, GoalColumn.TEXT).data(decoration) is None
    assert page.mid.model.index(5, GoalColumn.TEXT).data(decoration) is not None
    assert mid_goal.rule in str(page.mid.model.index(5, 0).data(Qt.ItemDataRole.ToolTipRole))

    assert window.editor is not None
    window.editor.setCurrentIndex(section_index("基本信息"))
    window.checks.jump_to(mid_goal.where)
    assert window.editor.currentIndex() == section_index("总体目标")
    assert page.mid.view.currentIndex().row() == 5 and page.mid.view.hasFocus()
    window.checks.jump_to(g08.where)
    assert page.annual.view.currentIndex().row() == 2 and page.annual.view.hasFocus()
    assert page.focus_where("goals") and page.annual.view.hasFocus()
    assert page.focus_where("mid_term.goals") and page.mid.view.hasFocus()
    assert not page.focus_where("mid_term.goals[40]")
    assert not page.focus_where("funds.fiscal")


def test_the_window_width_decides_in_the_main_window(open_project: OpenProject) -> None:
    window, _ = open_project(ZDPQ)
    page = _page(window)
    assert page.switch is not None
    QApplication.processEvents()
    # The page is narrower than the window (navigator, findings dock), yet side by side…
    assert page.switch.side_by_side and page.width() < WIDE_WINDOW
    # …and nothing is cut off: the page is at least as wide as it needs.
    assert page.width() >= page.minimumSizeHint().width()
    for pane in page.panes.values():
        assert pane.editor.view.width() > 300
        buttons = pane.findChildren(QToolButton)
        assert len(buttons) == 7  # 添加 删除 上移 下移 复制 粘贴 + 复制到年度/复制到中期
        for button in buttons:  # every button shown whole inside its pane (they wrap)
            right = button.mapTo(pane, button.rect().topRight()).x()
            assert button.isVisible() and right < pane.width()
    assert cut_off_widgets(page) == []
    window.resize(WIDE_WINDOW - 80, 800)
    QApplication.processEvents()
    assert not page.switch.side_by_side
    assert cut_off_widgets(page) == []
    window.resize(1366, 768)
    QApplication.processEvents()
    assert page.switch.side_by_side


def test_an_annual_only_project_shows_one_list(open_project: OpenProject) -> None:
    window, _ = open_project(ANNUAL_ONLY)
    page = _page(window)
    assert page.mid is None and page.switch is None
    assert page.panes["annual"].heading.text() == "年度总体目标"
    assert page.annual.isVisible() and page.annual.model.rowCount() == 3
    QApplication.processEvents()
    assert cut_off_widgets(page) == []
    assert not page.focus_where("mid_term.goals[0]")
    assert page.focus_where("goals[1]") and page.annual.view.currentIndex().row() == 1
