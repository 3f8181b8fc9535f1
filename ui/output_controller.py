"""Print preview, printing, export and the 预览 section's pages, for the main window.

Everything that leaves the application names a revision that exists (docs/cli.md, "Revisions"):
before printing or exporting, the working copy is written and, when it differs from the latest
revision, frozen as a new one. The font is checked first, so a refused print changes nothing.
The 预览 section shows the working copy itself, marked 预览（未存档） when it is not yet frozen;
its pages are rendered in a worker thread from a snapshot (:meth:`OutputController.preview_job`).
The print machinery (reportlab, QtPdf, QtPrintSupport) is imported on first use, not at start-up.
"""

from __future__ import annotations

import copy
import errno
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from desktop.documents.fonts import FontError, MissingGlyphError
from desktop.domain.model import Declaration
from desktop.exchange.canonical import content_key, fingerprint
from desktop.oserrors import describe_os_error
from desktop.services.revisions import OutputSource, output_source, readable_revision
from desktop.services.store import RefusedContentError, StoreError
from ui.app_context import AppContext
from ui.background import Cancel
from ui.window_actions import WindowActions
from ui.window_port import WindowPort

UNSAVED_PREVIEW = "预览（未存档）"
_FILTERS = {
    "PDF 文件（正式版式）(*.pdf)": ".pdf",
    "Excel 工作簿 (*.xlsx)": ".xlsx",
    "JSON 交换文件 (*.json)": ".json",
}
#: Characters Windows refuses in file names (a unit name may contain them).
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\r\n\t]')


def export_path(typed: str, chosen_filter: str) -> Path:
    """The file to write: the typed name, with the chosen type's suffix added when it has none
    of ours (``报表.2026`` becomes ``报表.2026.pdf``, never ``报表.pdf``)."""
    path = Path(typed)
    if path.suffix.lower() in _FILTERS.values():
        return path
    return path.with_name(path.name + _FILTERS.get(chosen_filter, ".pdf"))


def switch_suffix(name: str, chosen_filter: str) -> str:
    """The file name after the user picks another file type: our suffix follows the type."""
    path = Path(name)
    if path.suffix.lower() not in _FILTERS.values():
        return name
    return str(path.with_suffix(_FILTERS.get(chosen_filter, ".pdf")))


class OutputController(QObject):
    """Connects 打印预览 / 打印 / 导出 and renders the preview of the open declaration."""

    def __init__(
        self, context: AppContext, window: WindowPort, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.window = window
        self._revision_key: tuple[int, int, bytes] | None = None  # (id, number, content)
        self._export_dir = ""
        self._export_filter = next(iter(_FILTERS))

    def connect_actions(self, actions: WindowActions) -> None:
        actions["printPreviewAction"].triggered.connect(self.print_preview)
        actions["printAction"].triggered.connect(self.print_document)
        actions["exportAction"].triggered.connect(self.export)

    # -- the 预览 section ---------------------------------------------------------------------
    def preview_job(self) -> Callable[[Cancel], bytes]:
        """Snapshot the working copy (here, on the GUI thread) and return the job that renders
        its pages, labelled with its revision or 预览（未存档）, in a worker thread."""
        document = self.context.document
        assert document is not None and document.declaration_id is not None
        declaration = copy.deepcopy(document.declaration)  # later edits never reach the worker
        label: int | str = UNSAVED_PREVIEW
        latest = self._latest_content(document.declaration_id)
        if latest is not None and latest[1] == content_key(declaration):
            label = latest[0]
        print_id = fingerprint(declaration)

        def render(cancel: Cancel) -> bytes:
            from desktop.documents.printing import pdf_bytes_with_settings

            return pdf_bytes_with_settings(
                declaration, revision=label, fingerprint=print_id, step=cancel.step
            )

        return render

    def preview_bytes(self) -> bytes:
        """The working copy's pages, rendered on this thread."""
        return self.preview_job()(Cancel(lambda _done, _total: None))

    def _latest_content(self, declaration_id: int) -> tuple[int, bytes] | None:
        revisions = self.context.store.revisions(declaration_id)
        if not revisions:
            return None
        number = revisions[-1].number
        cached = self._revision_key
        if cached is None or cached[:2] != (declaration_id, number):
            frozen = readable_revision(self.context.store, declaration_id, number)
            if frozen is None:  # damaged (older program): the working copy is not archived
                return None
            cached = self._revision_key = (declaration_id, number, content_key(frozen))
        return number, cached[2]

    # -- leaving the application -------------------------------------------------------------
    def _frozen(self, check_font: bool) -> OutputSource | None:
        """Write and freeze the working copy; None (after telling the user) when it can't print."""
        document = self.context.document
        if document is None or document.declaration_id is None:
            return None
        self.window.flush()
        store = self.context.store
        if check_font:
            from desktop.documents.printing import check_printable_with_settings

            try:
                check_printable_with_settings(store.load(document.declaration_id))
            except (MissingGlyphError, FontError) as exc:
                QMessageBox.warning(self.window.dialog_parent(), "无法打印", str(exc))
                return None
        try:
            source = output_source(store, document.declaration_id)
        except StoreError as exc:
            parent = self.window.dialog_parent()
            QMessageBox.warning(parent, "无法打印", refusal_text(exc, document.declaration))
            return None
        self.context.revision_made(source.revision.number)
        return source

    def _pdf(self, source: OutputSource) -> bytes:
        from desktop.documents.printing import pdf_bytes_with_settings

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
        from ui.preview import dialogs

        dialogs.PrintPreviewDialog(data, title, self.window.dialog_parent()).exec()

    @Slot()
    def print_document(self) -> None:
        source = self._frozen(check_font=True)
        if source is None:
            return
        with _busy():
            data = self._pdf(source)
        from ui.preview import dialogs

        if dialogs.print_with_dialog(data, self.window.dialog_parent()):
            self.context.tell(f"已送打印：第 {source.revision.number} 版", 8000)

    @Slot()
    def export(self) -> None:
        document = self.context.document
        if document is None:
            return
        declaration = document.declaration
        stem = f"{declaration.year}年{declaration.unit_name or ''}绩效目标申报表"
        stem = _NOT_IN_NAMES.sub("_", stem)
        suggested = Path(self._export_dir) / (stem + _FILTERS[self._export_filter])
        chosen = self.ask_export_path(str(suggested))
        if chosen is None:
            return
        path, self._export_filter = chosen
        self._export_dir = str(path.parent)
        self.export_to(path)

    def ask_export_path(self, suggested: str) -> tuple[Path, str] | None:
        """The save dialog: the file type's suffix follows the chosen type; None if cancelled."""
        dialog = QFileDialog(self.window.dialog_parent(), "导出申报表", suggested)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters(list(_FILTERS))
        dialog.selectNameFilter(self._export_filter)
        dialog.setDefaultSuffix(_FILTERS[self._export_filter][1:])
        dialog.filterSelected.connect(lambda chosen: _follow_filter(dialog, chosen))
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        chosen_filter = dialog.selectedNameFilter()
        return export_path(dialog.selectedFiles()[0], chosen_filter), chosen_filter

    def export_to(self, path: Path) -> bool:
        """Freeze if needed and write ``path``; tells the user the outcome."""
        try:
            _check_writable(path)
        except OSError as exc:  # before freezing: a refused export changes nothing
            QMessageBox.warning(
                self.window.dialog_parent(), "导出失败", f"无法写入文件：\n{path}\n\n{describe_os_error(exc)}"
            )
            return False
        document = self.context.document
        if document is None or document.declaration_id is None:
            return False
        self.window.flush()
        store = self.context.store
        from desktop.services.output import export_stored

        if path.suffix.lower() == ".pdf":
            from desktop.documents.printing import check_printable_with_settings

            try:  # before anything is frozen or written: a refused export changes nothing
                check_printable_with_settings(store.load(document.declaration_id))
            except (MissingGlyphError, FontError) as exc:
                QMessageBox.warning(self.window.dialog_parent(), "导出失败", str(exc))
                return False
        # A 1,000-indicator PDF or workbook takes a few seconds and cannot report progress (it is
        # one render); say what is happening. The file is complete before the working copy is
        # frozen as a revision, so a failed write leaves neither a file nor a revision behind.
        self.context.tell(f"正在导出 {path.name}，请稍候…", 0)
        QApplication.processEvents()
        try:
            with _busy():
                info = export_stored(store, document.declaration_id, path)
        except (MissingGlyphError, FontError, ValueError) as exc:
            self.context.tell("", 0)
            QMessageBox.warning(self.window.dialog_parent(), "导出失败", str(exc))
            return False
        except StoreError as exc:  # the gate refused the working copy, or the database failed
            self.context.tell("", 0)
            QMessageBox.warning(
                self.window.dialog_parent(), "导出失败", refusal_text(exc, document.declaration)
            )
            return False
        except OSError as exc:
            self.context.tell("", 0)
            QMessageBox.warning(
                self.window.dialog_parent(), "导出失败", f"无法写入文件：\n{path}\n\n{describe_os_error(exc)}"
            )
            return False
        self.context.revision_made(info.number)
        self.context.tell(f"已导出 {path.name}（第 {info.number} 版）", 10_000)
        return True


def refusal_text(error: StoreError, declaration: Declaration) -> str:
    """A store error for a message box: the gate's problems named as the editor shows them."""
    if isinstance(error, RefusedContentError):
        from desktop.services.refusal import describe_problems

        return "未保存版本，请先改正：\n" + describe_problems(error.problems, declaration)
    return str(error)


def _check_writable(path: Path) -> None:
    """Raise OSError when no file can be created in ``path``'s folder (read-only, missing)."""
    import tempfile

    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    with tempfile.TemporaryFile(dir=path.parent, prefix=".perfdecl-"):
        pass


def _follow_filter(dialog: QFileDialog, chosen_filter: str) -> None:
    suffix = _FILTERS.get(chosen_filter, ".pdf")
    dialog.setDefaultSuffix(suffix[1:])
    typed = dialog.selectedFiles()
    if typed:
        dialog.selectFile(Path(switch_suffix(typed[0], chosen_filter)).name)


class _busy:
    """A wait cursor around work that takes a noticeable moment."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()
