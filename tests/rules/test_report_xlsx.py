"""The self-check report as a user opens it in Excel/WPS: header block, one row per finding."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.model import AcceptedFinding
from desktop.rules.engine import RULESET_VERSION, check_declaration
from desktop.rules.findings import Finding
from desktop.rules.report_xlsx import COLUMNS, SHEET_TITLE, default_report_name, write_findings_xlsx
from tests.rules.helpers import covers_everything, seed


def _table(ws: openpyxl.worksheet.worksheet.Worksheet) -> tuple[int, list[list[str]]]:
    """Row number of the table header and the rows below it, as text."""
    header_row = next(r for r in range(1, 30) if ws.cell(r, 1).value == "级别")
    rows = [
        ["" if c.value is None else str(c.value) for c in row]
        for row in ws.iter_rows(min_row=header_row + 1, max_col=len(COLUMNS))
    ]
    return header_row, rows


def _header_block(ws: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, str]:
    return {
        str(ws.cell(r, 1).value): str(ws.cell(r, 2).value)
        for r in range(2, 9)
        if ws.cell(r, 1).value
    }


def test_seed_report_lists_every_finding_with_header(tmp_path: Path) -> None:
    decl = seed()
    decl.accepted_findings.append(
        AcceptedFinding("I07", "民生诉求满意度", "区财政局要求的最低值为60%")
    )
    findings = check_declaration(decl, font_covers=covers_everything)
    target = tmp_path / "report.xlsx"
    write_findings_xlsx(findings, target, decl, RULESET_VERSION, today=date(2026, 3, 2))

    book = openpyxl.load_workbook(target)
    assert book.sheetnames == [SHEET_TITLE]
    ws = book[SHEET_TITLE]
    header = _header_block(ws)
    assert header["部门（单位）名称"] == "深圳市福田区重点片区建设发展中心（本级）"
    assert header["年度"] == "2026"
    assert header["规则版本"] == RULESET_VERSION
    assert header["生成日期"] == "2026-03-02"
    warnings = sum(1 for f in findings if f.severity == "warning" and not f.accepted)
    infos = sum(1 for f in findings if f.severity == "info" and not f.accepted)
    assert header["自检结果"] == f"错误 0 · 警告 {warnings} · 提示 {infos} · 已接受 1"
    assert "不代表" in header["说明"]  # never presented as the official grade

    header_row, rows = _table(ws)
    assert [c.value for c in ws[header_row]][: len(COLUMNS)] == list(COLUMNS)
    assert len(rows) == len(findings)
    by_rule_subject = {(r[2], r[3]): r for r in rows}
    accepted = by_rule_subject[("I07", "民生诉求满意度")]
    assert accepted[:3] == ["警告", "适当性", "I07"]
    assert accepted[4] == "满意度指标 › 服务对象满意度指标 第1行 · 指标值"
    assert "60%" in accepted[5]
    assert accepted[6:] == ["是", "区财政局要求的最低值为60%"]
    g02 = by_rule_subject[("G02", next(f.subject for f in findings if f.where == "goals[7]"))]
    assert (g02[0], g02[1], g02[4], g02[6], g02[7]) == ("警告", "相关性", "目标8", "", "")
    # grouped by dimension in the official order
    dims = [r[1] for r in rows]
    order = ["完整性", "相关性", "适当性", "可行性", "格式"]
    assert dims == sorted(dims, key=order.index)


def test_report_layout_helps_reading(tmp_path: Path) -> None:
    decl = seed()
    findings = check_declaration(decl, font_covers=covers_everything)
    target = tmp_path / "report.xlsx"
    write_findings_xlsx(findings, target, decl)
    ws = openpyxl.load_workbook(target)[SHEET_TITLE]
    header_row, _ = _table(ws)
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert all(ws.cell(header_row, c).font.bold for c in range(1, len(COLUMNS) + 1))
    message = ws.cell(header_row + 1, 6)
    assert message.alignment.wrap_text
    assert ws.column_dimensions["F"].width > ws.column_dimensions["A"].width
    assert _header_block(ws)["规则版本"] == RULESET_VERSION


def test_text_starting_with_equals_stays_text(tmp_path: Path) -> None:
    decl = seed()
    finding = Finding(
        "I14", "info", "完整性", "indicators[9].explanation", "=SUM(A1)", "=1+1 公式\x07", False
    )
    target = tmp_path / "report.xlsx"
    write_findings_xlsx([finding], target, decl)
    ws = openpyxl.load_workbook(target)[SHEET_TITLE]
    _, rows = _table(ws)
    assert rows[0][3] == "=SUM(A1)"
    assert rows[0][5] == "=1+1 公式"


def test_no_findings_says_so(tmp_path: Path) -> None:
    target = tmp_path / "empty.xlsx"
    write_findings_xlsx([], target, seed())
    ws = openpyxl.load_workbook(target)[SHEET_TITLE]
    assert _header_block(ws)["自检结果"] == "错误 0 · 警告 0 · 提示 0"
    _, rows = _table(ws)
    assert rows[0][0] == "未发现问题。"


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old report")

    def broken_save(self: object, filename: object) -> None:
        Path(str(filename)).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(OSError):
        write_findings_xlsx([], target, seed())
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]


def test_default_name_is_a_safe_file_name() -> None:
    decl = seed()
    decl.unit_name = "福田区/重点片区:中心"
    assert default_report_name(decl) == "福田区重点片区中心2026年绩效目标自检报告.xlsx"
