"""Goal list edits that keep the indicators' goal links (1-based numbers) pointing right.

Goals are numbered by position, so inserting, removing or moving a goal renumbers the goals after
it; every ``Indicator.goals`` list is remapped in the same step and kept ascending. Each edit
returns what its undo needs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop.domain.model import Declaration, Indicator
from desktop.domain.tsv import parse_tsv

#: Cells that label a goal rather than state it: a header, or the form's 目标N column.
_LABEL_CELL = re.compile(r"(总体目标|目标内容|目标|目标\s*[0-9]+\s*[：:.、]?|[0-9]+\s*[.、]?)")


#: A ``目标N：`` prefix typed or pasted before a goal's text: the number is implied by position
#: (docs/exchange-format.md "Goals"), so readers and the editor strip it.
GOAL_PREFIX = re.compile(r"^\s*目标\s*(\d+)\s*[：:]\s*")


def strip_goal_number(text: str) -> str:
    """``text`` without a leading ``目标N：`` (the editor's entry, like the reader's)."""
    match = GOAL_PREFIX.match(text)
    return text[match.end() :] if match else text


def goal_label(index: int) -> str:
    """The printed number of the goal at 0-based ``index``: 目标1, 目标2, ..."""
    return f"目标{index + 1}"


def _indicators(declaration: Declaration) -> list[Indicator]:
    return [indicator for _, indicator in declaration.iter_indicators()]


def _remap(declaration: Declaration, mapping: dict[int, int]) -> None:
    """Renumber links through ``mapping`` (old number → new number; missing numbers are kept)."""
    for indicator in _indicators(declaration):
        if indicator.goals:
            indicator.goals = sorted(mapping.get(n, n) for n in indicator.goals)


def link_counts(declaration: Declaration) -> list[int]:
    """How many indicators are explicitly linked to each goal, in goal order."""
    counts = [0] * len(declaration.goals)
    for indicator in _indicators(declaration):
        for number in indicator.goals:
            if 1 <= number <= len(counts):
                counts[number - 1] += 1
    return counts


def insert_goal(declaration: Declaration, index: int, text: str = "") -> None:
    """Insert a goal at ``index``; links to the goals from there on move up by one."""
    count = len(declaration.goals)
    declaration.goals.insert(index, text)
    _remap(declaration, {n: n + 1 for n in range(index + 1, count + 1)})


@dataclass(frozen=True)
class RemovedGoal:
    """A removed goal's text and the indicators (positions in printed order) that linked it."""

    text: str
    linked: tuple[int, ...]


def remove_goal(declaration: Declaration, index: int) -> RemovedGoal:
    """Remove the goal at ``index``, drop links to it and renumber the later links."""
    number = index + 1
    indicators = _indicators(declaration)
    linked = tuple(i for i, ind in enumerate(indicators) if number in ind.goals)
    for i in linked:
        indicators[i].goals = [n for n in indicators[i].goals if n != number]
    text = declaration.goals.pop(index)
    _remap(declaration, {n: n - 1 for n in range(number + 1, len(declaration.goals) + 2)})
    return RemovedGoal(text, linked)


def restore_goal(declaration: Declaration, index: int, removed: RemovedGoal) -> None:
    """Undo :func:`remove_goal`: the goal and its links come back."""
    insert_goal(declaration, index, removed.text)
    indicators = _indicators(declaration)
    for i in removed.linked:
        indicators[i].goals = sorted({*indicators[i].goals, index + 1})


def move_goal(declaration: Declaration, source: int, destination: int) -> None:
    """Move the goal at ``source`` to index ``destination``; links follow their goal."""
    order = list(range(len(declaration.goals)))
    order.insert(destination, order.pop(source))
    declaration.goals[:] = [declaration.goals[i] for i in order]
    _remap(declaration, {old + 1: new + 1 for new, old in enumerate(order)})


def set_goal_text(declaration: Declaration, index: int, text: str) -> str:
    """Replace a goal's text and return the previous one."""
    old = declaration.goals[index]
    declaration.goals[index] = text
    return old


class GoalPasteError(ValueError):
    """Pasted text holding no goal; ``str()`` is a Chinese message."""


def goals_from_clipboard(text: str) -> list[str]:
    """Goals pasted from Excel/WPS or plain text: one goal per non-blank cell, row by row.

    A quoted multi-line cell stays one goal. A header cell (总体目标, 目标内容) and a cell that
    only numbers a goal (目标3, 3.) are skipped, so the form's two columns paste as intended;
    a ``目标N：`` prefix is dropped as :func:`strip_goal_number` does.
    """
    found: list[str] = []
    for row in parse_tsv(text):
        for cell in row:
            goal = cell.strip()
            label = unicodedata.normalize("NFKC", goal)
            if goal and not _LABEL_CELL.fullmatch(label):
                found.append(strip_goal_number(goal))
    if not found:
        raise GoalPasteError("剪贴板中没有可粘贴的目标：请在 Excel/WPS 中复制目标所在的单元格")
    return found
