"""The flat sheets 绩效指标, 年度主要任务, 年度总体目标 and the hidden ``_perfdecl`` (docs/xlsx.md)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from desktop.documents.xlsx import schema as s
from desktop.documents.xlsx.styling import StyleBook, put_amount, put_number, put_text
from desktop.documents.xlsx.valuesplit import split_value
from desktop.domain.model import NOT_APPLICABLE, Declaration
from desktop.domain.money import canonical_amount
from desktop.domain.profile import Profile

_INDICATOR_WIDTHS = (6, 12, 16, 30, 9, 12, 9, 48, 10, 16, 12)
_TASK_WIDTHS = (24, 60, 12, 12, 12, 14)
_GOAL_WIDTHS = (10, 100)
_WRAPPED = {s.COL_NAME, s.COL_EXPLANATION, s.COL_TASK_CONTENT, s.COL_GOAL_TEXT, s.COL_TASK_NAME}


def _header(
    ws: Any, book: StyleBook, columns: tuple[str, ...], widths: tuple[int, ...], hidden: tuple[str, ...]
) -> None:
    from openpyxl.utils import get_column_letter

    style = book.style(bold=True, horizontal="center", vertical="center")
    for index, (title, width) in enumerate(zip(columns, widths), start=1):
        put_text(ws, 1, index, title).style = style
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = width
        dimension.hidden = title in hidden
    ws.freeze_panes = "A2"


def _style_body(ws: Any, book: StyleBook, columns: tuple[str, ...]) -> None:
    styles = [book.style(wrap=title in _WRAPPED) for title in columns]
    for row in ws.iter_rows(min_row=2, max_col=len(columns)):
        for cell in row:
            number_format = cell.number_format
            cell.style = styles[cell.column - 1]
            cell.number_format = number_format


def write_indicators(ws: Any, book: StyleBook, declaration: Declaration, profile: Profile) -> None:
    _header(ws, book, s.INDICATOR_COLUMNS, _INDICATOR_WIDTHS, s.INDICATOR_HIDDEN)
    grade_words = profile.grade_words()
    row = 1
    for category in declaration.categories:
        if category.not_applicable:
            row += 1
            put_number(ws, row, 1, Decimal(row - 1))
            for column, text in ((2, category.level1), (3, category.level2), (4, NOT_APPLICABLE),
                                 (6, NOT_APPLICABLE), (8, NOT_APPLICABLE)):
                put_text(ws, row, column, text)
            continue
        for indicator in category.indicators:
            row += 1
            split = split_value(indicator.value, indicator.unit, grade_words)
            put_number(ws, row, 1, Decimal(row - 1))
            put_text(ws, row, 2, category.level1)
            put_text(ws, row, 3, category.level2)
            put_text(ws, row, 4, indicator.name)
            put_text(ws, row, 5, split.operator)
            if isinstance(split.value, Decimal):
                put_number(ws, row, 6, split.value)
            else:
                put_text(ws, row, 6, split.value)
            put_text(ws, row, 7, split.unit)
            put_text(ws, row, 8, indicator.explanation)
            put_text(ws, row, 9, s.GOAL_SEPARATOR.join(str(g) for g in sorted(indicator.goals)))
            put_text(ws, row, 10, indicator.value)
            put_text(ws, row, 11, indicator.unit)
    _style_body(ws, book, s.INDICATOR_COLUMNS)


def write_tasks(ws: Any, book: StyleBook, declaration: Declaration) -> None:
    _header(ws, book, s.TASK_COLUMNS, _TASK_WIDTHS, s.TASK_HIDDEN)
    for row, task in enumerate(declaration.tasks, start=2):
        put_text(ws, row, 1, task.name)
        put_text(ws, row, 2, task.content)
        put_amount(ws, row, 3, task.total)
        put_amount(ws, row, 4, task.fiscal)
        put_amount(ws, row, 5, task.other)
        if task.declared_total is not None:
            put_amount(ws, row, 6, task.declared_total)
    _style_body(ws, book, s.TASK_COLUMNS)


def write_goals(ws: Any, book: StyleBook, declaration: Declaration) -> None:
    _header(ws, book, s.GOAL_COLUMNS, _GOAL_WIDTHS, ())
    for row, goal in enumerate(declaration.goals, start=2):
        put_number(ws, row, 1, Decimal(row - 1))
        put_text(ws, row, 2, goal)
    _style_body(ws, book, s.GOAL_COLUMNS)


def meta_rows(declaration: Declaration, fingerprint: str) -> list[tuple[str, str]]:
    """The key/value rows of ``_perfdecl``: everything the visible sheets cannot carry."""
    from desktop.exchange.reader import FORMAT_ID, FORMAT_VERSION

    rows = [
        ("format", FORMAT_ID),
        ("version", str(FORMAT_VERSION)),
        ("form", declaration.form),
        ("profile", declaration.profile_id),
        ("year", str(declaration.year)),
        ("unit_name", declaration.unit_name),
        ("supervisor", declaration.supervisor),
    ]
    rows.extend((key, getattr(declaration.footer, attr)) for key, attr in s.META_FOOTER_KEYS)
    control = declaration.budget_control_total
    rows.append(("budget_control_total", "" if control is None else canonical_amount(control)))
    totals = declaration.declared_totals
    totals_text = ""
    if totals is not None and not totals.is_empty():
        parts = {k: canonical_amount(v) for k, v in (("total", totals.total), ("fiscal", totals.fiscal),
                                                     ("other", totals.other)) if v is not None}
        totals_text = json.dumps(parts, ensure_ascii=False)
    rows.append(("totals", totals_text))
    accepted = [{"rule": a.rule, "subject": a.subject, "reason": a.reason} for a in declaration.accepted_findings]
    rows.append(("accepted_findings", json.dumps(accepted, ensure_ascii=False) if accepted else ""))
    rows.append(("source_fingerprint", fingerprint))
    return rows


def write_meta(
    ws: Any, declaration: Declaration, fingerprint: str, extra: list[tuple[str, str]] | None = None
) -> None:
    """``_perfdecl``; ``extra`` rows carry a project's own keys (project_sheets.py)."""
    rows = meta_rows(declaration, fingerprint)
    if extra:
        rows[-1:-1] = extra  # before source_fingerprint
    for row, (key, value) in enumerate(rows, start=1):
        put_text(ws, row, 1, key)
        put_text(ws, row, 2, value)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 60
    ws.sheet_state = "hidden"
