"""Amounts as finance staff enter them: pasted into the cell editor, pasted over cells (Ctrl+V),
and the 预算控制数 field. Each text is either taken or refused next to where it was entered,
and a refusal keeps the previous value."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QTableView

from desktop.domain.profile import load_profile
from desktop.exchange.reader import read_json_file
from tests.qtkeys import key_click, key_clicks
from ui.budget.model import HIDDEN_PRECISION_ROLE, Column
from ui.budget.panel import BudgetPanel
from ui.document import DeclarationDocument


@pytest.fixture
def panel(qtbot: QtBot, seed_path: Path) -> BudgetPanel:
    declaration = read_json_file(seed_path).declaration
    widget = BudgetPanel(DeclarationDocument(declaration, load_profile(declaration.profile_id)))
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _view(panel: BudgetPanel) -> QTableView:
    view = panel.findChild(QTableView, "budgetTable")
    assert isinstance(view, QTableView)
    return view


def _message(panel: BudgetPanel) -> QLabel:
    label = panel.findChild(QLabel, "cellMessage")
    assert isinstance(label, QLabel)
    return label


def _type(widget: QLineEdit, text: str) -> None:
    """Key presses carrying any character (QTest only sends Latin-1 keys)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def _total_shown(panel: BudgetPanel) -> str:
    footer = panel.findChild(QTableView, "budgetTotalRow")
    assert isinstance(footer, QTableView)
    return str(footer.model().index(footer.model().rowCount() - 1, Column.TOTAL).data())


# The 基本支出 row's 其他资金 is 0 and 金额合计 is 3,293.33 in the seed.
ACCEPTED = [
    ("1,125.33", Decimal("1125.33"), "1,125.33", "4,418.66"),
    ("１１２５．３３", Decimal("1125.33"), "1,125.33", "4,418.66"),
    (" 1125.33 ", Decimal("1125.33"), "1,125.33", "4,418.66"),
    ("1125.33\r\n", Decimal("1125.33"), "1,125.33", "4,418.66"),  # a cell copied from Excel
    ("1125.333333", Decimal("1125.333333"), "1,125.33", "4,418.66"),
    ("¥1,125.33", Decimal("1125.33"), "1,125.33", "4,418.66"),  # a currency-formatted cell
    ("1125.33万元", Decimal("1125.33"), "1,125.33", "4,418.66"),
    ("0.005", Decimal("0.005"), "0.01", "3,293.34"),  # half up, and marked as rounded
]
REFUSED = [
    ("1125.3333333", "最多 6 位小数"),
    ("-1", "负数"),
    ("1e3", "不是金额"),
    ("12500元", "万元"),
    ("123456789", "最多 8 位"),
]


def _paste_into_editor(qtbot: QtBot, panel: BudgetPanel, text: str) -> QLineEdit:
    view = _view(panel)
    view.setFocus()
    view.setCurrentIndex(panel.model.index(0, Column.OTHER))
    key_click(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    QGuiApplication.clipboard().setText(text)
    key_click(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    return editor


@pytest.mark.parametrize(("text", "value", "shown", "total"), ACCEPTED)
def test_amounts_pasted_into_the_editor_are_taken(
    qtbot: QtBot, panel: BudgetPanel, text: str, value: Decimal, shown: str, total: str
) -> None:
    editor = _paste_into_editor(qtbot, panel, text)
    assert _total_shown(panel) == total  # the live total includes the pasted text
    key_click(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _view(panel).state() != QAbstractItemView.State.EditingState)
    cell = panel.model.index(0, Column.OTHER)
    assert panel.document.declaration.tasks[0].other == value
    assert cell.data() == shown
    assert cell.data(HIDDEN_PRECISION_ROLE) is (value != Decimal(shown.replace(",", "")))
    assert _total_shown(panel) == total
    assert panel.document.undo_stack.count() == 1


@pytest.mark.parametrize(("text", "reason"), REFUSED)
def test_amounts_pasted_into_the_editor_are_refused_next_to_the_cell(
    qtbot: QtBot, panel: BudgetPanel, text: str, reason: str
) -> None:
    editor = _paste_into_editor(qtbot, panel, text)
    message = _message(panel)
    assert message.isVisible() and reason in message.text()
    assert _total_shown(panel) == "3,293.33"
    key_click(editor, Qt.Key.Key_Return)  # refused: the editor stays open to correct
    assert _view(panel).focusWidget() is editor
    key_click(editor, Qt.Key.Key_Escape)
    assert panel.document.declaration.tasks[0].other == Decimal(0)
    assert panel.document.undo_stack.count() == 0


def test_an_emptied_amount_is_zero(qtbot: QtBot, panel: BudgetPanel) -> None:
    view = _view(panel)
    view.setFocus()
    view.setCurrentIndex(panel.model.index(1, Column.FISCAL))
    key_click(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "888.96"
    key_click(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key_click(editor, Qt.Key.Key_Delete)
    assert _total_shown(panel) == "2,404.37"
    key_click(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert panel.document.declaration.tasks[1].fiscal == Decimal(0)
    assert panel.model.index(1, Column.FISCAL).data() == "0.00"


def test_ctrl_v_over_cells_is_one_step_and_all_or_nothing(qtbot: QtBot, panel: BudgetPanel) -> None:
    view = _view(panel)
    tasks = panel.document.declaration.tasks
    view.setFocus()
    view.setCurrentIndex(panel.model.index(0, Column.FISCAL))
    QGuiApplication.clipboard().setText("1,125.3x\t0\r\n")
    key_click(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    message = _message(panel)
    assert message.isVisible() and "第 1 行“财政拨款”" in message.text()
    assert tasks[0].fiscal == Decimal("1125.33") and panel.document.undo_stack.count() == 0

    # A column of two amounts copied from a spreadsheet, over 财政拨款 of rows 1 and 2.
    QGuiApplication.clipboard().setText("１，０００\r\n 2.5 \r\n")
    key_click(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert not message.isVisible()
    assert [t.fiscal for t in tasks] == [Decimal("1000"), Decimal("2.5"), Decimal("1279.04")]
    assert _total_shown(panel) == "2,281.54"
    assert panel.bars.shares()[0][1] == Decimal("1000") / Decimal("2281.54")
    assert panel.document.undo_stack.count() == 1

    # Three rows cannot go over the last two tasks: refused whole, nothing changes.
    view.setCurrentIndex(panel.model.index(1, Column.OTHER))
    QGuiApplication.clipboard().setText("1\n2\n3\n")
    key_click(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "Ctrl+Shift+V" in message.text()
    assert [t.other for t in tasks] == [Decimal(0)] * 3

    panel.document.undo_stack.undo()
    assert [t.fiscal for t in tasks] == [Decimal(v) for v in ("1125.33", "888.96", "1279.04")]
    assert _total_shown(panel) == "3,293.33"


def test_control_total_refuses_bad_text_and_follows_undo(qtbot: QtBot, panel: BudgetPanel) -> None:
    document, control = panel.document, panel.control
    field, gap = control.edit, control.gap
    field.setFocus()
    key_clicks(field, "3,293.325")
    key_click(field, Qt.Key.Key_Return)
    assert document.declaration.budget_control_total == Decimal("3293.325")
    assert field.text() == "3,293.325"
    # 0.005 rounds half up to 0.01; the exact difference is shown too.
    assert gap.text() == "金额合计超出预算控制数 0.01 万元（精确值 0.005）"

    for bad, reason in (("-1", "负数"), ("1e3", "不是金额"), ("3300.1234567", "6 位小数")):
        field.selectAll()
        key_clicks(field, bad)
        key_click(field, Qt.Key.Key_Return)
        assert gap.text().startswith("未保存：") and reason in gap.text()
        assert field.text() == "3,293.325"
        assert document.declaration.budget_control_total == Decimal("3293.325")
    assert document.undo_stack.count() == 1

    field.selectAll()
    _type(field, "３４００")
    key_click(field, Qt.Key.Key_Return)
    assert gap.text() == "金额合计低于预算控制数 106.67 万元"
    # Undo from the toolbar while the field keeps the focus: the field shows the undone value,
    # and leaving it does not write the newer value back.
    assert field.hasFocus()
    document.undo_stack.undo()
    assert field.text() == "3,293.325"
    panel.view.setFocus()
    assert document.declaration.budget_control_total == Decimal("3293.325")
    assert document.undo_stack.count() == 2 and document.undo_stack.index() == 1

    field.setFocus()
    field.selectAll()
    key_click(field, Qt.Key.Key_Delete)
    key_click(field, Qt.Key.Key_Return)
    assert document.declaration.budget_control_total is None
    assert gap.text() == "填写后将与金额合计比较"
