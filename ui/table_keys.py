"""Leaving a table from the keyboard, as in a spreadsheet program's dialogs.

Ctrl+Tab / Ctrl+Shift+Tab always move the focus to the next / previous widget after the table
(Qt would give Ctrl+Tab to the section tabs). Plain Tab / Shift+Tab walk the cells of a table
that navigates by Tab, and leave it from its last / first cell.
"""

from __future__ import annotations

from collections.abc import Callable

from typing_extensions import override

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

#: Called with ``forward``: True when the current cell is the last (forward) or first cell.
AtEdge = Callable[[bool], bool]


class TableExit(QObject):
    """Event filter installed on ``view`` by :func:`leave_by_tab`."""

    def __init__(self, view: QAbstractItemView, at_edge: AtEdge | None) -> None:
        super().__init__(view)
        self._view, self._at_edge = view, at_edge

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if self._view.state() == QAbstractItemView.State.EditingState:
            return False  # the cell editor's own Tab handling commits and moves on
        key, modifiers = event.key(), event.modifiers()
        if key not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False
        forward = key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier
        if modifiers & Qt.KeyboardModifier.ControlModifier or (
            self._at_edge is not None and self._at_edge(forward)
        ):
            return move_focus_out(self._view, forward)
        return False


def leave_by_tab(view: QAbstractItemView, at_edge: AtEdge | None = None) -> None:
    """Let Ctrl+Tab (always) and Tab at ``at_edge`` (if given) move the focus out of ``view``."""
    view.installEventFilter(TableExit(view, at_edge))


def move_focus_out(widget: QWidget, forward: bool) -> bool:
    """Focus the next (previous) widget in the tab chain that is not inside ``widget``."""
    candidate: QWidget | None = widget
    window = widget.window()
    for _ in range(1000):  # the chain is a ring; bounded in case a widget leaves it meanwhile
        assert candidate is not None
        candidate = candidate.nextInFocusChain() if forward else candidate.previousInFocusChain()
        if candidate is None or candidate is widget:
            return False
        if (
            not widget.isAncestorOf(candidate)
            and candidate.window() is window
            and candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            candidate.setFocus(reason)
            return True
    return False
