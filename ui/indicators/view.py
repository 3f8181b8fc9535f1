"""The QTreeView of the indicator table: layout, column widths, text filter."""

from __future__ import annotations

from typing_extensions import override

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from ui.indicators.model import Column, IndicatorTreeModel, Kind

#: Rows are measured again this long after the last column width change.
RELAYOUT_DELAY_MS = 120
# Column widths in characters of the content font (a project's other-horizon column last);
# 指标解释 takes the rest.
_WIDTHS = {Column.VALUE: 5, Column.UNIT: 4, Column.GOALS: 4, Column.OTHER: 6}


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
        # Per item: the tree then measures only the rows it shows (and the last screenful for the
        # scroll bar); per pixel it would measure all 1,000 rows' wrapped heights on every
        # layout, which made opening and resizing a large declaration take a second.
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.EXPLANATION, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        # Wrapped rows change height with their column's width: lay out again a moment after
        # the last column change (a window dragged wider resizes the columns many times; each
        # layout walks all 1,000 rows), and only once the tree is on screen.
        header.sectionResized.connect(self._on_column_resized)
        self._layout_pending = False
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(RELAYOUT_DELAY_MS)
        self._relayout.timeout.connect(self.scheduleDelayedItemsLayout)
        model.modelReset.connect(self._on_reset)
        model.rowsInserted.connect(self._on_rows_inserted)
        self.filter_text = ""

    def _on_column_resized(self, *_: object) -> None:
        if self.isVisible():
            self._relayout.start()
        else:
            self._layout_pending = True

    @override
    def showEvent(self, event: QShowEvent) -> None:
        if self._layout_pending:
            self._layout_pending = False
            self.scheduleDelayedItemsLayout()
        super().showEvent(event)

    def _on_reset(self) -> None:
        self.expandAll()
        if self.filter_text:  # a reset forgets hidden rows: filter the new table
            self.apply_filter(self.filter_text)

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            self.expand(parent)
        if not self.filter_text or self.tree_model.kind(parent) is not Kind.LEVEL2:
            return
        # Only the new rows are filtered: rows the user sees do not vanish while editing.
        shown = False
        for row in range(first, last + 1):
            hidden = not self._matches(self.tree_model.index(row, 0, parent))
            self.setRowHidden(row, parent, hidden)
            shown |= not hidden
        if shown:
            self._show_ancestors(parent)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # docs/ui.md: F2 or Enter edits the cell (Qt's edit key is F2 only, Enter merely activates).
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.state() != QAbstractItemView.State.EditingState
            and self.currentIndex().flags() & Qt.ItemFlag.ItemIsEditable
        ):
            self.edit(self.currentIndex())
            return
        super().keyPressEvent(event)

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
        widths = {c: w for c, w in _WIDTHS.items() if c < self.tree_model.columns}
        for column, chars in widths.items():
            self.setColumnWidth(column, char * chars + 16)
        rest = self.viewport().width() - sum(self.columnWidth(c) for c in widths)
        self.setColumnWidth(Column.NAME, max(char * 8, int(rest * 0.4)))

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def _matches(self, index: QModelIndex) -> bool:
        indicator = self.tree_model.indicator_at(index)
        if indicator is None:  # a 不适用 row: nothing to find in it
            return False
        haystack = " ".join(
            (indicator.name, indicator.value, indicator.unit, indicator.explanation)
        )
        return self.filter_text in haystack.lower()

    def _show_ancestors(self, level2: QModelIndex) -> None:
        level1 = level2.parent()
        self.setRowHidden(level2.row(), level1, False)
        self.setRowHidden(level1.row(), QModelIndex(), False)

    def reveal(self, cat_index: int, first: int, count: int) -> None:
        """Show rows the user has just added although the filter would hide them."""
        if not self.filter_text:
            return
        parent = self.tree_model.category_index(cat_index)
        for row in range(first, first + count):
            self.setRowHidden(row, parent, False)
        self._show_ancestors(parent)

    def apply_filter(self, text: str) -> None:
        """Show only level-3 rows containing ``text`` (case-insensitive) and their categories.

        An empty text shows every row again.
        """
        self.filter_text = text.strip().lower()
        filtering = bool(self.filter_text)
        model = self.tree_model
        for l1 in range(model.rowCount()):
            l1_index = model.index(l1, 0)
            l1_shown = False
            for l2 in range(model.rowCount(l1_index)):
                l2_index = model.index(l2, 0, l1_index)
                l2_shown = False
                for row in range(model.rowCount(l2_index)):
                    hidden = filtering and not self._matches(model.index(row, 0, l2_index))
                    self.setRowHidden(row, l2_index, hidden)
                    l2_shown |= not hidden
                self.setRowHidden(l2, l1_index, filtering and not l2_shown)
                l1_shown |= l2_shown
            self.setRowHidden(l1, QModelIndex(), filtering and not l1_shown)
