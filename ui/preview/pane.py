"""A PDF preview with page navigation and zoom, over bytes from a render callable.

The pages shown are the exact PDF that printing and export produce. Without QtPdf the pane
says so and offers to open the PDF in the system viewer instead.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.preview.qtpdf import load_qtpdf

ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


class PdfPreviewPane(QWidget):
    """Shows the PDF produced by ``render``; call :meth:`refresh` to render again.

    Signals:
        print_requested(): the user pressed 打印….
    """

    print_requested = Signal()

    def __init__(self, render: Callable[[], bytes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._render = render
        self._data = b""
        self._buffer: QBuffer | None = None
        self.message = QLabel(self)
        self.message.setObjectName("previewMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.message)
        qtpdf = load_qtpdf()
        if qtpdf is None:
            self.document = None
            self.view = None
            self._show_fallback()
            return
        qt_pdf, qt_pdf_widgets = qtpdf
        self.document = qt_pdf.QPdfDocument(self)
        self.view = qt_pdf_widgets.QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(qt_pdf_widgets.QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(qt_pdf_widgets.QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().currentPageChanged.connect(self._update_page_label)
        layout.addWidget(self.view, 1)

    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.previous_button = self._tool("上一页", self.previous_page)
        self.next_button = self._tool("下一页", self.next_page)
        self.page_label = QLabel("", self)
        self.page_label.setObjectName("previewPageLabel")
        self.zoom_out_button = self._tool("缩小", lambda: self.zoom_by(-1))
        self.zoom_in_button = self._tool("放大", lambda: self.zoom_by(1))
        self.fit_button = self._tool("适合宽度", self.fit_width)
        self.print_button = QPushButton("打印…", self)
        self.print_button.clicked.connect(self.print_requested)
        left: tuple[QWidget, ...] = (self.previous_button, self.next_button, self.page_label)
        right: tuple[QWidget, ...] = (
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
            self.print_button,
        )
        for widget in left:
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in right:
            bar.addWidget(widget)
        return bar

    def _tool(self, text: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.clicked.connect(slot)
        return button

    def _show_fallback(self) -> None:
        self.message.setText("本机缺少 PDF 预览组件（QtPdf），无法在窗口内显示打印页面。")
        self.message.show()
        open_button = QPushButton("用系统查看器打开 PDF", self)
        open_button.setObjectName("openExternalButton")
        open_button.clicked.connect(self.open_external)
        self._layout.addWidget(open_button)

    # -- content ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Render again (on this thread) and show the result, keeping the page the user was on."""
        try:
            data = self._render()
        except Exception as exc:  # noqa: BLE001 - a preview must not take the editor down
            self.show_error(exc)
            return
        self.show_pdf(data)

    def show_error(self, exc: BaseException) -> None:
        """Say why the pages could not be made; the last good pages stay."""
        shown = "\n下面仍是上次生成的页面，改正后会自动更新。" if self.page_count() else ""
        self.message.setText(f"无法生成预览：{exc}{shown}")
        self.message.show()

    def show_pdf(self, data: bytes) -> None:
        """Show ``data`` (rendered here or in a worker), keeping the page the user was on."""
        self._data = data
        if self.document is None or self.view is None:
            return
        from ui.preview.printer import load_pdf

        page = self.current_page()
        previous = self._buffer
        self._buffer = load_pdf(self._data, self.document)
        if previous is not None:
            previous.close()
        self.message.hide()
        if 0 < page < self.page_count():
            self.view.pageNavigator().jump(page, self.view.pageNavigator().currentLocation())
        self._update_page_label()

    def wait_until_drawn(self, timeout_ms: int = 5000) -> bool:
        """Process events until QtPdf (which draws pages in its own thread) has drawn ink on
        the view; for screenshots. False on timeout or without pages."""
        if self.view is None or self.page_count() == 0:
            return False
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(timeout_ms)
        while not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if _has_ink(self.view.viewport().grab().toImage()):
                return True
            QThread.msleep(10)
        return False

    def pdf_bytes(self) -> bytes:
        return self._data

    def page_count(self) -> int:
        return 0 if self.document is None else int(self.document.pageCount())

    def current_page(self) -> int:
        return 0 if self.view is None else int(self.view.pageNavigator().currentPage())

    # -- navigation and zoom -----------------------------------------------------------------
    @Slot()
    def next_page(self) -> None:
        self._jump(self.current_page() + 1)

    @Slot()
    def previous_page(self) -> None:
        self._jump(self.current_page() - 1)

    def _jump(self, page: int) -> None:
        if self.view is None or not 0 <= page < self.page_count():
            return
        from PySide6.QtCore import QPointF

        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._update_page_label()

    def zoom_by(self, steps: int) -> None:
        """One zoom step in or out from what is shown now (also after 适合宽度)."""
        if self.view is None:
            return
        from PySide6.QtPdfWidgets import QPdfView

        shown = self.shown_zoom()
        if steps > 0:
            larger = [z for z in ZOOM_STEPS if z > shown * 1.01]
            zoom = larger[min(steps, len(larger)) - 1] if larger else ZOOM_STEPS[-1]
        else:
            smaller = [z for z in ZOOM_STEPS if z < shown * 0.99]
            zoom = smaller[-min(-steps, len(smaller))] if smaller else ZOOM_STEPS[0]
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(zoom)

    def shown_zoom(self) -> float:
        """The zoom factor on screen; in 适合宽度 mode QPdfView keeps reporting 1.0."""
        if self.view is None or self.document is None:
            return 1.0
        from PySide6.QtPdfWidgets import QPdfView

        if self.view.zoomMode() != QPdfView.ZoomMode.FitToWidth or self.page_count() == 0:
            return float(self.view.zoomFactor())
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        page = self.document.pagePointSize(0).width() * self.view.logicalDpiX() / 72
        return width / page if page > 0 else 1.0

    def fit_width(self) -> None:
        if self.view is None:
            return
        from PySide6.QtPdfWidgets import QPdfView

        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    @Slot()
    def _update_page_label(self) -> None:
        count = self.page_count()
        self.page_label.setText(f"第 {self.current_page() + 1} / {count} 页" if count else "")
        self.previous_button.setEnabled(self.current_page() > 0)
        self.next_button.setEnabled(self.current_page() + 1 < count)

    @Slot()
    def open_external(self) -> None:
        """Write the PDF to a temporary file and hand it to the system viewer."""
        if not self._data:
            self.refresh()
        folder = Path(tempfile.mkdtemp(prefix="perfdecl-preview-"))
        path = folder / "预览.pdf"
        path.write_bytes(self._data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _has_ink(image: QImage) -> bool:
    """Whether a (downscaled) picture of the view shows anything darker than paper grey."""
    small = image.scaled(96, 96).convertToFormat(QImage.Format.Format_Grayscale8)
    return any(
        small.pixelColor(x, y).value() < 128
        for y in range(small.height())
        for x in range(small.width())
    )
