"""The findings dock's content (自检结果): summary line, findings tree, accept and export buttons.

The panel shows what a :class:`LiveChecker` finds on its document. Accepting a warning (with a
written reason) and withdrawing an acceptance are undo commands on the document's stack; the
self-check report is written with :func:`desktop.rules.report_xlsx.write_findings_xlsx`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.oserrors import describe_os_error
from desktop.rules.findings import SEVERITY_LABELS, Finding
from desktop.rules.locate import can_accept
from ui.findings.accept_dialog import ask_reason
from ui.findings.checker import LiveChecker
from ui.findings.commands import AcceptFindingCommand, WithdrawAcceptanceCommand
from ui.findings.model import FindingsModel, display_subject, horizon_tag
from ui.findings.view import FindingsView

NO_DOCUMENT_TEXT = "尚未打开申报表。"
DETAIL_HINT = "选中一条结果可在此查看全文；双击或按回车转到对应单元格。"
NO_FINDINGS_TEXT = "未发现问题。\n修改内容后会自动重新自检，也可按 F5 立即自检。"
PENDING_TEXT = "正在自检…"


class FindingsPanel(QWidget):
    """The findings of ``checker``'s document, grouped by dimension.

    Signals:
        jump_requested(str): go to the cell of this ``where`` (exchange path).
        counts_changed(int, int, int): errors, warnings, infos not accepted, for the status bar.
        message_posted(str): a short confirmation for the status bar (report written, ...).
    """

    jump_requested = Signal(str)
    counts_changed = Signal(int, int, int)
    message_posted = Signal(str)

    def __init__(self, checker: LiveChecker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanelWidget")
        self.checker = checker
        self.model = FindingsModel(self)
        self.view = FindingsView(self.model, self)
        self._counts: tuple[int, int, int] | None = None
        self._export_dir = ""

        self.summary = QLabel(self)
        self.summary.setObjectName("findingsSummary")
        self.run_button = QPushButton("立即自检", self)
        self.run_button.setToolTip("立即按审核规则检查 (F5)")
        self.accept_button = QPushButton("接受…", self)
        self.accept_button.setToolTip("写明理由后接受所选的警告或提示；错误必须修改")
        self.withdraw_button = QPushButton("取消接受", self)
        self.export_button = QPushButton("导出自检报告…", self)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #6b6b6b;")
        self.detail = QLabel(DETAIL_HINT, self)
        self.detail.setObjectName("findingDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.placeholder)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.run_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.accept_button)
        bottom.addWidget(self.withdraw_button)
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.detail)
        layout.addLayout(bottom)

        self.run_button.clicked.connect(self.run_checks)
        self.accept_button.clicked.connect(self.accept_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.export_button.clicked.connect(self.export_report)
        self.view.where_activated.connect(self.jump_requested)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        checker.findings_changed.connect(self.set_findings)
        self.set_findings(checker.findings)

    # -- showing findings ---------------------------------------------------------------
    @Slot(list)
    def set_findings(self, findings: list[Finding]) -> None:
        document = self.checker.document
        accepted = document.declaration.accepted_findings if document is not None else []
        self.model.set_findings(findings, accepted)
        errors, warnings, infos = self.model.counts()
        text = f"错误 {errors} · 警告 {warnings} · 提示 {infos}"
        if self.model.accepted_count():
            text += f" · 已接受 {self.model.accepted_count()}"
        pending = document is not None and not findings and self.checker.is_pending()
        if pending:
            self.summary.setText(PENDING_TEXT)
            self.placeholder.setText(PENDING_TEXT)
            self._counts = None  # the next result is announced even if its counts are the same
        else:
            self.summary.setText(text if document is not None else "")
            self.placeholder.setText(NO_DOCUMENT_TEXT if document is None else NO_FINDINGS_TEXT)
        self.stack.setCurrentWidget(self.view if findings else self.placeholder)
        self.export_button.setEnabled(document is not None)
        self.run_button.setEnabled(document is not None)
        self._update_buttons()
        if not pending and self._counts != (errors, warnings, infos):
            self._counts = (errors, warnings, infos)
            self.counts_changed.emit(errors, warnings, infos)

    def current_finding(self) -> Finding | None:
        return self.model.finding_at(self.view.currentIndex())

    def _update_buttons(self) -> None:
        finding = self.current_finding()
        editable = self.checker.document is not None and finding is not None
        self.accept_button.setEnabled(
            editable and finding is not None and can_accept(finding) and not finding.accepted
        )
        self.withdraw_button.setEnabled(editable and finding is not None and finding.accepted)
        if finding is not None and not can_accept(finding):
            self.accept_button.setToolTip("错误不能接受，必须修改")
        else:
            self.accept_button.setToolTip("写明理由后接受所选的警告或提示")
        self.detail.setText(self._detail_text(finding) if finding is not None else DETAIL_HINT)

    def _detail_text(self, finding: Finding) -> str:
        label = SEVERITY_LABELS.get(finding.severity, finding.severity)
        horizon = horizon_tag(finding)
        place = f"{horizon} · {display_subject(finding)}" if horizon else display_subject(finding)
        text = f"{label} {finding.rule} · {place}\n{finding.message}"
        if finding.accepted:
            text += f"\n已接受，理由：{self.model.reason_for(finding) or '（未记录）'}"
        return text

    # -- actions ------------------------------------------------------------------------
    @Slot()
    def run_checks(self) -> None:
        """立即自检 (F5)."""
        self.checker.run_now()

    @Slot()
    def accept_selected(self) -> None:
        """Ask for a reason and accept the selected warning or suggestion (undoable)."""
        finding, document = self.current_finding(), self.checker.document
        if finding is None or document is None or finding.accepted or not can_accept(finding):
            return
        reason = ask_reason(finding, self)
        if reason:
            document.undo_stack.push(AcceptFindingCommand(document, finding, reason))
            self.message_posted.emit(f"已接受：{finding.rule} {finding.subject}")

    @Slot()
    def withdraw_selected(self) -> None:
        """Withdraw the acceptance of the selected finding (undoable)."""
        finding, document = self.current_finding(), self.checker.document
        if finding is None or document is None or not finding.accepted:
            return
        document.undo_stack.push(WithdrawAcceptanceCommand(document, finding))
        self.message_posted.emit(f"已取消接受：{finding.rule} {finding.subject}")

    @Slot()
    def export_report(self) -> None:
        """导出自检报告…: ask for a file and write the current findings as xlsx."""
        from desktop.rules.report_xlsx import default_report_name, write_findings_xlsx

        document = self.checker.document
        if document is None:
            return
        if self.checker.is_pending():
            self.checker.run_now()  # the report must show the text as it is now
        proposal = str(Path(self._export_dir) / default_report_name(document.declaration))
        path, _ = QFileDialog.getSaveFileName(
            self, "导出自检报告", proposal, "Excel 工作簿 (*.xlsx)"
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            write_findings_xlsx(self.checker.findings, path, document.declaration)
        except OSError as exc:
            QMessageBox.warning(
                self, "导出自检报告", f"无法写入文件：\n{path}\n\n{describe_os_error(exc)}"
            )
            return
        self._export_dir = str(Path(path).parent)
        self.message_posted.emit(f"自检报告已导出：{path}")

    def _context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        finding = self.model.finding_at(index)
        if finding is None:
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        go = QAction("转到单元格", menu)
        go.triggered.connect(lambda: self.jump_requested.emit(finding.where))
        menu.addAction(go)
        menu.addSeparator()
        for button in (self.accept_button, self.withdraw_button):
            action = QAction(button.text(), menu)
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
            menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(position))
