"""The 预览 section: the printed pages of the open declaration, refreshed as it changes.

Rendering costs tens of milliseconds, so it runs only while the section is visible, a moment
after the last edit (typing never waits for it).
"""

from __future__ import annotations

from collections.abc import Callable

from typing_extensions import override

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.document import DeclarationDocument
from ui.preview.pane import PdfPreviewPane

REFRESH_DELAY_MS = 600


class PreviewSection(QWidget):
    """Shows ``render()`` (the PDF of the working copy) and re-renders after edits."""

    def __init__(
        self,
        document: DeclarationDocument,
        render: Callable[[], bytes],
        on_print: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("previewSection")
        self.pane = PdfPreviewPane(render, self)
        self.setFocusProxy(self.pane)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane)
        if on_print is not None:
            self.pane.print_requested.connect(on_print)
        else:
            self.pane.print_button.hide()
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._refresh_if_visible)
        document.changed.connect(self._mark_stale)

    @Slot(object)
    def _mark_stale(self, _parts: object) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    @Slot()
    def _refresh_if_visible(self) -> None:
        if self.isVisible() and self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.pane.refresh()

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
