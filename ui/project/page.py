"""What the window asks of a project section's page (docs/project-form.md §6).

Each project page (基本信息, 项目资金, 总体目标, 绩效指标) implements this protocol: the window
hands it the marks of each check and asks it to show the place a finding names. Paths are those
of the exchange format: ``project.name``, ``funds.fiscal``, ``mid_term.indicators[3].value`` …
(docs/rules.md).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ui.findings.row_marks import RowMarks


@runtime_checkable
class ProjectPage(Protocol):
    def set_marks(self, marks: RowMarks) -> None:
        """Show the findings of the latest check on the rows and fields they concern."""

    def focus_where(self, where: str) -> bool:
        """Show and select the place ``where`` names (switching horizon if need be).

        False when it names nothing on this page (e.g. a row deleted since the check).
        """
