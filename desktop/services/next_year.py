""" "New from last year's declaration": copy to the next year and propose year replacements.

Staff start each year from last year's form. Everything is copied; mentions of the old year in
goals, 指标解释 and 指标值 (``2026年``, ``2026年度``, ``2026年12月31日前``) are offered as
replacements, each shown before it is applied, because some must stay (``较2025年增长``).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from desktop.domain.model import Declaration, Footer
from desktop.domain.project import ProjectDeclaration


@dataclass(frozen=True)
class YearReplacement:
    """One proposed change: where (exchange path), a Chinese label, the text before and after."""

    where: str
    label: str
    before: str
    after: str


def _year_pattern(year: int) -> re.Pattern[str]:
    # Whole 4-digit numbers only: 2026 → 2027, never inside 120260 or 2026.5.
    return re.compile(rf"(?<![\d.]){year}(?![\d.]\d|\d)")


def next_year_copy(previous: Declaration) -> Declaration:
    """A copy for ``previous.year + 1``.

    The signing date is cleared; totals printed in last year's source document are dropped,
    since the copy is a new draft computed from its own rows.
    """
    draft = copy.deepcopy(previous)
    draft.year = previous.year + 1
    draft.footer = Footer(
        preparer=previous.footer.preparer,
        phone=previous.footer.phone,
        unit_head=previous.footer.unit_head,
    )
    draft.declared_totals = None
    for task in draft.tasks:
        task.declared_total = None
    if isinstance(draft, ProjectDeclaration):
        # The same project's next year: name, 项目期, 中期 horizon and texts carry over; a 总额
        # printed in last year's source file does not.
        draft.funds.declared_total = None
        if draft.mid_term is not None:
            draft.mid_term.funds.declared_total = None
    return draft


def _indicator_places(declaration: Declaration) -> list[tuple[int, int, int]]:
    """(exchange row, category index, row in category) of every real indicator."""
    places: list[tuple[int, int, int]] = []
    row = 0
    for cat_index, category in enumerate(declaration.categories):
        if category.not_applicable:
            row += 1
            continue
        for index in range(len(category.indicators)):
            places.append((row, cat_index, index))
            row += 1
    return places


_INDICATOR_FIELDS = (("explanation", "指标解释"), ("value", "指标值"))


def year_replacements(
    declaration: Declaration, old_year: int, new_year: int
) -> list[YearReplacement]:
    """Every goal, 指标解释 and 指标值 mentioning ``old_year``, with the replaced text."""
    pattern = _year_pattern(old_year)
    found: list[YearReplacement] = []
    for index, goal in enumerate(declaration.goals):
        after = pattern.sub(str(new_year), goal)
        if after != goal:
            found.append(YearReplacement(f"goals[{index}]", f"目标{index + 1}", goal, after))
    for row, cat_index, index in _indicator_places(declaration):
        category = declaration.categories[cat_index]
        indicator = category.indicators[index]
        for field, title in _INDICATOR_FIELDS:
            text = getattr(indicator, field)
            after = pattern.sub(str(new_year), text)
            if after != text:
                label = f"{category.level2}·{indicator.name}（{title}）"
                found.append(YearReplacement(f"indicators[{row}].{field}", label, text, after))
    return found


def apply_year_replacements(declaration: Declaration, chosen: list[YearReplacement]) -> None:
    """Apply the replacements the user kept (matched by path and unchanged text)."""
    by_path = {r.where: r for r in chosen}
    for index, goal in enumerate(declaration.goals):
        replacement = by_path.get(f"goals[{index}]")
        if replacement and replacement.before == goal:
            declaration.goals[index] = replacement.after
    for row, cat_index, index in _indicator_places(declaration):
        indicator = declaration.categories[cat_index].indicators[index]
        for field, _title in _INDICATOR_FIELDS:
            replacement = by_path.get(f"indicators[{row}].{field}")
            if replacement and replacement.before == getattr(indicator, field):
                setattr(indicator, field, replacement.after)
