"""The stored declarations as a table model, and the list view named ``declarationList``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from typing_extensions import override

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from desktop.domain.project import name_key
from desktop.services.store import DeclarationSummary
from ui.item_tag import TAG_ROLE, TagDelegate

HEADERS = ("年度", "单位 / 项目", "修改时间", "版本", "定稿")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PROJECT_TAG = "项目"
_ROOT = QModelIndex()


def navigator_order(rows: list[DeclarationSummary]) -> list[DeclarationSummary]:
    """The store's newest-first list with each project moved after its unit's department form
    of the same year (docs/project-form.md §11).

    A unit's year forms a group, placed where its most recently modified member is; inside a
    group the department form comes first, then the projects, each newest first. Forms
    without a unit name stay apart.
    """
    groups: dict[tuple[int, str], list[DeclarationSummary]] = {}
    for row in rows:  # newest first, so a group's first member fixes its place
        unit = name_key(row.unit_name)
        groups.setdefault((row.year, unit or f"#{row.id}"), []).append(row)
    ordered: list[DeclarationSummary] = []
    for members in groups.values():
        ordered.extend(m for m in members if m.project_name is None)
        ordered.extend(m for m in members if m.project_name is not None)
    return ordered


def local_time(moment: datetime) -> datetime:
    """The store's UTC time in the computer's time zone (a naive time is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def short_time(moment: datetime, now: datetime | None = None) -> str:
    """Today's time as 10:42, this year's date as 11-27, older dates as 2025-11-27."""
    local = local_time(moment)
    today = (now or datetime.now().astimezone()).date()
    if local.date() == today:
        return f"{local:%H:%M}"
    if local.year == today.year:
        return f"{local:%m-%d}"
    return f"{local:%Y-%m-%d}"


class DeclarationListModel(QAbstractTableModel):
    """Rows are :class:`DeclarationSummary` objects in :func:`navigator_order`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DeclarationSummary] = []
        self.current_id: int | None = None

    def set_rows(self, rows: list[DeclarationSummary]) -> None:
        self.beginResetModel()
        self.rows = navigator_order(rows)
        self.endResetModel()

    def row_of(self, declaration_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == declaration_id), None)

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == TAG_ROLE:
            return PROJECT_TAG if index.column() == 1 and row.project_name is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            final = f"，第 {row.final_revision} 版已定稿" if row.final_revision else ""
            latest = f"第 {row.latest_revision} 版" if row.latest_revision else "尚未保存版本"
            modified = f"{local_time(row.modified):%Y-%m-%d %H:%M}"
            project = (
                f"项目支出表：{row.project_name or '（未填写项目名称）'}\n"
                if row.project_name is not None
                else ""
            )
            return (
                f"{row.year}年 {row.unit_name or '（未填写单位名称）'}\n{project}"
                f"修改时间：{modified}\n最新版本：{latest}{final}"
            )
        if role == Qt.ItemDataRole.FontRole and row.id == self.current_id:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _display(row: DeclarationSummary, column: int) -> str:
        if column == 0:
            return str(row.year)
        if column == 1:
            if row.project_name is not None:  # a project: its name, tagged 项目 by the delegate
                return row.project_name or "（未填写项目名称）"
            return row.unit_name or "（未填写）"
        if column == 2:
            return short_time(row.modified)
        if column == 3:
            return str(row.latest_revision) if row.latest_revision else "—"
        return "定稿" if row.final_revision else ""


class DeclarationListView(QTreeView):
    """The navigator's list of declarations (``declarationList``)."""

    def __init__(self, model: DeclarationListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("declarationList")
        self.setModel(model)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(10)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The unit name takes the room left by the short columns, elided; full in the tooltip.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegateForColumn(1, TagDelegate(self))  # the 项目 tag of project rows
