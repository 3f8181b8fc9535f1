"""Acceptance on the seed (docs/rules.md): every required finding, nothing forbidden, no error."""

from __future__ import annotations

import pytest

from desktop.rules.engine import RULESET_VERSION, check_declaration, summarize
from desktop.rules.findings import Finding
from tests.rules.helpers import goal_findings, of, run, seed


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return run(seed())


def _subject_of_goal(number: int) -> str:
    return seed().goals[number - 1][:20]


@pytest.mark.parametrize("goal", [2, 3])
def test_goals_without_quantities_get_g03(findings: list[Finding], goal: int) -> None:
    [found] = goal_findings(findings, "G03", goal)
    assert found.severity == "warning"
    assert found.subject == _subject_of_goal(goal)
    assert f"目标{goal}" in found.message


@pytest.mark.parametrize("goal", [8, 9])
def test_unmeasured_goals_get_g02(findings: list[Finding], goal: int) -> None:
    [found] = goal_findings(findings, "G02", goal)
    assert found.severity == "warning"
    assert found.subject == _subject_of_goal(goal)
    assert f"目标{goal}" in found.message


def test_goal_4_is_reported_as_unmeasured(findings: list[Finding]) -> None:
    about_4 = goal_findings(findings, "G02", 4) + goal_findings(findings, "G04", 4)
    assert about_4, "目标4 needs G02 or G04"
    assert all(f.severity == "warning" for f in about_4)
    assert any("法律意见出具及时率不低于90%" in f.message for f in about_4)


def test_goal_7_rate_disagrees_with_its_indicator(findings: list[Finding]) -> None:
    disagreements = [f for f in goal_findings(findings, "G04", 7) if "项目成果验收通过率" in f.message]
    [found] = disagreements
    assert found.severity == "warning"
    assert found.subject == _subject_of_goal(7)
    assert "100%" in found.message and "≥90%" in found.message


@pytest.mark.parametrize(
    ("rule", "severity", "subject"),
    [
        ("I13", "warning", "在建旧住宅区改造项目开展巡查覆盖率"),
        ("I07", "warning", "民生诉求满意度"),
        ("I09", "warning", "效益指标"),
        ("I16", "info", "成本控制率"),
        ("I17", "info", "在建旧住宅区改造项目巡查开展及时性"),
    ],
)
def test_required_indicator_findings(
    findings: list[Finding], rule: str, severity: str, subject: str
) -> None:
    matching = [f for f in of(findings, rule) if f.subject == subject]
    assert len(matching) == 1
    assert matching[0].severity == severity
    assert subject in matching[0].message


def test_no_error_on_the_seed(findings: list[Finding]) -> None:
    assert [f for f in findings if f.severity == "error"] == []


@pytest.mark.parametrize("goal", [1, 6, 7, 10])
def test_goals_with_plain_indicators_are_covered(findings: list[Finding], goal: int) -> None:
    assert goal_findings(findings, "G02", goal) == []


def test_i13_only_on_the_coverage_row(findings: list[Finding]) -> None:
    assert [f.subject for f in of(findings, "I13")] == ["在建旧住宅区改造项目开展巡查覆盖率"]


def test_seed_reports_only_rules_a_reviewer_expects(findings: list[Finding]) -> None:
    # Required rows plus the further findings listed (and argued) in the engine report.
    expected = {"G02", "G03", "G04", "I07", "I09", "I10", "I13", "I14", "I16", "I17", "T03"}
    assert {f.rule for f in findings} <= expected
    # G04 beyond 目标4/7 only where §8.2 allows it: 目标5's unmeasured activities.
    assert {f.where for f in of(findings, "G04")} <= {"goals[3]", "goals[4]", "goals[6]"}


def test_findings_come_sorted_by_severity_then_document_order(findings: list[Finding]) -> None:
    ranks = [("error", "warning", "info").index(f.severity) for f in findings]
    assert ranks == sorted(ranks)
    warnings = [f.where for f in findings if f.severity == "warning"]
    goals_part = [w for w in warnings if w.startswith("goals")]
    assert warnings[: len(goals_part)] == goals_part  # goals come before indicators
    assert goals_part == sorted(goals_part, key=lambda w: int(w[6:-1]))


def test_json_shape_is_the_one_of_the_cli(findings: list[Finding]) -> None:
    item = findings[0].to_json()
    assert list(item) == ["rule", "severity", "dimension", "where", "subject", "message", "accepted"]
    assert item["accepted"] is False
    assert item["dimension"] in {"完整性", "相关性", "适当性", "可行性", "格式"}


def test_summary_counts_the_seed(findings: list[Finding]) -> None:
    warnings = sum(f.severity == "warning" for f in findings)
    infos = sum(f.severity == "info" for f in findings)
    assert summarize(findings) == f"错误 0 · 警告 {warnings} · 提示 {infos}"
    assert RULESET_VERSION.startswith("SZ-rules ")


def test_default_profile_and_font_give_the_same_result_on_the_seed() -> None:
    # The bundled font shows every character of the seed, so T04 stays silent.
    decl = seed()
    assert [f.rule for f in check_declaration(decl) if f.rule == "T04"] == []
