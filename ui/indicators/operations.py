"""What the indicator actions do: each turns the current selection into undo commands."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.documents.xlsx.indicator_clipboard import (
    IndicatorPasteError,
    PastedIndicator,
    indicators_from_paste,
    indicators_to_tsv,
)
from desktop.domain import indicators as ops
from desktop.domain.errors import EditError
from desktop.domain.indicators import IndicatorCell
from desktop.domain.model import Indicator
from desktop.domain.tsv import parse_tsv
from ui.indicators import commands
from ui.indicators.model import FIELDS, Column, IndicatorTreeModel, Kind
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
            self.model.push(commands.RemoveIndicatorsCommand(self.model, positions))

    def clear(self) -> None:
        """Delete / Backspace: empty the current column of the selected rows, one undo step.

        In 对应目标 the links are removed. The rows themselves stay (Ctrl+Delete removes them).
        """
        column = self.view.currentIndex().column()
        positions = self.selected_positions()
        categories = self.model.categories
        if column == Column.GOALS:
            linked = [p for p in positions if categories[p[0]].indicators[p[1]].goals]
            if linked:
                self.model.begin_macro(f"清除 {len(linked)} 行的对应目标")
                for position in linked:
                    self.model.push(commands.SetLinksCommand(self.model, position, []))
                self.model.end_macro()
            return
        field = FIELDS.get(Column(column)) if column >= 0 else None
        if field is None:
            return
        cells = [
            IndicatorCell(p, field, "")
            for p in positions
            if getattr(categories[p[0]].indicators[p[1]], field)
        ]
        if cells:
            self.model.push(
                commands.SetIndicatorCellsCommand(self.model, cells, f"清除 {len(cells)} 个单元格")
            )

    def duplicate(self) -> None:
        positions = self.selected_positions()
        if not positions:
            return
        cat_index, row = positions[-1]
        copies = [
            ops.copy_indicator(self.model.categories[c].indicators[r])
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
        target = ops.step_target(self.model.categories, (cat_index, row), step)
        if target is None:
            return
        self.model.push(commands.MoveIndicatorsCommand(self.model, [((cat_index, row), target)]))
        self.select(*target, column=column)

    def copy(self) -> None:
        indicators = [self.model.categories[c].indicators[r] for c, r in self.selected_positions()]
        if indicators:
            QApplication.clipboard().setText(indicators_to_tsv(indicators))

    def paste(self, text: str | None = None) -> int:
        """Insert the clipboard's spreadsheet rows as one undo step; returns how many.

        Rows that name their category (copied with 一级指标/二级指标) go into it; the others go
        below the current row, or at the end of the first category when no row is current.
        Raises :class:`IndicatorPasteError` (nothing changes) for a block it cannot map.
        """
        if text is None:
            text = QApplication.clipboard().text()
        document = self.model.document
        pasted = indicators_from_paste(text, document.profile, len(self.model.goals))
        cursor = self.insert_position() or (0, len(self.model.categories[0].indicators))
        keys = [c.key for c in self.model.categories]
        label = f"粘贴 {len(pasted)} 条指标"
        placed: list[tuple[tuple[int, int], list[Indicator]]] = []
        for category, rows in _runs(pasted):
            if category is None:  # below the current row, in the order pasted
                placed.append((cursor, rows))
                cursor = (cursor[0], cursor[1] + len(rows))
            else:  # the reader checked that the category exists
                cat_index = keys.index(category)
                placed.append(((cat_index, len(self.model.categories[cat_index].indicators)), rows))
        self._check_new_rows(placed)
        first: tuple[int, int] | None = None
        self.model.begin_macro(label)
        for position, rows in placed:
            self.insert(position, rows, label)
            first = first or self._selected_position()
        self.model.end_macro()
        if first is not None:
            self.select(*first)
        document.note_pasted(text)
        return len(pasted)

    def _check_new_rows(self, placed: list[tuple[tuple[int, int], list[Indicator]]]) -> None:
        """The gate (S10) before anything is inserted: raises IndicatorPasteError."""
        by_category: dict[int, list[Indicator]] = {}
        for (cat_index, _row), rows in placed:
            by_category.setdefault(cat_index, []).extend(rows)
        try:
            for cat_index, rows in by_category.items():
                ops.check_new_rows(self.model.categories, cat_index, rows)
        except EditError as exc:
            raise IndicatorPasteError(str(exc)) from exc

    def _selected_position(self) -> tuple[int, int] | None:
        positions = self.selected_positions()
        return positions[0] if positions else None

    def paste_here(self, text: str | None = None) -> int:
        """Ctrl+V: one copied cell goes into the current cell, as in a spreadsheet; rows
        are inserted as with :meth:`paste`."""
        if text is None:
            text = QApplication.clipboard().text()
        cells = parse_tsv(text)
        index = self.view.currentIndex()
        if (
            len(cells) == 1
            and len(cells[0]) == 1
            and self.model.kind(index) is Kind.INDICATOR
            and index.column() not in (Column.GOALS, Column.OTHER)
        ):
            self.model.setData(index, cells[0][0].strip())
            return 1
        return self.paste(text)

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


def _runs(
    pasted: list[PastedIndicator],
) -> list[tuple[tuple[str, str] | None, list[Indicator]]]:
    """Consecutive pasted rows bound for the same place, in order."""
    runs: list[tuple[tuple[str, str] | None, list[Indicator]]] = []
    for item in pasted:
        if runs and runs[-1][0] == item.category:
            runs[-1][1].append(item.indicator)
        else:
            runs.append((item.category, [item.indicator]))
    return runs
