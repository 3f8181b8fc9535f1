"""Differences between two declarations in what the printed form shows, field by field.

Used for our own workbook edited by a colleague: the visible 申报表 sheet against the data
sheets. Each difference names the form cell (when the reader knows it) and both texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from desktop.domain.model import Declaration, Indicator
from desktop.domain.money import format_amount

_TASK_FIELDS = (("name", "任务名称"), ("content", "主要内容"), ("fiscal", "财政拨款"), ("other", "其他资金"))
_INDICATOR_FIELDS = (("name", "三级指标"), ("value", "指标值"), ("unit", "度量单位"), ("explanation", "指标解释"))


@dataclass(frozen=True)
class Difference:
    """One printed field that differs: ``where`` is the form cell, ``what`` names the field."""

    where: str
    what: str
    data: str
    form: str

    def __str__(self) -> str:
        place = f"{self.where}：" if self.where else ""
        return f"{place}{self.what}在“申报表”工作表中为“{_short(self.form)}”，数据工作表中为“{_short(self.data)}”"


def _short(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= 30 else text[:30] + "…"


def _text(value: object) -> str:
    if isinstance(value, Decimal):
        return format_amount(value, 6).rstrip("0").rstrip(".") if value != value.to_integral_value() else str(int(value))
    return str(value)


def printed_differences(data: Declaration, form: Declaration, places: dict[str, str]) -> list[Difference]:
    """Every printed field where ``form`` differs from ``data`` (footer and links aside)."""
    found: list[Difference] = []

    def add(path: str, what: str, a: object, b: object) -> None:
        if a != b:
            found.append(Difference(places.get(path, ""), what, _text(a), _text(b)))

    add("year", "年度", data.year, form.year)
    add("unit_name", "部门（单位）名称", data.unit_name, form.unit_name)
    add("supervisor", "主管部门", data.supervisor, form.supervisor)
    for index in range(max(len(data.tasks), len(form.tasks))):
        a = data.tasks[index] if index < len(data.tasks) else None
        b = form.tasks[index] if index < len(form.tasks) else None
        for key, label in _TASK_FIELDS:
            add(f"tasks[{index}].{key}", f"任务{index + 1}的{label}", getattr(a, key, "（无）"), getattr(b, key, "（无）"))
    for index in range(max(len(data.goals), len(form.goals))):
        a_goal = data.goals[index] if index < len(data.goals) else "（无）"
        b_goal = form.goals[index] if index < len(form.goals) else "（无）"
        add(f"goals[{index}]", f"目标{index + 1}", a_goal, b_goal)
    for category in data.categories:
        other = form.category(category.level1, category.level2)
        if other is None:
            continue
        if category.not_applicable != other.not_applicable and not (category.indicators or other.indicators):
            add("", f"“{category.level2}”是否不适用", "不适用" if category.not_applicable else "空",
                "不适用" if other.not_applicable else "空")
        for index in range(max(len(category.indicators), len(other.indicators))):
            a_ind = category.indicators[index] if index < len(category.indicators) else None
            b_ind = other.indicators[index] if index < len(other.indicators) else None
            for key, label in _INDICATOR_FIELDS:
                add(f"{category.level2}[{index}].{key}", f"{category.level2}第{index + 1}行的{label}",
                    getattr(a_ind, key, "（无）"), getattr(b_ind, key, "（无）"))
    return found


def carry_unprinted(data: Declaration, form: Declaration) -> Declaration:
    """``form``'s printed content with what paper does not carry taken from ``data``.

    Goal links go to the form indicator of the same category and name (or position when the
    name was edited); links to goals the form no longer has are dropped.
    """
    import copy

    merged = copy.deepcopy(form)
    merged.profile_id = data.profile_id
    merged.form = data.form
    merged.footer = copy.deepcopy(data.footer)
    merged.budget_control_total = data.budget_control_total
    merged.accepted_findings = copy.deepcopy(data.accepted_findings)
    for category in merged.categories:
        source = data.category(category.level1, category.level2)
        if source is None:
            continue
        for index, indicator in enumerate(category.indicators):
            match = _same_indicator(source.indicators, indicator, index)
            if match is not None:
                indicator.goals = [g for g in match.goals if g <= len(merged.goals)]
    for index, task in enumerate(merged.tasks):
        # our form prints 总额 as the sum, so only a total declared in the data still applies
        old = data.tasks[index] if index < len(data.tasks) else None
        same = old is not None and (old.fiscal, old.other) == (task.fiscal, task.other)
        task.declared_total = old.declared_total if same and old is not None else None
    return merged


def _same_indicator(candidates: list[Indicator], indicator: Indicator, index: int) -> Indicator | None:
    for candidate in candidates:
        if candidate.name == indicator.name:
            return candidate
    return candidates[index] if index < len(candidates) else None
