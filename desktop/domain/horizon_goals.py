"""The goal lists of a project's two horizons (docs/project-form.md "总体目标").

A project keeps its 年度 goals in ``declaration.goals`` and its 中期 goals in
``declaration.mid_term.goals``. The goal operations of :mod:`desktop.domain.goals` work on a
department-shaped declaration; ``ProjectDeclaration.horizon_view`` gives one that shares the
horizon's lists, so those operations change the horizon in place and renumber the links of that
horizon's own indicator tree. A department declaration has the 年度 horizon only.

The 中期 horizon may be absent (``mid_term is None``). Reading it then gives no goals; the first
edit creates it (:func:`open_horizon`) and the undo of that edit removes it again
(:func:`close_horizon`), so undo gives back a declaration that compares equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.domain.errors import EditError
from desktop.domain.model import Declaration
from desktop.domain.project import ANNUAL, MID, Horizon, ProjectDeclaration
from desktop.domain.project_profile import load_project_profile

HORIZON_NAMES = {ANNUAL: "年度", MID: "中期"}

#: What G08 ignores when it compares a 年度 goal with a 中期 goal: space and punctuation
#: (desktop/rules/project/period.py uses goal_key). A copy skips the goals this makes equal.
_GOAL_NOISE = re.compile(r"[\s，。；：、,.;:]")


def goal_key(text: str) -> str:
    """The text a duplicate check compares: ``text`` without space and punctuation."""
    return _GOAL_NOISE.sub("", text)


def _project(declaration: Declaration, horizon: str) -> ProjectDeclaration | None:
    """The project whose 中期 horizon is meant; None for the 年度 horizon."""
    if horizon == ANNUAL:
        return None
    if horizon != MID or not isinstance(declaration, ProjectDeclaration):
        raise EditError("此申报表没有中期目标")
    return declaration


def _check_mid_allowed(project: ProjectDeclaration) -> None:
    """Only a profile with the 中期 horizon may hold one (the reader refuses it elsewhere)."""
    if not load_project_profile(project.profile_id).has_mid:
        raise EditError("此项目的版式只有年度目标，没有中期目标")


def goal_list(declaration: Declaration, horizon: str) -> list[str]:
    """The goals of ``horizon`` as stored (the list itself); no 中期 goals while it is absent."""
    project = _project(declaration, horizon)
    if project is None:
        return declaration.goals
    return project.mid_term.goals if project.mid_term is not None else []


def read_view(declaration: Declaration, horizon: str) -> Declaration | None:
    """A declaration holding the goals and tree of ``horizon`` for reading (link counts);
    None while the 中期 horizon is absent. Never creates the horizon."""
    project = _project(declaration, horizon)
    if project is None:
        return declaration
    return project.horizon_view(MID) if project.mid_term is not None else None


def edit_view(declaration: Declaration, horizon: str) -> Declaration:
    """A declaration sharing the lists of ``horizon``, for the goal operations.

    The 中期 horizon must be open (:func:`open_horizon`); the view is never a copy.
    """
    project = _project(declaration, horizon)
    if project is None:
        return declaration
    if project.mid_term is None:
        raise EditError("中期目标尚未建立")
    return project.horizon_view(MID)


def open_horizon(
    declaration: Declaration, horizon: str, keep: Horizon | None = None
) -> Horizon | None:
    """Create the 中期 horizon if it is absent, and return it; None when nothing was created.

    ``keep`` is a horizon this edit created before and its undo took away: a redo puts the same
    object back, so later steps that hold its lists still find them.
    """
    project = _project(declaration, horizon)
    if project is None or project.mid_term is not None:
        return None
    _check_mid_allowed(project)
    if keep is not None:
        project.mid_term = keep
        return keep
    return project.ensure_mid_term()


def close_horizon(declaration: Declaration, created: Horizon | None) -> None:
    """Undo of :func:`open_horizon`: remove the horizon it created, which is empty again."""
    if created is None or not isinstance(declaration, ProjectDeclaration):
        return
    if declaration.mid_term is created and not created.goals and not created.in_use():
        declaration.mid_term = None


@dataclass(frozen=True)
class AddedGoals:
    """Goals appended to a horizon: what :func:`remove_added_goals` needs to take them back."""

    horizon: str
    first: int
    count: int
    #: The 中期 horizon the append created (None when it existed).
    created: Horizon | None


def add_goals(
    declaration: Declaration, horizon: str, texts: Sequence[str], keep: Horizon | None = None
) -> AddedGoals:
    """Append ``texts`` to the goals of ``horizon``, creating the 中期 horizon if need be.

    Goals added at the end renumber no link. ``keep`` as for :func:`open_horizon`.
    """
    created = open_horizon(declaration, horizon, keep)
    goals = edit_view(declaration, horizon).goals
    first = len(goals)
    goals.extend(texts)
    return AddedGoals(horizon, first, len(texts), created)


def remove_added_goals(declaration: Declaration, added: AddedGoals) -> None:
    """Undo :func:`add_goals`: the appended goals go, and the horizon if the append created it."""
    goals = edit_view(declaration, added.horizon).goals
    del goals[added.first : added.first + added.count]
    close_horizon(declaration, added.created)


@dataclass(frozen=True)
class GoalCopy:
    """The goals a copy appends to the other horizon, and how many selected goals it skips."""

    texts: tuple[str, ...]
    duplicates: int
    blanks: int


def plan_copy(declaration: Declaration, source: str, target: str, rows: Iterable[int]) -> GoalCopy:
    """The selected goals ``rows`` of ``source`` that a copy appends to ``target``, in order.

    A goal equal to one already in ``target`` (or to one copied before it), punctuation and space
    ignored, is skipped as a duplicate; an empty goal is skipped too.
    """
    if source == target:
        raise EditError("不能复制到同一组目标")
    if not isinstance(declaration, ProjectDeclaration):
        raise EditError("只有项目支出申报表有中期目标")
    if MID in (source, target):
        _check_mid_allowed(declaration)
    texts = goal_list(declaration, source)
    chosen = sorted(set(rows))
    if not chosen:
        raise EditError("请先选择要复制的目标")
    if any(not 0 <= row < len(texts) for row in chosen):
        raise EditError("没有这个目标")
    seen = {goal_key(text) for text in goal_list(declaration, target) if text.strip()}
    copied: list[str] = []
    duplicates = blanks = 0
    for row in chosen:
        text = texts[row]
        key = goal_key(text)
        if not key:
            blanks += 1
        elif key in seen:
            duplicates += 1
        else:
            seen.add(key)
            copied.append(text)
    return GoalCopy(tuple(copied), duplicates, blanks)


def copy_message(plan: GoalCopy, target: str) -> str:
    """What a copy tells the user: how many goals went where, and how many were skipped."""
    name = HORIZON_NAMES[target]
    parts = [f"已复制 {len(plan.texts)} 个目标到{name}目标末尾"] if plan.texts else []
    if plan.duplicates:
        parts.append(f"跳过 {plan.duplicates} 个{name}目标中已有的重复目标")
    if plan.blanks:
        parts.append(f"跳过 {plan.blanks} 个空目标")
    if not plan.texts:
        parts.insert(0, "未复制")
    return "；".join(parts)


def goal_heading(declaration: Declaration, horizon: str, templates: Sequence[str] = ()) -> str:
    """The heading of a horizon's goal list: ``中期目标（2026年—2028年）`` or ``年度目标``.

    ``templates`` are the profile layout's headings for that horizon (the first one is used); a
    ``{start}``/``{end}`` template falls back to the plain name while a year is missing.
    """
    default = "中期目标（{start}年—{end}年）" if horizon == MID else "年度目标"
    template = next(iter(templates), default)
    if not isinstance(declaration, ProjectDeclaration) or "{start}" not in template:
        return template
    start, end = declaration.project.period_start, declaration.project.period_end
    if start is None or end is None:
        return template.split("（")[0]
    return template.format(start=start, end=end)
