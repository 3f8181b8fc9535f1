"""接受检查结果: ask for the written reason under which a warning is accepted."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.findings import SEVERITY_LABELS, Finding

MAX_REASON = 500


class AcceptDialog(QDialog):
    """Shows the finding and a reason box; 确定 stays disabled until a reason is written."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("acceptFindingDialog")
        self.setWindowTitle("接受检查结果")
        label = SEVERITY_LABELS.get(finding.severity, finding.severity)
        summary = QLabel(f"{label} {finding.rule}　{finding.subject}\n{finding.message}", self)
        summary.setWordWrap(True)
        prompt = QLabel("请写明接受的理由（将随申报表保存，并写入自检报告）：", self)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("acceptReason")
        self.reason_edit.setPlaceholderText("例如：区财政局要求的最低值为60%")
        self.reason_edit.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("接受")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(prompt)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)
        self.resize(460, 300)
        self._update_ok()

    def reason(self) -> str:
        """The reason as written, trimmed (line breaks inside are kept)."""
        return self.reason_edit.toPlainText().strip()[:MAX_REASON]

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason()))


def ask_reason(finding: Finding, parent: QWidget | None = None) -> str | None:
    """Run the dialog; the non-empty reason, or ``None`` when cancelled."""
    dialog = AcceptDialog(finding, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason() or None
    finally:
        dialog.deleteLater()
