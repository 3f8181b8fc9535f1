"""The QTreeView of the indicator table: layout, column widths, text filter."""

from __future__ import annotations

from typing_extensions import override

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from ui.indicators.model import Column, IndicatorTreeModel, Kind

# Column widths in characters of the content font; 指标解释 takes the rest.
_WIDTHS = {Column.VALUE: 5, Column.UNIT: 4, Column.GOALS: 4}


class IndicatorTreeView(QTreeView):
    """The tree named ``indicatorTree``; editing through the delegate, moves by drag and drop."""

    def __init__(
        self, model: IndicatorTreeModel, parent: QWidget | None = None, font: QFont | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("indicatorTree")
        if font is not None:
            self.setFont(font)  # before the model: every row height depends on it
        self.setModel(model)
        self.tree_model = model
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.EXPLANATION, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        # Wrapped rows change height with their column's width.
        header.sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())
        model.modelReset.connect(self.expandAll)
        model.rowsInserted.connect(self._expand_parent)
        self.filter_text = ""

    def _expand_parent(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            self.expand(parent)
        if self.filter_text:
            self.apply_filter(self.filter_text)

    @override
    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        # Tab and the arrow keys walk the cells of an indicator row (the base class, with
        # row selection, would only scroll sideways).
        current = self.currentIndex()
        if self.tree_model.kind(current) is Kind.INDICATOR:
            forward = (
                QAbstractItemView.CursorAction.MoveNext,
                QAbstractItemView.CursorAction.MoveRight,
            )
            backward = (
                QAbstractItemView.CursorAction.MovePrevious,
                QAbstractItemView.CursorAction.MoveLeft,
            )
            if action in forward and current.column() < Column.GOALS:
                return current.siblingAtColumn(current.column() + 1)
            if action in backward and current.column() > Column.NAME:
                return current.siblingAtColumn(current.column() - 1)
        return super().moveCursor(action, modifiers)

    def fit_columns(self) -> None:
        """Short columns by their content's width; 三级指标 ~ 40 % of the rest; 指标解释 the rest."""
        char = self.fontMetrics().horizontalAdvance("中")
        for column, chars in _WIDTHS.items():
            self.setColumnWidth(column, char * chars + 16)
        rest = self.viewport().width() - sum(self.columnWidth(c) for c in _WIDTHS)
        self.setColumnWidth(Column.NAME, max(char * 8, int(rest * 0.4)))

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def apply_filter(self, text: str) -> None:
        """Hide level-3 rows whose texts do not contain ``text`` (case-insensitive)."""
        self.filter_text = text.strip().lower()
        model = self.tree_model
        for l1 in range(model.rowCount()):
            l1_index = model.index(l1, 0)
            for l2 in range(model.rowCount(l1_index)):
                l2_index = model.index(l2, 0, l1_index)
                for row in range(model.rowCount(l2_index)):
                    index = model.index(row, 0, l2_index)
                    indicator = model.indicator_at(index)
                    hidden = False
                    if self.filter_text and indicator is not None:
                        haystack = " ".join(
                            (indicator.name, indicator.value, indicator.unit, indicator.explanation)
                        )
                        hidden = self.filter_text not in haystack.lower()
                    elif self.filter_text and model.kind(index) is Kind.NOT_APPLICABLE:
                        hidden = True
                    self.setRowHidden(row, l2_index, hidden)
