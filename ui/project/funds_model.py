"""Item model of the 项目资金 table: one row per horizon, columns 总额 | 财政拨款 | 其他资金 | details.

Rows are the profile's horizons (``中期资金`` first when it has one, then ``年度资金``); columns
the derived 总额 and then ``desktop.domain.funds.columns``. Amounts are stored in 万元 and shown
in the profile's ``amount_unit``. The model never changes the project: ``setData`` pushes a
:class:`SetFundsCommand`, and the model follows ``Part.FUNDS`` notifications (its shape is fixed
by the profile). While an amount is typed, :meth:`set_preview` shows 总额 as if it were stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from typing_extensions import override

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop.domain import funds
from desktop.domain.changes import Part
from desktop.domain.errors import EditError
from desktop.domain.funds import FundsCell
from desktop.domain.money import format_amount, has_hidden_precision, in_unit
from desktop.domain.project import MID, Funds, ProjectDeclaration
from desktop.domain.project_profile import ProjectProfile
from desktop.rules.findings import SEVERITY_ORDER
from desktop.rules.locate import RowMark
from ui.budget.model import AMOUNT_ROLE, HIDDEN_PRECISION_ROLE
from ui.document import DeclarationDocument
from ui.findings.marked import MARK_ROLES, mark_data
from ui.findings.row_marks import RowMarks
from ui.project.funds_commands import SetFundsCommand

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
TOTAL_COLUMN = 0
_DERIVED_TINT = QColor("#eef2f7")
_MARK_TINTS = {"error": QColor("#fde8e8"), "warning": QColor("#fff4e0")}
_TOTAL_TIP = "总额 = 财政拨款 + 其他资金，自动计算"


class FundsTableModel(QAbstractTableModel):
    """The 项目资金 of ``document.project`` (read in place).

    Signals:
        preview_changed(): the amounts shown changed without a commit (typing) or with one.
        edit_refused(QModelIndex, str): a committed value was refused (Chinese reason).
    """

    preview_changed = Signal()
    edit_refused = Signal(QModelIndex, str)

    def __init__(self, document: DeclarationDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._preview: tuple[int, Funds] | None = None
        self.marks: RowMarks | None = None
        self._shape()
        document.changed.connect(self._on_changed)
        document.replaced.connect(self.reload)

    def _shape(self) -> None:
        self.profile: ProjectProfile = self.document.project_profile()
        self.horizons = funds.horizons(self.profile)
        self.keys: list[str | None] = [None, *funds.columns(self.profile)]

    # -- shape ----------------------------------------------------------------------------
    @property
    def project(self) -> ProjectDeclaration:
        project = self.document.project
        assert project is not None, "the 项目资金 table shows a project declaration"
        return project

    @property
    def unit(self) -> str:
        return self.profile.amount_unit

    @property
    def decimals(self) -> int:
        return self.document.profile.amount_decimals

    def row_of(self, horizon: str) -> int | None:
        return self.horizons.index(horizon) if horizon in self.horizons else None

    def column_of(self, key: str | None) -> int | None:
        return self.keys.index(key) if key in self.keys else None

    @override
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.horizons)

    @override
    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.keys)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return funds.HORIZON_LABELS[self.horizons[section]] if section < len(self.horizons) else None
        if not 0 <= section < len(self.keys):
            return None
        key = self.keys[section]
        if key is None:
            return funds.TOTAL_LABEL
        label = funds.column_label(self.profile, key)
        # A detail sits under its parent: "其中：专项债券".
        return f"其中：{label}" if key.startswith(funds.DETAIL) else label

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if index.column() == TOTAL_COLUMN else base | Qt.ItemFlag.ItemIsEditable

    # -- values ---------------------------------------------------------------------------
    def current(self, horizon: str) -> Funds | None:
        """The funds of ``horizon`` as shown: with the amount being typed, if any."""
        row = self.row_of(horizon)
        if self._preview is not None and self._preview[0] == row:
            return self._preview[1]
        return funds.funds_of(self.project, horizon)

    def amount(self, row: int, column: int) -> Decimal | None:
        """The amount shown in a cell (万元); None for an empty cell."""
        horizon, key = self.horizons[row], self.keys[column]
        shown = self.current(horizon)
        if horizon == MID and not self._mid_shown(shown):
            return None  # an unused 中期 horizon prints empty cells, not 0.00
        if key is None:
            assert shown is not None
            return shown.total
        return funds.amount(shown, key)

    def _mid_shown(self, shown: Funds | None) -> bool:
        """The 中期 row shows amounts while the horizon is in use (or an amount is typed)."""
        if shown is None:
            return False
        mid = self.project.mid_term
        return shown.has_content() or (mid is not None and mid.in_use())

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in MARK_ROLES:
            return mark_data(self.mark(row, column), role, self._tooltip(row, column))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            mark = self.mark(row, column)
            if mark is not None and mark.severity in _MARK_TINTS:
                return QBrush(_MARK_TINTS[mark.severity])
            return QBrush(_DERIVED_TINT) if column == TOTAL_COLUMN else None
        value = self.amount(row, column)
        shown = None if value is None else in_unit(value, self.unit)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if shown is None else format_amount(shown, self.decimals, thousands=True)
        if role == Qt.ItemDataRole.EditRole:
            return "" if shown is None else _plain(shown)
        if role == AMOUNT_ROLE:
            return None if shown is None else Decimal(_plain(shown))
        if role == HIDDEN_PRECISION_ROLE:
            return shown is not None and has_hidden_precision(shown, self.decimals)
        return None

    def _tooltip(self, row: int, column: int) -> str | None:
        value = self.amount(row, column)
        lines = [_TOTAL_TIP] if column == TOTAL_COLUMN else []
        if value is not None:
            shown = in_unit(value, self.unit)
            if has_hidden_precision(shown, self.decimals):
                lines.append(
                    f"精确值：{_plain(shown)} {self.unit}（显示四舍五入到 {self.decimals} 位小数）"
                )
        return "\n".join(lines) or None

    # -- marks ----------------------------------------------------------------------------
    def set_marks(self, marks: RowMarks | None) -> None:
        """Show the findings (P02, P05, P07, A06, A07, C02 …) on the cells they concern."""
        self.marks = marks
        self._emit_all([*MARK_ROLES, Qt.ItemDataRole.BackgroundRole])

    def mark(self, row: int, column: int) -> RowMark | None:
        if self.marks is None:
            return None
        horizon, key = self.horizons[row], self.keys[column]
        marks = self.marks.mid() if horizon == MID else self.marks
        wheres = cell_paths(key)
        if horizon == MID and key is None:
            # P04 names the horizon itself when it is missing altogether.
            return _merged(marks.at(*wheres), self.marks.at("mid_term"))
        return marks.at(*wheres)

    # -- edits ----------------------------------------------------------------------------
    @override
    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Push an undo command for a committed amount (``Decimal`` in 万元, or typed text)."""
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        horizon, key = self.horizons[index.row()], self.keys[index.column()]
        assert key is not None
        try:
            amount = value if isinstance(value, Decimal) else funds.parse_amount(str(value), self.unit)
            if amount == funds.amount(funds.funds_of(self.project, horizon), key):
                return True
            command = SetFundsCommand(self.document, [FundsCell(horizon, key, amount)])
        except EditError as exc:
            self.edit_refused.emit(self.index(index.row(), index.column()), str(exc))
            return False
        self.document.undo_stack.push(command)
        return True

    def set_preview(self, row: int, column: int, value: Decimal | None) -> None:
        """Show 总额 as if ``value`` (万元) were in the cell; None shows the stored value."""
        key = self.keys[column]
        if value is None or key is None:
            self.clear_preview()
            return
        stored = funds.funds_of(self.project, self.horizons[row])
        self._preview = (row, funds.funds_with(stored, key, value))
        self._emit_row(row)

    def clear_preview(self) -> None:
        if self._preview is not None:
            row = self._preview[0]
            self._preview = None
            self._emit_row(row)

    # -- following the document -----------------------------------------------------------
    def _on_changed(self, parts: Part) -> None:
        if parts & Part.FUNDS:
            self._preview = None
            self._emit_all([])

    def reload(self) -> None:
        """The declaration was replaced (restore, reload): its profile may differ too."""
        self.beginResetModel()
        self._preview = None
        self._shape()
        self.endResetModel()
        self.preview_changed.emit()

    def _emit_row(self, row: int) -> None:
        # Only 总额: a change that covers the cell being typed in would make Qt reset its
        # editor's text to the model's value (a trailing "." would vanish).
        cell = self.index(row, TOTAL_COLUMN)
        self.dataChanged.emit(cell, cell, [])
        self.preview_changed.emit()

    def _emit_all(self, roles: Sequence[int]) -> None:
        if self.horizons:
            last = self.index(len(self.horizons) - 1, len(self.keys) - 1)
            self.dataChanged.emit(self.index(0, 0), last, list(roles))
        self.preview_changed.emit()


def cell_paths(key: str | None) -> tuple[str, ...]:
    """The finding paths (年度 form, without ``mid_term.``) a cell of column ``key`` shows."""
    if key is None:
        return ("funds", "funds.total")
    if key.startswith(funds.DETAIL):
        return ("funds.details", f"funds.{key}")
    return (f"funds.{key}",)


def _merged(first: RowMark | None, second: RowMark | None) -> RowMark | None:
    if first is None or second is None:
        return first or second
    worst = min(first, second, key=lambda m: SEVERITY_ORDER.get(m.severity, 9))
    return RowMark(worst.severity, f"{first.tooltip}\n{second.tooltip}", first.count + second.count)


def _plain(value: Decimal) -> str:
    """Digits as typed back into a cell: no exponent, no trailing zeros beyond 2 decimals."""
    text = format(value, "f")
    if "." in text:
        integer, fraction = text.split(".")
        fraction = fraction.rstrip("0").ljust(2, "0")
        text = f"{integer}.{fraction}"
    return text
