"""Item model of the task table: one row per task, then the 金额合计 row as the last row."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import IntEnum
from typing import Any

from typing_extensions import override

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication

from desktop.domain import budget
from desktop.domain.budget import TaskField
from desktop.domain.model import Task, Totals
from desktop.domain.money import AmountError, format_amount, has_hidden_precision, parse_user_amount
from desktop.domain.task_paste import CellEdit
from ui.budget.commands import SetTaskCellsCommand
from ui.budget.row_drag import ROWS_MIME, rows_mime
from ui.document import DeclarationDocument
from ui.findings.marked import MARK_ROLES, mark_data
from ui.findings.row_marks import RowMarks

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    CONTENT = 1
    TOTAL = 2
    FISCAL = 3
    OTHER = 4


HEADERS = ("任务名称", "主要内容", "总额", "财政拨款", "其他资金")
FIELDS: dict[int, TaskField] = {
    Column.NAME: "name",
    Column.CONTENT: "content",
    Column.FISCAL: "fiscal",
    Column.OTHER: "other",
}
AMOUNT_COLUMNS = (Column.TOTAL, Column.FISCAL, Column.OTHER)
TOTAL_ROW_LABEL = "金额合计"

#: The exact ``Decimal`` of an amount cell.
AMOUNT_ROLE = Qt.ItemDataRole.UserRole + 1
#: True on the 金额合计 row.
TOTAL_ROW_ROLE = Qt.ItemDataRole.UserRole + 2
#: True when an amount has more decimals than the display shows.
HIDDEN_PRECISION_ROLE = Qt.ItemDataRole.UserRole + 3

_ROOT = QModelIndex()
_TOTAL_TINT = QColor("#eef2f7")


class BudgetTableModel(QAbstractTableModel):
    """Tasks of ``document.declaration`` (read in place, never copied) plus the 金额合计 row.

    Internal state: ``_totals`` caches the committed column sums (dropped on every change);
    ``_preview`` is ``(row, field, row 总额, totals)`` while an amount is being typed, so the
    row's 总额 and the 金额合计 row show the typed value before it is committed. ``setData``
    only pushes an undo command; the ``apply_*`` / ``insert_tasks`` / ``remove_tasks`` /
    ``move_task`` methods are what the commands call, and they emit the model signals.
    """

    def __init__(self, document: DeclarationDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.document = document
        self._totals: Totals | None = None
        self._preview: tuple[int, TaskField, Decimal, Totals] | None = None
        #: Findings shown as row icons; replaced after each check (see set_marks).
        self.marks: RowMarks | None = None
        self._alternate = QBrush(QGuiApplication.palette().alternateBase())

    def set_marks(self, marks: RowMarks | None) -> None:
        """Show the findings' icons and tooltips on the rows they concern."""
        self.marks = marks
        rows = self.total_row()
        if rows:
            first, last = self.index(0, Column.NAME), self.index(rows - 1, Column.NAME)
            self.dataChanged.emit(first, last, list(MARK_ROLES))

    # -- shape ----------------------------------------------------------------------------
    @property
    def tasks(self) -> list[Task]:
        return self.document.declaration.tasks

    @property
    def decimals(self) -> int:
        return self.document.profile.amount_decimals

    def total_row(self) -> int:
        return len(self.tasks)

    @override
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.tasks) + 1

    @override
    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return "" if section == self.total_row() else str(section + 1)

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # rows can be dropped between task rows
        if index.row() == self.total_row():
            return Qt.ItemFlag.ItemIsEnabled
        base = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        return base if index.column() == Column.TOTAL else base | Qt.ItemFlag.ItemIsEditable

    # -- drag and drop of rows (see ui.budget.row_drag) -----------------------------------
    @override
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    @override
    def mimeTypes(self) -> list[str]:
        return [ROWS_MIME]

    @override
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        last = self.total_row()
        return rows_mime(self, (i.row() for i in indexes if i.isValid() and i.row() < last))

    # -- values ---------------------------------------------------------------------------
    def committed_totals(self) -> Totals:
        if self._totals is None:
            self._totals = self.document.declaration.computed_totals()
        return self._totals

    def amount(self, row: int, column: int) -> Decimal:
        """The amount shown in a cell, including the preview of a value being typed."""
        preview = self._preview
        if row == self.total_row():
            totals = preview[3] if preview else self.committed_totals()
            value = {
                Column.TOTAL: totals.total,
                Column.FISCAL: totals.fiscal,
                Column.OTHER: totals.other,
            }[Column(column)]
            assert value is not None
            return value
        task = self.tasks[row]
        if column == Column.TOTAL:
            return preview[2] if preview and preview[0] == row else task.total
        return task.fiscal if column == Column.FISCAL else task.other

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        is_total = row == self.total_row()
        if role == TOTAL_ROW_ROLE:
            return is_total
        if column in AMOUNT_COLUMNS:
            return self._amount_data(row, column, role)
        if column == Column.NAME and role in MARK_ROLES and not is_total and self.marks is not None:
            return mark_data(self.marks.task(row), role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if is_total:
                return TOTAL_ROW_LABEL if column == Column.NAME else ""
            return getattr(self.tasks[row], FIELDS[column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return self._row_style(row, is_total, role)

    def _amount_data(self, row: int, column: int, role: int) -> Any:
        value = self.amount(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return format_amount(value, self.decimals, thousands=True)
        if role == Qt.ItemDataRole.EditRole:
            return format(value, "f")
        if role == AMOUNT_ROLE:
            return value
        if role == HIDDEN_PRECISION_ROLE:
            return has_hidden_precision(value, self.decimals)
        if role == Qt.ItemDataRole.ToolTipRole:
            if has_hidden_precision(value, self.decimals):
                return f"精确值：{format(value, 'f')} 万元（显示四舍五入到 {self.decimals} 位小数）"
            return "总额 = 财政拨款 + 其他资金，自动计算" if column == Column.TOTAL else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        return self._row_style(row, row == self.total_row(), role)

    def _row_style(self, row: int, is_total: bool, role: int) -> Any:
        if is_total and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            if is_total:
                return QBrush(_TOTAL_TINT)
            # Alternate rows tinted here, not by the view: a view with alternating colours and
            # a hidden row (金额合计) repaints every visible row above a changed cell.
            return self._alternate if row % 2 else None
        return None

    @override
    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Push an undo command for a committed edit; invalid amounts are refused."""
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        field = FIELDS[index.column()]
        new: str | Decimal
        if field in budget.AMOUNT_FIELDS:
            try:
                new = value if isinstance(value, Decimal) else parse_user_amount(str(value))
            except AmountError:
                return False
        else:
            new = self.document.clean(str(value))
        old = getattr(self.tasks[index.row()], field)
        if new == old:
            return True
        self.document.undo_stack.push(
            SetTaskCellsCommand(self, [CellEdit(index.row(), field, new)])
        )
        return True

    # -- live preview ---------------------------------------------------------------------
    def set_preview(self, row: int, column: int, value: Decimal | None) -> None:
        """Show totals as if ``value`` were in the cell (``None``: show the committed value)."""
        if value is None:
            self.clear_preview()
            return
        field = FIELDS[column]
        row_total, totals = budget.totals_with(self.document.declaration, row, field, value)
        self._preview = (row, field, row_total, totals)
        self._emit_totals(row)

    def clear_preview(self) -> None:
        if self._preview is not None:
            row = self._preview[0]
            self._preview = None
            if row < self.total_row():
                self._emit_totals(row)

    def _emit_totals(self, row: int) -> None:
        amount_roles = [
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            AMOUNT_ROLE,
            HIDDEN_PRECISION_ROLE,
            Qt.ItemDataRole.ToolTipRole,
        ]
        cell = self.index(row, Column.TOTAL)
        self.dataChanged.emit(cell, cell, amount_roles)
        last = self.total_row()
        # One cell at a time: a view repaints its whole viewport for a multi-cell range,
        # which made every keystroke repaint the visible task rows.
        for column in (Column.TOTAL, Column.FISCAL, Column.OTHER):
            total_cell = self.index(last, column)
            self.dataChanged.emit(total_cell, total_cell, amount_roles)

    # -- changes (called by the undo commands) --------------------------------------------
    def apply_field(self, row: int, field: TaskField, value: str | Decimal) -> str | Decimal:
        """Set a task field, emit the edited cell, its row's 总额 and the 金额合计 row."""
        self._preview = None
        old = budget.set_task_field(self.document.declaration, row, field, value)
        column = next(c for c, f in FIELDS.items() if f == field)
        self._totals = None
        cell = self.index(row, column)
        self.dataChanged.emit(cell, cell, [])
        if field in budget.AMOUNT_FIELDS:
            self._emit_totals(row)
        return old

    def insert_tasks(self, row: int, tasks: list[Task]) -> None:
        self.beginInsertRows(QModelIndex(), row, row + len(tasks) - 1)
        budget.insert_tasks(self.document.declaration, row, tasks)
        self._totals = None
        self.endInsertRows()
        self._emit_totals_row()

    def remove_tasks(self, row: int, count: int = 1) -> list[Task]:
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        removed = budget.remove_tasks(self.document.declaration, row, count)
        self._totals = None
        self.endRemoveRows()
        self._emit_totals_row()
        return removed

    def move_task(self, source: int, destination: int) -> None:
        """Move a task to index ``destination`` (Qt wants the row it goes *before*)."""
        qt_destination = destination + 1 if destination > source else destination
        if not self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), qt_destination):
            return
        budget.move_task(self.document.declaration, source, destination)
        self.endMoveRows()

    def _emit_totals_row(self) -> None:
        last = self.total_row()
        self.dataChanged.emit(self.index(last, Column.TOTAL), self.index(last, Column.OTHER), [])

    def reload(self) -> None:
        """The declaration was replaced or changed behind the model's back."""
        self.beginResetModel()
        self._totals = None
        self._preview = None
        self.endResetModel()
