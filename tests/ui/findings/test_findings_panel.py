"""The findings dock as the user works with it: counts, accept with a reason, undo, jump, export."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QWidget

from desktop.domain.changes import Part
from desktop.domain.model import AcceptedFinding
from desktop.rules.findings import Finding
from tests.qtkeys import key_click, key_clicks, mouse_click, mouse_double_click
from ui.document import DeclarationDocument
from ui.findings import panel as panel_module
from ui.findings.accept_dialog import AcceptDialog
from ui.findings.checker import LiveChecker
from ui.findings.model import FINDING_ROLE, Column
from ui.findings.panel import FindingsPanel


@pytest.fixture
def panel(seed_document: DeclarationDocument, qtbot: QtBot) -> FindingsPanel:
    checker = LiveChecker(seed_document, delay_ms=30)
    widget = FindingsPanel(checker)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    return widget


def _row_of(panel: FindingsPanel, rule: str, column: int = Column.SEVERITY) -> QModelIndex:
    model = panel.model
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, column, parent)
            if index.data(FINDING_ROLE).rule == rule:
                return index
    raise AssertionError(f"no {rule} row")


def _select(panel: FindingsPanel, rule: str) -> Finding:
    index = _row_of(panel, rule)
    panel.view.setCurrentIndex(index)
    finding = index.data(FINDING_ROLE)
    assert isinstance(finding, Finding)
    return finding


def test_view_is_named_and_summary_counts_open_findings(panel: FindingsPanel) -> None:
    assert panel.findChild(type(panel.view), "findingsPanel") is panel.view
    findings = panel.checker.findings
    warnings = sum(f.severity == "warning" for f in findings)
    infos = sum(f.severity == "info" for f in findings)
    assert panel.summary.text() == f"错误 0 · 警告 {warnings} · 提示 {infos}"
    assert panel.view.isExpanded(panel.model.index(0, 0))


def test_counts_follow_the_edits(panel: FindingsPanel, qtbot: QtBot) -> None:
    document = panel.checker.document
    assert document is not None
    document.declaration.unit_name = ""
    with qtbot.waitSignal(panel.counts_changed, timeout=2000) as blocker:
        document.notify(Part.HEADER)
    assert blocker.args[0] == 1  # S02: 部门（单位）名称 missing
    assert panel.summary.text().startswith("错误 1 · ")


def test_accept_a_warning_with_reason_then_undo(
    panel: FindingsPanel, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    document = panel.checker.document
    assert document is not None
    finding = _select(panel, "I07")
    assert panel.detail.text() == f"警告 I07 · 民生诉求满意度\n{finding.message}"
    assert panel.accept_button.isEnabled()
    assert not panel.withdraw_button.isEnabled()
    asked: list[Finding] = []

    def ask_reason(finding: Finding, parent: QWidget | None) -> str:
        asked.append(finding)
        return "区财政局要求最低60%"

    monkeypatch.setattr(panel_module, "ask_reason", ask_reason)
    mouse_click(panel.accept_button, Qt.MouseButton.LeftButton)

    assert asked == [finding]
    assert document.declaration.accepted_findings == [
        AcceptedFinding("I07", finding.subject, "区财政局要求最低60%")
    ]
    panel.run_checks()  # a full re-check still shows it accepted
    row = _row_of(panel, "I07")
    assert row.data() == "警告·已接受"
    assert "区财政局要求最低60%" in row.data(Qt.ItemDataRole.ToolTipRole)
    assert "已接受 1" in panel.summary.text()
    # the selection stayed on the finding, which can now be withdrawn instead
    current = panel.current_finding()
    assert current is not None and current.rule == "I07"
    assert panel.detail.text().endswith("已接受，理由：区财政局要求最低60%")
    assert panel.withdraw_button.isEnabled() and not panel.accept_button.isEnabled()

    document.undo_stack.undo()
    assert document.declaration.accepted_findings == []
    assert _row_of(panel, "I07").data() == "警告"
    document.undo_stack.redo()
    assert len(document.declaration.accepted_findings) == 1
    assert _row_of(panel, "I07").data() == "警告·已接受"


def test_cancelled_dialog_accepts_nothing(
    panel: FindingsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    _select(panel, "I07")
    monkeypatch.setattr(panel_module, "ask_reason", lambda f, parent: None)
    panel.accept_button.click()
    document = panel.checker.document
    assert document is not None
    assert document.declaration.accepted_findings == []
    assert document.undo_stack.count() == 0


def test_withdraw_an_acceptance_is_undoable(panel: FindingsPanel) -> None:
    document = panel.checker.document
    assert document is not None
    subject = next(f.subject for f in panel.checker.findings if f.rule == "I07")
    kept = AcceptedFinding("G03", "别的", "另一条")
    document.declaration.accepted_findings.extend([kept, AcceptedFinding("I07", subject, "理由")])
    panel.run_checks()
    _select(panel, "I07")
    assert panel.withdraw_button.isEnabled()
    panel.withdraw_button.click()
    assert document.declaration.accepted_findings == [kept]
    assert _row_of(panel, "I07").data() == "警告"
    document.undo_stack.undo()
    assert document.declaration.accepted_findings == [kept, AcceptedFinding("I07", subject, "理由")]
    assert _row_of(panel, "I07").data() == "警告·已接受"


def test_an_error_cannot_be_accepted(panel: FindingsPanel, monkeypatch: pytest.MonkeyPatch) -> None:
    document = panel.checker.document
    assert document is not None
    document.declaration.unit_name = ""
    panel.run_checks()
    _select(panel, "S02")
    assert not panel.accept_button.isEnabled()
    monkeypatch.setattr(
        panel_module, "ask_reason", lambda f, parent: pytest.fail("asked for a reason")
    )
    panel.accept_selected()
    assert document.declaration.accepted_findings == []


def test_double_click_and_enter_ask_to_jump(panel: FindingsPanel, qtbot: QtBot) -> None:
    index = _row_of(panel, "I07", Column.MESSAGE)
    where = index.data(FINDING_ROLE).where
    panel.view.scrollTo(index)
    center = panel.view.visualRect(index).center()
    viewport = panel.view.viewport()
    with qtbot.waitSignal(panel.jump_requested, timeout=1000) as blocker:
        # a real double-click: press/release, then the double-click event
        mouse_click(viewport, Qt.MouseButton.LeftButton, pos=center)
        mouse_double_click(viewport, Qt.MouseButton.LeftButton, pos=center)
    assert blocker.args == [where]
    g03 = _row_of(panel, "G03")
    panel.view.setCurrentIndex(g03)
    with qtbot.waitSignal(panel.jump_requested, timeout=1000) as blocker:
        key_click(panel.view, Qt.Key.Key_Return)
    assert blocker.args == [g03.data(FINDING_ROLE).where]
    # Enter on a dimension row folds it instead of jumping
    group = panel.model.index(0, 0)
    panel.view.setCurrentIndex(group)
    with qtbot.assertNotEmitted(panel.jump_requested):
        key_click(panel.view, Qt.Key.Key_Return)
    assert not panel.view.isExpanded(group)


def test_collapsed_dimension_stays_collapsed_after_a_check(panel: FindingsPanel) -> None:
    document = panel.checker.document
    assert document is not None
    fmt = panel.model.group_index("格式")
    panel.view.collapse(fmt)
    document.declaration.unit_name = ""  # a new 完整性 error changes the list
    panel.run_checks()
    assert not panel.view.isExpanded(panel.model.group_index("格式"))
    assert panel.view.isExpanded(panel.model.group_index("完整性"))


def test_export_writes_the_findings(
    panel: FindingsPanel, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot
) -> None:
    target = tmp_path / "自检"
    proposals: list[str] = []

    def save_name(parent: object, title: str, proposal: str, filters: str) -> tuple[str, str]:
        proposals.append(proposal)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    with qtbot.waitSignal(panel.message_posted, timeout=0) as blocker:
        panel.export_button.click()
    written = tmp_path / "自检.xlsx"
    assert blocker.args[0].endswith(str(written))
    assert proposals[0].endswith("2026年绩效目标自检报告.xlsx")
    ws = openpyxl.load_workbook(written)["自检结果"]
    rules = [c.value for c in ws["C"] if c.value]
    assert sorted(rules[1:]) == sorted(f.rule for f in panel.checker.findings)


def test_export_failure_is_reported(
    panel: FindingsPanel, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, warnings: list[str]
) -> None:
    target = tmp_path / "missing-folder" / "report.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    panel.export_report()
    assert warnings and str(target) in warnings[0]
    assert not target.exists()


def test_accept_dialog_needs_a_reason(qtbot: QtBot) -> None:
    finding = Finding(
        "I07", "warning", "适当性", "indicators[31].value", "民生诉求满意度", "偏低", False
    )
    dialog = AcceptDialog(finding)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    key_clicks(dialog.reason_edit, "   ")
    assert not ok.isEnabled()
    # QTest cannot type Chinese; an input method commits text like this
    dialog.reason_edit.insertPlainText("上级要求 ")
    assert ok.isEnabled()
    assert dialog.reason() == "上级要求"


def test_narrow_dock_keeps_the_message_visible(panel: FindingsPanel, qtbot: QtBot) -> None:
    panel.resize(340, 600)
    qtbot.waitUntil(lambda: panel.view.isColumnHidden(Column.SUBJECT))
    assert panel.view.isColumnHidden(Column.SEVERITY)
    assert not panel.view.isColumnHidden(Column.MESSAGE)
    assert panel.view.columnWidth(Column.MESSAGE) > panel.view.viewport().width() // 2
    panel.resize(900, 600)
    qtbot.waitUntil(lambda: not panel.view.isColumnHidden(Column.SUBJECT))
