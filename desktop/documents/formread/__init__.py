"""The form-layout reader: a declaration from a grid laid out like the paper form (no Qt).

Sources (spreadsheets, Word and web tables, a clipboard paste) become :class:`Grid` objects;
:func:`read_form` finds the form among them, detects its kind and framework, and reads its
blocks by their labels. See docs/form-import.md.
"""

from __future__ import annotations

from desktop.documents.formread.department import DepartmentFormReader
from desktop.documents.formread.grid import Grid, Span, grid_from_text_rows
from desktop.documents.formread.kind import detect_form_kind
from desktop.documents.formread.labels import form_labels
from desktop.documents.formread.profiles import detect_profile
from desktop.documents.formread.result import FormReadError, FormReadResult
from desktop.documents.xlsx.problems import Problem
from desktop.domain.model import FORM_DEPARTMENT, FORM_PROJECT
from desktop.domain.profile import load_profile

__all__ = [
    "FormReadError",
    "FormReadResult",
    "Grid",
    "Span",
    "grid_from_text_rows",
    "read_form",
]



def read_form(grids: list[Grid], profile_id: str | None = None) -> FormReadResult:
    """Read the form from the first grid that holds one; other non-empty grids are listed.

    Raises :class:`FormReadError` when no grid holds a recognisable department form.
    """
    candidates = [g for g in grids if any(True for _ in g.origins()) and g.height]
    if not candidates:
        raise FormReadError("文件中没有任何内容")
    errors: list[str] = []
    for grid in candidates:
        pid = profile_id or detect_profile(grid)
        labels = form_labels(pid)
        kind = detect_form_kind(grid, labels)
        if kind == FORM_PROJECT:
            raise FormReadError(
                f"{grid.name}：这是一份项目支出绩效目标申报表；本程序目前只能导入部门（单位）整体支出绩效目标申报表"
            )
        try:
            result = DepartmentFormReader(grid, load_profile(pid), labels).read()
        except FormReadError as exc:
            errors.append(str(exc))
            continue
        result.recognised_form = kind == FORM_DEPARTMENT
        if kind != FORM_DEPARTMENT and (result.declaration.tasks or result.declaration.goals):
            result.notes.insert(0, Problem(grid.name, "没有找到表格标题“部门（单位）整体支出绩效目标申报表”，已按该表导入"))
        for other in candidates:
            if other is not grid and _has_content(other):
                result.unplaced.append(Problem(other.name, "此工作表（表格）没有导入"))
        return result
    raise FormReadError(errors[0] if len(errors) == 1 else "；".join(errors))


def _has_content(grid: Grid) -> bool:
    return any(grid.text(r, c) for r, c in grid.origins())
