"""The 预览 section: the printed pages of the open declaration, refreshed as it changes.

Rendering a long declaration takes seconds, so it runs in a worker thread (:mod:`ui.background`)
on a snapshot taken a moment after the last edit, only while the section is visible; a bar shows
the pages done. An edit meanwhile cancels that render (its pages would be stale) and schedules a
new one, so typing never waits for it. The pane (and QtPdf with it) is built when the section is
first shown, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable

from typing_extensions import override

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from ui.background import Cancel, Job, LatestJob
from ui.document import DeclarationDocument
from ui.preview.pane import PdfPreviewPane

REFRESH_DELAY_MS = 600


class PreviewSection(QWidget):
    """Shows the PDF of the working copy; ``prepare()`` (on the GUI thread) snapshots it and
    returns the job that renders it in the worker."""

    def __init__(
        self,
        document: DeclarationDocument,
        prepare: Callable[[], Job],
        on_print: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("previewSection")
        self._prepare = prepare
        self._on_print = on_print
        self._pane: PdfPreviewPane | None = None
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self._progress_row())
        self._stale = True
        self._jobs = LatestJob(self)
        self._jobs.started.connect(self._on_started)
        self._jobs.progress.connect(self._on_progress)
        self._jobs.finished.connect(self._on_finished)
        self._jobs.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._refresh_if_visible)
        document.changed.connect(self._mark_stale)

    def _progress_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress_label = QLabel("正在生成预览…", self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("previewProgress")
        self.progress_bar.setMaximumWidth(240)
        self.progress_bar.setTextVisible(False)
        row.addWidget(self.progress_label)
        row.addWidget(self.progress_bar)
        row.addStretch(1)
        self.progress_label.hide()
        self.progress_bar.hide()
        return row

    @property
    def pane(self) -> PdfPreviewPane:
        """The page view, built on first use (it loads QtPdf)."""
        return self._ensure_pane()

    def _ensure_pane(self) -> PdfPreviewPane:
        if self._pane is None:
            pane = PdfPreviewPane(self._render_here, self)
            if self._on_print is not None:
                pane.print_requested.connect(self._on_print)
            else:
                pane.print_button.hide()
            self._layout.addWidget(pane, 1)
            self.setFocusProxy(pane)
            self._pane = pane
        return self._pane

    def _render_here(self) -> bytes:
        """The pages, rendered on this thread (the pane's own 刷新 and 用系统查看器打开)."""
        data: bytes = self._prepare()(Cancel(lambda _done, _total: None))
        return data

    def is_rendering(self) -> bool:
        return self._jobs.is_busy() or self._timer.isActive()

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Process events until the pages on screen are current (tests, screenshots)."""
        if self._timer.isActive():
            self._timer.stop()
            self._refresh_if_visible()
        return self._jobs.wait(timeout_ms)

    def wait_until_drawn(self, timeout_ms: int = 30_000) -> bool:
        """:meth:`wait`, then until QtPdf has drawn the pages on screen (screenshots)."""
        return self.wait(timeout_ms) and self.pane.wait_until_drawn()

    @Slot(object)
    def _mark_stale(self, _parts: object) -> None:
        self._stale = True
        self._jobs.cancel()  # the pages being made show the text before this edit
        self._show_progress(False)
        if self.isVisible():
            self._timer.start()

    @Slot()
    def _refresh_if_visible(self) -> None:
        if self.isVisible() and self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Start rendering the current text in the worker (the pages follow when done)."""
        self._stale = False
        self._ensure_pane()  # before the pages arrive
        self._jobs.submit(self._prepare())

    @Slot()
    def _on_started(self) -> None:
        self.progress_bar.setRange(0, 0)  # laying out: no page count yet
        self._show_progress(True)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.progress_label.setText(f"正在生成预览：第 {done} / {total} 页")

    @Slot(object)
    def _on_finished(self, data: bytes) -> None:
        self._show_progress(False)
        self.pane.show_pdf(data)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._show_progress(False)
        self.pane.show_error(exc)

    def _show_progress(self, shown: bool) -> None:
        if not shown:
            self.progress_label.setText("正在生成预览…")
        self.progress_label.setVisible(shown)
        self.progress_bar.setVisible(shown)
        if shown:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
