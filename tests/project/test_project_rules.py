"""Project rules (docs/project-form.md §5): each rule fires on a changed fixture, not on the clean one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from desktop.domain.model import AcceptedFinding
from desktop.domain.project import ProjectDeclaration
from desktop.exchange.reader import read_json_file
from desktop.rules.context import SourceNotes
from desktop.rules.engine import RULESET_VERSION, Finding, check_declaration
from tests.project.helpers import ANNUAL, CASE, ZDPQ, doc, read


def findings(data: dict[str, Any]) -> list[Finding]:
    return check_declaration(read(data), font_covers=lambda c: True)


def of(found: list[Finding], rule: str) -> list[Finding]:
    return [f for f in found if f.rule == rule]


def test_clean_fixtures_give_exactly_the_spec_findings() -> None:
    assert check_declaration(read_json_file(ZDPQ).declaration) == []
    annual = check_declaration(read_json_file(ANNUAL).declaration)
    assert [(f.rule, f.severity, f.where) for f in annual] == [("A07", "info", "funds.other")]
    assert RULESET_VERSION == "SZ-rules 1.1"


# -- P01 ---------------------------------------------------------------------------------
def test_p01_missing_year_is_an_error_at_the_missing_key() -> None:
    data = doc()
    data["project"]["period_end"] = None
    found = of(findings(data), "P01")
    assert [(f.severity, f.where) for f in found] == [("error", "project.period_end")]
    assert "项目期未填写" in found[0].message


def test_p01_start_after_end_and_year_outside() -> None:
    data = doc()
    data["project"].update(period_start=2027, period_end=2026)
    assert [f.where for f in of(findings(data), "P01")] == ["project.period_end"]
    data = doc()
    data["project"].update(period_start=2027, period_end=2029, attribute="延续")
    found = of(findings(data), "P01")
    assert [(f.severity, f.where) for f in found] == [("error", "year")]
    assert "不在项目期" in found[0].message


def test_p01_long_period_warns_and_attribute_mismatch_informs() -> None:
    data = doc()
    data["project"].update(period_start=2024, period_end=2029)
    found = of(findings(data), "P01")
    assert {(f.severity, f.where) for f in found} == {
        ("warning", "project.period_end"),
        ("info", "project.attribute"),
    }
    data = doc()
    data["project"]["attribute"] = "延续"  # starts in the budget year
    assert [f.severity for f in of(findings(data), "P01")] == ["info"]


# -- P02 ---------------------------------------------------------------------------------
def test_p02_annual_above_mid_is_an_error_per_column() -> None:
    data = doc()
    data["mid_term"]["funds"]["fiscal"] = "1000.00"
    found = of(findings(data), "P02")
    assert {(f.severity, f.where) for f in found} == {("error", "funds"), ("error", "funds.fiscal")}
    assert "1279.04" in found[0].message and "1000.00" in found[0].message


def test_p02_one_year_project_with_different_amounts_warns() -> None:
    data = doc(CASE)
    data["project"]["period_end"] = 2027
    found = of(findings(data), "P02")
    assert {(f.severity, f.where) for f in found} == {("warning", "funds"), ("warning", "funds.fiscal")}
    assert not of(findings(doc(CASE)), "P02")


# -- P03 ---------------------------------------------------------------------------------
def _set_value(rows: list[dict[str, Any]], name: str, value: str) -> None:
    row = next(r for r in rows if r.get("name") == name)
    row["value"] = value


def test_p03_annual_count_above_mid_count_warns() -> None:
    data = doc()
    _set_value(data["indicators"], "开展施工项目现场巡查次数", "≥20次")
    found = of(findings(data), "P03")
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].subject == "数量指标/开展施工项目现场巡查次数"
    assert "≥20次" in found[0].message and "≥12次" in found[0].message


def test_p03_never_compares_rates_or_other_operator_classes() -> None:
    data = doc()
    _set_value(data["indicators"], "开展施工项目现场巡查次数", "≤20次")
    assert not of(findings(data), "P03")
    data = doc()
    rates = [r for r in data["indicators"] if r.get("value", "").endswith("%")]
    rates[0]["value"] = "≥99%"
    assert not of(findings(data), "P03")


# -- P04 ---------------------------------------------------------------------------------
def test_p04_multi_year_project_without_mid_term_is_an_error() -> None:
    data = doc()
    data.pop("mid_term")
    found = of(findings(data), "P04")
    assert [(f.where, f.subject) for f in found] == [("mid_term", "中期目标")]


def test_p04_names_each_missing_part() -> None:
    data = doc()
    data["mid_term"]["goals"] = []
    data["mid_term"]["funds"] = {"fiscal": "0", "other": "0"}
    assert {f.where for f in of(findings(data), "P04")} == {"mid_term.goals", "mid_term.funds"}
    data = doc()
    data["mid_term"]["indicators"] = [r for r in data["mid_term"]["indicators"] if r.get("not_applicable")]
    assert [f.where for f in of(findings(data), "P04")] == ["mid_term.indicators"]


def test_p04_is_silent_for_one_year_projects() -> None:
    data = doc()
    data.pop("mid_term")
    data["project"]["period_end"] = 2026
    assert not of(findings(data), "P04")


# -- P05 ---------------------------------------------------------------------------------
def test_p05_declared_total_differs() -> None:
    data = doc()
    data["funds"]["total"] = "1280.00"
    data["mid_term"]["funds"]["total"] = "3850"
    found = of(findings(data), "P05")
    assert [(f.where, f.subject) for f in found] == [("funds.total", "年度资金")]
    assert not of(findings(doc(CASE)), "P05")  # its declared 60.50 is right


# -- P06 ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["project"].update(name=" "), "project.name"),
        (lambda d: d.update(unit_name=""), "unit_name"),
        (lambda d: d.update(supervisor=""), "supervisor"),
        (lambda d: d["project"].update(attribute=""), "project.attribute"),
        (lambda d: d["project"].update(attribute="经常性"), "project.attribute"),
    ],
)
def test_p06_identification_incomplete(change: Any, where: str) -> None:
    data = doc()
    change(data)
    assert [f.where for f in of(findings(data), "P06")] == [where]


def test_p06_required_text_block_of_the_shenzhen_layout() -> None:
    data = doc(ANNUAL)
    data["profile"] = "SZ-PROJECT-2026"
    found = of(findings(data), "P06")
    assert [(f.where, f.subject) for f in found] == [("project.texts.content", "主要内容")]
    data["project"]["texts"] = {"content": "开展新移交市政公园的日常养护。"}
    assert not of(findings(data), "P06")


# -- P07 (needs a profile with fund details) ----------------------------------------------
def test_p07_details_must_sum_to_their_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.domain import project_profile
    from desktop.rules.project import funds

    real = project_profile.load_project_profile("ANNUAL-PROJECT-2026")
    detailed = project_profile.ProjectProfile(
        **{**real.__dict__, "fund_details": (project_profile.FundDetail("bond", "专项债券", "fiscal"),)}
    )
    declaration = read(doc(ANNUAL))
    declaration.funds.details = {"bond": Decimal("300")}
    from desktop.rules.context import CheckContext

    ctx = CheckContext(declaration=declaration, profile=detailed.profile)
    found = list(funds.p07(ctx, declaration, detailed))
    assert [(f.where, f.subject) for f in found] == [("funds.details", "年度资金/财政拨款")]
    declaration.funds.details = {"bond": Decimal("356.80")}
    assert not list(funds.p07(ctx, declaration, detailed))


# -- G08 ---------------------------------------------------------------------------------
def test_g08_annual_goal_repeating_a_mid_goal() -> None:
    data = doc()
    data["goals"][1] = data["mid_term"]["goals"][1].replace("，", ",")
    found = of(findings(data), "G08")
    assert [(f.severity, f.where) for f in found] == [("info", "goals[1]")]
    assert not of(findings(doc()), "G08")


# -- department rules per horizon ---------------------------------------------------------
def test_department_rules_run_on_the_mid_tree_under_mid_term() -> None:
    data = doc()
    row = next(r for r in data["mid_term"]["indicators"] if r.get("name") == "开展施工项目现场巡查次数")
    row["value"] = "≥12"  # no unit: I02
    found = of(findings(data), "I02")
    assert [f.where for f in found] == [f"mid_term.indicators[{data['mid_term']['indicators'].index(row)}].value"]
    assert found[0].subject == "中期/开展施工项目现场巡查次数"


def test_i18_uses_the_period_for_the_mid_tree_and_the_year_for_the_annual_tree() -> None:
    data = doc()
    assert not of(findings(data), "I18")  # 中期 2028年12月31日前 is inside 2026–2028
    _set_value(data["mid_term"]["indicators"], "项目实施完成时间", "2029年12月31日前")
    _set_value(data["indicators"], "群众工作年度分析报告完成时间", "2027年6月30日前")
    found = of(findings(data), "I18")
    assert {f.where.split("[")[0] for f in found} == {"indicators", "mid_term.indicators"}
    assert any("项目期 2026—2028 年" in f.message for f in found)


def test_g05_on_mid_goals_accepts_years_of_the_period() -> None:
    data = doc()
    data["mid_term"]["goals"][0] += "2027年完成中期评估。"
    assert not of(findings(data), "G05")
    data["mid_term"]["goals"][0] += "2030年完成。"
    found = of(findings(data), "G05")
    assert [f.where for f in found] == ["mid_term.goals[0]"]


def test_department_only_rules_do_not_run_on_projects() -> None:
    rules = {f.rule for f in findings(doc())}
    assert not rules & {"S02", "S03", "S04", "A01", "A02", "G01"}


def test_a03_a06_a07_per_horizon() -> None:
    data = doc()
    data["budget_control_total"] = "1200.00"
    data["mid_term"]["funds"]["other"] = "10.00"
    data["funds"]["fiscal"] = "1279.035"
    data["funds"]["other"] = "0.005"
    found = findings(data)
    assert [f.where for f in of(found, "A03")] == ["budget_control_total"]
    assert [f.where for f in of(found, "A06")] == ["funds"]
    assert [f.where for f in of(found, "A07")] == ["funds.other", "mid_term.funds.other"]


def test_text_rules_cover_project_fields() -> None:
    data = doc()
    data["project"]["name"] = "重点片区建设 "
    data["footer"] = {"project_head": "张三\t"}
    found = of(findings(data), "T02")
    assert {f.where for f in found} == {"project.name", "footer.project_head"}


def test_i20_limits_project_name() -> None:
    data = doc()
    data["project"]["name"] = "项" * 101
    assert [f.where for f in of(findings(data), "I20")] == ["project.name"]


def test_t01_on_the_mid_tree_is_reported_at_its_own_path() -> None:
    result = read_json_file(CASE)
    data = doc(CASE)
    data["mid_term"]["indicators"][0]["value"] = "≥４0000卷"
    from desktop.exchange.reader import declaration_from_dict

    result = declaration_from_dict(data)
    found = check_declaration(result.declaration, source_notes=SourceNotes.from_read_result(result))
    assert "mid_term.indicators[1].value" in {f.where for f in of(found, "T01")}


def test_acceptance_of_a_mid_finding_names_it_with_the_prefix() -> None:
    data = doc()
    _set_value(data["mid_term"]["indicators"], "开展施工项目现场巡查次数", "≥12卷")
    _set_value(data["indicators"], "开展施工项目现场巡查次数", "≥4卷")
    declaration: ProjectDeclaration = read(data)
    declaration.accepted_findings = [AcceptedFinding("I04", "中期/数量指标/开展施工项目现场巡查次数", "理由")]
    found = of(check_declaration(declaration), "I04")
    assert {(f.where.split("[")[0], f.accepted) for f in found} == {
        ("indicators", False),
        ("mid_term.indicators", True),
    }


def test_rules_argument_limits_the_project_check() -> None:
    data = doc()
    data["project"]["period_end"] = None
    data["mid_term"]["indicators"][0]["value"] = "≥12"
    assert check_declaration(read(data), rules=[]) == []
    assert {f.rule for f in check_declaration(read(data), rules=["P01"])} == {"P01"}


def test_p04_budget_threshold_from_profile_data(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from desktop.domain import project_profile
    from desktop.rules.project import period

    real = project_profile.load_project_profile("MOF-PROJECT-2021")
    rule = project_profile.MidRequired(multi_year=False, annual_total_at_least=Decimal("200"))
    profile = replace(real, mid_required=rule)
    data = doc()
    data.pop("mid_term")
    data["project"]["period_end"] = 2026
    declaration = read(data)
    assert period.mid_required(declaration, profile)  # 1279.04 ≥ 200
    declaration.funds.fiscal = Decimal("150")
    assert not period.mid_required(declaration, profile)


def test_s06_number_mismatch_in_a_mid_goal_is_reported_under_mid_term() -> None:
    from desktop.exchange.reader import declaration_from_dict

    data = doc()
    data["mid_term"]["goals"][1] = "目标3：" + data["mid_term"]["goals"][1]
    result = declaration_from_dict(data)
    found = of(check_declaration(result.declaration, source_notes=SourceNotes.from_read_result(result)), "S06")
    assert [(f.severity, f.where) for f in found] == [("warning", "mid_term.goals[1]")]
    assert not of(check_declaration(read(doc()), source_notes=SourceNotes.from_read_result(declaration_from_dict(doc()))), "S06")
