"""Edits of an indicator table (the level-2 categories of a profile with their level-3 rows).

Qt-free, like :mod:`desktop.domain.budget` and :mod:`desktop.domain.goals`: the indicator tree's
undo commands call these and keep what they return. They work on a ``list[Category]`` rather than
a whole declaration so that a second table (the project form's 中期 indicators) edits the same
way. Each edit checks first and raises :class:`~desktop.domain.errors.EditError` with a Chinese
message instead of breaking an invariant; nothing has changed then:

- S08: a row stays under its level-1 category (it may move between level-2 categories of it);
- S10: a category marked 不适用 has no rows.

A position is ``(category index, row)``; goal links are 1-based goal numbers, ascending.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from desktop.domain.errors import EditError
from desktop.domain.model import Category, Declaration, Indicator
from desktop.domain.profile import Profile
from desktop.domain.validate import indicator_row_problem
from desktop.domain.values import normalise_value_text

Position = tuple[int, int]
IndicatorField = Literal["name", "value", "unit", "explanation"]
FIELDS: tuple[IndicatorField, ...] = ("name", "value", "unit", "explanation")
FIELD_TITLES: dict[IndicatorField, str] = {
    "name": "三级指标",
    "value": "指标值",
    "unit": "度量单位",
    "explanation": "指标解释",
}


@dataclass(frozen=True)
class IndicatorCell:
    """One text field of one row and the value it gets."""

    position: Position
    field: IndicatorField
    value: str


def copy_indicator(indicator: Indicator) -> Indicator:
    """An independent copy (its goal list is not shared)."""
    return replace(indicator, goals=list(indicator.goals))


def field_text(field: IndicatorField, text: str) -> str:
    """``text`` as the field stores it: 指标值 and 度量单位 get the T01 normalisation."""
    if field in ("value", "unit"):
        return normalise_value_text(text).strip()
    return text


def typed_cells(
    categories: Sequence[Category],
    position: Position,
    field: IndicatorField,
    text: str,
    profile: Profile,
) -> list[IndicatorCell]:
    """The cells a typed text changes: the field itself, normalised, and for a grade word of the
    profile (e.g. 好) typed into 指标值 of a row without 指标解释 also the grade definitions there.

    Empty when the text is what the field already holds.
    """
    indicator = indicator_at(categories, position)
    value = field_text(field, text)
    if value == getattr(indicator, field):
        return []
    if field in ("name", "value"):  # the gate: 不适用 in both beside real rows (S10)
        name = value if field == "name" else indicator.name
        typed = value if field == "value" else indicator.value
        problem = indicator_row_problem(categories[position[0]], position[1], name, typed)
        if problem is not None:
            raise EditError(problem)
    cells = [IndicatorCell(position, field, value)]
    scale = profile.scale_for(value) if field == "value" else None
    if scale is not None and not indicator.explanation.strip():
        cells.append(IndicatorCell(position, "explanation", scale.explanation()))
    return cells


# -- checks ---------------------------------------------------------------------------------
def _category(categories: Sequence[Category], cat: int) -> Category:
    if not 0 <= cat < len(categories):
        raise EditError(f"指标表中没有第 {cat + 1} 个二级指标")
    return categories[cat]


def indicator_at(categories: Sequence[Category], position: Position) -> Indicator:
    """The row at ``position``; raises :class:`EditError` when there is none."""
    category = _category(categories, position[0])
    row = position[1]
    if not 0 <= row < len(category.indicators):
        raise EditError(f"“{category.level2}”中没有第 {row + 1} 条指标")
    return category.indicators[row]


def check_insert(categories: Sequence[Category], cat: int, row: int) -> None:
    category = _category(categories, cat)
    if category.not_applicable:
        raise EditError(f"“{category.level2}”已标记为不适用，不能添加指标（S10）")
    if not 0 <= row <= len(category.indicators):
        raise EditError(f"“{category.level2}”中没有第 {row + 1} 行可插入")


def check_new_rows(
    categories: Sequence[Category], cat: int, indicators: Sequence[Indicator]
) -> None:
    """Refuse pasted rows the gate would refuse: 不适用 in both columns beside other rows (S10)."""
    category = _category(categories, cat)
    kept = [] if category.not_applicable else list(category.indicators)
    after = replace(category, not_applicable=False, indicators=kept + list(indicators))
    for offset, indicator in enumerate(indicators):
        problem = indicator_row_problem(after, len(kept) + offset, indicator.name, indicator.value)
        if problem is not None:
            raise EditError(problem)


def check_move(categories: Sequence[Category], source: Position, destination: Position) -> None:
    indicator_at(categories, source)
    origin, target = categories[source[0]], _category(categories, destination[0])
    if origin.level1 != target.level1:
        raise EditError(
            f"“{origin.level2}”的指标不能移到“{target.level1}—{target.level2}”下："
            f"三级指标只能在同一个一级指标（{origin.level1}）内移动（S08）"
        )
    if target.not_applicable:
        raise EditError(f"“{target.level2}”已标记为不适用，不能移入指标（S10）")
    room = len(target.indicators) - (1 if source[0] == destination[0] else 0)
    if not 0 <= destination[1] <= room:
        raise EditError(f"“{target.level2}”中没有第 {destination[1] + 1} 行")


def check_moves(
    categories: Sequence[Category], moves: Sequence[tuple[Position, Position]]
) -> None:
    """Every one of ``moves``, applied in order, is allowed (tried on a copy of the frame)."""
    frame = [replace(c, indicators=list(c.indicators)) for c in categories]
    for source, destination in moves:
        move_indicator(frame, source, destination)


def check_not_applicable(categories: Sequence[Category], cat: int, flag: bool) -> None:
    category = _category(categories, cat)
    if flag and category.indicators:
        raise EditError(
            f"“{category.level2}”还有 {len(category.indicators)} 条指标：先删除它们，"
            "才能标记为不适用（S10）"
        )


def check_links(goals: Sequence[int], goal_count: int) -> list[int]:
    """The links as stored (ascending, each once); raises for a goal that does not exist."""
    for number in goals:
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise EditError(f"对应目标“{number}”不是目标编号")
        if number > goal_count:
            raise EditError(f"对应目标 {number} 不存在（共 {goal_count} 个目标）")
    return sorted(set(goals))


# -- edits ----------------------------------------------------------------------------------
def insert_indicators(
    categories: Sequence[Category], cat: int, row: int, indicators: Sequence[Indicator]
) -> None:
    """Insert ``indicators`` so that the first one lands at ``row`` of category ``cat``."""
    check_insert(categories, cat, row)
    categories[cat].indicators[row:row] = list(indicators)


def remove_indicators(
    categories: Sequence[Category], cat: int, row: int, count: int = 1
) -> list[Indicator]:
    """Remove ``count`` rows from ``row`` of category ``cat``; returns them (undo re-inserts)."""
    indicator_at(categories, (cat, row))
    indicator_at(categories, (cat, row + count - 1))
    removed = categories[cat].indicators[row : row + count]
    del categories[cat].indicators[row : row + count]
    return removed


def move_indicator(categories: Sequence[Category], source: Position, destination: Position) -> None:
    """Move one row so that it ends up at ``destination`` (its final position; S08, S10)."""
    check_move(categories, source, destination)
    indicator = categories[source[0]].indicators.pop(source[1])
    categories[destination[0]].indicators.insert(destination[1], indicator)


def set_indicator_field(
    categories: Sequence[Category], position: Position, field: IndicatorField, value: str
) -> str:
    """Set one text field of a row and return the previous text."""
    if field not in FIELDS:
        raise EditError(f"三级指标没有“{field}”这一列")
    indicator = indicator_at(categories, position)
    old: str = getattr(indicator, field)
    setattr(indicator, field, value)
    return old


def set_links(
    categories: Sequence[Category], position: Position, goals: Sequence[int]
) -> list[int]:
    """Set the goals a row measures (对应目标) and return the previous ones.

    The numbers are stored ascending and once each; whether each goal exists is
    :func:`check_links`' business (an undo restores links exactly as they were).
    """
    links = check_links(goals, max((*goals, 0)))
    indicator = indicator_at(categories, position)
    old = indicator.goals
    indicator.goals = links
    return old


def set_not_applicable(categories: Sequence[Category], cat: int, flag: bool) -> bool:
    """Mark or unmark category ``cat`` 不适用 (only without rows: S10); returns the old mark."""
    check_not_applicable(categories, cat, flag)
    category = categories[cat]
    old = category.not_applicable
    category.not_applicable = flag
    return old


def replace_table(declaration: Declaration, categories: list[Category]) -> list[Category]:
    """Swap the whole table (an imported indicator list) and return the previous one."""
    check_table(declaration, categories)
    old = declaration.categories
    declaration.categories = categories
    return old


def check_table(declaration: Declaration, categories: Sequence[Category]) -> None:
    """A whole table has the declaration's frame, category by category, and no rows in a
    不适用 category (S08, S10), as the importers build it."""
    if [c.key for c in categories] != [c.key for c in declaration.categories]:
        raise EditError("导入的指标表与本申报表的指标体系不一致（S08）")
    for category in categories:
        if category.not_applicable and category.indicators:
            raise EditError(f"“{category.level2}”标记为不适用却有指标（S10）")


# -- planning moves ---------------------------------------------------------------------------
def step_target(categories: Sequence[Category], position: Position, step: int) -> Position | None:
    """Where Ctrl+Up (-1) / Ctrl+Down (+1) takes a row; ``None`` at the edge of its level-1.

    Past the first or last row of its category a row goes on into the neighbouring level-2
    category of the same level-1 (skipping 不适用 ones), never beyond (S08).
    """
    cat, row = position
    if 0 <= row + step < len(categories[cat].indicators):
        return cat, row + step
    neighbour = cat + step
    while 0 <= neighbour < len(categories):
        category = categories[neighbour]
        if category.level1 != categories[cat].level1:
            return None
        if not category.not_applicable:
            return (neighbour, len(category.indicators)) if step < 0 else (neighbour, 0)
        neighbour += step
    return None


def drop_moves(
    categories: Sequence[Category], rows: Sequence[Position], cat: int, before: int
) -> list[tuple[Position, Position]]:
    """Single moves that put ``rows`` (in printed order) before row ``before`` of ``cat``.

    ``before`` counts the rows as they are now; a dragged row there is skipped over. Undo applies
    the moves reversed, each from its destination back to its source.
    """
    frame = [
        [(c, r) for r in range(len(category.indicators))] for c, category in enumerate(categories)
    ]
    items = sorted(set(rows))
    targets = frame[cat]
    anchor = next((i for i in targets[before:] if i not in items), None)
    moves: list[tuple[Position, Position]] = []
    for item in items:
        # A row not moved yet is still in its own category's frame.
        source = (item[0], frame[item[0]].index(item))
        position = len(targets) if anchor is None else targets.index(anchor)
        if source[0] == cat and source[1] < position:
            position -= 1
        if source != (cat, position):
            frame[item[0]].pop(source[1])
            targets.insert(position, item)
            moves.append((source, (cat, position)))
    return moves
