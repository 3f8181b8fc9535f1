"""Findings a finance reviewer would agree with: false positives and negatives found in review.

Each test changes the seed the way a user could and checks what the findings panel would show.
"""

from __future__ import annotations

import re

import pytest

from desktop.domain.model import Declaration, Indicator
from desktop.rules.context import SourceNotes
from desktop.rules.engine import check_declaration
from desktop.rules.findings import Finding
from tests.rules.helpers import category, indicator, of, run, seed


def _with(level2: str, name: str, value: str, explanation: str = "该指标主要考察相关情况") -> Declaration:
    decl = seed()
    category(decl, level2).indicators.append(Indicator(name=name, value=value, explanation=explanation))
    return decl


def _about(findings: list[Finding], rule: str, subject: str) -> list[Finding]:
    return [f for f in of(findings, rule) if f.subject == subject]


# -- I14: only real ratios, and a formula may be written in words ----------------------------
def test_i14_on_the_seed_names_the_ratios_whose_explanation_says_nothing_about_the_calculation() -> None:
    names = [f.subject for f in of(run(seed()), "I14")]
    assert names == [
        "党组织建设工作覆盖率",
        "劳务派遣人员考核合格率",
        "日常综合管理服务合格率",
        "项目成果验收通过率",
        "在建旧住宅区改造项目开展巡查覆盖率",
        "党组织建设工作开展及时率",
    ]


@pytest.mark.parametrize("name", ["劳务派遣人员薪资福利发放及时率", "日常综合协调工作开展及时率", "工作计划完成及时率"])
def test_i14_accepts_an_on_time_rate_whose_explanation_states_the_deadline(name: str) -> None:
    # 每月月底前 / 2026年12月前 / 合同约定时间内: the reader knows what counts as on time.
    assert _about(run(seed()), "I14", name) == []


def test_i14_on_an_on_time_rate_without_deadline_asks_for_the_deadline() -> None:
    [found] = _about(run(seed()), "I14", "党组织建设工作开展及时率")
    assert "时限" in found.message and "党组织建设工作开展及时率=…/…×100%" in found.message


@pytest.mark.parametrize(
    "explanation",
    [
        "考核合格率为考核合格人数占参加考核人数的比例",
        "考核合格人数与参加考核人数之比",
        "劳务派遣人员考核合格率=考核合格人数/参加考核人数",
        "用考核合格人数除以参加考核人数",
    ],
)
def test_i14_accepts_a_formula_in_words_or_without_times_100(explanation: str) -> None:
    decl = seed()
    indicator(decl, "劳务派遣人员考核合格率").explanation = explanation
    assert _about(run(decl), "I14", "劳务派遣人员考核合格率") == []


@pytest.mark.parametrize("name", ["审批工作效率", "率", "设备巡检频率"])
def test_i14_ignores_names_that_are_not_ratios(name: str) -> None:
    decl = _with("质量指标", name, "≥90%")
    assert _about(run(decl), "I14", name) == []


# -- I16: a generic cost control rate, whatever its prefix -----------------------------------
def test_i16_sees_a_prefixed_cost_control_rate_as_generic() -> None:
    decl = seed()
    indicator(decl, "成本控制率").name = "一般管理事务成本控制率"
    [found] = of(run(decl), "I16")
    assert found.subject == "一般管理事务成本控制率" and found.severity == "info"
    assert "成本指标只有笼统的三级指标“一般管理事务成本控制率”" in found.message


# -- I12: a satisfaction survey count is an output, not a misplaced satisfaction indicator ---
def test_i12_leaves_a_count_of_satisfaction_surveys_alone() -> None:
    decl = _with("数量指标", "满意度调查次数", "≥2次")
    assert _about(run(decl), "I12", "满意度调查次数") == []


@pytest.mark.parametrize("name", ["群众满意度", "办事群众满意率"])
def test_i12_still_reports_a_satisfaction_measure_outside_its_category(name: str) -> None:
    decl = _with("质量指标", name, "≥90%")
    [found] = _about(run(decl), "I12", name)
    assert "请移到满意度指标" in found.message


# -- I05: the longest direction word decides ---------------------------------------------------
def test_i05_reads_a_failure_rate_as_negative() -> None:
    assert _about(run(_with("质量指标", "产品不合格率", "≤5%")), "I05", "产品不合格率") == []
    [found] = _about(run(_with("质量指标", "产品不合格率", "≥5%")), "I05", "产品不合格率")
    assert "越低越好" in found.message and "≤" in found.message


# -- I07: 100% is a plain, correct satisfaction target ---------------------------------------
def test_i07_accepts_a_satisfaction_target_of_100_percent() -> None:
    decl = seed()
    indicator(decl, "民生诉求满意度").value = "100%"
    assert of(run(decl), "I07") == []


def test_i07_asks_for_the_direction_of_a_bare_satisfaction_value() -> None:
    decl = seed()
    indicator(decl, "民生诉求满意度").value = "90%"
    [found] = of(run(decl), "I07")
    assert "≥90%" in found.message


def test_i07_says_how_to_proceed_with_a_low_target() -> None:
    [found] = of(run(seed()), "I07")
    assert "≥60%" in found.message and "80%" in found.message and "理由" in found.message


# -- I18: a date that does not exist -----------------------------------------------------------
@pytest.mark.parametrize("value", ["2026年2月30日前", "2026年13月前", "12月32日前"])
def test_i18_reports_a_deadline_that_does_not_exist(value: str) -> None:
    decl = seed()
    indicator(decl, "工作计划完成及时率").value = value
    [found] = of(run(decl), "I18")
    assert found.severity == "error" and "不是有效日期" in found.message and value in found.message


def test_i18_accepts_29_february_in_a_leap_year() -> None:
    decl = seed()
    decl.year = 2028
    indicator(decl, "工作计划完成及时率").value = "2028年2月29日前"
    assert of(run(decl), "I18") == []


# -- invisible characters: a cell that shows nothing is empty ---------------------------------
def test_a_goal_of_zero_width_and_ideographic_spaces_is_an_empty_goal() -> None:
    decl = seed()
    decl.goals[1] = "\u200b\u3000\ufeff"
    findings = [f for f in run(decl) if f.where == "goals[1]"]
    assert [(f.rule, f.severity, f.subject) for f in findings] == [("S06", "error", "目标2")]


def test_an_indicator_named_by_a_zero_width_space_has_no_name() -> None:
    decl = seed()
    indicator(decl, "劳务派遣人员数量").name = "\u200b"
    [found] = [f for f in of(run(decl), "S09") if f.where == "indicators[1].name"]
    assert found.message == "数量指标第2个三级指标没有名称：请填写三级指标名称。"


def test_t04_names_characters_that_cannot_be_seen() -> None:
    decl = seed()
    decl.unit_name = "深圳市福田区\u200b重点片区建设发展中心"
    indicator(decl, "劳务派遣人员数量").name = "劳务派遣人员数量e\u0301"
    covers = {"\u200b": False, "\u0301": False}
    findings = of(run(decl, font_covers=lambda c: covers.get(c, True)), "T04")
    messages = {f.where: f.message for f in findings}
    assert "不可见字符（U+200B）" in messages["unit_name"]
    assert "\u200b" not in messages["unit_name"].replace(decl.unit_name, "")
    assert "组合附加符号（U+0301）" in messages["indicators[1].name"]


# -- messages stay readable --------------------------------------------------------------------
def test_a_huge_name_is_quoted_short_but_kept_whole_as_the_subject() -> None:
    decl = seed()
    long_name = "党组织建设" * 2000
    indicator(decl, "党组织建设事项数").name = long_name
    findings = [f for f in run(decl) if f.where.startswith("indicators[0]")]
    assert {f.rule for f in findings} >= {"I20"}
    for f in findings:
        assert f.subject == long_name
        assert len(f.message) < 300


def test_t01_never_shows_a_path_even_for_an_unknown_row() -> None:
    notes = SourceNotes(normalised_paths=("indicators[999].value",))
    [found] = of(run(seed(), source_notes=notes), "T01")
    assert "indicators" not in found.message and "[" not in found.message


_PATH = re.compile(r"[A-Za-z_]+\[\d+\]|\b(?:value|unit|explanation|name|content|fiscal)\b")


def test_no_message_of_a_broken_declaration_shows_a_json_path() -> None:
    decl = seed()
    decl.unit_name, decl.goals[0] = "", " "
    indicator(decl, "党组织建设事项数").value = "≥4"
    indicator(decl, "党组织建设工作覆盖率").value = "120%"
    decl.tasks[1].content = ""
    findings = check_declaration(decl, font_covers=lambda c: c != "福")
    assert len(findings) > 10
    assert [f.message for f in findings if _PATH.search(f.message)] == []


# -- I11: people reached are a benefit, activities held are an output -------------------------
def test_i11_accepts_a_count_of_beneficiaries_under_social_benefit() -> None:
    assert _about(run(_with("社会效益指标", "受益群众人数", "≥500人")), "I11", "受益群众人数") == []


def test_i11_reports_activities_counted_under_social_benefit_and_says_where_they_belong() -> None:
    [found] = _about(run(_with("社会效益指标", "宣传活动场次", "≥3场")), "I11", "宣传活动场次")
    assert "社会效益指标" in found.message and "数量指标" in found.message


# -- G05/G06: messages fit the goal -------------------------------------------------------------
def test_g05_on_a_later_year_does_not_speak_of_last_year() -> None:
    decl = seed()
    decl.goals[0] += "为2027年全面推开打好基础。"
    [found] = [f for f in of(run(decl), "G05") if f.where == "goals[0]"]
    assert "2027年" in found.message and "往年" not in found.message


def test_g06_quotes_the_vague_words_the_goal_uses() -> None:
    decl = seed()
    decl.goals[1] = "推进片区品质建设，促进区域协调发展。"
    [found] = [f for f in of(run(decl), "G06") if f.where == "goals[1]"]
    assert "“推进、促进”" in found.message and "加强" not in found.message
