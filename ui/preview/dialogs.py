"""The print preview window and the system print dialog, both over our own PDF bytes."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QVBoxLayout, QWidget

from ui.preview.pane import PdfPreviewPane
from ui.preview.printer import PrintError, print_pdf


class PrintPreviewDialog(QDialog):
    """打印预览: the exact pages, with zoom and page navigation, and a 打印… button."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreviewDialog")
        self.setWindowTitle(f"打印预览 - {title}")
        self.resize(_fitting_size(parent))
        self.pane = PdfPreviewPane(lambda: data, self)
        self.pane.print_requested.connect(lambda: print_with_dialog(data, self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane)
        self.pane.refresh()


def _fitting_size(parent: QWidget | None) -> QSize:
    """An A4 page's proportions, as tall as the screen allows (1366x768 laptops included)."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else QRect(0, 0, 900, 1000)
    height = min(1000, int(available.height() * 0.9))
    width = min(900, int(available.width() * 0.9), max(600, int(height * 0.8)))
    return QSize(width, height)


def print_with_dialog(data: bytes, parent: QWidget | None = None) -> bool:
    """Ask for printer, page range and copies, then print; False when cancelled or failed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印申报表")
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        print_pdf(data, printer)
    except PrintError as exc:
        QMessageBox.warning(parent, "打印失败", str(exc))
        return False
    return True
