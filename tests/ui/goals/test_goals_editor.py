"""The goals editor as a user drives it: numbering, reordering with links, counts, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QItemSelectionModel, QPointF, Qt
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QTableView

from desktop.domain.changes import Part
from desktop.domain.model import Declaration
from desktop.domain.profile import load_profile
from desktop.exchange.reader import read_json_bytes, read_json_file
from desktop.exchange.writer import dumps_declaration
from tests.qtkeys import key_click, key_clicks
from tests.qtmodels import check_model
from ui.document import DeclarationDocument
from ui.goals.editor import GoalsEditor
from ui.goals.model import LINK_COUNT_ROLE, GoalColumn


@pytest.fixture
def declaration(seed_path: Path) -> Declaration:
    decl = read_json_file(seed_path).declaration
    indicators = [ind for _, ind in decl.iter_indicators()]
    indicators[0].goals = [1]
    indicators[1].goals = [1, 2]
    indicators[2].goals = [3]
    return decl


@pytest.fixture
def editor(qtbot: QtBot, declaration: Declaration) -> GoalsEditor:
    widget = GoalsEditor(DeclarationDocument(declaration, load_profile(declaration.profile_id)))
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _view(editor: GoalsEditor) -> QTableView:
    view = editor.findChild(QTableView, "goalsList")
    assert isinstance(view, QTableView)
    return view


def _numbers(editor: GoalsEditor) -> list[str]:
    model = _view(editor).model()
    return [model.headerData(row, Qt.Orientation.Vertical) for row in range(model.rowCount())]


def _column(
    editor: GoalsEditor, column: GoalColumn, role: int = Qt.ItemDataRole.DisplayRole
) -> list[object]:
    model = _view(editor).model()
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def _links(declaration: Declaration) -> list[list[int]]:
    return [ind.goals for _, ind in declaration.iter_indicators()][:3]


def test_numbers_counts_and_highlight(editor: GoalsEditor) -> None:
    assert _numbers(editor)[:3] == ["目标1", "目标2", "目标3"]
    assert _column(editor, GoalColumn.LINKS)[:4] == ["2 项", "1 项", "1 项", "无"]
    backgrounds = _column(editor, GoalColumn.TEXT, Qt.ItemDataRole.BackgroundRole)
    assert backgrounds[0] is None and backgrounds[3] is not None
    assert "尚无指标对应此目标" in str(
        _column(editor, GoalColumn.LINKS, Qt.ItemDataRole.ToolTipRole)[3]
    )


def test_reorder_moves_links_with_the_goals(
    qtbot: QtBot, editor: GoalsEditor, declaration: Declaration
) -> None:
    view = _view(editor)
    first_text = declaration.goals[0]
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, GoalColumn.TEXT))
    parts: list[Part] = []
    editor.document.changed.connect(parts.append)
    key_click(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert parts == [Part.GOALS | Part.LINKS]  # one notification per step
    key_click(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert declaration.goals[2] == first_text
    # The indicators that measured 目标1 now measure 目标3, where that text went.
    assert _links(declaration) == [[3], [1, 3], [2]]
    assert _column(editor, GoalColumn.LINKS)[:3] == ["1 项", "1 项", "2 项"]
    assert _numbers(editor)[2] == "目标3"

    # The links survive the JSON exchange file.
    again = read_json_bytes(dumps_declaration(declaration)).declaration
    assert [ind.goals for _, ind in again.iter_indicators()][:3] == [[3], [1, 3], [2]]

    editor.document.undo_stack.undo()
    editor.document.undo_stack.undo()
    assert declaration.goals[0] == first_text and _links(declaration) == [[1], [1, 2], [3]]


def test_delete_drops_links_and_undo_restores_them(
    qtbot: QtBot, editor: GoalsEditor, declaration: Declaration
) -> None:
    view = _view(editor)
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, GoalColumn.TEXT))
    key_click(view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(declaration.goals) == 9
    assert _links(declaration) == [[], [1], [2]]
    editor.document.undo_stack.undo()
    assert len(declaration.goals) == 10 and _links(declaration) == [[1], [1, 2], [3]]


def test_insert_and_duplicate_renumber(
    qtbot: QtBot, editor: GoalsEditor, declaration: Declaration
) -> None:
    view = _view(editor)
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, GoalColumn.TEXT))
    key_click(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert declaration.goals[0] == declaration.goals[1]
    assert _links(declaration) == [[1], [1, 3], [4]]
    assert _numbers(editor)[-1] == "目标11"
    editor.document.undo_stack.undo()
    assert _links(declaration) == [[1], [1, 2], [3]] and len(declaration.goals) == 10


def test_typing_shows_a_live_character_count_and_commits_once(
    qtbot: QtBot, editor: GoalsEditor, declaration: Declaration
) -> None:
    view = _view(editor)
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, GoalColumn.TEXT))
    key_click(view, Qt.Key.Key_F2)
    text_editor = view.focusWidget()
    assert isinstance(text_editor, QPlainTextEdit)
    text_editor.clear()
    counts = []
    for word in ("abc", "de"):
        key_clicks(text_editor, word)
        counts.append(_column(editor, GoalColumn.LENGTH)[1])
    key_click(text_editor, Qt.Key.Key_Return)  # a new line inside the goal
    key_clicks(text_editor, "f")
    assert counts == ["3", "5"] and _column(editor, GoalColumn.LENGTH)[1] == "7"
    key_click(text_editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert declaration.goals[1] == "abcde\nf"
    assert editor.document.undo_stack.count() == 1


def test_links_changed_elsewhere_update_the_counts(
    editor: GoalsEditor, declaration: Declaration
) -> None:
    indicator = next(ind for _, ind in declaration.iter_indicators())
    indicator.goals = [4]
    editor.document.notify(Part.LINKS)
    assert _column(editor, GoalColumn.LINKS, LINK_COUNT_ROLE)[:4] == [1, 1, 1, 1]


def test_model_contract_and_replace(
    qtmodeltester: ModelTester, editor: GoalsEditor, seed_path: Path
) -> None:
    model = editor.model
    check_model(qtmodeltester, model)
    editor.add_goal()
    editor.move_goal(-1)
    editor.delete_goals()
    check_model(qtmodeltester, model)
    replacement = read_json_file(seed_path).declaration
    replacement.goals = replacement.goals[:2]
    editor.document.replace(replacement, load_profile(replacement.profile_id))
    assert _numbers(editor) == ["目标1", "目标2"]
    assert not editor.empty.isVisible()
    editor.document.replace(read_json_file(seed_path).declaration, load_profile("SZ-DEPT-2026"))
    check_model(qtmodeltester, model)


def _select_goals(view: QTableView, rows: list[int]) -> None:
    model = view.model()
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().setCurrentIndex(
        model.index(rows[0], GoalColumn.TEXT), flags.ClearAndSelect | flags.Rows
    )
    for row in rows[1:]:
        view.selectionModel().select(model.index(row, GoalColumn.TEXT), flags.Select | flags.Rows)


def test_ctrl_shift_v_pastes_goals_from_a_spreadsheet_as_one_step(
    qtbot: QtBot, editor: GoalsEditor, declaration: Declaration
) -> None:
    view = _view(editor)
    view.setFocus()
    _select_goals(view, [0])
    before = list(declaration.goals)
    # Two cells of a column copied from WPS, the first holding a line break.
    QGuiApplication.clipboard().setText('"组织培训\r\n不少于2次"\r\n编印教材\r\n')
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    key_click(view, Qt.Key.Key_V, shift_ctrl)
    assert declaration.goals[1:3] == ["组织培训\n不少于2次", "编印教材"]
    assert _numbers(editor)[1:3] == ["目标2", "目标3"] and len(declaration.goals) == 12
    # Links to the goals after the pasted ones follow them to their new numbers.
    assert _links(declaration) == [[1], [1, 4], [5]]
    assert _column(editor, GoalColumn.LINKS)[:5] == ["2 项", "无", "无", "1 项", "1 项"]
    assert "已粘贴 2 个目标" in editor.status.text()
    assert editor.document.undo_stack.count() == 1
    editor.document.undo_stack.undo()
    assert declaration.goals == before and _links(declaration) == [[1], [1, 2], [3]]

    editor.paste_goals("目标1\t\r\n")
    assert "未粘贴" in editor.status.text() and declaration.goals == before


def test_several_selected_goals_move_together_with_their_links(
    qtbot: QtBot, editor: GoalsEditor, declaration: Declaration
) -> None:
    view = _view(editor)
    texts = list(declaration.goals)
    view.setFocus()
    _select_goals(view, [0, 1])
    key_click(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert declaration.goals[:3] == [texts[2], texts[0], texts[1]]
    assert _links(declaration) == [[2], [2, 3], [1]]
    assert sorted({i.row() for i in view.selectionModel().selectedRows()}) == [1, 2]
    _select_goals(view, [0, 9])  # the last goal cannot go lower: nothing moves
    key_click(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert editor.document.undo_stack.count() == 1
    editor.document.undo_stack.undo()
    assert declaration.goals == texts and _links(declaration) == [[1], [1, 2], [3]]


def test_highlight_follows_links_picked_in_the_indicator_tree(
    editor: GoalsEditor, declaration: Declaration
) -> None:
    background = Qt.ItemDataRole.BackgroundRole
    assert _column(editor, GoalColumn.TEXT, background)[3] is not None
    indicator = [ind for _, ind in declaration.iter_indicators()][5]
    indicator.goals = [4]
    editor.document.notify(Part.LINKS)
    assert _column(editor, GoalColumn.TEXT, background)[3] is None
    assert _column(editor, GoalColumn.LINKS)[3] == "1 项"
    indicator.goals = []
    editor.document.notify(Part.LINKS)
    assert _column(editor, GoalColumn.TEXT, background)[3] is not None


def test_empty_goals_explain_insert_and_paste(qtbot: QtBot, editor: GoalsEditor) -> None:
    _view(editor).selectAll()
    editor.delete_goals()
    assert editor.empty.isVisible()
    assert "Insert" in editor.empty.text() and "Ctrl+Shift+V" in editor.empty.text()
    editor.paste_goals("甲\t乙\r\n")
    assert editor.document.declaration.goals == ["甲", "乙"] and not editor.empty.isVisible()


def test_dragged_goals_drop_between_goals_with_their_links(
    editor: GoalsEditor, declaration: Declaration
) -> None:
    view, model = editor.view, editor.model
    texts = list(declaration.goals)
    _select_goals(view, [0, 1])
    rect = view.visualRect(model.index(3, GoalColumn.TEXT))
    dragged = model.mimeData(view.selectionModel().selectedIndexes())  # kept alive: the event
    event = QDropEvent(  # does not own it
        QPointF(rect.center().x(), rect.top() + 2),  # the upper half of 目标4: before it
        Qt.DropAction.MoveAction,
        dragged,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)  # Qt delivers a drop only to the target of a real drag's enter
    assert declaration.goals[:4] == [texts[2], texts[0], texts[1], texts[3]]
    assert _links(declaration) == [[2], [2, 3], [1]]
    assert editor.document.undo_stack.count() == 1
    editor.document.undo_stack.undo()
    assert declaration.goals == texts and _links(declaration) == [[1], [1, 2], [3]]
