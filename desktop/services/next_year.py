""" "New from last year's declaration": copy to the next year and propose year replacements.

Staff start each year from last year's form. Everything is copied; mentions of the old year in
goals and 指标解释 (``2026年``, ``2026年度``) are offered as replacements, each shown before it is
applied, because some of them (``较2025年增长``) must stay.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from desktop.domain.model import Declaration, Footer


@dataclass(frozen=True)
class YearReplacement:
    """One proposed change: where (exchange path), a Chinese label, the text before and after."""

    where: str
    label: str
    before: str
    after: str


def _year_pattern(year: int) -> re.Pattern[str]:
    return re.compile(rf"(?<!\d){year}(?=\s*年)")


def next_year_copy(previous: Declaration) -> Declaration:
    """A copy for ``previous.year + 1``; the signature date and acceptances are not carried."""
    draft = copy.deepcopy(previous)
    draft.year = previous.year + 1
    draft.footer = Footer(
        preparer=previous.footer.preparer,
        phone=previous.footer.phone,
        unit_head=previous.footer.unit_head,
    )
    draft.accepted_findings = []
    draft.declared_totals = None
    for task in draft.tasks:
        task.declared_total = None
    return draft


def year_replacements(
    declaration: Declaration, old_year: int, new_year: int
) -> list[YearReplacement]:
    """Every goal and 指标解释 mentioning ``old_year`` as a year, with the text after replacement."""
    pattern = _year_pattern(old_year)
    found: list[YearReplacement] = []
    for index, goal in enumerate(declaration.goals):
        if pattern.search(goal):
            found.append(
                YearReplacement(
                    f"goals[{index}]", f"目标{index + 1}", goal, pattern.sub(str(new_year), goal)
                )
            )
    row = 0
    for category in declaration.categories:
        if category.not_applicable:
            row += 1
            continue
        for indicator in category.indicators:
            text = indicator.explanation
            if pattern.search(text):
                found.append(
                    YearReplacement(
                        f"indicators[{row}].explanation",
                        f"指标解释：{indicator.name}",
                        text,
                        pattern.sub(str(new_year), text),
                    )
                )
            row += 1
    return found


def apply_year_replacements(declaration: Declaration, chosen: list[YearReplacement]) -> None:
    """Apply the replacements the user kept (matched by path and unchanged text)."""
    by_path = {r.where: r for r in chosen}
    for index, goal in enumerate(declaration.goals):
        replacement = by_path.get(f"goals[{index}]")
        if replacement and replacement.before == goal:
            declaration.goals[index] = replacement.after
    row = 0
    for category in declaration.categories:
        if category.not_applicable:
            row += 1
            continue
        for indicator in category.indicators:
            replacement = by_path.get(f"indicators[{row}].explanation")
            if replacement and replacement.before == indicator.explanation:
                indicator.explanation = replacement.after
            row += 1
