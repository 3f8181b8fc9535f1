"""The findings tree: review dimensions at the top, their findings below.

Internal state: ``_groups`` holds, per top-level row, a dimension name and its findings, already
sorted (open before accepted, then severity, then the order of the form). Only dimensions with
findings get a row, in the official order. An index's ``internalId`` names its *parent*: ``0``
for a dimension row, ``group row + 1`` for a finding row, so ``parent()`` is O(1).

A new result replaces the whole list with a model reset; an identical result (the common case
while typing in a field no rule looks at) changes nothing, so the view keeps its scroll position.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from enum import IntEnum
from typing import Any

from typing_extensions import override

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.model import AcceptedFinding
from desktop.domain.project import MID_PATH, MID_SUBJECT
from desktop.rules.findings import DIMENSIONS, SEVERITY_LABELS, Finding
from desktop.rules.locate import acceptance_for, count_by_severity, parse_where, sort_findings
from desktop.rules.registry import RULES
from ui.findings.icons import severity_icon
from ui.item_tag import TAG_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Column(IntEnum):
    # The message comes first (with the severity icon): in a narrow dock it is what matters.
    MESSAGE = 0
    SUBJECT = 1
    RULE = 2
    SEVERITY = 3


HEADERS = ("说明", "对象", "规则", "级别")

#: Custom roles.
#: The :class:`Finding` of a finding row (``None`` on a dimension row).
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
#: The finding's ``where`` (exchange path), for jumping to the cell.
WHERE_ROLE = Qt.ItemDataRole.UserRole + 2
#: The dimension name, on dimension rows and finding rows alike.
DIMENSION_ROLE = Qt.ItemDataRole.UserRole + 3
#: The written reason of an accepted finding ("" otherwise).
REASON_ROLE = Qt.ItemDataRole.UserRole + 4

ACCEPTED_LABEL = "已接受"
#: The tag of findings about a project's 中期 horizon.
MID_TAG = "中期"
_GREY = QColor("#8a8a8a")


def finding_key(finding: Finding) -> tuple[str, str, str]:
    """What identifies a finding across checks (its message may change while typing)."""
    return (finding.rule, finding.where, finding.subject)


class FindingsModel(QAbstractItemModel):
    """Read-only tree of findings grouped by dimension."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._accepted: list[AcceptedFinding] = []
        self._groups: list[tuple[str, list[Finding]]] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._grey = QBrush(_GREY)
        self._tint = QBrush(QColor("#eef3f8"))

    # -- content ------------------------------------------------------------------------
    def set_findings(
        self, findings: Sequence[Finding], accepted: Sequence[AcceptedFinding] = ()
    ) -> bool:
        """Show ``findings``; ``accepted`` supplies the reasons. Returns whether anything changed."""
        new_findings, new_accepted = list(findings), list(accepted)
        if new_findings == self._findings and new_accepted == self._accepted:
            return False
        self.beginResetModel()
        self._findings, self._accepted = new_findings, new_accepted
        self._groups = _group(new_findings)
        self.endResetModel()
        return True

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def counts(self) -> tuple[int, int, int]:
        """(errors, warnings, infos) not accepted."""
        return count_by_severity(self._findings)

    def accepted_count(self) -> int:
        return sum(1 for f in self._findings if f.accepted)

    def dimensions(self) -> list[str]:
        """The dimension of each top-level row, in row order."""
        return [name for name, _ in self._groups]

    def finding_at(self, index: AnyIndex) -> Finding | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def reason_for(self, finding: Finding) -> str:
        if not finding.accepted:
            return ""
        item = acceptance_for(finding, self._accepted)
        return item.reason if item is not None else ""

    def index_of(self, key: tuple[str, str, str], column: int = 0) -> QModelIndex:
        """The row of the finding with this :func:`finding_key`, or an invalid index."""
        for group_row, (_, items) in enumerate(self._groups):
            for row, finding in enumerate(items):
                if finding_key(finding) == key:
                    return self.createIndex(row, column, group_row + 1)
        return QModelIndex()

    def group_index(self, dimension: str) -> QModelIndex:
        for row, (name, _) in enumerate(self._groups):
            if name == dimension:
                return self.createIndex(row, 0, 0)
        return QModelIndex()

    # -- structure ----------------------------------------------------------------------
    @override
    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    @override
    def parent(self, index: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    @override
    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    @override
    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return len(Column)

    @override
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    # -- data ---------------------------------------------------------------------------
    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index.row(), index.column(), role)
        name, items = self._groups[index.internalId() - 1]
        finding = items[index.row()]
        if role == FINDING_ROLE:
            return finding
        if role == WHERE_ROLE:
            return finding.where
        if role == DIMENSION_ROLE:
            return name
        if role == REASON_ROLE:
            return self.reason_for(finding)
        if role == TAG_ROLE:
            return horizon_tag(finding) if index.column() == Column.MESSAGE else None
        return self._finding_data(finding, index.column(), role)

    def _group_data(self, row: int, column: int, role: int) -> Any:
        name, items = self._groups[row]
        if role == DIMENSION_ROLE:
            return name
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return f"{name}（{_group_counts(items)}）"
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._tint
        return None

    def _finding_data(self, finding: Finding, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.SEVERITY:
                label = SEVERITY_LABELS.get(finding.severity, finding.severity)
                return f"{label}·{ACCEPTED_LABEL}" if finding.accepted else label
            if column == Column.RULE:
                return finding.rule
            if column == Column.SUBJECT:
                return display_subject(finding)
            message = shown_message(finding)
            return f"【{ACCEPTED_LABEL}】{message}" if finding.accepted else message
        if role == Qt.ItemDataRole.DecorationRole and column == Column.MESSAGE:
            return severity_icon(finding.severity, finding.accepted)
        if role == Qt.ItemDataRole.ForegroundRole and finding.accepted:
            return self._grey
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(finding, column)
        return None

    def _tooltip(self, finding: Finding, column: int) -> str:
        if finding.accepted:
            return f"{ACCEPTED_LABEL}，理由：{self.reason_for(finding) or '（未记录）'}"
        if column == Column.RULE and finding.rule in RULES:
            return f"{finding.rule} {RULES[finding.rule].title}"
        tag = horizon_tag(finding)
        return f"{tag}：{shown_message(finding)}" if tag else finding.message


def horizon_tag(finding: Finding) -> str | None:
    """``中期`` for a finding about a project's 中期 horizon (docs/project-form.md §11)."""
    mid = finding.where == MID_PATH or finding.where.startswith(f"{MID_PATH}.")
    return MID_TAG if mid or finding.subject.startswith(MID_SUBJECT) else None


def shown_message(finding: Finding) -> str:
    """The message as the tree shows it: a 中期 finding's ``中期：`` lead-in is its tag."""
    tag = horizon_tag(finding)
    return finding.message.removeprefix(f"{tag}：") if tag else finding.message


def display_subject(finding: Finding) -> str:
    """The subject as the form numbers it: ``目标4：通过开展…``, ``任务2：一般管理事务``.

    A 中期 finding reads like a 年度 one (``目标2：…``); its tag says which horizon it is."""
    if horizon_tag(finding) is not None:
        finding = replace(
            finding,
            where=finding.where.removeprefix(f"{MID_PATH}."),
            subject=finding.subject.removeprefix(MID_SUBJECT),
        )
    where = parse_where(finding.where)
    if where.section in ("goals", "tasks") and where.index is not None:
        label = f"{'目标' if where.section == 'goals' else '任务'}{where.index + 1}"
        return label if finding.subject in ("", label) else f"{label}：{finding.subject}"
    return finding.subject


def _group(findings: Sequence[Finding]) -> list[tuple[str, list[Finding]]]:
    by_dimension: dict[str, list[Finding]] = {}
    for finding in findings:
        by_dimension.setdefault(finding.dimension, []).append(finding)
    order = [d for d in DIMENSIONS if d in by_dimension]
    order += sorted(d for d in by_dimension if d not in DIMENSIONS)
    return [(name, sort_findings(by_dimension[name])) for name in order]


def _group_counts(items: Sequence[Finding]) -> str:
    errors, warnings, infos = count_by_severity(items)
    parts = [
        f"{label} {n}" for label, n in (("错误", errors), ("警告", warnings), ("提示", infos)) if n
    ]
    accepted = sum(1 for f in items if f.accepted)
    if accepted:
        parts.append(f"{ACCEPTED_LABEL} {accepted}")
    return " · ".join(parts)
