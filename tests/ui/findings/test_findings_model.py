"""The findings tree: dimensions on top, findings below, accepted ones greyed with their reason."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication

from desktop.domain.model import AcceptedFinding
from desktop.rules.engine import check_declaration
from desktop.rules.findings import DIMENSIONS, Finding
from tests.qtmodels import check_model
from ui.document import DeclarationDocument
from ui.findings.model import FINDING_ROLE, REASON_ROLE, WHERE_ROLE, Column, FindingsModel


def _children(model: FindingsModel, row: int) -> list[Finding]:
    parent = model.index(row, 0)
    return [model.index(r, 0, parent).data(FINDING_ROLE) for r in range(model.rowCount(parent))]


def test_groups_by_dimension_in_official_order(
    seed_document: DeclarationDocument, qtmodeltester: ModelTester
) -> None:
    findings = check_declaration(seed_document.declaration, seed_document.profile)
    model = FindingsModel()
    check_model(qtmodeltester, model)
    model.set_findings(findings)
    check_model(qtmodeltester, model)

    present = {f.dimension for f in findings}
    assert model.dimensions() == [d for d in DIMENSIONS if d in present]
    for row, dimension in enumerate(model.dimensions()):
        shown = _children(model, row)
        assert sorted(shown, key=repr) == sorted(
            (f for f in findings if f.dimension == dimension), key=repr
        )
        ranks = [{"error": 0, "warning": 1, "info": 2}[f.severity] for f in shown]
        assert ranks == sorted(ranks)
    assert model.counts() == (
        sum(f.severity == "error" for f in findings),
        sum(f.severity == "warning" for f in findings),
        sum(f.severity == "info" for f in findings),
    )


def test_group_row_shows_its_counts(seed_document: DeclarationDocument, qapp: QApplication) -> None:
    findings = check_declaration(seed_document.declaration, seed_document.profile)
    model = FindingsModel()
    model.set_findings(findings)
    row = model.dimensions().index("相关性")
    warnings = sum(f.dimension == "相关性" and f.severity == "warning" for f in findings)
    infos = sum(f.dimension == "相关性" and f.severity == "info" for f in findings)
    assert model.index(row, 0).data() == f"相关性（警告 {warnings} · 提示 {infos}）"


def test_finding_row_columns_and_where(qapp: QApplication) -> None:
    finding = Finding(
        "I07", "warning", "适当性", "indicators[31].value", "民生诉求满意度", "指标值偏低", False
    )
    model = FindingsModel()
    model.set_findings([finding])
    child = model.index(0, 0, model.index(0, 0))
    texts = [model.index(0, c, model.index(0, 0)).data() for c in Column]
    assert texts == ["指标值偏低", "民生诉求满意度", "I07", "警告"]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in Column] == [
        "说明",
        "对象",
        "规则",
        "级别",
    ]
    assert child.data(WHERE_ROLE) == "indicators[31].value"
    assert not child.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert (
        model.index(0, Column.RULE, model.index(0, 0))
        .data(Qt.ItemDataRole.ToolTipRole)
        .startswith("I07 ")
    )


def test_accepted_finding_is_grey_with_reason(qtmodeltester: ModelTester) -> None:
    finding = Finding(
        "I07", "warning", "适当性", "indicators[31].value", "民生诉求满意度", "指标值偏低", True
    )
    other = Finding("I14", "info", "适当性", "indicators[9].explanation", "覆盖率", "缺公式", False)
    model = FindingsModel()
    model.set_findings(
        [finding, other], [AcceptedFinding("I07", "民生诉求满意度", "区里最低要求60%")]
    )
    check_model(qtmodeltester, model)
    group = model.index(0, 0)
    # open findings come before accepted ones, whatever their severity
    assert [model.index(r, 0, group).data(FINDING_ROLE).rule for r in range(2)] == ["I14", "I07"]
    accepted = model.index(1, Column.SEVERITY, group)
    assert accepted.data() == "警告·已接受"
    assert model.index(1, Column.MESSAGE, group).data() == "【已接受】指标值偏低"
    assert accepted.data(REASON_ROLE) == "区里最低要求60%"
    assert "区里最低要求60%" in model.index(1, Column.MESSAGE, group).data(
        Qt.ItemDataRole.ToolTipRole
    )
    brush = model.index(1, Column.MESSAGE, group).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == "#8a8a8a"
    assert model.index(0, Column.MESSAGE, group).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.counts() == (0, 0, 1)
    assert group.data() == "适当性（提示 1 · 已接受 1）"


def test_same_findings_do_not_reset(qtbot: QtBot) -> None:
    finding = Finding("G03", "warning", "完整性", "goals[1]", "目标2", "没有量化内容", False)
    model = FindingsModel()
    assert model.set_findings([finding])
    with qtbot.assertNotEmitted(model.modelReset):
        assert not model.set_findings(
            [Finding("G03", "warning", "完整性", "goals[1]", "目标2", "没有量化内容", False)]
        )
    with qtbot.waitSignal(model.modelReset, timeout=0):
        assert model.set_findings([])
    assert model.rowCount() == 0
    assert model.rowCount(QModelIndex()) == 0


def test_goal_and_task_subjects_carry_their_number(qapp: QApplication) -> None:
    goal = Finding(
        "G03", "warning", "完整性", "goals[1]", "通过加强2026年辅助人员力量", "没有量化内容", False
    )
    empty_goal = Finding("S06", "error", "格式", "goals[4]", "目标5", "目标5为空", False)
    task = Finding(
        "S03", "error", "完整性", "tasks[1].content", "一般管理事务", "主要内容未填写", False
    )
    model = FindingsModel()
    model.set_findings([goal, empty_goal, task])
    subjects = {
        model.index(r, 0, model.index(g, 0)).data(FINDING_ROLE).rule: model.index(
            r, Column.SUBJECT, model.index(g, 0)
        ).data()
        for g in range(model.rowCount())
        for r in range(model.rowCount(model.index(g, 0)))
    }
    assert subjects == {
        "G03": "目标2：通过加强2026年辅助人员力量",
        "S06": "目标5",
        "S03": "任务2：一般管理事务",
    }
