"""The editor's sections, in the paper form's order, each built by a factory.

A department declaration has :data:`SECTIONS`, a project :data:`PROJECT_SECTIONS`
(docs/project-form.md §6): the same five positions, so Ctrl+1…Ctrl+5 and the navigator's rows
mean the same place in both, with 项目资金 where the department form has 主要任务与预算.

Factories import their panel when called, so importing this registry costs nothing at start-up.
The 预览 section shows a placeholder where no renderer is given (widget tests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from desktop.domain.model import FORM_PROJECT
from desktop.services.store import StoredIndicator
from ui.background import Job
from ui.document import DeclarationDocument
from ui.placeholder import placeholder

if TYPE_CHECKING:
    from desktop.rules.project.cross_forms import RelatedForms


@dataclass(frozen=True)
class SectionContext:
    """What a section may use besides the document (never the store itself)."""

    document: DeclarationDocument
    stored_indicators: Callable[[], list[StoredIndicator]] = field(default=list)
    #: Snapshots the working copy and returns the job that renders its printed pages in a
    #: worker thread (None: no preview, e.g. in widget tests).
    prepare_preview: Callable[[], Job] | None = None
    print_current: Callable[[], None] | None = None
    #: The stored forms a project is cross-checked with (its unit's department form of the year
    #: and the unit's other projects) as stored now; None where there is no store. The window
    #: keeps them (ui/checks_controller.py) and reads them again only when one changed.
    related: Callable[[], RelatedForms] | None = None
    #: Emitted when the forms ``related`` returns were read again (another window saved one).
    related_changed: SignalInstance | None = None


@dataclass(frozen=True)
class Section:
    title: str
    #: The page's object name (the page sets it itself; a placeholder gets it from here).
    object_name: str
    factory: Callable[[SectionContext], QWidget]


def _basic(ctx: SectionContext) -> QWidget:
    from ui.basic_info import BasicInfoPanel

    return BasicInfoPanel(ctx.document)


def _budget(ctx: SectionContext) -> QWidget:
    from ui.budget.panel import BudgetPanel

    return BudgetPanel(ctx.document)


def _goals(ctx: SectionContext) -> QWidget:
    from ui.goals.editor import GoalsEditor

    return GoalsEditor(ctx.document)


def _indicators(ctx: SectionContext) -> QWidget:
    from ui.indicators.panel import IndicatorPanel

    return IndicatorPanel(ctx.document, ctx.stored_indicators)


def _preview(ctx: SectionContext) -> QWidget:
    if ctx.prepare_preview is None:
        return placeholder("预览", "打印页面（与打印和导出相同的 PDF）将在此显示。")
    from ui.preview.section import PreviewSection

    return PreviewSection(ctx.document, ctx.prepare_preview, ctx.print_current)


SECTIONS: tuple[Section, ...] = (
    Section("基本信息", "basicInfoPanel", _basic),
    Section("主要任务与预算", "budgetPanel", _budget),
    Section("总体目标", "goalsEditor", _goals),
    Section("绩效指标", "indicatorPanel", _indicators),
    Section("预览", "previewSection", _preview),
)


def _project_info(ctx: SectionContext) -> QWidget:
    from ui.project.info_panel import build

    return build(ctx)


def _project_funds(ctx: SectionContext) -> QWidget:
    from ui.project.funds_panel import build

    return build(ctx)


def _project_goals(ctx: SectionContext) -> QWidget:
    from ui.project.goals_panel import build

    return build(ctx)


def _project_indicators(ctx: SectionContext) -> QWidget:
    from ui.project.indicator_panel import build

    return build(ctx)


PROJECT_SECTIONS: tuple[Section, ...] = (
    Section("基本信息", "projectInfoPanel", _project_info),
    Section("项目资金", "projectFundsPanel", _project_funds),
    Section("总体目标", "projectGoalsEditor", _project_goals),
    Section("绩效指标", "projectIndicatorPanel", _project_indicators),
    Section("预览", "previewSection", _preview),
)

def sections_for(form: str) -> tuple[Section, ...]:
    """The sections of a declaration of kind ``form`` (``department_overall`` or ``project``)."""
    return PROJECT_SECTIONS if form == FORM_PROJECT else SECTIONS


def section_titles(form: str = "") -> list[str]:
    """Titles of the sections of ``form`` (the department form's when not given)."""
    return [s.title for s in sections_for(form)]


def known_section_titles() -> list[str]:
    """Every title ``gui --section`` accepts: the department ones, then 项目资金."""
    return section_titles() + [t for t in section_titles(FORM_PROJECT) if t not in section_titles()]


def section_index(title: str) -> int:
    """Position of the section called ``title`` in either form kind; ValueError if unknown.

    Both kinds have the same positions, so ``项目资金`` on a department declaration selects
    主要任务与预算, and vice versa (``gui --section``).
    """
    for form in ("", FORM_PROJECT):
        if title in section_titles(form):
            return section_titles(form).index(title)
    raise ValueError(f"unknown section {title!r}")
