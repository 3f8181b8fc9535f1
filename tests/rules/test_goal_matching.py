"""Goal↔indicator inference (G02/G04) on variations of the seed, and its building blocks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.domain.model import Indicator
from desktop.domain.profile import load_profile
from desktop.rules.context import CheckContext
from desktop.rules.goalmatch import measure_family, quantity_finder
from desktop.rules.quantities import QuantityFinder
from tests.rules.helpers import category, goal_findings, indicator, remove_indicator, run, seed


@pytest.mark.parametrize(
    ("removed", "goal"),
    [
        ("党组织建设事项数", 1),
        ("香蜜湖片区咨询服务相关报告份数", 6),
    ],
)
def test_removing_the_measuring_indicator_uncovers_the_goal(removed: str, goal: int) -> None:
    decl = seed()
    assert goal_findings(run(decl), "G02", goal) == []
    remove_indicator(decl, removed)
    [found] = goal_findings(run(decl), "G02", goal)
    assert found.severity == "warning" and f"目标{goal}" in found.message


def test_removing_one_of_several_matches_reports_the_quantity_left_alone() -> None:
    decl = seed()
    remove_indicator(decl, "活力圈相关专项规划研究方案数量")
    messages = [f.message for f in goal_findings(run(decl), "G04", 7)]
    assert any("1份活力圈相关专项规划研究方案" in m for m in messages)
    assert goal_findings(run(decl), "G02", 7) == []  # 目标7 still has matched quantities


def test_removing_the_rate_indicator_of_goal_10_leaves_it_covered_by_its_count() -> None:
    decl = seed()
    remove_indicator(decl, "在建旧住宅区改造项目开展巡查覆盖率")
    findings = run(decl)
    assert goal_findings(findings, "G02", 10) == []
    assert any("超过95%" in f.message for f in goal_findings(findings, "G04", 10))


@pytest.mark.parametrize(("linked", "goal"), [("党组织建设事项数", 8), ("劳务派遣人员数量", 9), ("成本控制率", 4)])
def test_an_explicit_link_covers_the_goal(linked: str, goal: int) -> None:
    decl = seed()
    assert goal_findings(run(decl), "G02", goal) != []
    indicator(decl, linked).goals = [goal]
    findings = run(decl)
    assert goal_findings(findings, "G02", goal) == []
    assert goal_findings(findings, "G04", goal) == []


def test_a_link_elsewhere_does_not_cover_the_goal() -> None:
    decl = seed()
    indicator(decl, "党组织建设事项数").goals = [1]
    assert goal_findings(run(decl), "G02", 8) != []


def test_a_linked_indicator_that_matches_is_compared() -> None:
    decl = seed()
    indicator(decl, "项目成果验收通过率").goals = [7]
    messages = [f.message for f in goal_findings(run(decl), "G04", 7)]
    assert any("项目成果验收通过率" in m and "≥90%" in m for m in messages)


def test_agreeing_value_clears_g04() -> None:
    decl = seed()
    indicator(decl, "项目成果验收通过率").value = "100%"
    assert not any("项目成果验收通过率" in f.message for f in goal_findings(run(decl), "G04", 7))


def test_an_added_indicator_measures_the_goal() -> None:
    decl = seed()
    category(decl, "数量指标").indicators.append(
        Indicator(name="群众工作年度分析报告份数", value="≥1份", explanation="考察群众工作分析报告数量")
    )
    assert goal_findings(run(decl), "G02", 8) == []


def test_rates_of_different_measure_families_do_not_match() -> None:
    # 目标4's 成功率 shares "诉求" with 民生诉求满意度, but 成功率 ≠ 满意度.
    decl = seed()
    decl.goals[3] = "通过开展协调工作，实现群众诉求协调化解成功率不低于90%。"
    assert goal_findings(run(decl), "G02", 4) != []
    decl.goals[3] = "通过开展协调工作，实现民生诉求满意度不低于60%。"
    assert goal_findings(run(decl), "G02", 4) == []


def test_opposite_operator_is_a_disagreement() -> None:
    decl = seed()
    decl.goals[0] = "通过开展党组织建设工作活动，开展党组织建设活动不超过4次。"
    assert goal_findings(run(decl), "G04", 1) != []


def test_goal_without_quantity_but_unrelated_to_any_indicator_gets_g02() -> None:
    decl = seed()
    decl.goals[1] = "通过植树造林，改善生态环境质量。"
    [found] = goal_findings(run(decl), "G02", 2)
    assert "目标2" in found.message


# -- building blocks ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def finder() -> QuantityFinder:
    decl = seed()
    return quantity_finder(CheckContext(decl, load_profile("SZ-DEPT-2026")))


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("预计开展4次以上", [("4", "次", "≥")]),
        ("法律意见出具及时率不低于90%", [("90", "%", "≥")]),
        ("完成改造路径研究综合报告一份", [("1", "份", None)]),
        ("对超过95%的在建棚改项目开展不少于4次巡查", [("95", "%", ">"), ("4", "次", "≥")]),
        ("在第二季度内完成", []),
        ("通过2026年度的工作", []),
        ("通过加强2026年辅助人员力量", []),
        ("投诉率控制在5%以内", [("5", "%", "≤")]),
        ("服务两个片区", [("2", "个", None)]),
        ("工期3个月", []),
        ("一次性补助", []),
    ],
)
def test_quantities_in_goal_clauses(
    finder: QuantityFinder, clause: str, expected: list[tuple[str, str, str | None]]
) -> None:
    found = [(q.number, q.unit, q.operator) for q in finder.find(clause)]
    assert found == [(Decimal(n), u, op) for n, u, op in expected]


@pytest.mark.parametrize(
    ("text", "quantified"),
    [
        ("通过加强2026年辅助人员力量，保障单位顺利开展年度工作任务。", False),
        ("确保2026年度工作顺利开展。", False),
        ("全年完成不少于1次沙龙活动", True),
        ("于6月底前完成方案编制", True),
        ("满意度达到90%", True),
        ("第二季度完成", False),
    ],
)
def test_quantified_goals(finder: QuantityFinder, text: str, quantified: bool) -> None:
    assert finder.is_quantified(text) is quantified


def test_measure_families() -> None:
    families = load_profile("SZ-DEPT-2026").measure_families
    assert measure_family("项目成果验收通过率", families) == "合格"
    assert measure_family("工作计划完成及时率", families) == "及时"
    assert measure_family("群众诉求协调化解成功率", families) == "成功率"
    assert measure_family("党组织建设事项数", families) is None
