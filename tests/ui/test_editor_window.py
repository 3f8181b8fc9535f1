"""The real window on the real SQLite store, driven like a user would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTreeView, QWidget

from desktop.app import make_main_window
from desktop.domain.model import Declaration
from desktop.services.store import DeclarationStore
from tests.qtkeys import key_click, key_clicks
from ui.indicators.model import Column, IndicatorTreeModel
from ui.indicators.panel import IndicatorPanel
from ui.main_window import MainWindow


def _open(qtbot: QtBot, db_path: Path, declaration_id: int | None) -> MainWindow:
    window = make_main_window(db_path, declaration_id)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _tree(window: MainWindow) -> QTreeView:
    window.show_section(3)
    tree = window.findChild(QTreeView, "indicatorTree")
    assert tree is not None
    tree.setFocus()
    return tree


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press_enter(qtbot: QtBot, tree: QTreeView) -> None:
    """Enter commits the cell (through a queued call, as with a real event loop)."""
    key_click(_focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tree.state() != QAbstractItemView.State.EditingState)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text``: ASCII as key presses, Chinese as an input method commits it."""
    for char in text:
        if char.isascii():
            key_clicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def _level2_names(
    store: DeclarationStore, declaration_id: int, level2: str
) -> list[tuple[str, str]]:
    declaration = store.load(declaration_id)
    category = next(c for c in declaration.categories if c.level2 == level2)
    return [(i.name, i.value) for i in category.indicators]


def test_typed_indicator_survives_close_and_reopen(
    qtbot: QtBot, db_path: Path, store: DeclarationStore, seed_id: int
) -> None:
    window = _open(qtbot, db_path, seed_id)
    tree = _tree(window)
    model = tree.model()
    assert isinstance(model, IndicatorTreeModel)
    tree.setCurrentIndex(model.category_index(1))  # 质量指标
    key_click(tree, Qt.Key.Key_Insert)
    type_text(qtbot, _focused(), "档案数字化合格率")
    key_click(_focused(), Qt.Key.Key_Tab)  # on to 指标值
    type_text(qtbot, _focused(), ">=98%")
    press_enter(qtbot, tree)
    window.close()
    assert ("档案数字化合格率", "≥98%") in _level2_names(store, seed_id, "质量指标")
    again = _open(qtbot, db_path, seed_id)
    tree = _tree(again)
    model = tree.model()
    assert isinstance(model, IndicatorTreeModel)
    parent = model.category_index(1)
    shown = [
        (model.index(r, Column.NAME, parent).data(), model.index(r, Column.VALUE, parent).data())
        for r in range(model.rowCount(parent))
    ]
    assert ("档案数字化合格率", "≥98%") in shown


def test_keyboard_only_add_edit_and_move(
    qtbot: QtBot, db_path: Path, store: DeclarationStore, seed_id: int
) -> None:
    window = _open(qtbot, db_path, seed_id)
    tree = _tree(window)
    model = tree.model()
    assert isinstance(model, IndicatorTreeModel)
    tree.setCurrentIndex(model.indicator_index(0, 0))
    key_click(tree, Qt.Key.Key_Insert)  # a new row below the first, editing its name
    type_text(qtbot, _focused(), "宣传册印制数量")
    press_enter(qtbot, tree)
    assert model.indicator_index(0, 1).data() == "宣传册印制数量"
    # F2 edits the current cell; move right to 指标值 with the arrow key.
    key_click(tree, Qt.Key.Key_Right)
    key_click(tree, Qt.Key.Key_F2)
    type_text(qtbot, _focused(), "≥500份")
    press_enter(qtbot, tree)
    key_click(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert model.indicator_index(0, 0).data() == "宣传册印制数量"
    window.close()
    assert _level2_names(store, seed_id, "数量指标")[0] == ("宣传册印制数量", "≥500份")


def test_paste_three_rows_as_one_undo_step(
    qtbot: QtBot, db_path: Path, store: DeclarationStore, seed_id: int
) -> None:
    window = _open(qtbot, db_path, seed_id)
    tree = _tree(window)
    model = tree.model()
    assert isinstance(model, IndicatorTreeModel)
    cat = next(i for i, c in enumerate(model.categories) if c.level2 == "社会效益指标")
    before = _level2_names(store, seed_id, "社会效益指标")
    tree.setCurrentIndex(model.category_index(cat))
    QApplication.clipboard().setText(
        '群众知晓率\t≥85%\t\t"反映群众对项目的知晓情况。\n知晓率=知晓人数/调查人数×100%"\r\n'
        "矛盾化解成功率\t≥90%\t\t反映矛盾化解情况\r\n"
        "片区影响力\t显著\t\t\r\n"
    )
    key_click(
        tree, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    window.flush()
    rows = _level2_names(store, seed_id, "社会效益指标")
    assert rows[len(before) :] == [
        ("群众知晓率", "≥85%"),
        ("矛盾化解成功率", "≥90%"),
        ("片区影响力", "显著"),
    ]
    explanation = store.load(seed_id).categories[cat].indicators[len(before)].explanation
    assert "\n知晓率=" in explanation
    window.window_actions["undoAction"].trigger()
    window.close()
    assert _level2_names(store, seed_id, "社会效益指标") == before


def test_mark_and_unmark_not_applicable(
    qtbot: QtBot, db_path: Path, store: DeclarationStore, seed_id: int, answer_yes: list[str]
) -> None:
    window = _open(qtbot, db_path, seed_id)
    tree = _tree(window)
    model = tree.model()
    assert isinstance(model, IndicatorTreeModel)
    cat = next(i for i, c in enumerate(model.categories) if c.level2 == "成本指标")
    tree.setCurrentIndex(model.category_index(cat))
    panel = window.findChild(IndicatorPanel, "indicatorPanel")
    assert panel is not None
    action = panel.actions_by_name["notApplicableAction"]
    assert not action.isChecked()
    action.trigger()
    assert answer_yes and "成本指标" in answer_yes[0]  # asked first: it has rows
    window.flush()
    stored = store.load(seed_id).categories[cat]
    assert stored.not_applicable and stored.indicators == []
    assert model.index(0, Column.NAME, model.category_index(cat)).data() == "不适用"
    action.trigger()  # unmark: nothing to ask
    window.close()
    stored = store.load(seed_id).categories[cat]
    assert not stored.not_applicable and stored.indicators == []
    assert len(answer_yes) == 1


def test_undo_redo_shortcuts_for_each_kind_of_edit(
    qtbot: QtBot, db_path: Path, store: DeclarationStore, seed_id: int, answer_yes: list[str]
) -> None:
    window = _open(qtbot, db_path, seed_id)
    tree = _tree(window)
    model = tree.model()
    assert isinstance(model, IndicatorTreeModel)
    original = store.load(seed_id)
    panel = window.findChild(IndicatorPanel, "indicatorPanel")
    assert panel is not None
    acts = panel.actions_by_name

    def undo_redo_check(changed: Callable[[Declaration], bool]) -> None:
        after = model.document.declaration
        assert changed(after)
        key_click(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert not changed(model.document.declaration)
        key_click(tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
        assert changed(model.document.declaration)

    model.setData(model.indicator_index(0, 0, Column.EXPLANATION), "新的解释")
    undo_redo_check(lambda d: d.categories[0].indicators[0].explanation == "新的解释")
    model.setData(model.indicator_index(0, 0, Column.GOALS), [2])
    undo_redo_check(lambda d: d.categories[0].indicators[0].goals == [2])
    tree.setCurrentIndex(model.indicator_index(0, 0))
    acts["duplicateAction"].trigger()
    undo_redo_check(
        lambda d: len(d.categories[0].indicators) == len(original.categories[0].indicators) + 1
    )
    tree.setCurrentIndex(model.indicator_index(0, 0))
    acts["deleteIndicatorAction"].trigger()
    undo_redo_check(
        lambda d: len(d.categories[0].indicators) == len(original.categories[0].indicators)
    )
    tree.setCurrentIndex(model.indicator_index(0, 1))
    key_click(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    moved = model.document.declaration.categories[0].indicators[2].name
    undo_redo_check(lambda d: d.categories[0].indicators[2].name == moved)
    tree.setCurrentIndex(model.category_index(2))
    acts["notApplicableAction"].trigger()
    undo_redo_check(lambda d: d.categories[2].not_applicable)
    window.close()
    assert store.load(seed_id).categories[2].not_applicable
