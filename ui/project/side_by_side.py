"""Panes side by side on a wide window, as tabs on a narrow one (docs/project-form.md §6).

A project's 中期 and 年度 lists are read against each other, so they stand side by side when the
window is at least :data:`WIDE_WINDOW` pixels wide; below that each would be too narrow to read
and they become two tabs. The mode follows every resize of the window; the panes are moved, not
rebuilt, so their state (selection, scroll position, an open editor's focus) survives.
"""

from __future__ import annotations

from collections.abc import Sequence

from typing_extensions import override

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

#: The narrowest window (px) that shows the panes side by side.
WIDE_WINDOW = 1280


class SideBySide(QWidget):
    """Shows ``panes`` (with their tab titles) in a splitter or in tabs, by window width."""

    def __init__(self, panes: Sequence[tuple[QWidget, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panes = list(panes)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("sideBySide")
        self.splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("paneTabs")
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.splitter)
        self._stack.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._watched: QWidget | None = None
        self._side: bool | None = None
        self._arrange(side=True)

    @property
    def side_by_side(self) -> bool:
        return bool(self._side)

    def show_pane(self, pane: QWidget) -> None:
        """Make ``pane`` visible: its tab when tabbed (side by side, every pane is visible)."""
        if not self._side:
            self.tabs.setCurrentWidget(pane)

    def _arrange(self, side: bool) -> None:
        if side == self._side:
            return
        focused = self.focusWidget()
        shown = self.tabs.currentWidget()
        self._side = side
        if side:
            for pane, _title in self._panes:
                self.splitter.addWidget(pane)  # takes it out of the tab widget
                pane.show()  # the tabs had hidden all but the current one
            self.splitter.setSizes([1] * len(self._panes))  # equal shares
        else:
            for pane, title in self._panes:
                self.tabs.addTab(pane, title)
            # The pane being worked in stays in front.
            front = next((p for p, _ in self._panes if focused and p.isAncestorOf(focused)), shown)
            if front is not None:
                self.tabs.setCurrentWidget(front)
        self._stack.setCurrentWidget(self.splitter if side else self.tabs)
        if focused is not None and focused.isVisibleTo(self):
            focused.setFocus()

    def _follow_window(self) -> None:
        window = self.window()
        if window is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            if window is not self:
                window.installEventFilter(self)
            self._watched = window
        self._arrange(window.width() >= WIDE_WINDOW)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Resize:
            self._arrange(self.window().width() >= WIDE_WINDOW)
        return False

    @override
    def showEvent(self, event: QShowEvent) -> None:
        self._follow_window()
        super().showEvent(event)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._follow_window()
        super().resizeEvent(event)
