"""The print preview window and the system print dialog, both over our own PDF bytes."""

from __future__ import annotations

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
        self.resize(900, 1000)
        self.pane = PdfPreviewPane(lambda: data, self)
        self.pane.print_requested.connect(lambda: print_with_dialog(data, self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane)
        self.pane.refresh()


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
