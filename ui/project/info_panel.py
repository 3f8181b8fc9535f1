"""The project's 基本信息 section (docs/project-form.md §6). Placeholder until built."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.placeholder import placeholder

if TYPE_CHECKING:
    from ui.sections import SectionContext


def build(ctx: SectionContext) -> QWidget:
    del ctx
    return placeholder("基本信息", "项目支出申报表的此部分正在建设中。")
