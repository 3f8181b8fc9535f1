"""Rows as a user rearranges them (several at once, from the keyboard), the bars that follow
every change, and where the pinned 金额合计 sits."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QItemSelectionModel, QMimeData, QModelIndex, QPointF, Qt
from PySide6.QtGui import QDropEvent, QGuiApplication, QPainter
from PySide6.QtWidgets import QLabel, QStyleOptionViewItem, QTableView

from desktop.domain.model import Declaration, Task
from desktop.domain.profile import load_profile, new_declaration
from desktop.exchange.reader import read_json_file
from tests.qtkeys import key_click, key_clicks
from ui.budget.model import Column
from ui.budget.panel import BudgetPanel
from ui.budget.row_drag import RowDragView
from ui.document import DeclarationDocument


def _panel(qtbot: QtBot, declaration: Declaration, height: int = 600) -> BudgetPanel:
    panel = BudgetPanel(DeclarationDocument(declaration, load_profile(declaration.profile_id)))
    qtbot.addWidget(panel)
    panel.resize(1200, height)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def seed_panel(qtbot: QtBot, seed_path: Path) -> BudgetPanel:
    return _panel(qtbot, read_json_file(seed_path).declaration)


def _names(panel: BudgetPanel) -> list[str]:
    return [t.name for t in panel.document.declaration.tasks]


def _select_rows(view: QTableView, rows: list[int]) -> None:
    model = view.model()
    view.selectionModel().setCurrentIndex(
        model.index(rows[0], Column.NAME), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    for row in rows[1:]:
        view.selectionModel().select(
            model.index(row, Column.NAME), QItemSelectionModel.SelectionFlag.Select
        )


def _selected(view: QTableView) -> list[int]:
    return sorted({i.row() for i in view.selectionModel().selectedIndexes()})


def test_several_selected_rows_move_together_with_one_undo(
    qtbot: QtBot, seed_panel: BudgetPanel
) -> None:
    view, stack = seed_panel.view, seed_panel.document.undo_stack
    view.setFocus()
    _select_rows(view, [1, 2])
    key_click(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _names(seed_panel) == ["一般管理事务", "重点片区建设（其他项目）", "基本支出"]
    assert _selected(view) == [0, 1] and view.currentIndex().row() == 0
    assert stack.count() == 1
    # Already at the top: nothing moves, nothing is added to the undo history.
    key_click(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert stack.count() == 1 and _selected(view) == [0, 1]
    # The pinned 金额合计 is never a target: moving down stops above it.
    key_click(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    key_click(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _names(seed_panel) == ["基本支出", "一般管理事务", "重点片区建设（其他项目）"]
    assert seed_panel.model.index(3, Column.NAME).data() == "金额合计"
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert _names(seed_panel) == ["基本支出", "一般管理事务", "重点片区建设（其他项目）"]
    assert seed_panel.bars.shares()[0][0] == "基本支出"


def test_keyboard_paste_and_the_bars_follow_every_change(
    qtbot: QtBot, seed_panel: BudgetPanel
) -> None:
    view, stack, bars = seed_panel.view, seed_panel.document.undo_stack, seed_panel.bars
    before = bars.shares()
    view.setFocus()
    view.setCurrentIndex(seed_panel.model.index(2, Column.NAME))
    QGuiApplication.clipboard().setText("宣传\t制作宣传片\t1,000\t706.67\r\n")
    key_click(
        view,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _names(seed_panel)[-1] == "宣传"
    assert bars.shares()[-1] == ("宣传", Decimal("1706.67") / Decimal("5000"))
    stack.undo()
    assert bars.shares() == before
    stack.redo()
    assert len(bars.shares()) == 4
    _select_rows(view, [0])
    key_click(view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert [name for name, _ in bars.shares()] == _names(seed_panel)
    assert bars.shares()[0][1] == Decimal("888.96") / Decimal("3874.67")
    stack.undo()  # the deleted row and its share are back; 宣传 is still there
    assert bars.shares()[0] == ("基本支出", Decimal("1125.33") / Decimal("5000"))
    stack.undo()
    assert bars.shares() == before


def _footer(panel: BudgetPanel) -> QTableView:
    footer = panel.findChild(QTableView, "budgetTotalRow")
    assert isinstance(footer, QTableView)
    return footer


def test_the_total_row_sits_under_a_short_table_and_at_the_bottom_of_a_long_one(
    qtbot: QtBot, seed_path: Path
) -> None:
    declaration = read_json_file(seed_path).declaration
    panel = _panel(qtbot, declaration, height=900)
    view, footer = panel.view, _footer(panel)

    def settled_short() -> bool:
        under = footer.geometry().top() == view.geometry().bottom() + 1
        return under and view.verticalScrollBar().maximum() == 0

    qtbot.waitUntil(settled_short)  # once the wrapped rows have their heights
    assert footer.geometry().bottom() < panel.table.height() - 100  # room left below

    panel.paste_rows("".join(f"任务{i}\t说明\t1\t0\r\n" for i in range(40)))
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    # Now the rows scroll and 金额合计 stays pinned at the bottom of the table area.
    assert footer.geometry().top() == view.geometry().bottom() + 1
    assert footer.geometry().bottom() == panel.table.height() - 1
    panel.document.undo_stack.undo()
    qtbot.waitUntil(settled_short)
    assert footer.geometry().bottom() < panel.table.height() - 100


def test_an_empty_budget_explains_what_to_do(qtbot: QtBot, seed_panel: BudgetPanel) -> None:
    hint = seed_panel.findChild(QLabel, "budgetEmpty")
    assert isinstance(hint, QLabel) and not hint.isVisible()
    seed_panel.view.selectAll()
    seed_panel.delete_rows()
    assert hint.isVisible() and "Insert" in hint.text() and "Ctrl+Shift+V" in hint.text()
    seed_panel.document.undo_stack.undo()
    assert not hint.isVisible()

    mof = new_declaration(load_profile("MOF-2021"), 2026)
    mof.tasks = []
    panel = _panel(qtbot, mof)
    empty = panel.findChild(QLabel, "budgetEmpty")
    assert empty is not None and empty.isVisible()
    panel.add_row()
    assert panel.document.declaration.tasks == [Task()]
    assert not empty.isVisible()


def _drop(view: RowDragView, data: QMimeData, row: int, lower_half: bool) -> None:
    rect = view.visualRect(view.model().index(row, Column.CONTENT))
    y = rect.bottom() - 2 if lower_half else rect.top() + 2
    event = QDropEvent(
        QPointF(rect.center().x(), y),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Straight to the handler: Qt delivers a drop only to the target of a real drag's enter.
    view.dropEvent(event)


def test_dragged_rows_drop_between_rows_as_one_undo_step(
    qtbot: QtBot, seed_panel: BudgetPanel, seed_path: Path
) -> None:
    view, model, stack = seed_panel.view, seed_panel.model, seed_panel.document.undo_stack
    assert isinstance(view, RowDragView)
    _select_rows(view, [0])
    dragged = model.mimeData(view.selectionModel().selectedIndexes())
    _drop(view, dragged, 2, lower_half=True)  # below the last task, above 金额合计
    assert _names(seed_panel) == ["一般管理事务", "重点片区建设（其他项目）", "基本支出"]
    assert model.index(3, Column.NAME).data() == "金额合计" and stack.count() == 1
    assert _selected(view) == [2]  # the selection moved with the row
    _drop(view, model.mimeData([model.index(2, Column.NAME)]), 1, lower_half=False)
    assert _names(seed_panel)[:2] == ["一般管理事务", "基本支出"] and stack.count() == 2
    stack.undo()
    stack.undo()
    assert _names(seed_panel) == ["基本支出", "一般管理事务", "重点片区建设（其他项目）"]

    # Rows dragged from another table (another window's declaration) are not taken.
    other = _panel(qtbot, read_json_file(seed_path).declaration)
    _drop(view, other.model.mimeData([other.model.index(0, Column.NAME)]), 2, lower_half=True)
    assert _names(seed_panel)[0] == "基本支出" and stack.index() == 0 and stack.count() == 2


def test_a_keystroke_repaints_only_the_cells_it_changes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a timing: with many rows scrolled, typing must not repaint the rows above the cell
    (Qt does so for a view with alternating colours and a hidden row; see bench_budget.py)."""
    from ui.budget.delegates import AmountDelegate

    painted: list[int] = []
    original = AmountDelegate.paint

    def paint(
        self: AmountDelegate, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        painted.append(index.row())
        original(self, painter, option, index)

    monkeypatch.setattr(AmountDelegate, "paint", paint)
    declaration = new_declaration(load_profile("SZ-DEPT-2026"), 2026)
    declaration.tasks = [Task(name=f"任务{i}", fiscal=Decimal(i)) for i in range(200)]
    panel = _panel(qtbot, declaration)
    view, model = panel.view, panel.model
    view.setFocus()
    view.setCurrentIndex(model.index(100, Column.FISCAL))
    view.scrollTo(view.currentIndex(), QTableView.ScrollHint.PositionAtBottom)
    key_click(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    qtbot.wait(50)
    painted.clear()
    key_clicks(editor, "7")
    qtbot.waitUntil(lambda: 200 in painted)  # the pinned 金额合计 shows the new total
    qtbot.wait(50)
    assert model.index(200, Column.TOTAL).data() == "19,807.00"
    assert set(painted) <= {100, 200}
