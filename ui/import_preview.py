"""导入预览: check a declaration read from a form-layout file before anything is stored.

Shows the recognised declaration as it would print (PDF pages), the cells that could not be
placed, the reader's notes and the review findings; for our own workbook whose 申报表 sheet was
edited, the differences and a choice of which side to keep. 导入 stores, 取消 stores nothing.
See docs/form-import.md.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.formread.files import FileReadOutcome
from desktop.documents.formread.sources.detect import KIND_NAMES
from desktop.domain.model import Declaration


def needs_preview(outcome: FileReadOutcome) -> bool:
    """Everything but a lossless file (JSON, our own unedited workbook) is checked first."""
    from desktop.documents.formread.sources.detect import SourceKind

    own = outcome.kind in (SourceKind.XLSX, SourceKind.XLS) and outcome.source_fingerprint != ""
    if outcome.kind is SourceKind.JSON:
        return False
    return not own or bool(outcome.differences or outcome.unplaced)


class ImportPreviewDialog(QDialog):
    def __init__(self, path: Path, outcome: FileReadOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(f"导入预览 - {path.name}")
        self.resize(980, 760)
        self.outcome = outcome
        self._declaration = outcome.declaration
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.choice = self._choice_box(layout)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        from ui.preview.pane import PdfPreviewPane

        self.pane = PdfPreviewPane(self._render, self)
        self.pane.print_requested.connect(self._print)
        self.tabs.addTab(self.pane, "打印预览")
        self.unplaced = self._list("unplacedList", outcome.unplaced, f"未能识别（{len(outcome.unplaced)}）")
        self.notes = self._list("importNotes", outcome.warnings, f"导入说明（{len(outcome.warnings)}）")
        self.findings = self._list("importFindings", [], "审核结果")
        if outcome.differences:
            self._list("differencesList", [str(d) for d in outcome.differences],
                       f"与数据工作表的差异（{len(outcome.differences)}）")
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton("导入", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show(path)

    def _choice_box(self, layout: QVBoxLayout) -> QButtonGroup | None:
        if self.outcome.from_form is None or self.outcome.from_data is None:
            return None
        group = QButtonGroup(self)
        text = QLabel(f"“申报表”工作表与数据工作表有 {len(self.outcome.differences)} 处不同，请选择以哪一边为准：", self)
        layout.addWidget(text)
        for index, label in enumerate(("以“申报表”工作表为准（打印出来的样子）", "以数据工作表为准")):
            button = QRadioButton(label, self)
            button.setObjectName(("preferForm", "preferData")[index])
            group.addButton(button, index)
            layout.addWidget(button)
        form_won = self.outcome.declaration is self.outcome.from_form
        group.button(0 if form_won else 1).setChecked(True)
        group.idClicked.connect(self._switch)
        return group

    def _switch(self, side: int) -> None:
        chosen = self.outcome.from_form if side == 0 else self.outcome.from_data
        assert chosen is not None
        self._declaration = chosen
        self._refresh()

    def _list(self, name: str, lines: list[str], title: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setObjectName(name)
        widget.setWordWrap(True)
        widget.addItems(lines or ["（无）"])
        self.tabs.addTab(widget, title)
        return widget

    def _render(self) -> bytes:
        from desktop.documents.pdf import render_pdf_bytes
        from desktop.domain.profile import load_profile
        from desktop.exchange.canonical import fingerprint

        decl = self._declaration
        return render_pdf_bytes(decl, load_profile(decl.profile_id), revision="导入预览", fingerprint=fingerprint(decl))

    def _show(self, path: Path) -> None:
        kind = KIND_NAMES.get(self.outcome.kind, str(self.outcome.kind))
        self._summary_text = f"{path.name} · {kind}"
        self._refresh()

    def _refresh(self) -> None:
        from desktop.rules.engine import check_declaration, summarize
        from desktop.rules.report import format_findings_text

        decl = self._declaration
        findings = check_declaration(decl)
        self.findings.clear()
        self.findings.addItems(format_findings_text(findings) or ["（无）"])
        self.tabs.setTabText(self.tabs.indexOf(self.findings), f"审核结果（{summarize(findings)}）")
        self.summary.setText(
            f"{self._summary_text}：{decl.year}年度 {decl.unit_name or '（未填单位名称）'}，"
            f"任务 {len(decl.tasks)} 项，目标 {len(decl.goals)} 个，三级指标 {decl.indicator_count()} 个；"
            f"未能识别 {len(self.outcome.unplaced)} 处。确认无误后点“导入”，取消则不保存任何内容。"
        )
        self.pane.refresh()

    def _print(self) -> None:
        from ui.preview.dialogs import print_with_dialog

        print_with_dialog(self.pane.pdf_bytes(), self)

    def chosen_declaration(self) -> Declaration:
        return self._declaration


def confirm_import(parent: QWidget, path: Path, outcome: FileReadOutcome) -> Declaration | None:
    """Show the preview; the declaration to store, or None when the user cancelled."""
    dialog = ImportPreviewDialog(path, outcome, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen_declaration()
