"""The tree view of the findings dock (object name ``findingsPanel``).

Keeps the user's view across checks: dimensions the user collapsed stay collapsed, new ones open
expanded, and the selected finding stays selected when it is still there. Enter on a finding (or a
double-click) asks to jump to its cell.
"""

from __future__ import annotations

from typing_extensions import override

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from ui.findings.model import WHERE_ROLE, Column, FindingsModel, finding_key
from ui.item_tag import TagDelegate

#: Below this width the view hides the subject and severity columns.
NARROW_WIDTH = 560


class FindingsView(QTreeView):
    """Signals:
    where_activated(str): a finding row was double-clicked or Enter was pressed on it.
    """

    where_activated = Signal(str)

    def __init__(self, model: FindingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.setModel(model)
        self._model = model
        self._collapsed: set[str] = set()
        self._selected: tuple[str, str, str] | None = None
        self._restoring = False
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setExpandsOnDoubleClick(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.SUBJECT, QHeaderView.ResizeMode.Interactive)
        # Fixed widths from the font, not ResizeToContents: that would ask every row for its
        # size hint on each check (a quarter of a second with a thousand findings).
        metrics = self.fontMetrics()
        for column, sample in ((Column.RULE, "规则 I20"), (Column.SEVERITY, "警告·已接受")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        header.resizeSection(Column.SUBJECT, 170)
        self.setItemDelegateForColumn(Column.MESSAGE, TagDelegate(self))  # the 中期 tag
        model.modelAboutToBeReset.connect(self._remember_state)
        model.modelReset.connect(self._restore_state)
        self.collapsed.connect(self._on_collapsed)
        self.expanded.connect(self._on_expanded)
        self.doubleClicked.connect(self._activate)

    def _remember_state(self) -> None:
        finding = self._model.finding_at(self.currentIndex())
        self._selected = finding_key(finding) if finding is not None else None

    def _restore_state(self) -> None:
        # One expansion pass (one layout) and then the few collapses, not a layout per group.
        self._restoring = True
        try:
            self.expandAll()
            for row, dimension in enumerate(self._model.dimensions()):
                self.setFirstColumnSpanned(row, QModelIndex(), True)
                if dimension in self._collapsed:
                    self.collapse(self._model.index(row, 0))
        finally:
            self._restoring = False
        if self._selected is not None:
            index = self._model.index_of(self._selected)
            if index.isValid():
                self.setCurrentIndex(index)
                self.scrollTo(index)

    def _on_collapsed(self, index: QModelIndex) -> None:
        if self._restoring:
            return
        dimension = self._model.dimensions()[index.row()] if not index.parent().isValid() else ""
        if dimension:
            self._collapsed.add(dimension)

    def _on_expanded(self, index: QModelIndex) -> None:
        if not self._restoring and not index.parent().isValid():
            self._collapsed.discard(self._model.dimensions()[index.row()])

    def _activate(self, index: QModelIndex) -> None:
        where = index.data(WHERE_ROLE)
        if isinstance(where, str):
            self.where_activated.emit(where)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        # A narrow dock shows only what matters: icon + message, and the rule id; the subject
        # and severity are in the message and the icon (and in the tooltip).
        narrow = event.size().width() < NARROW_WIDTH
        self.setColumnHidden(Column.SUBJECT, narrow)
        self.setColumnHidden(Column.SEVERITY, narrow)
        super().resizeEvent(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            index = self.currentIndex()
            if index.parent().isValid():
                self._activate(index)
                event.accept()
                return
            self.setExpanded(index, not self.isExpanded(index))
            event.accept()
            return
        super().keyPressEvent(event)
