"""The C02 status line of 项目资金: the mapped department task's amount beside the projects' sum.

The figures come from ``desktop/rules/project/cross_forms.py`` (``task_funds``), the same code as
rule C02, so the line and the finding never disagree (docs/project-form.md §13).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.money import format_amount, in_unit
from desktop.domain.project import Funds, ProjectDeclaration
from desktop.rules.project.cross_forms import RelatedForms, task_funds
from desktop.rules.textutil import shorten

EQUAL = "#2e7d32"
DIFFERENT = "#8a5a00"
NEUTRAL = "#666666"


class C02StatusLine(QLabel):
    """Green when the task's 财政拨款/其他资金 equal the mapped projects' sums, amber otherwise,
    grey when there is nothing to compare with. Hidden where there is no store (widget tests)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectC02Status")
        self.setWordWrap(True)
        self.color = ""
        self.hide()

    def show_status(
        self,
        related: RelatedForms | None,
        project: ProjectDeclaration,
        annual: Funds,
        unit: str,
        decimals: int,
    ) -> None:
        """Compare with ``annual`` as the project's 年度资金 (the amounts being typed)."""
        if related is None:
            self.hide()
            return
        self.show()
        department = related.department
        if department is None:
            self._set(
                f"本单位{project.year}年的部门整体支出表尚未保存在本机：保存后将核对对应任务的金额。",
                NEUTRAL,
            )
            return
        link, found = task_funds(replace(project, funds=annual), related, related.department_profile())
        if found is None:
            if link.broken:
                text = f"所属任务“{shorten(project.project.task, 20)}”不在部门整体支出表中：请在基本信息中核对。"
            else:
                text = "部门整体支出表中没有与本项目对应的任务（按项目名称未找到）：可在基本信息中选择所属任务。"
            self._set(text, NEUTRAL)
            return

        def money(value: Decimal) -> str:
            return f"{format_amount(in_unit(value, unit), decimals)} {unit}"

        fiscal, other = found.sums
        count = f"（{len(found.mapped)} 个项目）" if len(found.mapped) > 1 else ""
        text = (
            f"部门整体支出表任务“{shorten(found.task_name, 20)}”"
            f"{money(found.task_fiscal + found.task_other)}；"
            f"已对应项目合计{count} {money(fiscal + other)}"
        )
        if not found.equal and fiscal + other == found.task_fiscal + found.task_other:
            text += "；财政拨款与其他资金的构成不同"
        self._set(text, EQUAL if found.equal else DIFFERENT)
        names = "\n".join(f"· {p.project.name or '（未命名项目）'}" for p in found.mapped)
        self.setToolTip(
            f"任务：财政拨款 {money(found.task_fiscal)}，其他资金 {money(found.task_other)}\n"
            f"项目合计：财政拨款 {money(fiscal)}，其他资金 {money(other)}\n对应的项目：\n{names}"
        )

    def _set(self, text: str, color: str) -> None:
        self.setText(text)
        self.setToolTip("")
        if color != self.color:  # a style sheet change restyles the label: not per keystroke
            self.color = color
            self.setStyleSheet(f"color: {color};")
