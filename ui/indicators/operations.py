"""What the indicator actions do: each turns the current selection into undo commands."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.domain.model import Indicator
from desktop.domain.tsv import parse_tsv
from desktop.domain.validate import indicator_row_problem
from ui.indicators import commands
from ui.indicators.clipboard import indicators_from_tsv, indicators_to_tsv
from ui.indicators.model import Column, IndicatorTreeModel, Kind, copy_indicator
from ui.indicators.view import IndicatorTreeView


class IndicatorOperations:
    """The editing operations of one indicator tree (add, delete, move, 不适用, clipboard)."""

    def __init__(self, view: IndicatorTreeView) -> None:
        self.view = view
        self.model: IndicatorTreeModel = view.tree_model

    # -- selection ----------------------------------------------------------------------
    def current_category(self) -> int | None:
        """The category of the current row; for a level-1 row, its first category."""
        index = self.view.currentIndex()
        kind = self.model.kind(index)
        if kind is None:
            return None
        if kind is Kind.LEVEL1:
            child = self.model.index(0, 0, self.model.index(index.row(), 0))
            return self.model.category_of(child)
        return self.model.category_of(index)

    def selected_positions(self) -> list[tuple[int, int]]:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex()]
        positions = set()
        for index in rows:
            if self.model.kind(index) is Kind.INDICATOR:
                cat_index = self.model.category_of(index)
                assert cat_index is not None
                positions.add((cat_index, index.row()))
        return sorted(positions)

    def select(self, cat_index: int, row: int, column: int = Column.NAME) -> QModelIndex:
        index = self.model.indicator_index(cat_index, row, column)
        self.view.expand(self.model.category_index(cat_index))
        # Only this row selected: a Delete right after Ctrl+D must not take the original too.
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.view.scrollTo(index)
        return index

    def insert_position(self) -> tuple[int, int] | None:
        cat_index = self.current_category()
        if cat_index is None:
            return None
        index = self.view.currentIndex()
        if self.model.kind(index) is Kind.INDICATOR:
            return cat_index, index.row() + 1
        return cat_index, len(self.model.categories[cat_index].indicators)

    # -- operations ---------------------------------------------------------------------
    def add(self, edit: bool = True) -> None:
        position = self.insert_position()
        if position is None:
            position = (0, len(self.model.categories[0].indicators))
        self.insert(position, [Indicator()])
        if edit:
            self.view.edit(self.view.currentIndex())

    def insert(
        self, position: tuple[int, int], indicators: list[Indicator], text: str = "添加指标"
    ) -> None:
        cat_index, row = position
        if self.model.categories[cat_index].not_applicable:
            row = 0
        commands.push_insert(self.model, cat_index, row, indicators, text)
        self.view.reveal(cat_index, row, len(indicators))  # even if the filter would hide them
        self.select(cat_index, row)

    def delete(self) -> None:
        positions = self.selected_positions()
        if positions:
            self.model.document.undo_stack.push(
                commands.RemoveIndicatorsCommand(self.model, positions)
            )

    def duplicate(self) -> None:
        positions = self.selected_positions()
        if not positions:
            return
        cat_index, row = positions[-1]
        copies = [
            copy_indicator(self.model.categories[c].indicators[r])
            for c, r in positions
            if c == cat_index
        ]
        self.insert((cat_index, row + 1), copies, "复制指标")

    def move(self, step: int) -> None:
        """Move the current row up (-1) or down (+1); across level-2 categories of one level-1."""
        index = self.view.currentIndex()
        if self.model.kind(index) is not Kind.INDICATOR:
            return
        cat_index, row = self.model.category_of(index), index.row()
        assert cat_index is not None
        column = index.column()
        target = self._move_target(cat_index, row, step)
        if target is None:
            return
        self.model.document.undo_stack.push(
            commands.MoveIndicatorCommand(self.model, (cat_index, row), target)
        )
        self.select(*target, column=column)

    def _move_target(self, cat_index: int, row: int, step: int) -> tuple[int, int] | None:
        count = len(self.model.categories[cat_index].indicators)
        if 0 <= row + step < count:
            return cat_index, row + step
        # Past the edge: into the neighbouring level-2 category of the same level-1 (S08).
        neighbour = cat_index + step
        while 0 <= neighbour < len(self.model.categories):
            if self.model.level1_of(neighbour) != self.model.level1_of(cat_index):
                return None
            if not self.model.categories[neighbour].not_applicable:
                return (
                    (neighbour, len(self.model.categories[neighbour].indicators))
                    if step < 0
                    else (neighbour, 0)
                )
            neighbour += step
        return None

    def copy(self) -> None:
        indicators = [self.model.categories[c].indicators[r] for c, r in self.selected_positions()]
        if indicators:
            QApplication.clipboard().setText(indicators_to_tsv(indicators))

    def paste(self) -> int:
        """Insert the clipboard's spreadsheet rows below the current row, as one undo step."""
        indicators = indicators_from_tsv(QApplication.clipboard().text())
        position = self.insert_position()
        if not indicators or position is None:
            return 0
        problem = self._paste_problem(position[0], indicators)
        if problem is not None:  # the gate (S10): refused where it is pasted, nothing changes
            self.model.refused.emit(self.view.currentIndex(), f"未粘贴：{problem}")
            return 0
        self.insert(position, indicators, f"粘贴 {len(indicators)} 条指标")
        self.model.document.note_pasted(QApplication.clipboard().text())
        return len(indicators)

    def _paste_problem(self, cat_index: int, indicators: list[Indicator]) -> str | None:
        category = self.model.categories[cat_index]
        kept = [] if category.not_applicable else list(category.indicators)
        after = replace(category, not_applicable=False, indicators=kept + indicators)
        for offset, indicator in enumerate(indicators):
            problem = indicator_row_problem(after, len(kept) + offset, indicator.name, indicator.value)
            if problem is not None:
                return problem
        return None

    def paste_here(self) -> int:
        """Ctrl+V: one copied cell goes into the current cell, as in a spreadsheet; rows
        are inserted as with :meth:`paste`."""
        cells = parse_tsv(QApplication.clipboard().text())
        index = self.view.currentIndex()
        if (
            len(cells) == 1
            and len(cells[0]) == 1
            and self.model.kind(index) is Kind.INDICATOR
            and index.column() != Column.GOALS
        ):
            self.model.setData(index, cells[0][0].strip())
            return 1
        return self.paste()

    def set_not_applicable(self, flag: bool, parent: QWidget | None = None) -> bool:
        cat_index = self.current_category()
        if cat_index is None:
            return False
        category = self.model.categories[cat_index]
        if flag and category.indicators:
            answer = QMessageBox.question(
                parent or self.view,
                "标记为不适用",
                f"“{category.level2}”已有 {len(category.indicators)} 条指标。\n"
                "标记为“不适用”将删除这些指标（可撤销）。是否继续？",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        commands.push_not_applicable(self.model, cat_index, flag)
        self.view.setCurrentIndex(self.model.category_index(cat_index))
        return True
