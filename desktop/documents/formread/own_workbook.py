"""Our own exported workbook, possibly edited: the visible 申报表 sheet against the data sheets.

docs/xlsx.md reads tasks, goals and indicators from the data sheets. A colleague may instead have
edited the visible form; both are read and compared. By default the form sheet wins (it is what
people look at and print); ``prefer_data`` keeps the data sheets. Declared totals (金额合计 and
per-task 总额 from an earlier source) that no longer match edited amounts are dropped with a
note instead of becoming A01/A02 errors that point at hidden cells. See docs/form-import.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.documents.formread.compare import Difference, carry_unprinted, printed_differences
from desktop.documents.formread.result import FormReadError, FormReadResult
from desktop.documents.xlsx.problems import Problem
from desktop.documents.xlsx.read_own import XlsxReadResult
from desktop.documents.xlsx.schema import SHEET_FORM
from desktop.domain.model import Declaration
from desktop.domain.project import ProjectDeclaration


@dataclass
class OwnWorkbookResult:
    declaration: Declaration
    warnings: list[str] = field(default_factory=list)
    #: Printed fields where the form sheet and the data sheets differ.
    differences: list[Difference] = field(default_factory=list)
    #: The declaration as each side has it (for a user who wants to choose).
    from_data: Declaration | None = None
    from_form: Declaration | None = None
    unplaced: list[Problem] = field(default_factory=list)
    source_fingerprint: str = ""
    form_won: bool = False


def _form_sheet(path: Path, profile_id: str) -> FormReadResult | None:
    from desktop.documents.formread import read_form
    from desktop.documents.formread.sources.spreadsheet import xlsx_grids

    grids = [g for g in xlsx_grids(path) if g.name == SHEET_FORM]
    if not grids:
        return None
    try:
        return read_form(grids, profile_id)
    except FormReadError:
        return None


def _drop_stale_totals(data: Declaration, form: FormReadResult, warnings: list[str]) -> list[str]:
    """Declared totals survive only while the amounts are those the form printed at export."""
    printed = form.printed_totals
    computed = data.computed_totals()
    amounts_edited = printed is None or any(
        getattr(printed, key) is not None and getattr(printed, key) != getattr(computed, key)
        for key in ("total", "fiscal", "other")
    ) or [(t.fiscal, t.other) for t in data.tasks] != [(t.fiscal, t.other) for t in form.declaration.tasks]
    notes: list[str] = []
    for index, task in enumerate(data.tasks):
        shown = form.declaration.tasks[index] if index < len(form.declaration.tasks) else None
        edited = shown is None or (shown.fiscal, shown.other) != (task.fiscal, task.other)
        if edited and task.declared_total is not None and task.declared_total != task.total:
            task.declared_total = None
            notes.append(f"任务{index + 1}的金额已修改，原申报的总额已删除")
    if amounts_edited and data.declared_totals is not None:
        data.declared_totals = None
        notes.append("金额已修改，原申报表中的“金额合计”数已删除，合计按各任务金额重新计算")
        warnings = [w for w in warnings if "（A02）" not in w]
    return notes + warnings


def read_own_workbook(path: Path, own: XlsxReadResult, *, prefer_data: bool = False) -> OwnWorkbookResult:
    """Compare the 申报表 sheet of ``path`` with ``own`` (read from its data sheets) and choose."""
    data = own.declaration
    # The form reader knows the department layout only: a project's 申报表 sheet (its profile's
    # grid, docs/project-form.md §7) is not compared, its data sheets are the declaration.
    form = None if isinstance(data, ProjectDeclaration) else _form_sheet(path, data.profile_id)
    if form is None:
        return OwnWorkbookResult(data, list(own.warnings), source_fingerprint=own.source_fingerprint)
    warnings = _drop_stale_totals(data, form, list(own.warnings))
    differences = printed_differences(data, form.declaration, form.places)
    merged = carry_unprinted(data, form.declaration)
    merged.declared_totals = data.declared_totals
    result = OwnWorkbookResult(
        data, warnings, differences, from_data=data, from_form=merged,
        unplaced=list(form.unplaced), source_fingerprint=own.source_fingerprint,
    )
    if differences:
        side = "数据工作表" if prefer_data else "“申报表”工作表"
        result.warnings.append(f"“申报表”工作表与数据工作表有 {len(differences)} 处不同，已以{side}为准：")
        result.warnings.extend(f"  {d}" for d in differences)
        if not prefer_data:
            result.declaration = merged
            result.form_won = True
    return result
