"""The budget panel as a user drives it: typing amounts, committing, undoing, pasting rows."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QTableView

from desktop.domain.changes import Part
from desktop.domain.model import Declaration
from desktop.domain.profile import load_profile, new_declaration
from desktop.exchange.reader import read_json_file
from tests.qtkeys import key_click, key_clicks, mouse_click
from ui.budget.model import AMOUNT_ROLE, HIDDEN_PRECISION_ROLE, Column
from ui.budget.panel import BudgetPanel
from ui.document import DeclarationDocument


def _panel(qtbot: QtBot, declaration: Declaration) -> BudgetPanel:
    document = DeclarationDocument(declaration, load_profile(declaration.profile_id))
    panel = BudgetPanel(document)
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def seed_panel(qtbot: QtBot, seed_path: Path) -> BudgetPanel:
    return _panel(qtbot, read_json_file(seed_path).declaration)


def _table(panel: BudgetPanel) -> QTableView:
    view = panel.findChild(QTableView, "budgetTable")
    assert isinstance(view, QTableView)
    return view


def _shown_total(panel: BudgetPanel, column: Column = Column.TOTAL) -> str:
    """What the pinned 金额合计 row displays (the frozen view reads the model's last row)."""
    footer = panel.findChild(QTableView, "budgetTotalRow")
    assert isinstance(footer, QTableView)
    model = footer.model()
    last = model.rowCount() - 1
    assert model.index(last, Column.NAME).data() == "金额合计"
    assert not footer.isRowHidden(last)
    return str(model.index(last, column).data())


def _type(editor: QLineEdit, text: str) -> None:
    """Key presses carrying any character (QTest only sends Latin-1 keys)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                editor, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def _press_return(qtbot: QtBot, panel: BudgetPanel, editor: QLineEdit) -> None:
    """Enter commits through a queued call in Qt: wait until the editor has closed."""
    key_click(editor, Qt.Key.Key_Return)
    view = _table(panel)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=2000)


def _start_editing(qtbot: QtBot, panel: BudgetPanel, row: int, column: Column) -> QLineEdit:
    view = _table(panel)
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, column))
    key_click(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    key_click(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key_click(editor, Qt.Key.Key_Backspace)
    return editor


def test_typing_an_amount_updates_the_totals_key_by_key(
    qtbot: QtBot, seed_panel: BudgetPanel
) -> None:
    assert _shown_total(seed_panel) == "3,293.33"
    editor = _start_editing(qtbot, seed_panel, 1, Column.FISCAL)  # 一般管理事务 888.96 -> ""
    assert _shown_total(seed_panel) == "2,404.37"
    seen = []
    for key in "1000.5":
        key_clicks(editor, key)
        seen.append((_shown_total(seed_panel), _shown_total(seed_panel, Column.FISCAL)))
    assert seen == [
        ("2,405.37", "2,405.37"),
        ("2,414.37", "2,414.37"),
        ("2,504.37", "2,504.37"),
        ("3,404.37", "3,404.37"),
        ("3,404.37", "3,404.37"),
        ("3,404.87", "3,404.87"),
    ]
    model = seed_panel.model
    # The row's 总额 previews too, but nothing is committed while typing.
    assert model.index(1, Column.TOTAL).data() == "1,000.50"
    assert seed_panel.document.declaration.tasks[1].fiscal == Decimal("888.96")
    assert seed_panel.document.undo_stack.count() == 0

    with qtbot.waitSignal(seed_panel.document.changed) as changed:
        key_click(editor, Qt.Key.Key_Return)
    assert changed.args == [Part.TASKS]
    last = model.rowCount() - 1
    assert model.index(last, Column.TOTAL).data(AMOUNT_ROLE) == Decimal("3404.87")
    assert seed_panel.document.declaration.tasks[1].fiscal == Decimal("1000.5")
    assert seed_panel.document.undo_stack.count() == 1

    seed_panel.document.undo_stack.undo()
    assert model.index(last, Column.TOTAL).data() == "3,293.33"
    assert model.index(1, Column.FISCAL).data() == "888.96"
    seed_panel.document.undo_stack.redo()
    assert _shown_total(seed_panel) == "3,404.87"


def test_invalid_text_is_refused_next_to_the_cell(qtbot: QtBot, seed_panel: BudgetPanel) -> None:
    editor = _start_editing(qtbot, seed_panel, 0, Column.OTHER)
    key_clicks(editor, "12a")
    message = seed_panel.findChild(QLabel, "cellMessage")
    assert isinstance(message, QLabel)
    assert message.isVisible() and "不是金额" in message.text()
    assert _shown_total(seed_panel) == "3,293.33"  # the invalid text never previews
    key_click(editor, Qt.Key.Key_Return)  # refused: the editor stays open
    assert _table(seed_panel).focusWidget() is editor
    editor.setText("1.1234567")
    key_click(editor, Qt.Key.Key_Escape)
    assert seed_panel.model.index(0, Column.OTHER).data() == "0.00"
    assert seed_panel.document.undo_stack.count() == 0

    editor = _start_editing(qtbot, seed_panel, 0, Column.OTHER)
    key_clicks(editor, "0.1234567")
    assert "6 位小数" in message.text()
    key_clicks(editor, "\b-")  # backspace, then a minus sign
    assert "负数" in message.text() or "不是金额" in message.text()


def test_separators_full_width_and_hidden_precision(qtbot: QtBot, seed_panel: BudgetPanel) -> None:
    editor = _start_editing(qtbot, seed_panel, 2, Column.OTHER)
    _type(editor, "１，２３４．５６７８")
    assert _shown_total(seed_panel, Column.OTHER) == "1,234.57"
    _press_return(qtbot, seed_panel, editor)
    cell = seed_panel.model.index(2, Column.OTHER)
    assert cell.data() == "1,234.57"
    assert cell.data(AMOUNT_ROLE) == Decimal("1234.5678")
    assert cell.data(HIDDEN_PRECISION_ROLE) is True
    assert "1234.5678" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert seed_panel.model.index(0, Column.OTHER).data(HIDDEN_PRECISION_ROLE) is False


def test_rows_insert_above_the_total_move_duplicate_and_delete(
    qtbot: QtBot, seed_panel: BudgetPanel
) -> None:
    view = _table(seed_panel)
    model = seed_panel.model

    def names() -> list[str]:
        return [t.name for t in seed_panel.document.declaration.tasks]

    view.setFocus()
    view.setCurrentIndex(model.index(2, Column.NAME))
    key_click(view, Qt.Key.Key_Insert)
    assert names()[-1] == "" and model.rowCount() == 5
    assert model.index(4, Column.NAME).data() == "金额合计"
    assert view.isRowHidden(4) and not view.isRowHidden(3)

    view.setCurrentIndex(model.index(0, Column.NAME))
    key_click(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert names()[:2] == ["一般管理事务", "基本支出"]
    key_click(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert names()[1:3] == ["基本支出", "基本支出"]
    assert _shown_total(seed_panel) == "4,418.66"

    view.selectionModel().select(
        model.index(2, Column.NAME), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    view.selectionModel().select(
        model.index(4, Column.NAME), QItemSelectionModel.SelectionFlag.Select
    )
    key_click(view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert names() == ["一般管理事务", "基本支出", "重点片区建设（其他项目）"]
    for _ in range(4):
        seed_panel.document.undo_stack.undo()
    assert names() == ["基本支出", "一般管理事务", "重点片区建设（其他项目）"]
    assert _shown_total(seed_panel) == "3,293.33"


def test_the_total_row_cannot_be_selected_or_edited(qtbot: QtBot, seed_panel: BudgetPanel) -> None:
    model = seed_panel.model
    last = model.rowCount() - 1
    view = _table(seed_panel)
    view.selectAll()
    assert all(i.row() < last for i in view.selectionModel().selectedIndexes())
    assert not model.setData(model.index(last, Column.FISCAL), "5")
    assert not model.flags(model.index(last, Column.FISCAL)) & Qt.ItemFlag.ItemIsSelectable
    key_click(view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)  # deletes every task, never the total row
    assert model.rowCount() == 1 and _shown_total(seed_panel) == "0.00"


def test_paste_rows_from_excel(qtbot: QtBot) -> None:
    declaration = new_declaration(load_profile("SZ-DEPT-2026"), 2026)
    panel = _panel(qtbot, declaration)
    assert [t.name for t in declaration.tasks] == ["基本支出"]
    block = '培训\t"1. 组织培训\n2. 编印教材"\t12.5\t0\n宣传\t制作宣传片\t1,000\t２０\n'
    panel.paste_rows(block)
    assert [t.name for t in declaration.tasks] == ["基本支出", "培训", "宣传"]
    assert declaration.tasks[1].content == "1. 组织培训\n2. 编印教材"
    assert _shown_total(panel) == "1,032.50"
    panel.paste_rows("坏行\t\tabc\t0\n")
    assert "未粘贴" in panel.status.text() and len(declaration.tasks) == 3
    panel.document.undo_stack.undo()  # one step removes the whole pasted block
    assert [t.name for t in declaration.tasks] == ["基本支出"]
    assert _shown_total(panel) == "0.00"


def test_declared_totals_banner_and_control_total(qtbot: QtBot, seed_panel: BudgetPanel) -> None:
    document = seed_panel.document
    assert not seed_panel.banner.isVisible()
    seed_panel.model.setData(seed_panel.model.index(0, Column.FISCAL), "1200")
    assert seed_panel.banner.isVisible()
    assert "基本支出 的总额：文件中为 1,125.33，计算值为 1,200.00" in seed_panel.banner.label.text()
    mouse_click(seed_panel.banner.button, Qt.MouseButton.LeftButton)
    assert not seed_panel.banner.isVisible() and document.declaration.declared_totals is None
    document.undo_stack.undo()
    assert seed_panel.banner.isVisible() and document.declaration.declared_totals is not None

    field = seed_panel.control.edit
    field.setFocus()
    key_clicks(field, "3,300")
    key_click(field, Qt.Key.Key_Return)
    assert document.declaration.budget_control_total == Decimal("3300")
    assert seed_panel.control.gap.text() == "金额合计超出预算控制数 68.00 万元"
    document.undo_stack.undo()
    assert document.declaration.budget_control_total is None


def test_replaced_document_reloads(qtbot: QtBot, seed_panel: BudgetPanel) -> None:
    profile = load_profile("SZ-DEPT-2026")
    seed_panel.document.replace(new_declaration(profile, 2027), profile)
    assert seed_panel.model.rowCount() == 2
    assert _shown_total(seed_panel) == "0.00"
    assert seed_panel.bars.shares() == [("基本支出", Decimal(0))]
