"""A project's two goal lists: edits of one horizon renumber that horizon's links only; the 中期
horizon is created by its first goal and goes again on undo; copying between horizons skips
duplicates as G08 compares goals."""

from __future__ import annotations

import copy

import pytest

from desktop.domain import goals, horizon_goals
from desktop.domain.errors import EditError
from desktop.domain.project import ANNUAL, MID, ProjectDeclaration
from desktop.exchange.reader import read_json_file
from desktop.exchange.writer import dumps_declaration
from tests.conftest import FIXTURES, SEED_PATH

ZDPQ = FIXTURES / "project-futian-2026-zdpq.json"
ANNUAL_ONLY = FIXTURES / "project-annual-example.json"


def _project(path: str = "zdpq") -> ProjectDeclaration:
    declaration = read_json_file(ZDPQ if path == "zdpq" else ANNUAL_ONLY).declaration
    assert isinstance(declaration, ProjectDeclaration)
    return declaration


def _linked() -> ProjectDeclaration:
    """zdpq with links: the first 年度 row measures 目标2, the first 中期 row 目标1 and 目标3."""
    project = _project()
    assert project.mid_term is not None
    annual = [ind for _, ind in project.iter_indicators()]
    mid = [ind for _, ind in project.horizon_view(MID).iter_indicators()]
    annual[0].goals = [2]
    mid[0].goals = [1, 3]
    return project


def _links(project: ProjectDeclaration, horizon: str) -> list[int]:
    view = project if horizon == ANNUAL else project.horizon_view(MID)
    return next(ind.goals for _, ind in view.iter_indicators())


def test_goal_operations_on_a_horizon_view_change_that_horizon_in_place() -> None:
    project = _linked()
    assert project.mid_term is not None
    mid_goals = project.mid_term.goals
    view = horizon_goals.edit_view(project, MID)
    goals.insert_goal(view, 0, "新的中期目标")
    goals.move_goal(view, 0, 5)
    goals.set_goal_text(view, 5, "改过的中期目标")
    # The horizon's own list object changed; the 年度 list and links did not.
    assert project.mid_term.goals is mid_goals and mid_goals[5] == "改过的中期目标"
    assert len(project.goals) == 5 and _links(project, ANNUAL) == [2]
    removed = goals.remove_goal(view, 0)
    assert _links(project, MID) == [2] and removed.linked == (0,)
    assert horizon_goals.goal_list(project, MID) is mid_goals


def test_link_counts_come_from_the_same_horizon() -> None:
    project = _linked()
    annual_view = horizon_goals.read_view(project, ANNUAL)
    mid_view = horizon_goals.read_view(project, MID)
    assert annual_view is not None and mid_view is not None
    assert goals.link_counts(annual_view) == [0, 1, 0, 0, 0]
    assert goals.link_counts(mid_view) == [1, 0, 1, 0, 0]


def test_an_absent_mid_horizon_reads_empty_and_is_created_by_the_first_goal() -> None:
    project = _project()
    project.mid_term = None
    before = copy.deepcopy(project)
    assert horizon_goals.goal_list(project, MID) == []
    assert horizon_goals.read_view(project, MID) is None
    assert project.mid_term is None, "reading never creates the horizon"
    with pytest.raises(EditError):
        horizon_goals.edit_view(project, MID)

    added = horizon_goals.add_goals(project, MID, ["复制来的中期目标"])
    assert project.mid_term is not None and project.mid_term.goals == ["复制来的中期目标"]
    assert [c.level2 for c in project.mid_term.categories] == [c.level2 for c in project.categories]
    created = project.mid_term
    horizon_goals.remove_added_goals(project, added)
    assert project.mid_term is None and project == before

    # A redo puts the same horizon object back.
    again = horizon_goals.add_goals(project, MID, ["复制来的中期目标"], keep=added.created)
    assert project.mid_term is created and again.created is created


def test_open_and_close_leave_an_existing_horizon_alone() -> None:
    project = _project()
    existing = project.mid_term
    assert horizon_goals.open_horizon(project, MID) is None
    horizon_goals.close_horizon(project, None)
    assert project.mid_term is existing
    assert horizon_goals.open_horizon(project, ANNUAL) is None


def test_a_department_form_has_no_mid_goals() -> None:
    seed = read_json_file(SEED_PATH).declaration
    assert horizon_goals.goal_list(seed, ANNUAL) is seed.goals
    with pytest.raises(EditError, match="没有中期目标"):
        horizon_goals.goal_list(seed, MID)
    with pytest.raises(EditError, match="只有项目支出"):
        horizon_goals.plan_copy(seed, ANNUAL, MID, [0])


def test_copy_plan_skips_duplicates_like_g08_and_blank_goals() -> None:
    project = _project()
    assert project.mid_term is not None
    first = project.mid_term.goals[0]
    # The same goal with other punctuation and spaces is a duplicate; so is a repeat in the
    # selection; a blank goal is not copied.
    project.goals.append(first.replace("，", ",").replace("。", "") + " ")
    project.mid_term.goals.extend(["", "全新的中期目标。", "全新的中期目标"])
    plan = horizon_goals.plan_copy(project, MID, ANNUAL, [7, 0, 6, 1, 5, 1])
    assert plan.texts == (project.mid_term.goals[1], "全新的中期目标。")
    assert (plan.duplicates, plan.blanks) == (2, 1)
    assert horizon_goals.copy_message(plan, ANNUAL) == (
        "已复制 2 个目标到年度目标末尾；跳过 2 个年度目标中已有的重复目标；跳过 1 个空目标"
    )
    nothing = horizon_goals.plan_copy(project, MID, ANNUAL, [0])
    assert nothing.texts == ()
    assert horizon_goals.copy_message(nothing, ANNUAL) == (
        "未复制；跳过 1 个年度目标中已有的重复目标"
    )
    with pytest.raises(EditError, match="请先选择"):
        horizon_goals.plan_copy(project, MID, ANNUAL, [])
    with pytest.raises(EditError, match="没有这个目标"):
        horizon_goals.plan_copy(project, MID, ANNUAL, [99])
    assert horizon_goals.goal_key("目标 内容，甲。") == "目标内容甲"


def test_copied_goals_survive_the_exchange_file() -> None:
    from desktop.exchange.reader import read_json_bytes

    project = _project()
    plan = horizon_goals.plan_copy(project, ANNUAL, MID, [0, 1])
    horizon_goals.add_goals(project, MID, plan.texts)
    again = read_json_bytes(dumps_declaration(project)).declaration
    assert isinstance(again, ProjectDeclaration) and again.mid_term is not None
    assert again.mid_term.goals[-2:] == project.goals[:2]


def test_an_annual_only_profile_gets_no_mid_horizon() -> None:
    project = _project("annual")
    before = copy.deepcopy(project)
    with pytest.raises(EditError, match="只有年度目标"):
        horizon_goals.plan_copy(project, ANNUAL, MID, [0])
    with pytest.raises(EditError, match="只有年度目标"):
        horizon_goals.add_goals(project, MID, ["中期目标"])
    assert project == before


def test_goal_heading_follows_the_period() -> None:
    project = _project()
    assert horizon_goals.goal_heading(project, MID) == "中期目标（2026年—2028年）"
    assert horizon_goals.goal_heading(project, ANNUAL, ("年度总体目标",)) == "年度总体目标"
    project.project.period_end = None
    assert horizon_goals.goal_heading(project, MID) == "中期目标"
