"""Copying indicator rows between a project's 年度 and 中期 trees (desktop/domain/horizon_indicators.py)."""

from __future__ import annotations

import copy

import pytest

from desktop.domain.errors import EditError
from desktop.domain.horizon_indicators import (
    all_picks,
    copied_tree,
    set_tree,
    skeleton,
    tree_categories,
)
from desktop.domain.model import Category, Declaration, Indicator
from desktop.domain.project import ANNUAL, MID, ProjectDeclaration
from desktop.rules.project.quantities import match_key


def _tree() -> list[Category]:
    return [
        Category("产出指标", "数量指标", indicators=[
            Indicator("培训场次", "≥4场", "", "年度培训", goals=[1]),
            Indicator("发放手册数量", "≥100份"),
        ]),
        Category("产出指标", "质量指标", not_applicable=True),
        Category("效益指标", "社会效益指标", indicators=[Indicator("群众知晓率", "≥80%")]),
    ]  # fmt: skip


def _target() -> list[Category]:
    return [
        Category("产出指标", "数量指标", indicators=[
            Indicator("培训 场次。", "≥12场", "", "三年培训", goals=[2]),  # same key as 培训场次
            Indicator("宣传活动次数", "≥3次"),
        ]),
        Category("产出指标", "质量指标", indicators=[Indicator("培训合格率", "≥90%")]),
        Category("效益指标", "社会效益指标", not_applicable=True),
    ]  # fmt: skip


def test_selected_rows_overwrite_the_paired_row_and_append_the_others() -> None:
    source, target = _tree(), _target()
    frozen = copy.deepcopy((source, target))
    result = copied_tree(source, target, [(0, 0), (0, 1)])
    rows = result.categories[0].indicators
    # Overwritten: the copied fields; the 对应目标 of the target horizon stay.
    assert (rows[0].name, rows[0].value, rows[0].explanation, rows[0].goals) == (
        "培训场次", "≥4场", "年度培训", [2],
    )  # fmt: skip
    assert [i.name for i in rows] == ["培训场次", "宣传活动次数", "发放手册数量"]
    assert rows[2].goals == []  # a new row links no goal of the other horizon
    assert result.overwritten == ["数量指标/培训 场次。"]
    assert result.removed == [] and result.positions == [(0, 0), (0, 2)]
    assert (source, target) == frozen  # neither tree was touched


def test_a_row_copied_into_a_not_applicable_category_lifts_the_mark() -> None:
    result = copied_tree(_tree(), _target(), [(2, 0)])
    category = result.categories[2]
    assert not category.not_applicable
    assert [i.name for i in category.indicators] == ["群众知晓率"]
    assert not result.needs_confirmation()


def test_a_copied_not_applicable_mark_removes_the_target_rows_and_says_so() -> None:
    result = copied_tree(_tree(), _target(), [(1, None)])
    assert result.categories[1].not_applicable and result.categories[1].indicators == []
    assert result.removed == ["质量指标/培训合格率"]
    assert result.needs_confirmation()


def test_the_whole_tree_copies_every_row_and_mark() -> None:
    source = _tree()
    assert all_picks(source) == [(0, 0), (0, 1), (1, None), (2, 0)]
    result = copied_tree(source, skeleton(Declaration("X", 2026, source)), all_picks(source))
    assert [(c.not_applicable, [(i.name, i.value) for i in c.indicators]) for c in result.categories] == [
        (c.not_applicable, [(i.name, i.value) for i in c.indicators]) for c in source
    ]
    assert not result.needs_confirmation()


def test_an_equal_row_is_not_listed_as_overwritten_and_unnamed_rows_never_pair() -> None:
    source = _tree()
    target = copy.deepcopy(source)
    target[0].indicators.append(Indicator("", "≥1次"))
    source[0].indicators.append(Indicator("", "≥2次"))
    result = copied_tree(source, target, all_picks(source))
    assert result.overwritten == []
    assert [i.value for i in result.categories[0].indicators][-2:] == ["≥1次", "≥2次"]


def test_trees_of_different_frames_are_refused() -> None:
    with pytest.raises(EditError, match="指标体系不一致"):
        copied_tree(_tree(), _tree()[:2], [(0, 0)])


def test_set_tree_restores_exactly_what_it_replaced() -> None:
    target = _target()
    before = copy.deepcopy(target)
    old = set_tree(target, copied_tree(_tree(), target, all_picks(_tree())).categories)
    assert target != before and old == before
    set_tree(target, old)
    assert target == before
    with pytest.raises(EditError, match="S10"):
        set_tree(target, [Category(c.level1, c.level2, True, [Indicator("甲")]) for c in target])


def test_the_pairing_key_is_rule_p03s() -> None:
    category = Category("产出指标", "数量指标")
    assert match_key(category, "培训 场次。") == match_key(category, "培训场次")
    assert match_key(category, "培训场次") != match_key(Category("产出指标", "质量指标"), "培训场次")


def test_the_trees_of_each_horizon() -> None:
    project = ProjectDeclaration(profile_id="MOF-PROJECT-2021", year=2026, categories=_tree())
    assert tree_categories(project, ANNUAL) is project.categories
    assert tree_categories(project, MID) is None  # no 中期 horizon yet
    created = project.ensure_mid_term()
    assert tree_categories(project, MID) is created.categories
    assert [c.key for c in skeleton(project)] == [c.key for c in created.categories]
    with pytest.raises(EditError, match="部门整体支出"):
        tree_categories(Declaration("SZ-DEPT-2026", 2026, _tree()), MID)
