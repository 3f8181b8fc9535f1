"""What Excel/WPS users expect in the first hour, on the real widgets with real key presses."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.domain.model import Declaration
from desktop.domain.profile import load_profile
from desktop.exchange.reader import read_json_file
from tests.qtkeys import key_click
from ui.budget.model import Column as TaskColumn
from ui.budget.panel import BudgetPanel
from ui.document import DeclarationDocument
from ui.goals.editor import GoalsEditor
from ui.goals.model import GoalColumn
from ui.indicators.model import Column
from ui.indicators.panel import IndicatorPanel
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SELECT = QItemSelectionModel.SelectionFlag


@pytest.fixture
def declaration(seed_path: Path) -> Declaration:
    return read_json_file(seed_path).declaration


def _shown(qtbot: QtBot, widget: QWidget, view: QAbstractItemView) -> None:
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    view.setFocus()


def _document(declaration: Declaration) -> DeclarationDocument:
    return DeclarationDocument(declaration, load_profile(declaration.profile_id))


def _select(view: QAbstractItemView, cells: list[tuple[int, int]]) -> None:
    """Select cells as clicks would (whole rows in a view that selects rows)."""
    model = view.model()
    selection = view.selectionModel()
    rows = (
        SELECT.Rows
        if view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
        else SELECT.NoUpdate
    )
    selection.setCurrentIndex(model.index(*cells[0]), SELECT.ClearAndSelect | rows)
    for row, column in cells[1:]:
        selection.select(model.index(row, column), SELECT.Select | rows)


# -- tasks ------------------------------------------------------------------------------------
@pytest.fixture
def tasks(qtbot: QtBot, declaration: Declaration) -> BudgetPanel:
    panel = BudgetPanel(_document(declaration))
    _shown(qtbot, panel, panel.view)
    return panel


def test_delete_and_backspace_clear_task_cells_in_one_step(
    qtbot: QtBot, tasks: BudgetPanel, declaration: Declaration
) -> None:
    names = [t.name for t in declaration.tasks]
    _select(tasks.view, [(0, TaskColumn.CONTENT), (1, TaskColumn.CONTENT), (1, TaskColumn.FISCAL)])
    key_click(tasks.view, Qt.Key.Key_Delete)
    assert [t.name for t in declaration.tasks] == names  # no row went away
    assert declaration.tasks[0].content == declaration.tasks[1].content == ""
    assert declaration.tasks[1].fiscal == Decimal(0)
    tasks.document.undo_stack.undo()  # one step brings all three back
    assert declaration.tasks[0].content and declaration.tasks[1].fiscal > 0
    _select(tasks.view, [(2, TaskColumn.NAME)])
    key_click(tasks.view, Qt.Key.Key_Backspace)
    assert declaration.tasks[2].name == "" and len(declaration.tasks) == len(names)


def test_ctrl_delete_removes_task_rows(
    qtbot: QtBot, tasks: BudgetPanel, declaration: Declaration
) -> None:
    count = len(declaration.tasks)
    _select(tasks.view, [(0, TaskColumn.NAME)])
    key_click(tasks.view, Qt.Key.Key_Delete, CTRL)
    assert len(declaration.tasks) == count - 1


def test_ctrl_c_copies_the_selected_task_block(
    qtbot: QtBot, tasks: BudgetPanel, declaration: Declaration
) -> None:
    _select(
        tasks.view,
        [(r, c) for r in (0, 1) for c in (TaskColumn.NAME, TaskColumn.CONTENT, TaskColumn.TOTAL)],
    )
    key_click(tasks.view, Qt.Key.Key_C, CTRL)
    rows = QGuiApplication.clipboard().text().split("\r\n")
    first, second = declaration.tasks[0], declaration.tasks[1]
    assert rows[0].split("\t")[0] == first.name
    assert rows[1].split("\t")[0] == second.name
    assert rows[1].split("\t")[2] == format(second.total, "f")  # a number Excel can add up
    assert rows[2] == ""  # two rows, ended by CRLF as Excel copies them


def test_tab_leaves_the_task_table_from_its_last_cell_and_ctrl_tab_always(
    qtbot: QtBot, tasks: BudgetPanel, declaration: Declaration
) -> None:
    view = tasks.view
    last = len(declaration.tasks) - 1
    _select(view, [(0, TaskColumn.NAME)])
    key_click(view, Qt.Key.Key_Tab)
    assert view.hasFocus() and view.currentIndex().column() == TaskColumn.CONTENT
    key_click(view, Qt.Key.Key_Tab, CTRL)
    focus = QApplication.focusWidget()
    assert not view.hasFocus() and (focus is None or not view.isAncestorOf(focus))
    view.setFocus()
    _select(view, [(last, TaskColumn.OTHER)])
    key_click(view, Qt.Key.Key_Tab)
    assert not view.hasFocus()


# -- goals ------------------------------------------------------------------------------------
@pytest.fixture
def goals(qtbot: QtBot, declaration: Declaration) -> GoalsEditor:
    editor = GoalsEditor(_document(declaration))
    _shown(qtbot, editor, editor.view)
    return editor


def test_delete_clears_goals_and_ctrl_delete_removes_them(
    qtbot: QtBot, goals: GoalsEditor, declaration: Declaration
) -> None:
    count = len(declaration.goals)
    _select(goals.view, [(0, GoalColumn.TEXT), (2, GoalColumn.TEXT)])
    key_click(goals.view, Qt.Key.Key_Delete)
    assert len(declaration.goals) == count
    assert declaration.goals[0] == declaration.goals[2] == ""
    goals.document.undo_stack.undo()
    assert declaration.goals[0] and declaration.goals[2]
    _select(goals.view, [(0, GoalColumn.TEXT)])
    key_click(goals.view, Qt.Key.Key_Delete, CTRL)
    assert len(declaration.goals) == count - 1


def test_goals_copy_and_paste_with_ctrl_c_and_ctrl_v(
    qtbot: QtBot, goals: GoalsEditor, declaration: Declaration
) -> None:
    texts = list(declaration.goals)
    _select(goals.view, [(0, GoalColumn.TEXT), (1, GoalColumn.TEXT)])
    key_click(goals.view, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == f"{texts[0]}\r\n{texts[1]}\r\n"
    # Two cells: new goals below the current one, one undo step.
    _select(goals.view, [(2, GoalColumn.TEXT)])
    key_click(goals.view, Qt.Key.Key_V, CTRL)
    assert declaration.goals == [*texts[:3], texts[0], texts[1], *texts[3:]]
    goals.document.undo_stack.undo()
    # One cell replaces the current goal, without a typed 目标N： prefix.
    QGuiApplication.clipboard().setText("目标1：组织业务培训不少于 2 次\r\n")
    _select(goals.view, [(1, GoalColumn.TEXT)])
    key_click(goals.view, Qt.Key.Key_V, CTRL)
    assert declaration.goals[1] == "组织业务培训不少于 2 次"
    assert len(declaration.goals) == len(texts)


def test_a_typed_goal_prefix_is_dropped(
    qtbot: QtBot, goals: GoalsEditor, declaration: Declaration
) -> None:
    _select(goals.view, [(1, GoalColumn.TEXT)])
    goals.view.edit(goals.model.index(1, GoalColumn.TEXT))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QPlainTextEdit)  # the goal text editor, not the view
    editor.selectAll()
    for ch in "目标2：完成年度预算编制":  # QTest sends only Latin-1 keys
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                editor, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )
    key_click(editor, Qt.Key.Key_Return, CTRL)  # Enter starts a new line in a goal
    qtbot.waitUntil(
        lambda: declaration.goals[1] == "完成年度预算编制"
    )  # 目标2： is printed by the form


def test_tab_leaves_the_goals_list(qtbot: QtBot, goals: GoalsEditor) -> None:
    _select(goals.view, [(0, GoalColumn.TEXT)])
    key_click(goals.view, Qt.Key.Key_Tab)
    assert not goals.view.hasFocus()


# -- indicators ---------------------------------------------------------------------------------
@pytest.fixture
def indicators(qtbot: QtBot, declaration: Declaration) -> IndicatorPanel:
    panel = IndicatorPanel(_document(declaration))
    _shown(qtbot, panel, panel.view)
    return panel


def _current(panel: IndicatorPanel, cat: int, row: int, column: int) -> None:
    index = panel.model.indicator_index(cat, row, column)
    panel.view.selectionModel().setCurrentIndex(index, SELECT.ClearAndSelect | SELECT.Rows)


def test_delete_clears_the_current_column_of_the_selected_indicator_rows(
    qtbot: QtBot, indicators: IndicatorPanel, declaration: Declaration
) -> None:
    rows = declaration.categories[0].indicators
    count = len(rows)
    _current(indicators, 0, 0, Column.EXPLANATION)
    model = indicators.model
    indicators.view.selectionModel().select(
        model.indicator_index(0, 1), SELECT.Select | SELECT.Rows
    )
    key_click(indicators.view, Qt.Key.Key_Delete)
    assert rows[0].explanation == rows[1].explanation == ""
    assert rows[0].name and len(rows) == count
    indicators.document.undo_stack.undo()
    assert rows[0].explanation and rows[1].explanation
    _current(indicators, 0, 2, Column.VALUE)
    key_click(indicators.view, Qt.Key.Key_Backspace)
    assert rows[2].value == ""
    key_click(indicators.view, Qt.Key.Key_Delete, CTRL)
    assert len(rows) == count - 1


def test_ctrl_v_without_a_current_row_pastes_into_the_first_category(
    qtbot: QtBot, indicators: IndicatorPanel, declaration: Declaration
) -> None:
    indicators.view.setCurrentIndex(indicators.model.index(-1, 0))
    assert not indicators.view.currentIndex().isValid()
    QGuiApplication.clipboard().setText("新指标甲\t≥2次\t\t说明\r\n新指标乙\t100%\t\t说明\r\n")
    key_click(indicators.view, Qt.Key.Key_V, CTRL)
    assert [i.name for i in declaration.categories[0].indicators[-2:]] == ["新指标甲", "新指标乙"]
    indicators.document.undo_stack.undo()  # one step
    assert "新指标甲" not in [i.name for _, i in declaration.iter_indicators()]


def test_a_row_of_our_own_sheet_pastes_into_its_category(
    qtbot: QtBot, indicators: IndicatorPanel, declaration: Declaration
) -> None:
    _current(indicators, 0, 0, Column.NAME)
    QGuiApplication.clipboard().setText(
        "序号\t一级指标\t二级指标\t三级指标\t计算符号\t指标值\t计量单位\t指标解释\t对应目标\r\n"
        "1\t效益指标\t社会效益指标\t群众知晓率\t≥\t90\t%\t抽样调查\t2\r\n"
    )
    key_click(indicators.view, Qt.Key.Key_V, CTRL)
    pasted = declaration.categories[5].indicators[-1]
    assert (pasted.name, pasted.value, pasted.goals) == ("群众知晓率", "≥90%", [2])
    assert "1" not in [i.name for i in declaration.categories[0].indicators]


def test_a_block_that_cannot_be_mapped_is_refused_in_words(
    qtbot: QtBot, indicators: IndicatorPanel, declaration: Declaration
) -> None:
    before = declaration.indicator_count()
    _current(indicators, 0, 0, Column.NAME)
    QGuiApplication.clipboard().setText("三级指标\t备注\r\n甲\t乙\r\n")
    key_click(indicators.view, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert "无法识别标题为“备注”的列" in indicators.status.text()
    assert declaration.indicator_count() == before


def test_ctrl_tab_leaves_the_indicator_tree(qtbot: QtBot, indicators: IndicatorPanel) -> None:
    _current(indicators, 0, 0, Column.NAME)
    key_click(indicators.view, Qt.Key.Key_Tab, CTRL)
    assert not indicators.view.hasFocus()


# -- the window -----------------------------------------------------------------------------------
def test_ctrl_number_puts_the_focus_into_the_section(
    qtbot: QtBot, seed_window: Callable[[int, int], MainWindow]
) -> None:
    window = seed_window(1400, 900)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    run = next(b for b in window.findChildren(QPushButton) if b.text() == "立即自检")
    run.setFocus()
    for number, name in (
        (2, "budgetTable"),
        (3, "goalsList"),
        (4, "indicatorTree"),
        (1, "yearSpin"),
    ):
        key_click(window, Qt.Key(Qt.Key.Key_0 + number), CTRL)
        focus = QApplication.focusWidget()
        assert focus is not None and focus.objectName() == name, number


def test_ctrl_v_in_an_empty_task_table_adds_the_rows(qtbot: QtBot, seed_path: Path) -> None:
    declaration = read_json_file(seed_path).declaration
    declaration.tasks = []
    panel = BudgetPanel(_document(declaration))
    _shown(qtbot, panel, panel.view)
    QGuiApplication.clipboard().setText("任务名称\t主要内容\t财政拨款\r\n培训\t组织培训\t12\r\n")
    key_click(panel.view, Qt.Key.Key_V, CTRL)
    assert [(t.name, t.content, t.fiscal) for t in declaration.tasks] == [
        ("培训", "组织培训", Decimal(12))
    ]
