"""The indicator trees of a project's two horizons and copying rows between them.

A project keeps its 年度 tree in ``declaration.categories`` and its 中期 tree in
``declaration.mid_term.categories`` (docs/project-form.md §1). Both trees have the profile's
level-1/level-2 skeleton, so a row keeps its category index when it is copied across. Rows are
paired as rule P03 pairs them: same category, same S13 name key
(:func:`desktop.rules.project.quantities.match_key`).

Qt-free like :mod:`desktop.domain.indicators`; the editor's undo commands call these. The 中期
horizon itself is created on its first edit and removed by that edit's undo with
:func:`desktop.domain.horizon_goals.open_horizon` / ``close_horizon``, as for goals.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.domain.errors import EditError
from desktop.domain.model import Category, Declaration, Indicator
from desktop.domain.project import ANNUAL, ProjectDeclaration
from desktop.rules.project.quantities import match_key

#: A picked source row: (category index, row), or (category index, None) for its 不适用 mark.
Pick = tuple[int, int | None]


def tree_categories(declaration: Declaration, horizon: str) -> list[Category] | None:
    """The categories of ``horizon``'s tree; None for a 中期 horizon not created yet."""
    if horizon == ANNUAL:
        return declaration.categories
    if not isinstance(declaration, ProjectDeclaration):
        raise EditError("部门整体支出申报表没有中期绩效指标")
    return None if declaration.mid_term is None else declaration.mid_term.categories


def skeleton(declaration: Declaration) -> list[Category]:
    """An empty tree on the declaration's level-1/level-2 frame (a 中期 tree not created yet)."""
    return [Category(c.level1, c.level2) for c in declaration.categories]


@dataclass
class CopyResult:
    """The target tree after a copy, and what the user is asked to confirm."""

    categories: list[Category]
    #: ``二级指标/三级指标`` of target rows whose content the copy replaces.
    overwritten: list[str] = field(default_factory=list)
    #: ``二级指标/三级指标`` of target rows removed because a 不适用 mark is copied onto them.
    removed: list[str] = field(default_factory=list)
    #: Where the copied rows are in the new tree (a 不适用 mark: row None).
    positions: list[Pick] = field(default_factory=list)

    def needs_confirmation(self) -> bool:
        return bool(self.overwritten or self.removed)


def all_picks(source: Sequence[Category]) -> list[Pick]:
    """Every row and 不适用 mark of a tree (copying the whole tree)."""
    picks: list[Pick] = []
    for cat_index, category in enumerate(source):
        if category.not_applicable:
            picks.append((cat_index, None))
        picks.extend((cat_index, row) for row in range(len(category.indicators)))
    return picks


def copied_tree(
    source: Sequence[Category], target: Sequence[Category], picks: Sequence[Pick]
) -> CopyResult:
    """The target tree with the picked source rows copied in; ``target`` is not changed.

    A row's 三级指标, 指标值, 度量单位 and 指标解释 are copied. A target row with the same name
    key in the same category is overwritten (it keeps its 对应目标, which index the target
    horizon's goals); other rows are appended to their category, a 不适用 mark there is lifted
    (S10). A picked 不适用 mark marks the target category, removing its rows.
    """
    if [c.key for c in source] != [c.key for c in target]:
        raise EditError("中期与年度的指标体系不一致，不能复制")
    result = CopyResult(copy.deepcopy(list(target)))
    tree = result.categories
    for cat_index, row in sorted(set(picks), key=lambda p: (p[0], -1 if p[1] is None else p[1])):
        origin, into = source[cat_index], tree[cat_index]
        if row is None:
            if origin.not_applicable:
                result.removed.extend(f"{into.level2}/{i.name}" for i in into.indicators)
                into.indicators = []
                into.not_applicable = True
                result.positions.append((cat_index, None))
            continue
        picked = origin.indicators[row]
        into.not_applicable = False
        at = _matching_row(into, picked.name)
        if at is None:
            into.indicators.append(
                Indicator(picked.name, picked.value, picked.unit, picked.explanation)
            )
            at = len(into.indicators) - 1
        else:
            kept = into.indicators[at]
            fields = (picked.name, picked.value, picked.unit, picked.explanation)
            if fields != (kept.name, kept.value, kept.unit, kept.explanation):
                label = f"{into.level2}/{kept.name}"
                if label not in result.overwritten and at < len(target[cat_index].indicators):
                    result.overwritten.append(label)
                into.indicators[at] = Indicator(*fields, goals=list(kept.goals))
        result.positions.append((cat_index, at))
    return result


def _matching_row(category: Category, name: str) -> int | None:
    key = match_key(category, name)
    if not key[2]:  # a row without a name pairs with nothing
        return None
    return next(
        (r for r, i in enumerate(category.indicators) if match_key(category, i.name) == key), None
    )


def set_tree(target: list[Category], categories: Sequence[Category]) -> list[Category]:
    """Give each category of ``target`` the marks and rows of ``categories`` (same frame), in
    place; returns the previous content as independent copies (undo sets them back)."""
    if [c.key for c in target] != [c.key for c in categories]:
        raise EditError("指标表与本申报表的指标体系不一致（S08）")
    for category in categories:
        if category.not_applicable and category.indicators:
            raise EditError(f"“{category.level2}”标记为不适用却有指标（S10）")
    old = copy.deepcopy(target)
    for into, new in zip(target, categories, strict=True):
        into.not_applicable = new.not_applicable
        into.indicators = copy.deepcopy(new.indicators)
    return old
