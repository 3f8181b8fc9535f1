"""The indicator tree view: drag and drop through the view, the text filter, the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from desktop.domain.profile import load_profile
from desktop.exchange.reader import read_json_file
from tests.qtkeys import key_click
from tests.qtmodels import check_model
from ui.document import DeclarationDocument
from ui.indicators.model import Column, IndicatorTreeModel
from ui.indicators.panel import IndicatorPanel
from ui.indicators.view import IndicatorTreeView


@pytest.fixture
def panel(qtbot: QtBot, seed_document: DeclarationDocument) -> IndicatorPanel:
    made = IndicatorPanel(seed_document)
    qtbot.addWidget(made)
    made.resize(1100, 3000)  # tall: every row is on screen for the drops
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    return made


def _cat(model: IndicatorTreeModel, level2: str) -> int:
    return next(i for i, c in enumerate(model.categories) if c.level2 == level2)


def _names(model: IndicatorTreeModel, cat: int) -> list[str]:
    return [i.name for i in model.categories[cat].indicators]


# -- drag and drop ------------------------------------------------------------------------
def _drag(view: IndicatorTreeView, rows: list[tuple[int, int]]) -> QMimeData:
    """Select rows and take the mime data the view's startDrag would hand to QDrag."""
    model = view.tree_model
    view.clearSelection()
    for cat, row in rows:
        view.selectionModel().select(
            model.indicator_index(cat, row),
            view.selectionModel().SelectionFlag.Select | view.selectionModel().SelectionFlag.Rows,
        )
    dragged = [i for i in view.selectedIndexes() if model.flags(i) & Qt.ItemFlag.ItemIsDragEnabled]
    return model.mimeData(dragged)


DragArgs = tuple[Qt.DropAction, QMimeData, Qt.MouseButton, Qt.KeyboardModifier]


def _drag_event(kind: type[QDragMoveEvent], point: QPointF, args: DragArgs) -> QDragMoveEvent:
    """A drag event at ``point``; PySide6 6.8 LTS (packaging/compat) has the QPoint form only."""
    try:
        return kind(point, *args)
    except TypeError:
        return kind(point.toPoint(), *args)


def _drop(view: IndicatorTreeView, mime: QMimeData, target: QModelIndex, where: str) -> bool:
    """Drag ``mime`` over ``target`` (above, on or below it) and release, as the mouse would.

    Returns whether the view accepted the drag there (a refused spot shows the "no" cursor and
    gets no drop). Qt routes a drop only to the widget that accepted the drag's enter event.
    """
    rect = view.visualRect(target)
    y = {"above": rect.top() + 1, "on": rect.center().y(), "below": rect.bottom() - 1}[where]
    point = QPointF(rect.left() + 30, y)
    args: DragArgs = (
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = _drag_event(QDragEnterEvent, point, args)
    QApplication.sendEvent(view.viewport(), enter)
    if not enter.isAccepted():
        return False
    move = _drag_event(QDragMoveEvent, point, args)
    QApplication.sendEvent(view.viewport(), move)
    if not move.isAccepted():
        QApplication.sendEvent(view.viewport(), QDragLeaveEvent())
        return False
    QApplication.sendEvent(view.viewport(), QDropEvent(point, *args))
    return True


def test_drag_within_a_level2_through_the_view(panel: IndicatorPanel, qtmodeltester: ModelTester) -> None:
    view, model = panel.view, panel.model
    before = _names(model, 0)
    mime = _drag(view, [(0, 0)])
    assert _drop(view, mime, model.indicator_index(0, 3), "above")
    assert _names(model, 0) == [*before[1:3], before[0], *before[3:]]
    check_model(qtmodeltester, model)
    model.document.undo_stack.undo()
    assert _names(model, 0) == before


def test_drag_between_level2s_of_one_level1_through_the_view(
    panel: IndicatorPanel, qtmodeltester: ModelTester
) -> None:
    view, model = panel.view, panel.model
    quality = _cat(model, "质量指标")
    quantity_before, quality_before = _names(model, 0), _names(model, quality)
    mime = _drag(view, [(0, 0), (0, 2)])
    assert _drop(
        view, mime, model.category_index(quality), "on"
    )  # onto the 质量指标 row: at its end
    assert _names(model, quality) == [*quality_before, quantity_before[0], quantity_before[2]]
    assert len(_names(model, 0)) == len(quantity_before) - 2
    # Dropped below a row of 质量指标: after that row.
    mime = _drag(view, [(0, 0)])
    assert _drop(view, mime, model.indicator_index(quality, 0), "below")
    assert _names(model, quality)[1] == quantity_before[1]
    check_model(qtmodeltester, model)
    model.document.undo_stack.undo()
    model.document.undo_stack.undo()
    assert (_names(model, 0), _names(model, quality)) == (quantity_before, quality_before)


def test_drag_refused_across_level1_and_into_not_applicable(panel: IndicatorPanel) -> None:
    view, model = panel.view, panel.model
    document = model.document
    satisfaction = _cat(model, "服务对象满意度指标")
    social, economic = _cat(model, "社会效益指标"), _cat(model, "经济效益指标")
    snapshot = [list(c.indicators) for c in model.categories]
    steps = document.undo_stack.count()
    mime = _drag(view, [(0, 0)])
    assert not _drop(view, mime, model.category_index(satisfaction), "on")
    assert not _drop(view, mime, model.indicator_index(satisfaction, 0), "above")
    mime = _drag(view, [(social, 0)])
    assert model.categories[economic].not_applicable
    assert not _drop(view, mime, model.category_index(economic), "on")
    assert not _drop(view, mime, model.index(0, 0, model.category_index(economic)), "on")
    assert [list(c.indicators) for c in model.categories] == snapshot
    assert document.undo_stack.count() == steps
    assert model.categories[economic].not_applicable


# -- filter -------------------------------------------------------------------------------
def _visible_names(view: IndicatorTreeView) -> list[str]:
    model = view.tree_model
    shown: list[str] = []
    for cat, category in enumerate(model.categories):
        parent = model.category_index(cat)
        hidden_parent = view.isRowHidden(parent.row(), parent.parent()) or view.isRowHidden(
            parent.parent().row(), QModelIndex()
        )
        for row, indicator in enumerate(category.indicators):
            if not hidden_parent and not view.isRowHidden(row, parent):
                shown.append(indicator.name)
    return shown


def _matching(model: IndicatorTreeModel, word: str) -> list[str]:
    return [
        i.name
        for c in model.categories
        for i in c.indicators
        if word in " ".join((i.name, i.value, i.unit, i.explanation))
    ]


def test_ctrl_f_filters_and_clearing_shows_every_row(qtbot: QtBot, panel: IndicatorPanel) -> None:
    view, model = panel.view, panel.model
    view.setFocus()
    key_click(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is panel.filter
    panel.filter.insert("满意度")  # typed through the input method
    expected = _matching(model, "满意度")
    assert expected and _visible_names(view) == expected
    # Categories without a match are hidden too; those with one are shown.
    satisfaction = model.category_index(_cat(model, "服务对象满意度指标"))
    assert not view.isRowHidden(satisfaction.row(), satisfaction.parent())
    assert view.isRowHidden(0, model.index(0, 0))  # 数量指标 has no 满意度
    panel.filter.clear()
    assert _visible_names(view) == [i.name for c in model.categories for i in c.indicators]
    assert not any(view.isRowHidden(r, QModelIndex()) for r in range(model.rowCount()))


def test_filter_stays_consistent_through_edits_and_undo(
    qtbot: QtBot, panel: IndicatorPanel, seed_path: Path
) -> None:
    view, model = panel.view, panel.model
    document = model.document
    panel.filter.setText("巡查")
    matches = _matching(model, "巡查")
    assert len(matches) >= 2 and _visible_names(view) == matches
    # Delete a shown row: the others keep their state.
    first = next(
        (c, r)
        for c, category in enumerate(model.categories)
        for r, i in enumerate(category.indicators)
        if i.name == matches[0]
    )
    view.setFocus()
    view.setCurrentIndex(model.indicator_index(*first))
    key_click(view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert _visible_names(view) == matches[1:]
    document.undo_stack.undo()
    assert _visible_names(view) == matches
    # A row added by the user shows (and is edited) although it matches nothing yet.
    view.setCurrentIndex(model.indicator_index(*first))
    key_click(view, Qt.Key.Key_Insert)
    assert view.state() == QAbstractItemView.State.EditingState
    added = model.categories[first[0]].indicators[first[1] + 1]
    assert not view.isRowHidden(first[1] + 1, model.category_index(first[0]))
    name_editor = QApplication.focusWidget()
    assert name_editor is not None
    key_click(name_editor, Qt.Key.Key_Escape)
    # Rows put back by undo/redo are filtered like the rest.
    document.undo_stack.undo()
    document.undo_stack.redo()
    assert added.name == "" and _visible_names(view) == matches
    # A whole new table (restore, import) is filtered as well.
    declaration = read_json_file(seed_path).declaration
    document.replace(declaration, load_profile(declaration.profile_id))
    assert panel.filter.text() == "巡查" and _visible_names(view) == _matching(model, "巡查")
    panel.filter.clear()
    assert len(_visible_names(view)) == declaration.indicator_count()


# -- keyboard -----------------------------------------------------------------------------
def test_keyboard_duplicate_delete_move_down_and_paste(qtbot: QtBot, panel: IndicatorPanel) -> None:
    view, model = panel.view, panel.model
    document = model.document
    before = _names(model, 0)
    view.setFocus()
    view.setCurrentIndex(model.indicator_index(0, 1))
    key_click(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _names(model, 0) == [before[0], before[1], before[1], *before[2:]]
    assert view.currentIndex().row() == 2  # on the copy
    key_click(view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert _names(model, 0) == before
    view.setCurrentIndex(model.indicator_index(0, 0, Column.VALUE))
    key_click(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _names(model, 0)[:2] == [before[1], before[0]]
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, Column.VALUE)
    # Ctrl+Down at the end of a level-2 continues into the next level-2 of the same level-1.
    last = len(before) - 1
    view.setCurrentIndex(model.indicator_index(0, last))
    moving = _names(model, 0)[last]
    key_click(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _names(model, 1)[0] == moving
    QApplication.clipboard().setText("甲指标\t≥1次\t\t说明\n乙指标\t100%\t\t\n")
    key_click(
        view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert _names(model, 1)[1:3] == ["甲指标", "乙指标"]
    document.undo_stack.undo()
    assert "甲指标" not in _names(model, 1)


def test_enter_edits_the_current_cell(qtbot: QtBot, panel: IndicatorPanel) -> None:
    view, model = panel.view, panel.model
    view.setFocus()
    view.setCurrentIndex(model.indicator_index(0, 0, Column.UNIT))
    key_click(view, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert view.state() == QAbstractItemView.State.EditingState
    assert isinstance(editor, QLineEdit)
    editor.setText("次")
    key_click(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert model.categories[0].indicators[0].unit == "次"


def test_ctrl_v_puts_one_cell_into_the_current_cell_and_rows_as_new_rows(
    qtbot: QtBot, panel: IndicatorPanel
) -> None:
    view, model = panel.view, panel.model
    document = model.document
    count = len(model.categories[0].indicators)
    view.setFocus()
    view.setCurrentIndex(model.indicator_index(0, 1, Column.VALUE))
    QApplication.clipboard().setText("＞＝98%\r\n")  # one cell copied from a spreadsheet
    key_click(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert model.categories[0].indicators[1].value == "≥98%"
    assert len(model.categories[0].indicators) == count
    QApplication.clipboard().setText("丙指标\t≥2次\n丁指标\t≥3次\n")
    key_click(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _names(model, 0)[2:4] == ["丙指标", "丁指标"]
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert len(model.categories[0].indicators) == count
    assert model.categories[0].indicators[1].value != "≥98%"


def test_right_click_offers_the_row_actions(panel: IndicatorPanel) -> None:
    view = panel.view
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    texts = [a.text() for a in view.actions() if not a.isSeparator()]
    for wanted in ("添加指标", "从指标库添加…", "删除指标", "上移", "下移", "复制一行", "不适用"):
        assert wanted in texts
    assert any(a.isSeparator() for a in view.actions())
