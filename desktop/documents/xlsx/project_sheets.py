"""The workbook of a project declaration (docs/project-form.md §7): its own sheets, and reading
them back.

Sheets: 申报表 (the printed grid), 绩效指标 (年度), 中期绩效指标, 项目资金, 年度总体目标,
中期总体目标 (the 中期 sheets only while that horizon is in use) and the hidden ``_perfdecl`` with
the project keys. The visible sheets reuse the department writers on a horizon view, so both
trees have the same columns and are read back by the same row reader.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from desktop.documents.xlsx import schema as s
from desktop.documents.xlsx.data_sheets import _header, _style_body, write_goals, write_indicators
from desktop.documents.xlsx.styling import StyleBook, put_amount, put_text
from desktop.domain.profile import Profile
from desktop.domain.project import Funds, ProjectDeclaration
from desktop.domain.project_profile import load_project_profile

if TYPE_CHECKING:
    from desktop.documents.xlsx.read_own import XlsxReadResult

SHEET_MID_INDICATORS = "中期绩效指标"
SHEET_FUNDS = "项目资金"
SHEET_MID_GOALS = "中期总体目标"
COL_FUND = "资金"
ROW_ANNUAL = "年度资金"
ROW_MID = "中期资金"
FUND_COLUMNS = ("资金", "总额", "财政拨款", "其他资金")
COL_FUND_DECLARED = "总额（来源）"


def write_project_sheets(workbook: Any, book: StyleBook, decl: ProjectDeclaration, profile: Profile) -> None:
    """Every sheet after 申报表 except ``_perfdecl``."""
    mid = decl.mid_term if decl.mid_in_use() else None
    write_indicators(workbook.create_sheet(s.SHEET_INDICATORS), book, decl, profile)
    if mid is not None:
        write_indicators(workbook.create_sheet(SHEET_MID_INDICATORS), book, decl.horizon_view("mid"), profile)
    _write_funds(workbook.create_sheet(SHEET_FUNDS), book, decl)
    write_goals(workbook.create_sheet(s.SHEET_GOALS), book, decl)
    if mid is not None:
        write_goals(workbook.create_sheet(SHEET_MID_GOALS), book, decl.horizon_view("mid"))


def fund_columns(decl: ProjectDeclaration) -> tuple[str, ...]:
    details = tuple(d.label for d in load_project_profile(decl.profile_id).fund_details)
    return (*FUND_COLUMNS, *details, COL_FUND_DECLARED)


def _write_funds(ws: Any, book: StyleBook, decl: ProjectDeclaration) -> None:
    columns = fund_columns(decl)
    _header(ws, book, columns, tuple([12] + [14] * (len(columns) - 1)), (COL_FUND_DECLARED,))
    rows: list[tuple[str, Funds]] = [(ROW_ANNUAL, decl.funds)]
    if decl.mid_term is not None and decl.mid_in_use():
        rows.append((ROW_MID, decl.mid_term.funds))
    details = load_project_profile(decl.profile_id).fund_details
    for row, (label, funds) in enumerate(rows, start=2):
        put_text(ws, row, 1, label)
        for column, amount in enumerate((funds.total, funds.fiscal, funds.other), start=2):
            put_amount(ws, row, column, amount)
        for offset, detail in enumerate(details):
            if detail.id in funds.details:
                put_amount(ws, row, 5 + offset, funds.details[detail.id])
        if funds.declared_total is not None:
            put_amount(ws, row, len(columns), funds.declared_total)
    _style_body(ws, book, columns)


def project_meta_rows(decl: ProjectDeclaration) -> list[tuple[str, str]]:
    info = decl.project
    return [
        ("project_name", info.name),
        ("project_code", info.code),
        ("supervisor_code", info.supervisor_code),
        ("attribute", info.attribute),
        ("category", info.category),
        ("period_start", "" if info.period_start is None else str(info.period_start)),
        ("period_end", "" if info.period_end is None else str(info.period_end)),
        ("task", info.task),
        ("texts", json.dumps(info.texts, ensure_ascii=False) if info.texts else ""),
        ("project_head", decl.project_head),
        ("mid_term", "1" if decl.mid_in_use() else "0"),
    ]


# -- reading our own project workbook ------------------------------------------------------
def read_project_workbook(reader: Any, doc: dict[str, Any], fingerprint: str) -> XlsxReadResult:
    """The project declaration of a workbook we exported (``reader`` is read_own's reader).

    The 中期 horizon exists exactly when ``_perfdecl.mid_term`` is ``1``; then its two sheets
    and the 中期资金 row must be there, else the workbook is refused naming what is missing.
    """
    from desktop.documents.xlsx.cells import cell_text, is_blank
    from desktop.documents.xlsx.problems import XlsxImportError
    from desktop.domain.project_profile import DEFAULT_PROJECT_PROFILE_ID

    values: dict[str, tuple[Any, str]] = reader.meta_values
    workbook = reader.workbook

    def text(key: str) -> str:
        return cell_text(values[key][0]) if key in values else ""

    mid = text("mid_term").strip() == "1"
    needed = [s.SHEET_INDICATORS, SHEET_FUNDS, s.SHEET_GOALS] + ([SHEET_MID_INDICATORS, SHEET_MID_GOALS] if mid else [])
    missing = [n for n in needed if n not in workbook.sheet_names]
    if missing:
        raise XlsxImportError.single("缺少工作表" + "、".join(f"“{n}”" for n in missing))
    project: dict[str, Any] = {
        "name": text("project_name"), "code": text("project_code"),
        "supervisor_code": text("supervisor_code"), "attribute": text("attribute"),
        "category": text("category"),
    }  # fmt: skip
    for key in ("period_start", "period_end"):
        project[key] = None
        if key in values and not is_blank(values[key][0]):
            project[key] = reader.int_value(*values[key])
        reader.places[f"project.{key}"] = values.get(key, ("", s.SHEET_META))[1]
    if text("task"):
        project["task"] = text("task")
    if "texts" in values and not is_blank(values["texts"][0]):
        project["texts"] = reader.json_value(values["texts"][0], values["texts"][1], dict)
    for key, place in (("name", "project_name"), ("attribute", "attribute"), ("texts", "texts")):
        if place in values:
            reader.places[f"project.{key}"] = values[place][1]
    doc["project"] = project
    doc.setdefault("footer", {})["project_head"] = text("project_head")
    profile_id = str(doc.get("profile") or DEFAULT_PROJECT_PROFILE_ID)
    try:
        profile = load_project_profile(profile_id)
    except KeyError as exc:
        raise XlsxImportError.single(f"{values.get('profile', ('', s.SHEET_META))[1]}：未知的项目支出表版式“{profile_id}”") from exc
    funds = _read_funds(reader, workbook.sheet(SHEET_FUNDS), profile)
    if ROW_ANNUAL not in funds:
        reader.log.error(SHEET_FUNDS, f"缺少“{ROW_ANNUAL}”一行")
    doc["funds"] = funds.get(ROW_ANNUAL, {"fiscal": "0", "other": "0"})
    doc["goals"] = reader._goals(workbook.sheet(s.SHEET_GOALS))
    doc["indicators"], edited = reader._indicators(
        workbook.sheet(s.SHEET_INDICATORS), profile.profile, len(doc["goals"])
    )
    if mid:
        if ROW_MID not in funds:
            reader.log.error(SHEET_FUNDS, f"缺少“{ROW_MID}”一行（_perfdecl 的 mid_term 为 1）")
        goals = reader._goals(workbook.sheet(SHEET_MID_GOALS), "mid_term.goals")
        indicators, more = reader._indicators(
            workbook.sheet(SHEET_MID_INDICATORS), profile.profile, len(goals), "mid_term.indicators"
        )
        doc["mid_term"] = {"funds": funds.get(ROW_MID, {"fiscal": "0", "other": "0"}), "goals": goals, "indicators": indicators}
        edited += more
    result: XlsxReadResult = reader.finish(doc, edited, fingerprint)
    return result


def _read_funds(reader: Any, sheet: Any, profile: Any) -> dict[str, dict[str, Any]]:
    """The 项目资金 rows by their label in 资金: {"年度资金": {"fiscal": …, "other": …}}."""
    from desktop.documents.xlsx.cells import cell_text, is_blank
    from desktop.documents.xlsx.problems import cell_ref

    detail_ids = {d.label: d.id for d in profile.fund_details}
    columns = (*FUND_COLUMNS, *detail_ids, COL_FUND_DECLARED)
    header = reader.header(sheet, {c: (c,) for c in columns}, (COL_FUND, "财政拨款", "其他资金"))
    if header is None:
        return {}
    col = header.columns
    found: dict[str, dict[str, Any]] = {}
    for row in range(2, len(sheet.rows) + 1):
        label = cell_text(sheet.value(row, col[COL_FUND])).strip()
        if label not in (ROW_ANNUAL, ROW_MID):
            continue
        path = "funds" if label == ROW_ANNUAL else "mid_term.funds"
        reader.places[path] = cell_ref(sheet.name, row, col[COL_FUND])
        item: dict[str, Any] = {}
        for key, column in (("fiscal", "财政拨款"), ("other", "其他资金"), ("total", COL_FUND_DECLARED)):
            if column not in col:
                continue
            value, where = sheet.value(row, col[column]), cell_ref(sheet.name, row, col[column])
            reader.places[f"{path}.{key}"] = where
            if key == "total" and is_blank(value):
                continue
            item[key] = reader.amount(value, where)
        details: dict[str, Any] = {}
        for label_text, detail_id in detail_ids.items():
            if label_text in col and not is_blank(sheet.value(row, col[label_text])):
                where = cell_ref(sheet.name, row, col[label_text])
                details[detail_id] = reader.amount(sheet.value(row, col[label_text]), where)
        if details:
            item["details"] = details
        found[label] = item
    return found
