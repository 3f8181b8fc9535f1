"""From findings to the section pages: jump to a finding's ``where``, mark the rows it names."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QWidget

from desktop.rules.locate import Where, locate_indicator, parse_where
from ui.basic_info import BasicInfoPanel
from ui.budget.panel import BudgetPanel
from ui.editor import DeclarationEditor
from ui.findings.row_marks import RowMarks
from ui.goals.editor import GoalsEditor
from ui.indicators.panel import IndicatorPanel
from ui.sections import section_index

_INDICATOR_COLUMNS = {"name": 0, "value": 1, "unit": 2, "explanation": 3, "goals": 4}
_TASK_COLUMNS = {"name": 0, "content": 1, "total": 2, "fiscal": 3, "other": 4}


def go_to_where(editor: DeclarationEditor, where: str) -> bool:
    """Show the section of ``where`` and select its cell; False when it names nothing there."""
    place = parse_where(where)
    if place.section == "indicators":
        editor.setCurrentIndex(section_index("绩效指标"))
        panel = editor.page("indicatorPanel")
        return isinstance(panel, IndicatorPanel) and _indicator(editor, panel, place)
    if place.section in ("tasks", "totals", "budget_control_total"):
        editor.setCurrentIndex(section_index("主要任务与预算"))
        budget = editor.page("budgetPanel")
        if not isinstance(budget, BudgetPanel):
            return False
        if place.section == "tasks" and place.index is not None:
            return _select(budget.view, place.index, _TASK_COLUMNS.get(place.field, 0))
        if place.section == "budget_control_total":
            budget.control.setFocus()
        elif place.section == "totals":
            # A declared 金额合计 that differs (A02) is fixed with the banner's 采用计算值; the
            # computed row itself is pinned under the table and cannot be selected.
            banner = budget.banner
            (banner.button if banner.isVisibleTo(budget) else budget.table.footer).setFocus()
        return True
    if place.section == "goals":
        editor.setCurrentIndex(section_index("总体目标"))
        goals = editor.page("goalsEditor")
        if not isinstance(goals, GoalsEditor):
            return False
        return place.index is None or _select(goals.view, place.index, 0)
    editor.setCurrentIndex(section_index("基本信息"))
    basic = editor.page("basicInfoPanel")
    if not isinstance(basic, BasicInfoPanel):
        return False
    target: QWidget | None = basic.edits.get(where if place.section == "footer" else place.section)
    if target is None and place.section == "year":
        target = basic.year_spin
    if target is not None:
        target.setFocus()
    return True


def _indicator(editor: DeclarationEditor, panel: IndicatorPanel, place: Where) -> bool:
    if place.index is None:
        return True
    slot = locate_indicator(editor.document.declaration, place.index)
    if slot is None:
        return False
    if slot.row is None:  # the single row of a 不适用 category
        parent = panel.model.category_index(slot.cat_index)
        panel.view.expand(parent)
        panel.view.setCurrentIndex(panel.model.index(0, 0, parent))
    else:
        panel.ops.select(slot.cat_index, slot.row, _INDICATOR_COLUMNS.get(place.field, 0))
    panel.view.setFocus()
    return True


def _select(view: QAbstractItemView, row: int, column: int) -> bool:
    model = view.model()
    if not 0 <= row < model.rowCount():
        return False
    index = model.index(row, column)
    view.setCurrentIndex(index)
    view.scrollTo(index)
    view.setFocus()
    return True


def show_marks(editor: DeclarationEditor, marks: RowMarks) -> None:
    """Give the pages that mark rows (indicators, tasks, goals) the latest findings."""
    for name, kind in (
        ("indicatorPanel", IndicatorPanel),
        ("budgetPanel", BudgetPanel),
        ("goalsEditor", GoalsEditor),
    ):
        page = editor.page(name)
        if isinstance(page, kind):
            page.model.set_marks(marks)
