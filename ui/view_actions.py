"""Keyboard actions on a table view and the row of tool buttons that shows them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QToolButton, QWidget


def view_action(
    view: QAbstractItemView,
    text: str,
    key: QKeySequence | str,
    slot: Callable[[], object],
    tip: str,
) -> QAction:
    """An action on ``view`` with a shortcut that works only while the view itself has focus.

    So the same keys still reach a cell editor open inside the view.
    """
    action = QAction(text, view)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    shown = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip}（{shown}）")
    # Called without arguments: triggered(bool) would pass ``checked`` as the first one.
    action.triggered.connect(lambda: slot())
    view.addAction(action)
    return action


def tool_row(parent: QWidget, actions: Iterable[QAction]) -> QHBoxLayout:
    """A row of tool buttons for ``actions``, left-aligned (add widgets after the stretch)."""
    row = QHBoxLayout()
    for action in actions:
        button = QToolButton(parent)
        button.setDefaultAction(action)
        row.addWidget(button)
    row.addStretch(1)
    return row
