"""The self-check report (导出自检报告): the findings of one declaration as an xlsx sheet.

One sheet 自检结果: a header block (unit, year, rule-set version, date, counts) above a table
with one row per finding, in the order the findings panel shows them. The report says it is a
self-check, never an official 优/良/中/差 grade (docs/rules.md). openpyxl is imported lazily.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from desktop.atomic import atomic_write_with
from desktop.domain.model import Declaration
from desktop.rules.engine import summarize
from desktop.rules.findings import DIMENSIONS, SEVERITY_LABELS, Finding
from desktop.rules.locate import acceptance_for, describe_where, sort_findings
from desktop.rules.registry import RULESET_VERSION

SHEET_TITLE = "自检结果"
FONT_NAME = "宋体"
FONT_SIZE = 10.5
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
COLUMNS = ("级别", "维度", "规则", "对象", "位置", "说明", "已接受", "接受理由")
#: Column widths in Excel character units (CJK characters count double).
_WIDTHS = (8, 10, 8, 28, 30, 60, 8, 30)
_NOTE = "本报告为申报助手按审核规则自动生成的自检结果，仅供修改参考，不代表财政部门的正式审核评级。"
_HEADER_FILL = "DDE6F0"
_SEVERITY_FILLS = {"error": "F8D7D5", "warning": "FCEFD2"}


def ordered_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Grouped by dimension (official order), then open before accepted, severity, form order."""
    rank = {name: i for i, name in enumerate(DIMENSIONS)}
    by_dimension = sorted(findings, key=lambda f: rank.get(f.dimension, len(rank)))
    result: list[Finding] = []
    for dimension in dict.fromkeys(f.dimension for f in by_dimension):
        result.extend(sort_findings(f for f in by_dimension if f.dimension == dimension))
    return result


def write_findings_xlsx(
    findings: Sequence[Finding],
    path: str | os.PathLike[str],
    declaration: Declaration,
    ruleset: str | None = None,
    *,
    today: date | None = None,
) -> None:
    """Write the report to ``path`` atomically (a failed write leaves ``path`` untouched)."""
    if ruleset is None:
        ruleset = RULESET_VERSION
    workbook = _build(list(findings), declaration, ruleset, today or date.today())
    atomic_write_with(path, lambda temp: workbook.save(temp))


def _build(findings: list[Finding], declaration: Declaration, ruleset: str, day: date) -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    body = Font(name=FONT_NAME, size=FONT_SIZE)
    bold = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    side = Side(style="thin", color="000000")
    border = Border(left=side, right=side, top=side, bottom=side)
    workbook = Workbook()
    ws = workbook.active
    ws.title = SHEET_TITLE

    title = put_text(ws, 1, 1, "绩效目标自检报告")
    title.font = Font(name=FONT_NAME, size=14, bold=True)
    header = (
        ("部门（单位）名称", declaration.unit_name or "（未填写）"),
        ("年度", str(declaration.year)),
        ("规则版本", ruleset),
        ("生成日期", day.isoformat()),
        ("自检结果", summarize(findings)),
        ("说明", _NOTE),
    )
    for offset, (label, value) in enumerate(header):
        row = 2 + offset
        put_text(ws, row, 1, label).font = bold
        cell = put_text(ws, row, 2, value)
        cell.font = body
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(COLUMNS))

    table_row = 2 + len(header) + 1
    fill = PatternFill("solid", fgColor=_HEADER_FILL)
    for column, name in enumerate(COLUMNS, start=1):
        cell = put_text(ws, table_row, column, name)
        cell.font, cell.fill, cell.border = bold, fill, border
        cell.alignment = Alignment(horizontal="center", vertical="center")

    for row, finding in enumerate(ordered_findings(findings), start=table_row + 1):
        acceptance = (
            acceptance_for(finding, declaration.accepted_findings) if finding.accepted else None
        )
        values = (
            SEVERITY_LABELS.get(finding.severity, finding.severity),
            finding.dimension,
            finding.rule,
            finding.subject,
            describe_where(finding.where, declaration),
            finding.message,
            "是" if finding.accepted else "",
            acceptance.reason if acceptance is not None else "",
        )
        severity_fill = _SEVERITY_FILLS.get(finding.severity) if not finding.accepted else None
        for column, value in enumerate(values, start=1):
            cell = put_text(ws, row, column, value)
            cell.font, cell.alignment, cell.border = body, wrap, border
            if column == 1 and severity_fill:
                cell.fill = PatternFill("solid", fgColor=severity_fill)

    if not findings:
        put_text(ws, table_row + 1, 1, "未发现问题。").font = body

    for column, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[_letter(column)].width = width
    ws.freeze_panes = ws.cell(row=table_row + 1, column=1)
    ws.print_title_rows = f"{table_row}:{table_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return workbook


def put_text(ws: Any, row: int, column: int, text: str) -> Any:
    """A string cell, even when the text starts with ``=`` (never a formula)."""
    cell = ws.cell(row=row, column=column)
    if text:
        cell.value = _ILLEGAL.sub("", text)  # characters XML 1.0 cannot carry
        cell.data_type = "s"
    return cell


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))


def default_report_name(declaration: Declaration) -> str:
    """A file name to propose: ``<单位><年度>年绩效目标自检报告.xlsx``, without path separators."""
    unit = "".join(ch for ch in declaration.unit_name.strip() if ch not in '\\/:*?"<>|') or "申报表"
    return str(Path(f"{unit}{declaration.year}年绩效目标自检报告.xlsx"))
