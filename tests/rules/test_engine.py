"""Engine behaviour around the rules: acceptances, summary, text report, registry, font cmap."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desktop.domain.model import AcceptedFinding
from desktop.domain.profile import load_profile
from desktop.rules.engine import check_declaration, rule_checks, sort_findings, summarize
from desktop.rules.findings import Finding
from desktop.rules.fontcover import _reportlab_cmap, load_code_points, predicate_for
from desktop.rules.registry import ENGINE, RULES
from desktop.rules.report import format_findings_text
from tests.rules.helpers import of, run, seed


def test_an_accepted_warning_stays_listed_and_leaves_the_count() -> None:
    decl = seed()
    before = run(decl)
    decl.accepted_findings = [AcceptedFinding("I07", "民生诉求满意度", "区财政局要求的最低值为60%")]
    after = run(decl)
    [i07] = of(after, "I07")
    assert i07.accepted is True and i07.to_json()["accepted"] is True
    assert len(after) == len(before)
    warnings_before = sum(f.severity == "warning" for f in before)
    assert (
        summarize(after)
        == f"错误 0 · 警告 {warnings_before - 1} · 提示 {sum(f.severity == 'info' for f in before)} · 已接受 1"
    )


def test_acceptance_by_category_path_and_by_goal_text() -> None:
    decl = seed()
    decl.accepted_findings = [
        AcceptedFinding("I07", "服务对象满意度指标/民生诉求满意度", "理由"),
        AcceptedFinding("G02", decl.goals[7][:20], "理由"),
    ]
    findings = run(decl)
    assert all(f.accepted for f in of(findings, "I07"))
    assert [f.where for f in of(findings, "G02") if f.accepted] == ["goals[7]"]


def test_acceptance_of_another_rule_or_subject_does_not_apply() -> None:
    decl = seed()
    decl.accepted_findings = [AcceptedFinding("I13", "民生诉求满意度", "理由")]
    assert not any(f.accepted for f in run(decl))


def test_an_error_cannot_be_accepted() -> None:
    decl = seed()
    decl.unit_name = ""
    decl.accepted_findings = [AcceptedFinding("S02", "部门（单位）名称", "理由")]
    [s02] = of(run(decl), "S02")
    assert s02.severity == "error" and s02.accepted is False
    assert summarize(run(decl)).startswith("错误 1 ·")


def test_summary_of_nothing() -> None:
    assert summarize([]) == "错误 0 · 警告 0 · 提示 0"


def test_text_report_has_one_line_per_finding() -> None:
    decl = seed()
    decl.accepted_findings = [AcceptedFinding("I07", "民生诉求满意度", "理由")]
    findings = run(decl)
    lines = format_findings_text(findings)
    assert len(lines) == len(findings)
    assert all("\n" not in line for line in lines)
    [i07] = [line for line in lines if " I07 " in line]
    assert i07.startswith("警告 I07 [适当性] indicators[31].value ") and i07.endswith("（已接受）")


def test_errors_come_first_then_document_order() -> None:
    decl = seed()
    decl.unit_name = ""
    decl.tasks[1].declared_total = Decimal("1")
    findings = run(decl)
    assert [f.rule for f in findings[:2]] == ["S02", "A01"]
    shuffled = sort_findings(reversed(findings))
    assert [(f.rule, f.where) for f in shuffled] == [(f.rule, f.where) for f in findings]


def test_indicator_paths_follow_the_writer_order() -> None:
    from desktop.exchange.writer import declaration_to_dict

    decl = seed()
    doc = declaration_to_dict(decl)
    for finding in run(decl):
        if finding.where.startswith("indicators["):
            index = int(finding.where.split("[")[1].split("]")[0])
            row = doc["indicators"][index]
            assert row.get("name") == finding.subject or row["level1"] == finding.subject


def test_the_mof_profile_runs_on_an_empty_draft() -> None:
    from desktop.domain.profile import new_declaration

    profile = load_profile("MOF-2021")
    decl = new_declaration(profile, 2026)
    findings = check_declaration(decl, profile, font_covers=lambda c: True)
    rules = {f.rule for f in findings}
    assert {"S02", "S05", "S07"} <= rules
    assert all(f.severity == "error" for f in of(findings, "S07"))


def test_registry_matches_the_checks() -> None:
    checked = {rule for rule, info in RULES.items() if info.enforced_by == ENGINE}
    assert checked == set(rule_checks())
    assert {"C02", "C03", "A05", "G08", "S08", "S10", "A04"}.isdisjoint(checked)
    assert all(
        info.dimension in {"完整性", "相关性", "适当性", "可行性", "格式"}
        for info in RULES.values()
    )


def test_finding_json_is_plain_data() -> None:
    f = Finding("A01", "error", "完整性", "tasks[1].fiscal", "一般管理事务", "消息")
    assert f.to_json() == {
        "rule": "A01",
        "severity": "error",
        "dimension": "完整性",
        "where": "tasks[1].fiscal",
        "subject": "一般管理事务",
        "message": "消息",
        "accepted": False,
    }


def test_font_cmap_decides_t04(tiny_font: Path) -> None:
    covers = predicate_for(load_code_points(tiny_font))
    assert covers("中") and covers("A") and not covers("国")
    decl = seed()
    decl.unit_name = "中A国"
    decl.supervisor = "中"
    findings = [
        f
        for f in check_declaration(decl, font_covers=covers, rules=["T04"])
        if f.where in ("unit_name", "supervisor")
    ]
    assert [f.where for f in findings] == ["unit_name"]
    assert "国" in findings[0].message and "U+56FD" in findings[0].message


def test_reportlab_reads_the_same_cmap(tiny_font: Path) -> None:
    # The fallback when fontTools is not installed.
    assert _reportlab_cmap(tiny_font) == load_code_points(tiny_font) == {ord("A"), ord("中")}
