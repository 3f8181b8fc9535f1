"""Undo commands for the indicator tree: one class per kind of change.

Each command checks its edit with :mod:`desktop.domain.indicators` when it is made (a refused
edit raises :class:`~desktop.domain.errors.EditError` before anything is pushed), changes the
declaration through the model's adapters (one domain operation each, wrapped in the model
signals) and notifies the document once. Positions are (category index, row): valid because the
undo stack replays commands in strict reverse order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain import indicators as ops
from desktop.domain.changes import Part
from desktop.domain.indicators import FIELD_TITLES, IndicatorCell, Position
from desktop.domain.model import Indicator

if TYPE_CHECKING:
    from ui.indicators.model import IndicatorTreeModel


class SetIndicatorCellsCommand(QUndoCommand):
    """Set text fields of indicator rows: one typed cell, a pasted block or cleared cells."""

    def __init__(
        self, model: IndicatorTreeModel, cells: list[IndicatorCell], text: str | None = None
    ) -> None:
        if text is None:
            text = f"修改{FIELD_TITLES[cells[0].field]}" if len(cells) == 1 else "修改指标"
        super().__init__(text)
        for cell in cells:
            ops.indicator_at(model.categories, cell.position)
        self.model, self.cells = model, list(cells)
        self.old: list[str] = []

    @override
    def redo(self) -> None:
        self.old = [self.model.set_field(c.position, c.field, c.value) for c in self.cells]
        self.model.document.notify(Part.INDICATORS)

    @override
    def undo(self) -> None:
        for cell, old in reversed(list(zip(self.cells, self.old, strict=True))):
            self.model.set_field(cell.position, cell.field, old)
        self.model.document.notify(Part.INDICATORS)


class SetLinksCommand(QUndoCommand):
    """Change the goals an indicator measures (对应目标)."""

    def __init__(self, model: IndicatorTreeModel, position: Position, goals: list[int]) -> None:
        super().__init__("修改对应目标")
        self.model, self.position = model, position
        self.new = ops.check_links(goals, len(model.document.declaration.goals))
        self.old = list(ops.indicator_at(model.categories, position).goals)

    @override
    def redo(self) -> None:
        self.model.set_links(self.position, self.new)
        self.model.document.notify(Part.LINKS)

    @override
    def undo(self) -> None:
        self.model.set_links(self.position, self.old)
        self.model.document.notify(Part.LINKS)


class InsertIndicatorsCommand(QUndoCommand):
    """Insert rows into one category (add, duplicate, paste, from the library)."""

    def __init__(
        self,
        model: IndicatorTreeModel,
        cat_index: int,
        row: int,
        indicators: list[Indicator],
        text: str = "添加指标",
    ) -> None:
        super().__init__(text)
        ops.check_insert(model.categories, cat_index, row)
        self.model, self.cat_index, self.row = model, cat_index, row
        self.indicators = [ops.copy_indicator(i) for i in indicators]

    @override
    def redo(self) -> None:
        rows = [ops.copy_indicator(i) for i in self.indicators]
        self.model.insert(self.cat_index, self.row, rows)
        self.model.document.notify(Part.INDICATORS)

    @override
    def undo(self) -> None:
        self.model.remove(self.cat_index, self.row, len(self.indicators))
        self.model.document.notify(Part.INDICATORS)


class RemoveIndicatorsCommand(QUndoCommand):
    """Remove rows (anywhere in the tree); undo puts each back where it was."""

    def __init__(
        self, model: IndicatorTreeModel, positions: list[Position], text: str = "删除指标"
    ) -> None:
        super().__init__(text)
        self.model = model
        self.positions = sorted(set(positions))
        for position in self.positions:
            ops.indicator_at(model.categories, position)
        self.removed: list[Indicator] = []

    @override
    def redo(self) -> None:
        removed: list[Indicator] = []
        for cat_index, row in reversed(self.positions):
            removed.extend(self.model.remove(cat_index, row))
        self.removed = list(reversed(removed))
        self.model.document.notify(Part.INDICATORS)

    @override
    def undo(self) -> None:
        for (cat_index, row), indicator in zip(self.positions, self.removed, strict=True):
            self.model.insert(cat_index, row, [indicator])
        self.model.document.notify(Part.INDICATORS)


class MoveIndicatorsCommand(QUndoCommand):
    """Single moves to final positions (Ctrl+Up/Down, drag and drop; same level-1 only: S08)."""

    def __init__(
        self,
        model: IndicatorTreeModel,
        moves: list[tuple[Position, Position]],
        text: str = "移动指标",
    ) -> None:
        super().__init__(text)
        ops.check_moves(model.categories, moves)
        self.model, self.moves = model, list(moves)

    @override
    def redo(self) -> None:
        for source, destination in self.moves:
            self.model.move(source, destination)
        self.model.document.notify(Part.INDICATORS)

    @override
    def undo(self) -> None:
        for source, destination in reversed(self.moves):
            self.model.move(destination, source)
        self.model.document.notify(Part.INDICATORS)


class SetNotApplicableCommand(QUndoCommand):
    """Mark or unmark a level-2 category 不适用 (the category must have no rows: S10)."""

    def __init__(self, model: IndicatorTreeModel, cat_index: int, flag: bool) -> None:
        super().__init__("标记不适用" if flag else "取消不适用")
        ops.check_not_applicable(model.categories, cat_index, flag)
        self.model, self.cat_index, self.flag = model, cat_index, flag
        self.old = model.categories[cat_index].not_applicable

    @override
    def redo(self) -> None:
        self.model.set_not_applicable(self.cat_index, self.flag)
        self.model.document.notify(Part.INDICATORS)

    @override
    def undo(self) -> None:
        self.model.set_not_applicable(self.cat_index, self.old)
        self.model.document.notify(Part.INDICATORS)


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
    model: IndicatorTreeModel, rows: list[Position], dst_cat: int, dst_row: int
) -> None:
    """Move rows (drag and drop) so they land, in order, before row ``dst_row`` of ``dst_cat``."""
    moves = ops.drop_moves(model.categories, rows, dst_cat, dst_row)
    if moves:
        model.document.undo_stack.push(MoveIndicatorsCommand(model, moves))
