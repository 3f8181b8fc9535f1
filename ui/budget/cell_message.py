"""A small non-modal message shown right under a table cell (e.g. why an amount was refused)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLabel

#: How long a message stays after the cell's editor closed or after a refused paste.
SHOWN_AFTER_CLOSE_MS = 5000

_STYLE = (
    "QLabel { background: #fff4e5; color: #8a3b00; border: 1px solid #e0a060; padding: 2px 6px; }"
)


class CellMessage(QLabel):
    """Floats over the view's viewport below the cell it is about; hides itself after a while."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view.viewport())
        self._view = view
        self.setObjectName("cellMessage")
        self.setStyleSheet(_STYLE)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def show_for(self, index: QModelIndex, text: str, *, timeout_ms: int = 0) -> None:
        """Show ``text`` under ``index``; ``timeout_ms`` > 0 hides it again after that time."""
        self.setText(text)
        self.adjustSize()
        rect = self._view.visualRect(index)
        viewport = self._view.viewport()
        x = max(0, min(rect.left(), viewport.width() - self.width()))
        y = rect.bottom() + 2
        if y + self.height() > viewport.height():
            y = max(0, rect.top() - self.height() - 2)
        self.move(x, y)
        self.show()
        self.raise_()
        if timeout_ms > 0:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    def keep_after_edit(self) -> None:
        """The cell's editor closed: a message about it stays a while, then hides itself."""
        if self.isVisible():
            self.show_for(self._view.currentIndex(), self.text(), timeout_ms=SHOWN_AFTER_CLOSE_MS)
