"""Print preview, printing, export and the 预览 section's pages, for the main window.

Everything that leaves the application names a revision that exists (cli.md, "Revisions"):
before printing or exporting, the working copy is written and, when it differs from the latest
revision, frozen as a new one. The font is checked first, so a refused print changes nothing.
The 预览 section shows the working copy itself, marked 预览（未存档） when it is not yet frozen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.documents.fonts import FontError, MissingGlyphError
from desktop.documents.printing import check_printable_with_settings, pdf_bytes_with_settings
from desktop.exchange.canonical import content_key, fingerprint
from desktop.services.output import write_output
from desktop.services.revisions import OutputSource, output_source
from ui.preview.dialogs import PrintPreviewDialog, print_with_dialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow

UNSAVED_PREVIEW = "预览（未存档）"
_FILTERS = {
    "PDF 文件（正式版式）(*.pdf)": ".pdf",
    "Excel 工作簿 (*.xlsx)": ".xlsx",
    "JSON 交换文件 (*.json)": ".json",
}


class OutputController(QObject):
    """Connects 打印预览 / 打印 / 导出 and renders the preview of the open declaration."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._revision_key: tuple[int, int, bytes] | None = None  # (id, number, content)

    def connect_actions(self) -> None:
        actions = self.window.window_actions
        actions["printPreviewAction"].triggered.connect(self.print_preview)
        actions["printAction"].triggered.connect(self.print_document)
        actions["exportAction"].triggered.connect(self.export)

    # -- the 预览 section ---------------------------------------------------------------------
    def preview_bytes(self) -> bytes:
        """The working copy's pages, labelled with its revision or 预览（未存档）."""
        document = self.window.document
        assert document is not None and document.declaration_id is not None
        declaration = document.declaration
        label: int | str = UNSAVED_PREVIEW
        latest = self._latest_content(document.declaration_id)
        if latest is not None and latest[1] == content_key(declaration):
            label = latest[0]
        return pdf_bytes_with_settings(
            declaration, revision=label, fingerprint=fingerprint(declaration)
        )

    def _latest_content(self, declaration_id: int) -> tuple[int, bytes] | None:
        revisions = self.window.store.revisions(declaration_id)
        if not revisions:
            return None
        number = revisions[-1].number
        cached = self._revision_key
        if cached is None or cached[:2] != (declaration_id, number):
            frozen = self.window.store.load_revision(declaration_id, number)
            cached = self._revision_key = (declaration_id, number, content_key(frozen))
        return number, cached[2]

    # -- leaving the application -------------------------------------------------------------
    def _frozen(self, check_font: bool) -> OutputSource | None:
        """Write and freeze the working copy; None (after telling the user) when it can't print."""
        document = self.window.document
        if document is None or document.declaration_id is None:
            return None
        self.window.flush()
        store = self.window.store
        if check_font:
            try:
                check_printable_with_settings(store.load(document.declaration_id))
            except (MissingGlyphError, FontError) as exc:
                QMessageBox.warning(self.window, "无法打印", str(exc))
                return None
        source = output_source(store, document.declaration_id)
        self.window.update_status(revision=source.revision.number)
        self.window.refresh_list()
        return source

    def _pdf(self, source: OutputSource) -> bytes:
        return pdf_bytes_with_settings(
            source.declaration,
            revision=source.revision.number,
            fingerprint=source.revision.fingerprint,
        )

    @Slot()
    def print_preview(self) -> None:
        source = self._frozen(check_font=True)
        if source is None:
            return
        with _busy():
            data = self._pdf(source)
        title = f"{source.declaration.year} {source.declaration.unit_name}".strip()
        PrintPreviewDialog(data, title, self.window).exec()

    @Slot()
    def print_document(self) -> None:
        source = self._frozen(check_font=True)
        if source is None:
            return
        with _busy():
            data = self._pdf(source)
        if print_with_dialog(data, self.window):
            self.window.statusBar().showMessage(f"已送打印：第 {source.revision.number} 版", 8000)

    @Slot()
    def export(self) -> None:
        document = self.window.document
        if document is None:
            return
        declaration = document.declaration
        suggested = f"{declaration.year}年{declaration.unit_name or '申报表'}绩效目标申报表.pdf"
        path_text, chosen = QFileDialog.getSaveFileName(
            self.window, "导出申报表", suggested, ";;".join(_FILTERS)
        )
        if not path_text:
            return
        path = Path(path_text)
        if path.suffix.lower() not in _FILTERS.values():
            path = path.with_suffix(_FILTERS.get(chosen, ".pdf"))
        self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Freeze if needed and write ``path``; tells the user the outcome."""
        source = self._frozen(check_font=path.suffix.lower() == ".pdf")
        if source is None:
            return False
        try:
            with _busy():
                write_output(source.declaration, path, source.revision.number)
        except (MissingGlyphError, FontError, ValueError) as exc:
            QMessageBox.warning(self.window, "导出失败", str(exc))
            return False
        except OSError as exc:
            QMessageBox.warning(self.window, "导出失败", f"无法写入 {path}：{exc.strerror or exc}")
            return False
        self.window.statusBar().showMessage(
            f"已导出 {path.name}（第 {source.revision.number} 版）", 10_000
        )
        return True


class _busy:
    """A wait cursor around work that takes a noticeable moment."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()
