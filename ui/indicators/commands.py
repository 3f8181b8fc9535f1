"""Undo commands for the indicator tree.

Each command records what it needs to reverse itself (old value, position, removed rows) and
changes the declaration only through the model's ``apply_*`` primitives, which emit the model
signals and notify the document. Positions are (category index, row): valid because the undo
stack replays commands in strict reverse order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain.model import Indicator

if TYPE_CHECKING:  # the model pushes these commands: a runtime import would be a circle
    from ui.indicators.model import IndicatorTreeModel

_FIELD_TITLES = {
    "name": "三级指标",
    "value": "指标值",
    "unit": "度量单位",
    "explanation": "指标解释",
}


class SetFieldCommand(QUndoCommand):
    """Change one text field of an indicator."""

    def __init__(
        self, model: IndicatorTreeModel, cat_index: int, row: int, field: str, value: str
    ) -> None:
        super().__init__(f"修改{_FIELD_TITLES[field]}")
        self.model, self.cat_index, self.row, self.field = model, cat_index, row, field
        self.new = value
        self.old = getattr(model.categories[cat_index].indicators[row], field)

    @override
    def redo(self) -> None:
        self.model.apply_field(self.cat_index, self.row, self.field, self.new)

    @override
    def undo(self) -> None:
        self.model.apply_field(self.cat_index, self.row, self.field, self.old)


class SetGoalsCommand(QUndoCommand):
    """Change the goals an indicator measures (对应目标)."""

    def __init__(
        self, model: IndicatorTreeModel, cat_index: int, row: int, goals: list[int]
    ) -> None:
        super().__init__("修改对应目标")
        self.model, self.cat_index, self.row = model, cat_index, row
        self.new = list(goals)
        self.old = list(model.categories[cat_index].indicators[row].goals)

    @override
    def redo(self) -> None:
        self.model.apply_goals(self.cat_index, self.row, self.new)

    @override
    def undo(self) -> None:
        self.model.apply_goals(self.cat_index, self.row, self.old)


class InsertIndicatorsCommand(QUndoCommand):
    """Insert rows into one category."""

    def __init__(
        self,
        model: IndicatorTreeModel,
        cat_index: int,
        row: int,
        indicators: list[Indicator],
        text: str = "添加指标",
    ) -> None:
        super().__init__(text)
        self.model, self.cat_index, self.row = model, cat_index, row
        self.indicators = [i.copy() for i in indicators]

    @override
    def redo(self) -> None:
        self.model.apply_insert(
            self.cat_index, self.row, [i.copy() for i in self.indicators]
        )

    @override
    def undo(self) -> None:
        self.model.apply_remove(self.cat_index, self.row, len(self.indicators))


class RemoveIndicatorsCommand(QUndoCommand):
    """Remove rows (anywhere in the tree); undo puts each back where it was."""

    def __init__(
        self, model: IndicatorTreeModel, positions: list[tuple[int, int]], text: str = "删除指标"
    ) -> None:
        super().__init__(text)
        self.model = model
        self.positions = sorted(set(positions))
        self.removed: list[Indicator] = []

    @override
    def redo(self) -> None:
        removed: list[Indicator] = []
        for cat_index, row in reversed(self.positions):
            removed.extend(self.model.apply_remove(cat_index, row, 1))
        self.removed = list(reversed(removed))

    @override
    def undo(self) -> None:
        for (cat_index, row), indicator in zip(self.positions, self.removed, strict=True):
            self.model.apply_insert(cat_index, row, [indicator])


class MoveIndicatorCommand(QUndoCommand):
    """Move one row to a final position (same level-1 only: S08)."""

    def __init__(
        self, model: IndicatorTreeModel, src: tuple[int, int], dst: tuple[int, int]
    ) -> None:
        super().__init__("移动指标")
        self.model, self.src, self.dst = model, src, dst

    @override
    def redo(self) -> None:
        self.model.apply_move(*self.src, *self.dst)

    @override
    def undo(self) -> None:
        self.model.apply_move(*self.dst, *self.src)


class SetNotApplicableCommand(QUndoCommand):
    """Mark or unmark a level-2 category 不适用 (the category must have no rows: S10)."""

    def __init__(self, model: IndicatorTreeModel, cat_index: int, flag: bool) -> None:
        super().__init__("标记不适用" if flag else "取消不适用")
        self.model, self.cat_index, self.flag = model, cat_index, flag

    @override
    def redo(self) -> None:
        self.model.apply_not_applicable(self.cat_index, self.flag)

    @override
    def undo(self) -> None:
        self.model.apply_not_applicable(self.cat_index, not self.flag)


def push_not_applicable(model: IndicatorTreeModel, cat_index: int, flag: bool) -> None:
    """Mark/unmark 不适用; marking a category with rows removes them in the same step."""
    stack = model.document.undo_stack
    category = model.categories[cat_index]
    if flag and category.indicators:
        stack.beginMacro("标记不适用")
        positions = [(cat_index, r) for r in range(len(category.indicators))]
        stack.push(RemoveIndicatorsCommand(model, positions))
        stack.push(SetNotApplicableCommand(model, cat_index, True))
        stack.endMacro()
    elif category.not_applicable != flag:
        stack.push(SetNotApplicableCommand(model, cat_index, flag))


def push_insert(
    model: IndicatorTreeModel,
    cat_index: int,
    row: int,
    indicators: list[Indicator],
    text: str = "添加指标",
) -> None:
    """Insert rows; a 不适用 category is unmarked first, in the same undo step (S10)."""
    stack = model.document.undo_stack
    if model.categories[cat_index].not_applicable:
        stack.beginMacro(text)
        stack.push(SetNotApplicableCommand(model, cat_index, False))
        stack.push(InsertIndicatorsCommand(model, cat_index, 0, indicators, text))
        stack.endMacro()
    else:
        stack.push(InsertIndicatorsCommand(model, cat_index, row, indicators, text))


def push_move_rows(
    model: IndicatorTreeModel, rows: list[tuple[int, int]], dst_cat: int, dst_row: int
) -> None:
    """Move several rows (drag and drop) so they land, in order, before row ``dst_row`` of ``dst_cat``."""
    stack = model.document.undo_stack
    # Resolve domain objects first: positions shift while moving.
    items = [model.categories[c].indicators[r] for c, r in sorted(rows)]
    targets = model.categories[dst_cat].indicators
    # Insert before the first row at or after dst_row that is not itself being moved.
    anchor = next((i for i in targets[dst_row:] if all(i is not m for m in items)), None)
    stack.beginMacro("移动指标")
    for item in items:
        src = _locate(model, item)
        position = len(targets) if anchor is None else _locate(model, anchor)[1]
        if src[0] == dst_cat and src[1] < position:
            position -= 1
        if src != (dst_cat, position):
            stack.push(MoveIndicatorCommand(model, src, (dst_cat, position)))
    stack.endMacro()


def _locate(model: IndicatorTreeModel, indicator: Indicator) -> tuple[int, int]:
    for cat_index, category in enumerate(model.categories):
        for row, candidate in enumerate(category.indicators):
            if candidate is indicator:
                return cat_index, row
    raise LookupError("indicator not in the declaration")
