"""The indicator tree: a QAbstractItemModel over the declaration's fixed category frame.

Internal state: ``_level1`` holds, per level-1 row, its name and the indices of its categories in
``declaration.categories`` (computed once per reset: the frame never changes shape). An index's
``internalId`` names its *parent*, so ``parent()`` is O(1) and no Python object has to outlive
Qt: ``0`` for level-1 rows, ``LEVEL2_BASE + l1_row`` for level-2 rows, ``LEVEL3_BASE + cat``
for level-3 rows. A 不适用 category has one pseudo child row reading 不适用.

Edits never change data here directly: ``setData``/``dropMimeData`` push undo commands (see
``commands.py``). A command calls one of the adapters below, which wraps exactly one operation of
:mod:`desktop.domain.indicators` in the precise model signals; the command then notifies the
document. The business rules (S08, S10, T01) live in that domain module, not here.

The model shows one *horizon*'s tree (docs/project-form.md §6): the department form's and a
project's 年度 tree are ``declaration.categories``, a project's 中期 tree is
``declaration.mid_term.categories`` (an empty skeleton until the first 中期 edit, which creates
the horizon in the same undo step: :meth:`IndicatorTreeModel.push`). A project's model adds a
grey read-only column with the other horizon's 指标值 of the row paired by rule P03.
"""

from __future__ import annotations

import json
from enum import IntEnum
from typing import Any

from typing_extensions import override

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QUndoCommand

from desktop.domain import indicators as ops
from desktop.domain.changes import Part
from desktop.domain.errors import EditError
from desktop.domain.horizon_goals import HORIZON_NAMES, goal_list
from desktop.domain.horizon_indicators import set_tree, skeleton, tree_categories
from desktop.domain.indicators import IndicatorField, Position
from desktop.domain.model import NOT_APPLICABLE, Category, Indicator
from desktop.domain.project import ANNUAL, MID, ProjectDeclaration
from desktop.rules.locate import RowMark
from desktop.rules.project.quantities import MatchKey, first_rows, match_key
from ui.document import DeclarationDocument
from ui.findings.marked import MARK_ROLES, mark_data
from ui.findings.row_marks import RowMarks
from ui.indicators.commands import SetIndicatorCellsCommand, SetLinksCommand, push_move_rows
from ui.indicators.horizon_commands import CreateMidTermCommand

LEVEL2_BASE = 1
LEVEL3_BASE = 1_000_000
MIME_ROWS = "application/x-perfdecl-indicator-rows"

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Column(IntEnum):
    NAME = 0
    VALUE = 1
    UNIT = 2
    EXPLANATION = 3
    GOALS = 4
    #: A project's other horizon: its 指标值 of the paired row (read-only).
    OTHER = 5


HEADERS = ("三级指标", "指标值", "度量单位", "指标解释", "对应目标")
#: The rule whose finding the other-horizon column shows (annual value above the 中期 one).
PAIR_RULE = "P03"
FIELDS: dict[Column, IndicatorField] = {
    Column.NAME: "name",
    Column.VALUE: "value",
    Column.UNIT: "unit",
    Column.EXPLANATION: "explanation",
}


class Kind(IntEnum):
    LEVEL1 = 1
    LEVEL2 = 2
    INDICATOR = 3
    NOT_APPLICABLE = 4


#: Custom roles.
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
#: (category index, row) of a level-3 row; category index for a level-2 row.
POSITION_ROLE = Qt.ItemDataRole.UserRole + 2
#: The 1-based goal numbers of an indicator, as a list.
GOALS_ROLE = Qt.ItemDataRole.UserRole + 3

_COLUMNS = len(Column) - 1  # the department form has no other horizon
# Flags combined once: flags() runs for every row each time the tree lays itself out.
_BASE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_INDICATOR_FLAGS = (
    _BASE_FLAGS
    | Qt.ItemFlag.ItemIsEditable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
)
_DROP_TARGET_FLAGS = _BASE_FLAGS | Qt.ItemFlag.ItemIsDropEnabled
_NOT_APPLICABLE_FLAGS = _BASE_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
_OTHER_FLAGS = _BASE_FLAGS | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren
_EDIT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole)


def format_goals(goals: list[int]) -> str:
    return "、".join(str(g) for g in goals)


class IndicatorTreeModel(QAbstractItemModel):
    """Level-1 → level-2 → level-3 rows of one horizon's tree of ``document.declaration``.

    Signals:
        marks_changed(): the finding marks, or the other horizon's values, changed (repaint).
        horizon_changed(str): the model now shows the tree of this horizon (ANNUAL or MID).
    """

    marks_changed = Signal()
    #: An edit of this cell was refused (the gate, desktop/domain/validate.py): why, in Chinese.
    refused = Signal(QModelIndex, str)
    horizon_changed = Signal(str)

    def __init__(
        self, document: DeclarationDocument, horizon: str = ANNUAL, other_column: bool = False
    ) -> None:
        super().__init__(document)
        self.document = document
        self.horizon = horizon
        #: A project's model shows the other horizon's 指标值 (Column.OTHER).
        self.columns = _COLUMNS + 1 if other_column else _COLUMNS
        #: Findings of the latest check (all horizons); replaced after each check (set_marks).
        self.marks: RowMarks | None = None
        self._skeleton: list[Category] = []
        self._other: dict[MatchKey, tuple[int, int]] | None = None  # built when first painted
        self._level1: list[tuple[str, list[int]]] = []
        self._l1_of_cat: list[tuple[int, int]] = []  # category index -> (level-1 row, level-2 row)
        self._bold = QFont()
        self._bold.setBold(True)
        self._medium = QFont()
        self._medium.setWeight(QFont.Weight.DemiBold)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._tint = QBrush(QColor("#eef3f8"))
        self._grey = QBrush(QColor("#8a8a8a"))
        self._other_background = QBrush(QColor("#f3f3f3"))
        self._rebuild_frame()
        document.replaced.connect(self._on_replaced)
        document.changed.connect(self._on_changed)

    # -- frame --------------------------------------------------------------------------
    def _rebuild_frame(self) -> None:
        self._skeleton = skeleton(self.document.declaration) if self.horizon == MID else []
        self._other = None
        self._level1 = []
        self._l1_of_cat = []
        for cat_index, category in enumerate(self.categories):
            if not self._level1 or self._level1[-1][0] != category.level1:
                self._level1.append((category.level1, []))
            self._level1[-1][1].append(cat_index)
            self._l1_of_cat.append((len(self._level1) - 1, len(self._level1[-1][1]) - 1))

    @property
    def categories(self) -> list[Category]:
        """The shown tree (for a 中期 horizon not created yet, an empty skeleton)."""
        found = tree_categories(self.document.declaration, self.horizon)
        return self._skeleton if found is None else found

    def _edited(self) -> list[Category]:
        """The shown tree, for an adapter about to change it: never the skeleton (an edit of
        the 中期 tree creates the horizon first, see :meth:`push`)."""
        found = tree_categories(self.document.declaration, self.horizon)
        if found is None:
            raise EditError("中期绩效目标尚未建立")
        return found

    @property
    def goals(self) -> list[str]:
        """The goals the shown tree's 对应目标 links number."""
        return goal_list(self.document.declaration, self.horizon)

    def other_horizon(self) -> str:
        return ANNUAL if self.horizon == MID else MID

    def show_horizon(self, horizon: str) -> None:
        """Show the tree of ``horizon`` (ANNUAL or MID); an undo in the hidden tree calls this
        first, so the user sees what changed."""
        if horizon == self.horizon:
            return
        self.beginResetModel()
        self.horizon = horizon
        self._rebuild_frame()
        self.endResetModel()
        self.horizon_changed.emit(horizon)

    def push(self, command: QUndoCommand) -> None:
        """Push an edit of a tree (the shown one, or the command's ``horizon``); the first
        中期 edit creates the horizon in the same undo step, so that undoing it leaves the
        declaration exactly as before."""
        horizon = getattr(command, "horizon", self.horizon)
        if self._needs_mid_term(horizon):
            self.begin_macro(command.text(), horizon)
            self.document.undo_stack.push(command)
            self.end_macro()
        else:
            self.document.undo_stack.push(command)

    def begin_macro(self, text: str, horizon: str | None = None) -> None:
        """Start one undo step of several commands (see :meth:`push`)."""
        stack = self.document.undo_stack
        stack.beginMacro(text)
        if self._needs_mid_term(self.horizon if horizon is None else horizon):
            stack.push(CreateMidTermCommand(self))

    def end_macro(self) -> None:
        self.document.undo_stack.endMacro()

    def _needs_mid_term(self, horizon: str) -> bool:
        declaration = self.document.declaration
        return (
            horizon == MID
            and isinstance(declaration, ProjectDeclaration)
            and declaration.mid_term is None
        )

    def _on_replaced(self) -> None:
        self.beginResetModel()
        self._rebuild_frame()
        self.endResetModel()

    def set_marks(self, marks: RowMarks | None) -> None:
        """Show the findings' icons and tooltips on the rows they concern.

        Only rows that gain or lose an icon get a dataChanged: their first column is then
        narrower or wider, so the tree measures them again (an icon takes room from the wrapped
        三级指标). Re-measuring every row after each check would cost 0.15 s for 1,000 rows;
        changed icons and tooltips elsewhere are read at paint and hover time, and the panel
        repaints on ``marks_changed``.
        """
        old, self.marks = self.tree_marks, marks
        marks = self.tree_marks
        for cat_index, category in enumerate(self.categories):
            rows = 1 if category.not_applicable else len(category.indicators)
            changed = [
                row
                for row in range(rows)
                if _has_mark(old, cat_index, row, category.not_applicable)
                != _has_mark(marks, cat_index, row, category.not_applicable)
            ]
            for first, last in _runs(changed):
                self.dataChanged.emit(
                    self.indicator_index(cat_index, first),
                    self.indicator_index(cat_index, last),
                    [Qt.ItemDataRole.DecorationRole],
                )
        self.marks_changed.emit()

    @property
    def tree_marks(self) -> RowMarks | None:
        """The marks of the shown tree (a project's 中期 ones addressed like the 年度 ones)."""
        if self.marks is None or self.horizon != MID:
            return self.marks
        return self.marks.mid()

    def _on_changed(self, parts: Part) -> None:
        if parts & Part.REPLACED:  # the whole table may have been swapped (import, restore)
            self._on_replaced()
            return
        # Goal renumbering remaps Indicator.goals in the domain, then notifies LINKS / GOALS.
        if parts & (Part.LINKS | Part.GOALS):
            self._emit_column_changed(Column.GOALS)
        if parts & Part.INDICATORS and self.columns > Column.OTHER:
            # Either tree may have changed: the pairs of the other-horizon column follow. The
            # column is one line high, so a repaint does (a dataChanged over every row would
            # make the tree measure all wrapped rows again).
            self._other = None
            self.marks_changed.emit()

    def _emit_column_changed(self, column: int) -> None:
        for cat_index, category in enumerate(self.categories):
            if category.indicators:
                parent = self.category_index(cat_index)
                last = len(category.indicators) - 1
                self.dataChanged.emit(
                    self.index(0, column, parent),
                    self.index(last, column, parent),
                    list(_EDIT_ROLES),
                )

    # -- addressing ---------------------------------------------------------------------
    def kind(self, index: AnyIndex) -> Kind | None:
        if not index.isValid():
            return None
        parent_id = index.internalId()
        if parent_id == 0:
            return Kind.LEVEL1
        if parent_id < LEVEL3_BASE:
            return Kind.LEVEL2
        category = self.categories[parent_id - LEVEL3_BASE]
        return Kind.NOT_APPLICABLE if category.not_applicable else Kind.INDICATOR

    def category_of(self, index: AnyIndex) -> int | None:
        """The category index of a level-2 row or of a level-3 / 不适用 row."""
        if not index.isValid():
            return None
        parent_id = index.internalId()
        if parent_id == 0:
            return None
        if parent_id < LEVEL3_BASE:
            return self._level1[parent_id - LEVEL2_BASE][1][index.row()]
        return parent_id - LEVEL3_BASE

    def indicator_at(self, index: AnyIndex) -> Indicator | None:
        if self.kind(index) is not Kind.INDICATOR:
            return None
        return self.categories[index.internalId() - LEVEL3_BASE].indicators[index.row()]

    def category_index(self, cat_index: int, column: int = 0) -> QModelIndex:
        l1_row, l2_row = self._l1_of_cat[cat_index]
        return self.createIndex(l2_row, column, LEVEL2_BASE + l1_row)

    def indicator_index(self, cat_index: int, row: int, column: int = 0) -> QModelIndex:
        return self.createIndex(row, column, LEVEL3_BASE + cat_index)

    def level1_of(self, cat_index: int) -> int:
        return self._l1_of_cat[cat_index][0]

    # -- structure ----------------------------------------------------------------------
    @override
    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        # Called for every row whenever the tree lays itself out: arithmetic on the parent's
        # id, no hasIndex() (which would call rowCount and columnCount back in Python).
        if row < 0 or not 0 <= column < self.columns:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._level1) else QModelIndex()
        parent_id = parent.internalId()
        if parent.column() != 0 or parent_id >= LEVEL3_BASE:
            return QModelIndex()
        if parent_id == 0:
            if row < len(self._level1[parent.row()][1]):
                return self.createIndex(row, column, LEVEL2_BASE + parent.row())
            return QModelIndex()
        cat_index = self._level1[parent_id - LEVEL2_BASE][1][parent.row()]
        category = self.categories[cat_index]
        if row < (1 if category.not_applicable else len(category.indicators)):
            return self.createIndex(row, column, LEVEL3_BASE + cat_index)
        return QModelIndex()

    @override
    def parent(self, index: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent_id = index.internalId()
        if parent_id == 0:
            return QModelIndex()
        if parent_id < LEVEL3_BASE:
            return self.createIndex(parent_id - LEVEL2_BASE, 0, 0)
        return self.category_index(parent_id - LEVEL3_BASE)

    @override
    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._level1)
        kind = self.kind(parent)
        if kind is Kind.LEVEL1:
            return len(self._level1[parent.row()][1])
        if kind is Kind.LEVEL2:
            cat_index = self.category_of(parent)
            assert cat_index is not None
            category = self.categories[cat_index]
            return 1 if category.not_applicable else len(category.indicators)
        return 0

    @override
    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return self.columns

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == Column.OTHER:
                return f"{HORIZON_NAMES[self.other_horizon()]}指标值"
            return HEADERS[section]
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section == Column.OTHER
        ):
            other = HORIZON_NAMES[self.other_horizon()]
            return f"{other}绩效指标中同一二级指标下同名指标的指标值（只读）"
        return None

    # -- data ---------------------------------------------------------------------------
    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        kind = self.kind(index)
        if kind is None:
            return None
        if role == KIND_ROLE:
            return int(kind)
        if kind is Kind.LEVEL1:
            return self._frame_data(
                self._level1[index.row()][0], index.column(), role, self._bold, True
            )
        cat_index = self.category_of(index)
        assert cat_index is not None
        if kind is Kind.LEVEL2:
            if role == POSITION_ROLE:
                return cat_index
            level2 = self.categories[cat_index].level2
            marks = self.tree_marks
            if index.column() == Column.OTHER:
                return self._other_category_data(cat_index, role)
            if index.column() == Column.NAME and role in MARK_ROLES and marks is not None:
                return mark_data(marks.category(level2), role)
            return self._frame_data(level2, index.column(), role, self._medium, False)
        if kind is Kind.NOT_APPLICABLE:
            if index.column() == Column.OTHER:
                return self._other_category_data(cat_index, role)
            data = self._not_applicable_data(index.column(), role)
            marks = self.tree_marks
            if index.column() == Column.NAME and role in MARK_ROLES and marks is not None:
                return mark_data(marks.not_applicable(cat_index), role, data)
            return data
        indicator = self.categories[cat_index].indicators[index.row()]
        if role == POSITION_ROLE:
            return (cat_index, index.row())
        if index.column() == Column.OTHER:
            return self._other_data(cat_index, indicator, index.row(), role)
        data = self._indicator_data(indicator, index.column(), role)
        marks = self.tree_marks
        if index.column() == Column.NAME and role in MARK_ROLES and marks is not None:
            return mark_data(marks.indicator(cat_index, index.row()), role, data)
        return data

    # -- the other horizon's column ------------------------------------------------------
    def other_categories(self) -> list[Category] | None:
        """The other horizon's tree (None: a 中期 tree not created yet)."""
        return tree_categories(self.document.declaration, self.other_horizon())

    def paired_position(self, cat_index: int, name: str) -> tuple[int, int] | None:
        """Where the row paired with row ``name`` of category ``cat_index`` is in the other
        horizon's tree (same category and name key, the first such row as in rule P03)."""
        other = self.other_categories()
        if other is None:
            return None
        if self._other is None:
            self._other = first_rows(other)
        key = match_key(self.categories[cat_index], name)
        found = self._other.get(key) if key[2] else None
        if found is None or found[0] >= len(other) or found[1] >= len(other[found[0]].indicators):
            return None  # the other tree changed since the pairs were found
        return found

    def _other_data(self, cat_index: int, indicator: Indicator, row: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._other_background
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._grey
        if role not in (Qt.ItemDataRole.DisplayRole, *MARK_ROLES):
            return None
        # The paired print's text (docs/project-form.md §8); loaded with the first project tree.
        from desktop.documents.project_layout import indicator_value_text

        paired = self.paired_position(cat_index, indicator.name)
        other = self.other_categories()
        text = ""
        if paired is not None and other is not None:
            text = indicator_value_text(other[paired[0]].indicators[paired[1]])
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        mark = self._pair_mark(cat_index, row, paired)
        if role == Qt.ItemDataRole.ToolTipRole and mark is None:
            title = HORIZON_NAMES[self.other_horizon()]
            return f"{title}：{text}" if text else f"{title}绩效指标中没有同名指标"
        return mark_data(mark, role)

    def _pair_mark(
        self, cat_index: int, row: int, paired: tuple[int, int] | None
    ) -> RowMark | None:
        """The P03 finding of this pair: it is reported on the 年度 row."""
        if self.marks is None:
            return None
        if self.horizon != MID:
            return self.marks.indicator(cat_index, row, PAIR_RULE)
        if paired is None:
            return None
        return self.marks.indicator(*paired, PAIR_RULE)

    def _other_category_data(self, cat_index: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._other_background
        other = self.other_categories()
        if other is None or not other[cat_index].not_applicable:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return NOT_APPLICABLE
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._grey
        if role == Qt.ItemDataRole.FontRole:
            return self._italic
        return None

    def _frame_data(self, name: str, column: int, role: int, font: QFont, tinted: bool) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == Column.NAME:
            return name
        if role == Qt.ItemDataRole.FontRole:
            return font
        if role == Qt.ItemDataRole.BackgroundRole and tinted:
            return self._tint
        return None

    def _not_applicable_data(self, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column in (
            Column.NAME,
            Column.VALUE,
            Column.EXPLANATION,
        ):
            return NOT_APPLICABLE
        if role == Qt.ItemDataRole.FontRole:
            return self._italic
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._grey
        return None

    def _indicator_data(self, indicator: Indicator, column: int, role: int) -> Any:
        if column == Column.GOALS:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return format_goals(indicator.goals)
            if role == GOALS_ROLE:
                return list(indicator.goals)
            if role == Qt.ItemDataRole.ToolTipRole and indicator.goals:
                return self._goals_tooltip(indicator.goals)
            return None
        text = getattr(indicator, FIELDS[Column(column)])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.EXPLANATION and text:
            return text
        return None

    def _goals_tooltip(self, goals: list[int]) -> str:
        texts = self.goals
        lines = [f"目标{n}：{texts[n - 1][:40]}" for n in goals if 0 < n <= len(texts)]
        return "\n".join(lines)

    @override
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        # Inlined kind(): the tree asks every row's flags several times per layout.
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        parent_id = index.internalId()
        if parent_id >= LEVEL3_BASE:
            if self.categories[parent_id - LEVEL3_BASE].not_applicable:
                return _NOT_APPLICABLE_FLAGS
            return _OTHER_FLAGS if index.column() == Column.OTHER else _INDICATOR_FLAGS
        if parent_id == 0:
            return _BASE_FLAGS
        cat_index = self._level1[parent_id - LEVEL2_BASE][1][index.row()]
        return _BASE_FLAGS if self.categories[cat_index].not_applicable else _DROP_TARGET_FLAGS

    @override
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Push an undo command for the edit; the command changes the domain."""
        if role != Qt.ItemDataRole.EditRole or self.kind(index) is not Kind.INDICATOR:
            return False
        if index.column() == Column.OTHER:  # the other horizon's value is only shown here
            return False
        position = (index.internalId() - LEVEL3_BASE, index.row())
        indicator = self.categories[position[0]].indicators[position[1]]
        if index.column() == Column.GOALS:
            goals = sorted({int(g) for g in value})
            if goals != indicator.goals:
                self.push(SetLinksCommand(self, position, goals))
            return True
        field = FIELDS[Column(index.column())]
        text = self.document.clean(str(value))
        try:
            cells = ops.typed_cells(self.categories, position, field, text, self.document.profile)
        except EditError as exc:  # the gate (S10): refused at the cell, nothing changes
            self.refused.emit(self.index(index.row(), index.column(), index.parent()), str(exc))
            return False
        if cells:  # a grade word also fills in the explanation: one undo step
            self.push(
                SetIndicatorCellsCommand(self, cells, "填写指标值" if len(cells) > 1 else None)
            )
        return True

    # -- adapters: one domain operation each, in the precise model signals ------------------
    def set_field(self, position: Position, field: IndicatorField, value: str) -> str:
        """Set one text field; returns the old value."""
        old = ops.set_indicator_field(self._edited(), position, field, value)
        column = next(c for c, f in FIELDS.items() if f == field)
        changed = self.indicator_index(*position, column)
        self.dataChanged.emit(changed, changed, list(_EDIT_ROLES))
        return old

    def set_links(self, position: Position, goals: list[int]) -> list[int]:
        old = ops.set_links(self._edited(), position, goals)
        changed = self.indicator_index(*position, Column.GOALS)
        self.dataChanged.emit(changed, changed, [*_EDIT_ROLES, GOALS_ROLE])
        return old

    def insert(self, cat_index: int, row: int, indicators: list[Indicator]) -> None:
        ops.check_insert(self._edited(), cat_index, row)  # before Qt hears of any row
        self.beginInsertRows(self.category_index(cat_index), row, row + len(indicators) - 1)
        ops.insert_indicators(self._edited(), cat_index, row, indicators)
        self.endInsertRows()

    def remove(self, cat_index: int, row: int, count: int = 1) -> list[Indicator]:
        ops.indicator_at(self._edited(), (cat_index, row + count - 1))
        self.beginRemoveRows(self.category_index(cat_index), row, row + count - 1)
        removed = ops.remove_indicators(self._edited(), cat_index, row, count)
        self.endRemoveRows()
        return removed

    def move(self, source: Position, destination: Position) -> None:
        """Move one row so that it ends up at ``destination`` (its final position)."""
        ops.check_move(self._edited(), source, destination)
        src_cat, src_row = source
        dst_cat, dst_row = destination
        # Qt's destinationChild is the position *before* removal within the same parent.
        qt_dst = dst_row + 1 if (src_cat == dst_cat and dst_row > src_row) else dst_row
        if not self.beginMoveRows(
            self.category_index(src_cat), src_row, src_row, self.category_index(dst_cat), qt_dst
        ):  # a move onto itself: nothing to tell the views
            ops.move_indicator(self._edited(), source, destination)
            return
        ops.move_indicator(self._edited(), source, destination)
        self.endMoveRows()

    def set_not_applicable(self, cat_index: int, flag: bool) -> bool:
        """Mark or unmark a category 不适用 (only without rows: S10); returns the old mark."""
        ops.check_not_applicable(self._edited(), cat_index, flag)
        category = self._edited()[cat_index]
        if category.not_applicable == flag:
            return flag
        parent = self.category_index(cat_index)
        # The pseudo row reading 不适用 appears or goes.
        if flag:
            self.beginInsertRows(parent, 0, 0)
        else:
            self.beginRemoveRows(parent, 0, 0)
        old = ops.set_not_applicable(self._edited(), cat_index, flag)
        if flag:
            self.endInsertRows()
        else:
            self.endRemoveRows()
        self.dataChanged.emit(parent, parent, [Qt.ItemDataRole.DisplayRole])
        return old

    def set_tree(self, categories: list[Category]) -> list[Category]:
        """Give the shown tree new rows and marks throughout (a copy from the other horizon);
        returns the previous content."""
        target = self._edited()
        self.beginResetModel()
        try:
            old = set_tree(target, categories)
        finally:
            self.endResetModel()
        return old

    # -- drag and drop ------------------------------------------------------------------
    @override
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    @override
    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    @override
    def mimeTypes(self) -> list[str]:
        return [MIME_ROWS]

    @override
    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        rows = sorted(
            {
                (i.internalId() - LEVEL3_BASE, i.row())
                for i in indexes
                if self.kind(i) is Kind.INDICATOR
            }
        )
        mime = QMimeData()
        mime.setData(MIME_ROWS, QByteArray(json.dumps(rows).encode("ascii")))
        return mime

    def _drop_target(self, row: int, parent: AnyIndex) -> tuple[int, int] | None:
        kind = self.kind(parent)
        if kind is Kind.LEVEL2:
            cat_index = self.category_of(parent)
            assert cat_index is not None
            count = len(self.categories[cat_index].indicators)
            return cat_index, count if row < 0 else min(row, count)
        if kind is Kind.INDICATOR:  # dropped onto a row: place it there
            return parent.internalId() - LEVEL3_BASE, parent.row()
        return None

    def _dragged_rows(self, data: QMimeData) -> list[tuple[int, int]]:
        if not data.hasFormat(MIME_ROWS):
            return []
        raw = bytes(data.data(MIME_ROWS).data()).decode("ascii")
        return [(int(c), int(r)) for c, r in json.loads(raw)]

    @override
    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        target = self._drop_target(row, parent)
        rows = self._dragged_rows(data)
        if target is None or not rows or action != Qt.DropAction.MoveAction:
            return False
        if self.categories[target[0]].not_applicable:
            return False
        return all(self.level1_of(c) == self.level1_of(target[0]) for c, _ in rows)

    @override
    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._drop_target(row, parent)
        assert target is not None
        push_move_rows(self, self._dragged_rows(data), target[0], target[1])
        # The move is done; returning False keeps the view from removing "source" rows.
        return False


def tree_depth(index: AnyIndex) -> int:
    """0 for level-1 rows, 1 for level-2 rows, 2 for level-3 and 不适用 rows (from the id alone)."""
    parent_id = index.internalId()
    if parent_id == 0:
        return 0
    return 1 if parent_id < LEVEL3_BASE else 2


def _has_mark(marks: RowMarks | None, cat_index: int, row: int, not_applicable: bool) -> bool:
    if marks is None:
        return False
    if not_applicable:
        return marks.not_applicable(cat_index) is not None
    return marks.indicator(cat_index, row) is not None


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted row numbers as (first, last) pairs."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
