"""The rules on a small MOF-2021 declaration (成本指标 as level 1; 经济成本指标 needs a real row)."""

from __future__ import annotations

from decimal import Decimal

from desktop.domain.model import Declaration, Indicator, Task
from desktop.domain.profile import load_profile, new_declaration
from desktop.rules.findings import Finding
from tests.rules.helpers import of, run

RATIO = "=完成数/计划数×100%"
ROWS = {
    "经济成本指标": [("人均培训成本", "≤500元", "反映人均培训支出，人均培训成本=培训支出/参训人数")],
    "数量指标": [
        ("组织培训场次", "≥4场", "反映全年组织培训的场次"),
        ("培训人次", "≥200人次", "反映全年参加培训的人次"),
    ],
    "质量指标": [("培训考核合格率", "≥90%", "合格率=考核合格人数/参训人数×100%")],
    "时效指标": [("培训计划完成及时率", "100%", "反映是否在2026年12月31日前完成全年培训计划")],
    "社会效益指标": [
        ("参训人员业务能力提升率", "≥80%", "提升率=考核提升人数/参训人数×100%"),
        ("培训成果应用率", "≥70%", "应用率=应用成果人数/参训人数×100%"),
    ],
    "服务对象满意度指标": [("参训人员满意度", "≥90%", "满意度=满意人数/调查人数×100%")],
}
GOALS = [
    "通过组织不少于4场业务培训、培训不少于200人次，培训考核合格率不低于90%。",
    "通过培训成果应用，参训人员业务能力提升率不低于80%，参训人员满意度不低于90%。",
]


def mof_declaration() -> Declaration:
    """A complete MOF-2021 declaration a reviewer would pass (categories without rows 不适用)."""
    decl = new_declaration(load_profile("MOF-2021"), 2026)
    decl.unit_name = decl.supervisor = "某区干部培训中心"
    decl.tasks[0].fiscal = Decimal("300")
    decl.tasks[0].content = "主要用于人员、公用支出"
    decl.tasks.append(Task("干部业务培训", "组织业务培训，提升干部业务能力", Decimal("120")))
    decl.goals = list(GOALS)
    for category in decl.categories:
        rows = ROWS.get(category.level2)
        if rows:
            category.indicators = [Indicator(n, v, "", e, [1]) for n, v, e in rows]
        else:
            category.not_applicable = True
    return decl


def _category(decl: Declaration, level2: str) -> int:
    return next(i for i, c in enumerate(decl.categories) if c.level2 == level2)


def _mark_na(decl: Declaration, level2: str) -> None:
    category = decl.categories[_category(decl, level2)]
    category.not_applicable, category.indicators = True, []


def _errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


def test_the_profile_puts_cost_first_as_a_level_one() -> None:
    decl = mof_declaration()
    assert decl.level1_names() == ["成本指标", "产出指标", "效益指标", "满意度指标"]


def test_a_complete_mof_declaration_has_no_error_and_no_structure_warning() -> None:
    findings = run(mof_declaration())
    assert _errors(findings) == []
    assert [f for f in findings if f.rule in ("S11", "S12", "I10", "I15", "I16")] == []


def test_s11_requires_a_real_economic_cost_indicator() -> None:
    decl = mof_declaration()
    _mark_na(decl, "经济成本指标")
    [found] = of(run(decl), "S11")
    assert (found.severity, found.subject, found.where) == ("error", "经济成本指标", "indicators[0]")
    assert "成本指标/经济成本指标" in found.message and "请补充指标" in found.message


def test_s11_leaves_social_and_ecological_cost_optional() -> None:
    decl = mof_declaration()  # 社会成本指标 and 生态环境成本指标 are 不适用 here
    assert of(run(decl), "S11") == []


def test_s11_warns_about_missing_timeliness_as_in_the_shenzhen_profile() -> None:
    decl = mof_declaration()
    _mark_na(decl, "时效指标")
    [found] = of(run(decl), "S11")
    assert (found.severity, found.subject) == ("warning", "时效指标")


def test_an_empty_unmarked_economic_cost_category_is_s07_not_s11() -> None:
    decl = mof_declaration()
    decl.categories[_category(decl, "经济成本指标")].indicators = []
    findings = run(decl)
    assert [(f.rule, f.subject) for f in _errors(findings)] == [("S07", "经济成本指标")]
    assert of(findings, "S11") == []


def test_i10_checks_economic_cost_names_against_the_cost_keywords() -> None:
    decl = mof_declaration()
    decl.categories[_category(decl, "经济成本指标")].indicators.append(
        Indicator("培训教材印制份数", "≥300份", "", "反映印制教材的数量")
    )
    [found] = of(run(decl), "I10")
    assert found.subject == "培训教材印制份数"
    assert "经济成本指标" in found.message and "成本" in found.message


def test_i16_reports_a_generic_economic_cost_indicator() -> None:
    decl = mof_declaration()
    decl.categories[_category(decl, "经济成本指标")].indicators = [
        Indicator("成本控制率", "≥90%", "", "成本控制率=实际支出/预算×100%")
    ]
    [found] = of(run(decl), "I16")
    assert (found.severity, found.subject) == ("info", "成本控制率")
    assert "经济成本指标只有笼统的三级指标“成本控制率”" in found.message


def test_i16_is_not_silenced_by_a_social_cost_indicator() -> None:
    decl = mof_declaration()
    decl.categories[_category(decl, "经济成本指标")].indicators = [
        Indicator("成本控制率", "≥90%", "", "成本控制率=实际支出/预算×100%")
    ]
    social = decl.categories[_category(decl, "社会成本指标")]
    social.not_applicable = False
    social.indicators = [Indicator("培训占用工作日数", "≤5天", "", "反映参训人员脱岗的工作日数")]
    assert [f.subject for f in of(run(decl), "I16")] == ["成本控制率"]


def test_i15_does_not_treat_cost_level_one_rows_as_outputs() -> None:
    decl = mof_declaration()
    decl.categories[_category(decl, "经济成本指标")].indicators.append(
        Indicator("预算执行率", "≥90%", "", "预算执行率=实际支出/预算数×100%")
    )
    assert of(run(decl), "I15") == []
    decl.categories[_category(decl, "数量指标")].indicators.append(
        Indicator("资金到位率", "100%", "", "资金到位率=到位资金/预算资金×100%")
    )
    assert [f.subject for f in of(run(decl), "I15")] == ["资金到位率"]
