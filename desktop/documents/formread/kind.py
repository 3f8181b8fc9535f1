"""Which form a grid holds: the form-kind detection step before any block is read.

Titles and identifying labels decide (``…整体支出绩效目标申报表`` vs ``项目支出绩效目标申报表``,
项目名称 / 项目属性). Only the department form has a reader so far; a recognised project form
gets a clear message instead of a half-read department form. See docs/form-import.md.
"""

from __future__ import annotations

from desktop.documents.formread.grid import Grid
from desktop.documents.formread.labels import FormLabels, normalise_label
from desktop.domain.model import FORM_DEPARTMENT, FORM_PROJECT

#: Labels only a project form prints (normalised).
_PROJECT_LABELS = frozenset({"项目名称", "项目属性", "项目期", "实施单位", "项目实施单位", "年度资金总额", "中期目标", "实施期目标"})
#: Labels only the department form prints (normalised).
_DEPARTMENT_LABELS = frozenset({"年度主要任务", "部门(单位)名称", "金额合计"})


def detect_form_kind(grid: Grid, labels: FormLabels) -> str | None:
    """``department_overall``, ``project`` or None (no form title or label seen)."""
    department = project = 0
    for row, col in grid.origins():
        value = grid.raw(row, col)
        if not isinstance(value, str) or not value.strip():
            continue
        text = normalise_label(value)
        if any(title in text for title in labels.titles.get(FORM_PROJECT, ())):
            project += 3
        elif any(title in text for title in labels.titles.get(FORM_DEPARTMENT, ())):
            department += 3
        if text in _PROJECT_LABELS:
            project += 1
        elif text in _DEPARTMENT_LABELS:
            department += 1
    if project > department:
        return FORM_PROJECT
    if department:
        return FORM_DEPARTMENT
    return None
