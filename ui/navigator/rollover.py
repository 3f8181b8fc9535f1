"""Declaration lifecycle helpers without widgets: copies, next-year roll-over, year replacements."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from desktop.domain.model import Declaration


@dataclass(frozen=True)
class Replacement:
    """One occurrence of the old year in a goal or an explanation, with its proposed new text."""

    where: str  # "goals", or "indicator" with category index and row
    position: tuple[int, ...]
    label: str
    before: str
    after: str


def next_year_copy(declaration: Declaration) -> Declaration:
    """Everything copied, the year moved on by one."""
    result = copy.deepcopy(declaration)
    result.year = declaration.year + 1
    return result


def _replace_year(text: str, old: int, new: int) -> str:
    # Whole 4-digit numbers only: 2026 → 2027, but never inside 120260 or 2026.5.
    return re.sub(rf"(?<!\d){old}(?!\d)", str(new), text)


def year_replacements(declaration: Declaration, old: int, new: int) -> list[Replacement]:
    """Every goal and 指标解释 mentioning ``old`` (and the indicator names, values likewise)."""
    found: list[Replacement] = []
    for number, goal in enumerate(declaration.goals, start=1):
        after = _replace_year(goal, old, new)
        if after != goal:
            found.append(Replacement("goals", (number - 1,), f"目标{number}", goal, after))
    for cat_index, category in enumerate(declaration.categories):
        for row, indicator in enumerate(category.indicators):
            for field, title in (("explanation", "指标解释"), ("value", "指标值")):
                text = getattr(indicator, field)
                after = _replace_year(text, old, new)
                if after != text:
                    label = f"{category.level2}·{indicator.name}（{title}）"
                    found.append(Replacement(field, (cat_index, row), label, text, after))
    return found


def apply_replacements(declaration: Declaration, chosen: list[Replacement]) -> None:
    for item in chosen:
        if item.where == "goals":
            declaration.goals[item.position[0]] = item.after
        else:
            cat_index, row = item.position
            setattr(declaration.categories[cat_index].indicators[row], item.where, item.after)
