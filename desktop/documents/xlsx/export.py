"""``export_xlsx``: the workbook of docs/xlsx.md, written atomically.

Sheets in order: 申报表 (the printed form), 绩效指标, 年度主要任务, 年度总体目标, and the hidden
``_perfdecl``. The core property ``identifier`` and the custom properties carry the fingerprint
and the revision, so a workbook can be matched to its saved version like a PDF.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.atomic import atomic_write_with
from desktop.documents.limits import check_cell_text, check_cell_texts
from desktop.documents.options import PrintOptions
from desktop.documents.xlsx import schema as s
from desktop.documents.xlsx.data_sheets import (
    write_goals,
    write_indicators,
    write_meta,
    write_tasks,
)
from desktop.documents.xlsx.form_sheet import write_form_sheet
from desktop.documents.xlsx.project_sheets import project_meta_rows, write_project_sheets
from desktop.documents.xlsx.styling import StyleBook
from desktop.domain.model import Declaration
from desktop.domain.profile import Profile
from desktop.domain.project import ProjectDeclaration
from desktop.domain.textclean import clean_text

APP_NAME = "PerfDecl 绩效目标申报助手"


def build_workbook(
    decl: Declaration,
    profile: Profile,
    *,
    revision: int | None,
    fingerprint: str,
    options: PrintOptions | None = None,
) -> Any:
    """The openpyxl Workbook of ``decl`` (not yet saved)."""
    from openpyxl import Workbook

    options = options or PrintOptions()
    workbook = Workbook()
    form = workbook.active
    form.title = s.SHEET_FORM
    version = f"第 {revision} 版" if revision is not None else "未存档"
    book = StyleBook(workbook)
    write_form_sheet(form, book, decl, profile, options, footer=f"{version} · 指纹 {fingerprint}")
    if isinstance(decl, ProjectDeclaration):  # docs/project-form.md §7
        write_project_sheets(workbook, book, decl, profile)
        extra = project_meta_rows(decl)
    else:
        write_indicators(workbook.create_sheet(s.SHEET_INDICATORS), book, decl, profile)
        write_tasks(workbook.create_sheet(s.SHEET_TASKS), book, decl)
        write_goals(workbook.create_sheet(s.SHEET_GOALS), book, decl)
        extra = None
    write_meta(workbook.create_sheet(s.SHEET_META), decl, fingerprint, extra)
    _properties(workbook, decl, revision, fingerprint)
    return workbook


def _properties(workbook: Any, decl: Declaration, revision: int | None, fingerprint: str) -> None:
    from openpyxl.packaging.custom import IntProperty, StringProperty

    props = workbook.properties
    props.identifier = fingerprint
    kind = "项目支出绩效目标申报表" if isinstance(decl, ProjectDeclaration) else "部门（单位）整体支出绩效目标申报表"
    props.title = f"{kind}（{decl.year}年度）"
    props.subject = decl.unit_name
    props.creator = APP_NAME
    props.lastModifiedBy = APP_NAME
    props.keywords = f"{decl.profile_id} {fingerprint}"
    workbook.custom_doc_props.append(StringProperty(name=s.PROP_FINGERPRINT, value=fingerprint))
    if revision is not None:
        workbook.custom_doc_props.append(IntProperty(name=s.PROP_REVISION, value=revision))


def export_xlsx(
    decl: Declaration,
    profile: Profile,
    path: str | Path,
    *,
    revision: int | None,
    fingerprint: str,
    options: PrintOptions | None = None,
) -> None:
    """Write ``decl`` as an .xlsx workbook to ``path`` (atomically: all or nothing).

    Raises ``OutputRefusedError`` (desktop/documents/limits.py) before writing when a text would not fit in a cell.
    """
    check_cell_texts(decl)
    workbook = build_workbook(decl, profile, revision=revision, fingerprint=fingerprint, options=options)
    _screen_cells(workbook)
    atomic_write_with(path, lambda temp: workbook.save(temp))


def _screen_cells(workbook: Any) -> None:
    """Joined texts must fit a cell too; characters XML forbids (U+FFFE, controls) never
    reach the file (they made a workbook unreadable)."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    if not cell.value.isprintable():
                        cell.value = clean_text(cell.value)
                    check_cell_text(cell.value, f"工作表“{sheet.title}”的单元格 {cell.coordinate} ")
