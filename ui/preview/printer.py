"""Printing our own PDF: each page rendered at the printer's resolution, one page at a time.

The printed paper must be the exact PDF the export writes, so the pages are rasterised from
that PDF (at most 300 dpi, so a long declaration never holds more than one page image).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300


class PrintError(RuntimeError):
    """Printing failed; the message is Chinese."""


def load_pdf(data: bytes, document: QPdfDocument) -> QBuffer:
    """Load ``data`` into ``document``; returns the buffer, which must outlive the document."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return buffer


def _page_range(printer: QPrinter, page_count: int) -> range:
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return range(page_count)
    return range(max(first, 1) - 1, min(last, page_count))


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print the PDF ``data`` on ``printer`` (page range and copies from its settings).

    Returns the number of pages sent.
    """
    document = QPdfDocument()
    buffer = load_pdf(data, document)
    try:
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
            raise PrintError("无法读取要打印的页面")
        pages = _page_range(printer, document.pageCount())
        copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
        dpi = min(printer.resolution(), MAX_DPI)
        # The PDF carries its own margins: paint on the whole sheet.
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError("无法开始打印：打印机不可用")
        sent = 0
        try:
            for _copy in range(copies):
                for page in pages:
                    if sent:
                        printer.newPage()
                    _paint_page(document, page, painter, dpi)
                    sent += 1
        finally:
            painter.end()
        return sent
    finally:
        document.close()
        buffer.close()


def _paint_page(document: QPdfDocument, page: int, painter: QPainter, dpi: int) -> None:
    points = document.pagePointSize(page)
    size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    image: QImage = document.render(page, size)
    target: QRect = painter.viewport()
    scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
    painter.setWindow(image.rect())
    painter.drawImage(0, 0, image)
    painter.setViewport(target)
