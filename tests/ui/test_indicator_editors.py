"""The cell editors of the indicator tree, driven through the view as a user would.

对应目标: a checklist of 目标N with the first words of each goal; 指标值: typed text, the
operator / number / unit picker and the profile's grade words (a grade fills an empty 指标解释).
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QWidget

from desktop.domain.model import Indicator
from tests.qtkeys import key_click, key_clicks, mouse_click
from ui.document import DeclarationDocument
from ui.indicators.delegates import GoalsEditor, ValueEditor
from ui.indicators.model import Column
from ui.indicators.panel import IndicatorPanel
from ui.indicators.value_picker import ValuePickerPopup

#: The offscreen platform cannot raise a popup window or let it grab the keyboard.
popup_warnings = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@pytest.fixture
def panel(qtbot: QtBot, seed_document: DeclarationDocument) -> IndicatorPanel:
    made = IndicatorPanel(seed_document)
    qtbot.addWidget(made)
    made.resize(1100, 700)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    return made


def _edit(qtbot: QtBot, panel: IndicatorPanel, cat: int, row: int, column: int) -> QWidget:
    """Put the cursor on a cell and press F2; returns the cell's editor."""
    view = panel.view
    view.setFocus()
    view.setCurrentIndex(panel.model.indicator_index(cat, row, column))
    key_click(view, Qt.Key.Key_F2)
    assert view.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert editor is not None
    return editor


def _commit(qtbot: QtBot, panel: IndicatorPanel) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    key_click(focused, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.view.state() != QAbstractItemView.State.EditingState)


def test_goals_checklist_shows_each_goal_and_stores_the_ticked_ones(
    qtbot: QtBot, panel: IndicatorPanel, seed_document: DeclarationDocument
) -> None:
    indicator = seed_document.declaration.categories[0].indicators[0]
    before = list(indicator.goals)
    editor = _edit(qtbot, panel, 0, 0, Column.GOALS)
    assert isinstance(editor, GoalsEditor)
    goals = seed_document.declaration.goals
    texts = [editor.item(r).text() for r in range(editor.count())]
    assert len(texts) == len(goals)
    assert texts[1].startswith("目标2") and goals[1].strip()[:8] in texts[1]
    assert editor.checked() == before
    # Keyboard: down to 目标2, Space ticks it, Enter commits (and must not tick it again).
    editor.setCurrentRow(0)
    key_click(editor, Qt.Key.Key_Down)
    key_click(editor, Qt.Key.Key_Space)
    _commit(qtbot, panel)
    wanted = sorted({*before, 2} ^ ({2} if 2 in before else set()))
    assert indicator.goals == wanted
    assert panel.model.indicator_index(0, 0, Column.GOALS).data() == "、".join(map(str, wanted))
    seed_document.undo_stack.undo()
    assert indicator.goals == before


def test_goals_checklist_ticks_with_a_click_on_the_text(
    qtbot: QtBot, panel: IndicatorPanel, seed_document: DeclarationDocument
) -> None:
    indicator = seed_document.declaration.categories[0].indicators[1]
    indicator.goals = []
    editor = _edit(qtbot, panel, 0, 1, Column.GOALS)
    assert isinstance(editor, GoalsEditor)
    rect = editor.visualItemRect(editor.item(2))
    mouse_click(
        editor.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.right() - 10, rect.center().y()),
    )
    assert editor.checked() == [3]
    _commit(qtbot, panel)
    assert indicator.goals == [3]


def test_goals_checklist_without_goals_says_where_to_write_them(
    qtbot: QtBot, panel: IndicatorPanel, seed_document: DeclarationDocument
) -> None:
    seed_document.declaration.goals = []
    editor = _edit(qtbot, panel, 0, 0, Column.GOALS)
    assert isinstance(editor, GoalsEditor)
    assert editor.count() == 1 and "总体目标" in editor.item(0).text()


@popup_warnings
def test_value_picker_composes_operator_number_and_unit(
    qtbot: QtBot, panel: IndicatorPanel, seed_document: DeclarationDocument
) -> None:
    indicator = seed_document.declaration.categories[0].indicators[0]
    before = indicator.value
    editor = _edit(qtbot, panel, 0, 0, Column.VALUE)
    assert isinstance(editor, ValueEditor) and editor.text() == before
    picker_action = next(a for a in editor.menu.actions() if a.text().startswith("数值与单位"))
    picker_action.trigger()
    popup = editor.findChild(ValuePickerPopup)
    assert popup is not None and popup.isVisible()
    popup.operator.setCurrentText("≥")
    popup.number.clear()
    key_clicks(popup.number, "95")
    popup.unit.setCurrentText("%")
    key_click(popup.number, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert editor.text() == "≥95%"
    assert panel.view.state() == QAbstractItemView.State.EditingState  # still editing the cell
    assert QApplication.focusWidget() is editor
    _commit(qtbot, panel)
    assert indicator.value == "≥95%"
    seed_document.undo_stack.undo()
    assert indicator.value == before


@popup_warnings
def test_value_picker_starts_from_the_cell_text(qtbot: QtBot, panel: IndicatorPanel) -> None:
    editor = _edit(qtbot, panel, 0, 0, Column.VALUE)
    assert isinstance(editor, ValueEditor)
    editor.setText("≤3个工作日")
    next(a for a in editor.menu.actions() if a.text().startswith("数值与单位")).trigger()
    popup = editor.findChild(ValuePickerPopup)
    assert popup is not None
    assert (popup.operator.currentText(), popup.number.text(), popup.unit.currentText()) == (
        "≤",
        "3",
        "个工作日",
    )


def test_choosing_a_grade_fills_an_empty_explanation_and_undoes_as_one_step(
    qtbot: QtBot, panel: IndicatorPanel, seed_document: DeclarationDocument
) -> None:
    panel.ops.insert((0, 0), [Indicator(name="片区影响力")])
    indicator = seed_document.declaration.categories[0].indicators[0]
    editor = _edit(qtbot, panel, 0, 0, Column.VALUE)
    assert isinstance(editor, ValueEditor)
    # QAction.menu() is typed as QObject in PySide6; the submenus are QMenus
    grade_menus = [m for a in editor.menu.actions() if isinstance(m := a.menu(), QMenu)]
    assert grade_menus, "the profile's qualitative grades are offered"
    words = [a.text() for m in grade_menus for a in m.actions()]
    assert any(w.startswith("显著（") for w in words)
    significant = next(a for m in grade_menus for a in m.actions() if a.text().startswith("显著"))
    significant.trigger()
    assert editor.text() == "显著"
    _commit(qtbot, panel)
    scale = seed_document.profile.scale_for("显著")
    assert scale is not None
    assert indicator.value == "显著" and indicator.explanation == scale.explanation()
    shown = panel.model.indicator_index(0, 0, Column.EXPLANATION).data()
    assert "“显著”则为" in shown
    seed_document.undo_stack.undo()  # one step takes back value and explanation
    assert (indicator.value, indicator.explanation) == ("", "")
    seed_document.undo_stack.undo()
    assert seed_document.declaration.categories[0].indicators[0] is not indicator


def test_a_grade_never_overwrites_a_written_explanation(
    qtbot: QtBot, panel: IndicatorPanel, seed_document: DeclarationDocument
) -> None:
    indicator = seed_document.declaration.categories[0].indicators[0]
    written = indicator.explanation
    assert written
    editor = _edit(qtbot, panel, 0, 0, Column.VALUE)
    assert isinstance(editor, ValueEditor)
    editor.clear()
    key_clicks(editor, "")
    editor.setText("明显")
    _commit(qtbot, panel)
    assert (indicator.value, indicator.explanation) == ("明显", written)


def test_goals_checklist_of_a_row_near_the_bottom_stays_inside_the_table(
    qtbot: QtBot, panel: IndicatorPanel
) -> None:
    view, model = panel.view, panel.model
    last = max((c, len(cat.indicators) - 1) for c, cat in enumerate(model.categories) if cat.indicators)
    # The tree scrolls by rows: put the last indicator row at the bottom of the table.
    view.scrollTo(model.indicator_index(*last), QAbstractItemView.ScrollHint.PositionAtBottom)
    height = view.viewport().height()
    shown = [
        (view.visualRect(model.indicator_index(c, r, Column.GOALS)).bottom(), c, r)
        for c, category in enumerate(model.categories)
        for r in range(len(category.indicators))
    ]
    bottom, last_cat, last_row = max(s for s in shown if s[0] < height)
    assert bottom > height - 100  # the lowest row on screen
    editor = _edit(qtbot, panel, last_cat, last_row, Column.GOALS)
    assert isinstance(editor, GoalsEditor)
    assert editor.geometry().bottom() < view.viewport().height()
    assert editor.geometry().top() >= 0
