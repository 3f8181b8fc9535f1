"""The editor's sections, in the paper form's order, each built by a factory.

Factories import their panel when called, so importing this registry costs nothing at start-up.
The 预览 section shows a placeholder where no renderer is given (widget tests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.services.store import StoredIndicator
from ui.background import Job
from ui.document import DeclarationDocument


@dataclass(frozen=True)
class SectionContext:
    """What a section may use besides the document (never the store itself)."""

    document: DeclarationDocument
    stored_indicators: Callable[[], list[StoredIndicator]] = field(default=list)
    #: Snapshots the working copy and returns the job that renders its printed pages in a
    #: worker thread (None: no preview, e.g. in widget tests).
    prepare_preview: Callable[[], Job] | None = None
    print_current: Callable[[], None] | None = None


@dataclass(frozen=True)
class Section:
    title: str
    object_name: str
    factory: Callable[[SectionContext], QWidget]


def placeholder(title: str, text: str) -> QWidget:
    """A section still to come: says so plainly."""
    widget = QWidget()
    label = QLabel(f"{title}\n\n{text}", widget)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: #666;")
    layout = QVBoxLayout(widget)
    layout.addWidget(label)
    return widget


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
    Section("基本信息", "basicInfoSection", _basic),
    Section("主要任务与预算", "budgetSection", _budget),
    Section("总体目标", "goalsSection", _goals),
    Section("绩效指标", "indicatorsSection", _indicators),
    Section("预览", "previewSection", _preview),
)


def section_titles() -> list[str]:
    return [s.title for s in SECTIONS]


def section_index(title: str) -> int:
    """Position of the section called ``title``; raises ValueError for an unknown name."""
    return section_titles().index(title)
