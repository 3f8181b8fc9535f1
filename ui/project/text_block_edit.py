"""A multi-line field for a project's text blocks (主要内容, 项目概况 …; docs/project-form.md §2.1).

Long texts are typed for minutes at a time: waiting for the focus to leave would keep a
paragraph out of the autosave (and a crash would lose it). So the text is committed when the
typing pauses and when the focus leaves; the commands of one block merge into one undo step
(ui/project/info_commands.py).
"""

from __future__ import annotations

from typing_extensions import override

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ui.fonts import content_font

#: How long typing must pause before the text is committed (ms).
PAUSE_MS = 1200


class TextBlockEdit(QPlainTextEdit):
    """Signals: committed(str), the text typed (stripped of surrounding blank space)."""

    committed = Signal(str)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(label)
        self.setFont(content_font())
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field of the form
        line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(line * 4 + 12)
        self.setMaximumHeight(line * 9 + 12)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.commit)
        self.textChanged.connect(self._typed)
        self._showing = False

    def show_text(self, text: str) -> None:
        """Show the stored ``text`` unless it is what is being typed (keeps the cursor)."""
        if self.toPlainText().strip() == text:
            return
        self._showing = True
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.End)
        self._showing = False

    def commit(self) -> None:
        self._pause.stop()
        self.committed.emit(self.toPlainText().strip())

    def _typed(self) -> None:
        if not self._showing and not self.isReadOnly():
            self._pause.start()

    @override
    def focusOutEvent(self, e: QFocusEvent) -> None:
        if self._pause.isActive():
            self.commit()
        super().focusOutEvent(e)
