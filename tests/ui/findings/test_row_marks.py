"""Row marks: the icon and tooltip a task, goal or indicator row gets from the findings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.model import AcceptedFinding
from desktop.rules.engine import check_declaration
from ui.document import DeclarationDocument
from ui.findings.icons import severity_icon
from ui.findings.marked import mark_data
from ui.findings.row_marks import RowMarks


def _category(document: DeclarationDocument, level2: str) -> int:
    return next(i for i, c in enumerate(document.declaration.categories) if c.level2 == level2)


def test_seed_marks_land_on_the_rows_concerned(
    seed_document: DeclarationDocument, qapp: QApplication
) -> None:
    findings = check_declaration(seed_document.declaration, seed_document.profile)
    marks = RowMarks(findings, seed_document.declaration)

    satisfaction = marks.indicator(_category(seed_document, "服务对象满意度指标"), 0)
    assert satisfaction is not None
    assert satisfaction.severity == "warning"
    assert "I07" in satisfaction.tooltip and "60%" in satisfaction.tooltip

    # 目标8 (goals[7]) has no indicator: G02
    goal8 = marks.goal(7)
    assert goal8 is not None and "G02" in goal8.tooltip
    assert marks.goal(0) is None  # 目标1 is covered
    assert marks.task(0) is None

    # the 覆盖率 row explained as 及时性: I13 warning plus I14 info, worst one wins
    coverage = marks.indicator(_category(seed_document, "质量指标"), 4)
    assert coverage is not None
    assert coverage.severity == "warning" and coverage.count == 2
    assert coverage.tooltip.splitlines()[0].startswith("警告（I13）")
    icon = mark_data(coverage, Qt.ItemDataRole.DecorationRole)
    assert icon is not None and icon.cacheKey() == severity_icon("warning").cacheKey()
    assert mark_data(None, Qt.ItemDataRole.DecorationRole) is None


def test_accepted_findings_leave_the_row_unmarked(
    seed_document: DeclarationDocument, qapp: QApplication
) -> None:
    seed_document.declaration.accepted_findings.append(
        AcceptedFinding("I07", "民生诉求满意度", "上级要求")
    )
    findings = check_declaration(seed_document.declaration, seed_document.profile)
    marks = RowMarks(findings, seed_document.declaration)
    assert marks.indicator(_category(seed_document, "服务对象满意度指标"), 0) is None


def test_error_on_a_header_field_is_a_section_mark(
    seed_document: DeclarationDocument, qapp: QApplication
) -> None:
    seed_document.declaration.unit_name = ""
    marks = RowMarks(
        check_declaration(seed_document.declaration, seed_document.profile),
        seed_document.declaration,
    )
    header = marks.section("unit_name")
    assert header is not None and header.severity == "error"
