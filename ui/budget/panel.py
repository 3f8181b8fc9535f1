"""The 主要任务与预算 section: task table with pinned 金额合计, bars, declared totals, 预算控制数."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.budget import AMOUNT_FIELDS, block_moves, drop_moves, duplicate_task
from desktop.domain.changes import Part
from desktop.domain.model import Task
from desktop.domain.money import ZERO
from desktop.domain.task_paste import CellEdit, PasteError, cell_edits, tasks_from_clipboard
from ui.budget.bars import BudgetBars
from ui.budget.cell_message import SHOWN_AFTER_CLOSE_MS, CellMessage
from ui.budget.commands import (
    AcceptComputedTotalsCommand,
    InsertTasksCommand,
    MoveTasksCommand,
    RemoveTasksCommand,
    SetControlTotalCommand,
    SetTaskCellsCommand,
)
from ui.budget.control_total import ControlTotalField
from ui.budget.declared_banner import DeclaredTotalsBanner
from ui.budget.model import FIELDS, BudgetTableModel, Column
from ui.budget.table import BudgetTable
from ui.cell_block import block_tsv, selected_cells
from ui.document import DeclarationDocument
from ui.table_keys import leave_by_tab
from ui.view_actions import tool_row, view_action

_EMPTY = (
    "尚无任务：按 Insert 或“添加任务”添加一行，或在 Excel/WPS 中复制任务行"
    "（任务名称、主要内容、财政拨款、其他资金）后按 Ctrl+Shift+V 粘贴。"
)


class BudgetPanel(QWidget):
    """Edits tasks and amounts of ``document``; every change is one command on its undo stack."""

    def __init__(self, document: DeclarationDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("budgetPanel")
        self.document = document
        self.model = BudgetTableModel(document, self)
        self.table = BudgetTable(self.model, self)
        self.view = self.table.view
        self.banner = DeclaredTotalsBanner(self)
        self.control = ControlTotalField(self)
        self.bars = BudgetBars(self)
        self.message = CellMessage(self.view)
        self.status = QLabel(self)
        self.status.setObjectName("budgetStatus")
        self.status.setWordWrap(True)
        self.empty = QLabel(_EMPTY, self)
        self.empty.setObjectName("budgetEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #555555;")
        self.setFocusProxy(self.view)  # the section shown by Ctrl+2 takes keys in its table
        self._build_actions()
        self._build_layout()
        self._connect()
        self._refresh()

    # -- construction ---------------------------------------------------------------------
    def _action(
        self, text: str, key: QKeySequence | str, slot: Callable[[], object], tip: str
    ) -> QAction:
        return view_action(self.view, text, key, slot, tip)

    def _build_actions(self) -> None:
        self.add_action = self._action("添加任务", "Insert", self.add_row, "在当前行下方添加一行")
        self.delete_action = self._action("删除行", "Ctrl+Delete", self.delete_rows, "删除所选行")
        self.clear_action = self._action("清除", "Delete", self.clear_cells, "清除所选单元格的内容")
        self.clear_action.setShortcuts([QKeySequence("Delete"), QKeySequence("Backspace")])
        self.copy_action = self._action(
            "复制",
            QKeySequence(QKeySequence.StandardKey.Copy),
            self.copy_cells,
            "复制所选单元格（可粘贴到 Excel/WPS）",
        )
        self.up_action = self._action("上移", "Ctrl+Up", lambda: self.move_row(-1), "所选行上移")
        self.down_action = self._action("下移", "Ctrl+Down", lambda: self.move_row(1), "所选行下移")
        self.duplicate_action = self._action(
            "复制行", "Ctrl+D", self.duplicate_row, "复制当前行到下方"
        )
        self.paste_action = self._action(
            "粘贴行", "Ctrl+Shift+V", self.paste_rows, "粘贴从 Excel/WPS 复制的任务行"
        )
        self.paste_cells_action = self._action(
            "粘贴", "Ctrl+V", self.paste_cells, "粘贴到当前单元格起的区域"
        )
        edit = self._action("编辑", "Return", self._edit_current, "编辑单元格")
        edit.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])

    def _build_layout(self) -> None:
        tools = tool_row(
            self,
            (
                self.add_action,
                self.delete_action,
                self.up_action,
                self.down_action,
                self.duplicate_action,
                self.paste_action,
            ),
        )
        tools.addWidget(self.control)
        scroll = QScrollArea(self)
        scroll.setWidget(self.bars)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(170)
        # The bars fit any width (labels elide); a sideways scroll bar would only clip them.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(tools)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        self.document.changed.connect(self._on_changed)
        self.document.replaced.connect(self.model.reload)
        self.banner.accept_requested.connect(
            lambda: self.document.undo_stack.push(AcceptComputedTotalsCommand(self.document))
        )
        self.control.value_committed.connect(
            lambda value: self.document.undo_stack.push(
                SetControlTotalCommand(self.document, value)
            )
        )
        self.table.view.rows_dropped.connect(self._on_rows_dropped)
        leave_by_tab(self.view, self._at_edge)
        delegate = self.table.amount_delegate
        delegate.input_rejected.connect(lambda index, reason: self.message.show_for(index, reason))
        delegate.input_accepted.connect(lambda _index: self.message.hide())
        delegate.closeEditor.connect(self.message.keep_after_edit)

    # -- refresh --------------------------------------------------------------------------
    @Slot(object)
    def _on_changed(self, parts: Part) -> None:
        if parts & (Part.TASKS | Part.HEADER):
            self._refresh()

    def _refresh(self) -> None:
        declaration = self.document.declaration
        decimals = self.document.profile.amount_decimals
        self.banner.refresh(declaration, decimals)
        self.control.refresh(declaration, decimals)
        self.bars.refresh(declaration)
        self.empty.setVisible(not declaration.tasks)

    def _at_edge(self, forward: bool) -> bool:
        """Tab on the last cell (Shift+Tab on the first) leaves the table."""
        current = self.view.currentIndex()
        if not current.isValid() or self.model.total_row() == 0:
            return True
        if forward:
            return current.row() >= self.model.total_row() - 1 and current.column() >= Column.OTHER
        return current.row() == 0 and current.column() == Column.NAME

    # -- row actions ----------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        last = self.model.total_row()
        rows = {i.row() for i in self.view.selectionModel().selectedIndexes()}
        current = self.view.currentIndex()
        if not rows and current.isValid():
            rows = {current.row()}
        return sorted(r for r in rows if r < last)

    def _insert_row(self) -> int:
        """Below the current row, or at the end (always above 金额合计)."""
        current = self.view.currentIndex()
        last = self.model.total_row()
        return current.row() + 1 if current.isValid() and current.row() < last else last

    def _select_row(self, row: int, column: int = 0) -> None:
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def add_row(self) -> None:
        row = self._insert_row()
        self.document.undo_stack.push(InsertTasksCommand(self.model, row, [Task()], "添加任务"))
        self._select_row(row)

    def delete_rows(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.document.undo_stack.push(RemoveTasksCommand(self.model, rows))
            if self.model.total_row() > 0:
                self._select_row(min(rows[0], self.model.total_row() - 1))

    def move_row(self, step: int) -> None:
        """Move the selected rows (each run of adjacent rows as a block) one place up or down.

        Nothing moves when a selected row is already first (up) or last (down). The selection
        and the current cell follow the moved rows.
        """
        moves = block_moves(self.selected_rows(), step, self.model.total_row())
        if moves:
            self.document.undo_stack.push(MoveTasksCommand(self.model, moves))
            self.view.scrollTo(self.view.currentIndex())

    def duplicate_row(self) -> None:
        current = self.view.currentIndex()
        if current.isValid() and current.row() < self.model.total_row():
            copy = duplicate_task(self.model.tasks[current.row()])
            self.document.undo_stack.push(
                InsertTasksCommand(self.model, current.row() + 1, [copy], "复制任务")
            )
            self._select_row(current.row() + 1, current.column())

    def paste_rows(self, text: str | None = None) -> None:
        """Insert rows copied from Excel/WPS below the current row, as one undo step."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        try:
            tasks = tasks_from_clipboard(text)
        except PasteError as exc:
            self.status.setText(f"未粘贴：{exc}")
            return
        self.document.note_pasted(text)
        row = self._insert_row()
        self.document.undo_stack.push(
            InsertTasksCommand(self.model, row, tasks, f"粘贴 {len(tasks)} 个任务")
        )
        self.status.setText(f"已粘贴 {len(tasks)} 个任务")
        self._select_row(row)

    def _on_rows_dropped(self, rows: list[int], before: int) -> None:
        moves = drop_moves(rows, before, self.model.total_row())
        if moves:
            self.document.undo_stack.push(MoveTasksCommand(self.model, moves))

    def paste_cells(self, text: str | None = None) -> None:
        """Paste a block over the cells from the current one on (Ctrl+V), as one undo step.

        Without a current cell (an empty table, say) the block is added as rows.

        All or nothing: a value that is not valid, or a block reaching past the last task, is
        refused with a message next to the cell and nothing changes.
        """
        if text is None:
            text = QGuiApplication.clipboard().text()
        current = self.view.currentIndex()
        if not current.isValid() or current.row() >= self.model.total_row():
            self.paste_rows(text)  # no cell to paste over: the rows are added
            return
        try:
            edits = cell_edits(text, self.model.total_row(), current.row(), current.column())
        except PasteError as exc:
            self.message.show_for(current, f"未粘贴：{exc}", timeout_ms=SHOWN_AFTER_CLOSE_MS)
            return
        self.message.hide()
        self.document.note_pasted(text)
        if edits:
            self.document.undo_stack.push(SetTaskCellsCommand(self.model, edits))

    def copy_cells(self) -> None:
        """Ctrl+C: the selected block as Excel/WPS copies it (amounts without separators)."""
        last = self.model.total_row()
        cells = [c for c in selected_cells(self.view) if c.row() < last]
        if cells:
            text = block_tsv(cells, lambda c: str(c.data(Qt.ItemDataRole.EditRole) or ""))
            QGuiApplication.clipboard().setText(text)

    def clear_cells(self) -> None:
        """Delete / Backspace: empty the selected cells (amounts become 0), as one undo step."""
        edits: list[CellEdit] = []
        for cell in sorted(selected_cells(self.view), key=lambda c: (c.row(), c.column())):
            field = FIELDS.get(cell.column())
            if field is None or cell.row() >= self.model.total_row():
                continue  # 总额 and 金额合计 are computed
            empty: str | Decimal = ZERO if field in AMOUNT_FIELDS else ""
            if getattr(self.model.tasks[cell.row()], field) != empty:
                edits.append(CellEdit(cell.row(), field, empty))
        if edits:
            self.document.undo_stack.push(
                SetTaskCellsCommand(self.model, edits, f"清除 {len(edits)} 个单元格")
            )

    def _edit_current(self) -> None:
        index: QModelIndex = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index)
