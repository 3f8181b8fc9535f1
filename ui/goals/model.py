"""Item model of the goals list: 目标N (row header), 目标内容, 字数 and how many indicators link to each goal."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from typing_extensions import override

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain import goals, horizon_goals
from desktop.domain.model import Declaration
from desktop.domain.project import ANNUAL, Horizon
from ui.budget.row_drag import ROWS_MIME, rows_mime
from ui.document import DeclarationDocument
from ui.findings.marked import MARK_ROLES, mark_data
from ui.findings.row_marks import RowMarks
from ui.goals.commands import SetGoalTextsCommand

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class GoalColumn(IntEnum):
    TEXT = 0
    LENGTH = 1
    LINKS = 2


#: The number 目标N is the vertical header: it belongs to the position, not to the goal.
HEADERS = ("目标内容", "字数", "对应指标")
#: Number of indicators explicitly linked to the goal (int).
LINK_COUNT_ROLE = Qt.ItemDataRole.UserRole + 1

_UNLINKED = QColor("#fff1d6")
_TOO_LONG = QColor("#b00020")
_UNLINKED_TIP = "尚无指标对应此目标：请在“绩效指标”的“对应目标”列中选择"


class GoalsModel(QAbstractTableModel):
    """Goals of one horizon of ``document.declaration`` (read in place), one row each.

    ``horizon`` is 年度 (``declaration.goals``, the department form's only list) or, for a
    project, 中期 (``declaration.mid_term.goals``, created by the first insert and removed again
    by its undo: desktop/domain/horizon_goals.py). Link counts come from the same horizon's tree.

    Internal state: ``_counts`` caches the link count per goal (recomputed by
    :meth:`refresh_links` whenever goals or links change); ``_preview`` is ``(row, text)`` while a
    goal is being typed, so 字数 counts the text in the editor. ``setData`` only pushes a command.
    """

    def __init__(
        self, document: DeclarationDocument, parent: Any = None, horizon: str = ANNUAL
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.horizon = horizon
        self._counts: list[int] = self._link_counts()
        self._preview: tuple[int, str] | None = None
        #: Findings shown as row icons; replaced after each check (see set_marks).
        self.marks: RowMarks | None = None

    def set_marks(self, marks: RowMarks | None) -> None:
        """Show the findings' icons and tooltips on the rows they concern."""
        self.marks = marks
        rows = len(self.goal_texts)
        if rows:
            first, last = self.index(0, GoalColumn.TEXT), self.index(rows - 1, GoalColumn.TEXT)
            self.dataChanged.emit(first, last, list(MARK_ROLES))

    @property
    def goal_texts(self) -> list[str]:
        return horizon_goals.goal_list(self.document.declaration, self.horizon)

    def _link_counts(self) -> list[int]:
        view = horizon_goals.read_view(self.document.declaration, self.horizon)
        return goals.link_counts(view) if view is not None else []

    def _edited(self) -> Declaration:
        """The declaration (or project horizon view) the goal operations change in place."""
        return horizon_goals.edit_view(self.document.declaration, self.horizon)

    @property
    def max_length(self) -> int:
        return self.document.profile.limits.goal

    @override
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.goal_texts)

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
        return goals.goal_label(section)

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # goals can be dropped between goals
        base = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == GoalColumn.TEXT else base

    # -- drag and drop of goals (see ui.budget.row_drag) ----------------------------------
    @override
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    @override
    def mimeTypes(self) -> list[str]:
        return [ROWS_MIME]

    @override
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        return rows_mime(self, (i.row() for i in indexes if i.isValid()))

    def link_count(self, row: int) -> int:
        return self._counts[row] if row < len(self._counts) else 0

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        count = self.link_count(row)
        if role == LINK_COUNT_ROLE:
            return count
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_UNLINKED) if count == 0 else None
        if column == GoalColumn.TEXT and role in MARK_ROLES and self.marks is not None:
            return mark_data(self.marks.goal(row), role, _UNLINKED_TIP if count == 0 else None)
        if role == Qt.ItemDataRole.ToolTipRole and count == 0:
            return _UNLINKED_TIP
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == GoalColumn.TEXT:
                return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            return Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        if column == GoalColumn.TEXT and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return self.goal_texts[row]
        if column == GoalColumn.LENGTH:
            length = len(
                self._preview[1]
                if self._preview and self._preview[0] == row
                else self.goal_texts[row]
            )
            if role == Qt.ItemDataRole.DisplayRole:
                return str(length)
            if role == Qt.ItemDataRole.ForegroundRole and length > self.max_length:
                return QBrush(_TOO_LONG)
            if role == Qt.ItemDataRole.ToolTipRole and length > self.max_length:
                return f"超过 {self.max_length} 字的上限"
        if column == GoalColumn.LINKS and role == Qt.ItemDataRole.DisplayRole:
            return f"{count} 项" if count else "无"
        return None

    @override
    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or index.column() != GoalColumn.TEXT
            or not index.isValid()
        ):
            return False
        # As a reader does: the number is implied by the position (docs/exchange-format.md).
        text = goals.strip_goal_number(self.document.clean(str(value)))
        if text != self.goal_texts[index.row()]:
            self.document.undo_stack.push(SetGoalTextsCommand(self, [(index.row(), text)]))
        return True

    # -- live count -----------------------------------------------------------------------
    def set_preview(self, row: int, text: str | None) -> None:
        """Count ``text`` (being typed in ``row``) in 字数; ``None`` stops the preview."""
        old = self._preview
        self._preview = None if text is None else (row, text)
        for changed in {
            r for r in (row, old[0] if old else None) if r is not None and 0 <= r < self.rowCount()
        }:
            cell = self.index(changed, GoalColumn.LENGTH)
            self.dataChanged.emit(
                cell, cell, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole]
            )

    # -- changes (called by the undo commands) --------------------------------------------
    def apply_text(self, row: int, text: str) -> str:
        self._preview = None
        old = goals.set_goal_text(self._edited(), row, text)
        self.dataChanged.emit(
            self.index(row, GoalColumn.TEXT), self.index(row, GoalColumn.LENGTH), []
        )
        return old

    def insert_goals(self, row: int, texts: list[str]) -> None:
        """Insert ``texts`` as goals from ``row`` on (links to later goals are renumbered)."""
        self.beginInsertRows(QModelIndex(), row, row + len(texts) - 1)
        view = self._edited()
        for offset, text in enumerate(texts):
            goals.insert_goal(view, row + offset, text)
        self._counts = self._link_counts()
        self.endInsertRows()
        self._renumbered(row)

    def open_horizon(self, keep: Horizon | None) -> Horizon | None:
        """Before a first insert: create an absent 中期 horizon (no rows change)."""
        return horizon_goals.open_horizon(self.document.declaration, self.horizon, keep)

    def close_horizon(self, created: Horizon | None) -> None:
        """After undoing that insert: remove the horizon it created (no rows change)."""
        horizon_goals.close_horizon(self.document.declaration, created)

    def append_goals(
        self, texts: Sequence[str], keep: Horizon | None = None
    ) -> horizon_goals.AddedGoals:
        """Append ``texts`` at the end (a copy from the other horizon); no link renumbers."""
        first = self.rowCount()
        self.beginInsertRows(QModelIndex(), first, first + len(texts) - 1)
        added = horizon_goals.add_goals(self.document.declaration, self.horizon, texts, keep)
        self._counts = self._link_counts()
        self.endInsertRows()
        return added

    def remove_appended(self, added: horizon_goals.AddedGoals) -> None:
        self.beginRemoveRows(QModelIndex(), added.first, added.first + added.count - 1)
        horizon_goals.remove_added_goals(self.document.declaration, added)
        self._counts = self._link_counts()
        self.endRemoveRows()

    def remove_goal(self, row: int) -> goals.RemovedGoal:
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = goals.remove_goal(self._edited(), row)
        self._counts = self._link_counts()
        self.endRemoveRows()
        self._renumbered(row)
        return removed

    def restore_goal(self, row: int, removed: goals.RemovedGoal) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        goals.restore_goal(self._edited(), row, removed)
        self._counts = self._link_counts()
        self.endInsertRows()
        self._renumbered(row)

    def move_goal(self, source: int, destination: int) -> None:
        qt_destination = destination + 1 if destination > source else destination
        if not self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), qt_destination):
            return
        goals.move_goal(self._edited(), source, destination)
        self._counts = self._link_counts()
        self.endMoveRows()
        self._renumbered(min(source, destination))

    def _renumbered(self, first: int) -> None:
        """Numbers from ``first`` on follow their new positions."""
        if first < self.rowCount():
            last = self.rowCount() - 1
            self.headerDataChanged.emit(Qt.Orientation.Vertical, first, last)

    def refresh_links(self) -> None:
        """Indicator links changed elsewhere (the indicator tree's 对应目标 picker)."""
        counts = self._link_counts()
        if counts != self._counts and len(counts) == self.rowCount():
            self._counts = counts
            if counts:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(counts) - 1, len(HEADERS) - 1), []
                )

    def reload(self) -> None:
        self.beginResetModel()
        self._counts = self._link_counts()
        self._preview = None
        self.endResetModel()
