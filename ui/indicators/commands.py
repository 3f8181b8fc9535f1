"""Undo commands for the indicator tree: one class per kind of change.

Each command checks its edit with :mod:`desktop.domain.indicators` when it is made (a refused
edit raises :class:`~desktop.domain.errors.EditError` before anything is pushed), changes the
declaration through the model's adapters (one domain operation each, wrapped in the model
signals) and notifies the document once. Positions are (category index, row): valid because the
undo stack replays commands in strict reverse order.

Each mixes in :class:`~ui.indicators.tree_command.OnTree`: it edits the tree of the horizon the
model showed when it was made (a project's 年度 or 中期 tree).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain import indicators as ops
from desktop.domain.changes import Part
from desktop.domain.indicators import FIELD_TITLES, IndicatorCell, Position
from desktop.domain.model import Indicator
from ui.indicators.tree_command import OnTree

if TYPE_CHECKING:
    from ui.indicators.model import IndicatorTreeModel


class SetIndicatorCellsCommand(OnTree, QUndoCommand):
    """Set text fields of indicator rows: one typed cell, a pasted block or cleared cells."""

    def __init__(
        self, model: IndicatorTreeModel, cells: list[IndicatorCell], text: str | None = None
    ) -> None:
        if text is None:
            text = f"修改{FIELD_TITLES[cells[0].field]}" if len(cells) == 1 else "修改指标"
        super().__init__(text)
        self.bind_tree(model)
        for cell in cells:
            ops.indicator_at(model.categories, cell.position)
        self.cells = list(cells)
        self.old: list[str] = []

    @override
    def redo(self) -> None:
        model = self.model
        self.old = [model.set_field(c.position, c.field, c.value) for c in self.cells]
        model.document.notify(Part.INDICATORS)

    @override
    def undo(self) -> None:
        model = self.model
        for cell, old in reversed(list(zip(self.cells, self.old, strict=True))):
            model.set_field(cell.position, cell.field, old)
        model.document.notify(Part.INDICATORS)


class SetLinksCommand(OnTree, QUndoCommand):
    """Change the goals an indicator measures (对应目标)."""

    def __init__(self, model: IndicatorTreeModel, position: Position, goals: list[int]) -> None:
        super().__init__("修改对应目标")
        self.bind_tree(model)
        self.position = position
        self.new = ops.check_links(goals, len(model.goals))
        self.old = list(ops.indicator_at(model.categories, position).goals)

    @override
    def redo(self) -> None:
        model = self.model
        model.set_links(self.position, self.new)
        model.document.notify(Part.LINKS)

    @override
    def undo(self) -> None:
        model = self.model
        model.set_links(self.position, self.old)
        model.document.notify(Part.LINKS)


class InsertIndicatorsCommand(OnTree, QUndoCommand):
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
        self.bind_tree(model)
        ops.check_insert(model.categories, cat_index, row)
        self.cat_index, self.row = cat_index, row
        self.indicators = [ops.copy_indicator(i) for i in indicators]

    @override
    def redo(self) -> None:
        model = self.model
        rows = [ops.copy_indicator(i) for i in self.indicators]
        model.insert(self.cat_index, self.row, rows)
        model.document.notify(Part.INDICATORS)

    @override
    def undo(self) -> None:
        model = self.model
        model.remove(self.cat_index, self.row, len(self.indicators))
        model.document.notify(Part.INDICATORS)


class RemoveIndicatorsCommand(OnTree, QUndoCommand):
    """Remove rows (anywhere in the tree); undo puts each back where it was."""

    def __init__(
        self, model: IndicatorTreeModel, positions: list[Position], text: str = "删除指标"
    ) -> None:
        super().__init__(text)
        self.bind_tree(model)
        self.positions = sorted(set(positions))
        for position in self.positions:
            ops.indicator_at(model.categories, position)
        self.removed: list[Indicator] = []

    @override
    def redo(self) -> None:
        model = self.model
        removed: list[Indicator] = []
        for cat_index, row in reversed(self.positions):
            removed.extend(model.remove(cat_index, row))
        self.removed = list(reversed(removed))
        model.document.notify(Part.INDICATORS)

    @override
    def undo(self) -> None:
        model = self.model
        for (cat_index, row), indicator in zip(self.positions, self.removed, strict=True):
            model.insert(cat_index, row, [indicator])
        model.document.notify(Part.INDICATORS)


class MoveIndicatorsCommand(OnTree, QUndoCommand):
    """Single moves to final positions (Ctrl+Up/Down, drag and drop; same level-1 only: S08)."""

    def __init__(
        self,
        model: IndicatorTreeModel,
        moves: list[tuple[Position, Position]],
        text: str = "移动指标",
    ) -> None:
        super().__init__(text)
        self.bind_tree(model)
        ops.check_moves(model.categories, moves)
        self.moves = list(moves)

    @override
    def redo(self) -> None:
        model = self.model
        for source, destination in self.moves:
            model.move(source, destination)
        model.document.notify(Part.INDICATORS)

    @override
    def undo(self) -> None:
        model = self.model
        for source, destination in reversed(self.moves):
            model.move(destination, source)
        model.document.notify(Part.INDICATORS)


class SetNotApplicableCommand(OnTree, QUndoCommand):
    """Mark or unmark a level-2 category 不适用 (the category must have no rows: S10)."""

    def __init__(self, model: IndicatorTreeModel, cat_index: int, flag: bool) -> None:
        super().__init__("标记不适用" if flag else "取消不适用")
        self.bind_tree(model)
        ops.check_not_applicable(model.categories, cat_index, flag)
        self.cat_index, self.flag = cat_index, flag
        self.old = model.categories[cat_index].not_applicable

    @override
    def redo(self) -> None:
        model = self.model
        model.set_not_applicable(self.cat_index, self.flag)
        model.document.notify(Part.INDICATORS)

    @override
    def undo(self) -> None:
        model = self.model
        model.set_not_applicable(self.cat_index, self.old)
        model.document.notify(Part.INDICATORS)


def push_not_applicable(model: IndicatorTreeModel, cat_index: int, flag: bool) -> None:
    """Mark/unmark 不适用; marking a category with rows removes them in the same step."""
    category = model.categories[cat_index]
    if flag and category.indicators:
        model.begin_macro("标记不适用")
        positions = [(cat_index, r) for r in range(len(category.indicators))]
        model.push(RemoveIndicatorsCommand(model, positions))
        model.push(SetNotApplicableCommand(model, cat_index, True))
        model.end_macro()
    elif category.not_applicable != flag:
        model.push(SetNotApplicableCommand(model, cat_index, flag))


def push_insert(
    model: IndicatorTreeModel,
    cat_index: int,
    row: int,
    indicators: list[Indicator],
    text: str = "添加指标",
) -> None:
    """Insert rows; a 不适用 category is unmarked first, in the same undo step (S10)."""
    if model.categories[cat_index].not_applicable:
        model.begin_macro(text)
        model.push(SetNotApplicableCommand(model, cat_index, False))
        model.push(InsertIndicatorsCommand(model, cat_index, 0, indicators, text))
        model.end_macro()
    else:
        model.push(InsertIndicatorsCommand(model, cat_index, row, indicators, text))


def push_move_rows(
    model: IndicatorTreeModel, rows: list[Position], dst_cat: int, dst_row: int
) -> None:
    """Move rows (drag and drop) so they land, in order, before row ``dst_row`` of ``dst_cat``."""
    moves = ops.drop_moves(model.categories, rows, dst_cat, dst_row)
    if moves:
        model.push(MoveIndicatorsCommand(model, moves))
