"""From findings to the section pages: jump to a finding's ``where``, mark the rows it names.

The panels are imported where used: the editor builds a page when it is first shown, so at
start-up only the first section's module is loaded (docs/performance.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QWidget

from desktop.domain.model import FORM_PROJECT
from desktop.domain.project import MID_PATH
from desktop.rules.locate import Where, locate_indicator, parse_where
from ui.editor import DeclarationEditor
from ui.findings.row_marks import RowMarks
from ui.sections import section_index

#: The pages that mark the rows findings name (each has ``model.set_marks``).
MARKED_PAGES = ("indicatorPanel", "budgetPanel", "goalsEditor")
#: A project's pages (ui/project/page.py); each takes the marks itself.
PROJECT_PAGES = ("projectInfoPanel", "projectFundsPanel", "projectGoalsEditor", "projectIndicatorPanel")

if TYPE_CHECKING:
    from ui.indicators.panel import IndicatorPanel

_INDICATOR_COLUMNS = {"name": 0, "value": 1, "unit": 2, "explanation": 3, "goals": 4}
_TASK_COLUMNS = {"name": 0, "content": 1, "total": 2, "fiscal": 3, "other": 4}


def go_to_where(editor: DeclarationEditor, where: str) -> bool:
    """Show the section of ``where`` and select its cell; False when it names nothing there."""
    if editor.document.declaration.form == FORM_PROJECT:
        return _go_to_project(editor, where)
    from ui.basic_info import BasicInfoPanel
    from ui.budget.panel import BudgetPanel
    from ui.goals.editor import GoalsEditor
    from ui.indicators.panel import IndicatorPanel

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


def _project_page_of(where: str) -> str:
    """The project page that shows ``where`` (docs/project-form.md §6)."""
    place = parse_where(where.removeprefix(MID_PATH + "."))
    if place.section == "indicators":
        return "projectIndicatorPanel"
    if place.section == "goals":
        return "projectGoalsEditor"
    if place.section in ("funds", "budget_control_total", MID_PATH):
        return "projectFundsPanel"
    return "projectInfoPanel"


def _go_to_project(editor: DeclarationEditor, where: str) -> bool:
    from ui.project.page import ProjectPage

    name = _project_page_of(where)
    index = next(i for i, s in enumerate(editor.sections) if s.object_name == name)
    editor.setCurrentIndex(index)
    page = editor.page(name)
    return page.focus_where(where) if isinstance(page, ProjectPage) else page is not None


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
    """Give the pages that mark rows (indicators, tasks, goals) the latest findings; a page
    built later gets them from :func:`mark_new_page`."""
    editor.row_marks = marks
    for name in MARKED_PAGES + PROJECT_PAGES:
        page = editor.built_page(name)
        if page is not None:
            _mark(page, marks)


def mark_new_page(editor: DeclarationEditor, page: QWidget) -> None:
    """A page just built shows the marks of the latest check (if it marks rows)."""
    marks = editor.row_marks
    if isinstance(marks, RowMarks) and page.objectName() in MARKED_PAGES + PROJECT_PAGES:
        _mark(page, marks)


def _mark(page: QWidget, marks: RowMarks) -> None:
    from ui.budget.panel import BudgetPanel
    from ui.goals.editor import GoalsEditor
    from ui.indicators.panel import IndicatorPanel
    from ui.project.page import ProjectPage

    if isinstance(page, (IndicatorPanel, BudgetPanel, GoalsEditor)):
        page.model.set_marks(marks)
    elif isinstance(page, ProjectPage):
        page.set_marks(marks)
