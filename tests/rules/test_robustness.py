"""The check never fails on anything the editor can hold: empty, odd, huge or random declarations.

Every finding must still be one a view can show: a registered rule with its own severity and
dimension, a ``where`` that points into the declaration, a subject, and a readable message.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.model import AcceptedFinding, Declaration, Footer, Indicator, Task, Totals
from desktop.domain.profile import available_profile_ids, load_profile, new_declaration
from desktop.rules.engine import check_declaration, summarize
from desktop.rules.findings import Finding
from desktop.rules.locate import indicator_slots, parse_where
from desktop.rules.registry import ENGINE, RULES
from desktop.rules.report import format_findings_text

PROFILES = sorted(available_profile_ids())
_PATH_IN_TEXT = re.compile(r"[A-Za-z_]+\[\d+\]")
_SECTIONS = {"year", "unit_name", "supervisor", "tasks", "totals", "goals", "indicators",
             "footer", "budget_control_total"}

ODD_TEXTS = [
    "", " ", "\u3000", "\u200b", "\ufeff", "\t\n", "😀", "e\u0301", "目标1：", "XX", "……",
    "x" * 10_000, "党" * 10_000, "通过开展2026年第二季度内完成4次巡查，覆盖率不低于95%。",
    "（", "=", "/", "100%", "2025年", "不适用",
]
GRAMMAR_VALUES = [
    "≥4次", "≥26人", "100%", "≥95%", "≤20万元", "显著", "明显", "每季度1次", "每月≥2次",
    "2026年12月31日前", "2026年第二季度内", "80%-100%", "3-5天", "不适用", ">100%", "≥100%",
    "=90%", "0%", "120%", "≥4", "28.8万元",
]
JUNK_VALUES = [
    "≥", "%", "100%%", "—", "-", "*", "/", "≥%", "=", "1e5%", "-5%", "≥-1%", "∞", "每月",
    "每月0次", "2026年13月40日前", "2026年2月30日前", "9999年12月31日前", "0年1月前",
    "2026年第五季度内", "80%-", "1至", "99999999999999999999999%", "≥.5%", "按月安排", "良好",
]


def assert_well_formed(findings: list[Finding], decl: Declaration) -> None:
    slots = len(indicator_slots(decl))
    sizes = {"tasks": len(decl.tasks), "goals": len(decl.goals), "indicators": slots}
    for f in findings:
        info = RULES[f.rule]
        assert info.enforced_by == ENGINE, f.rule
        assert f.severity in info.severities, f
        assert f.dimension == info.dimension, f
        where = parse_where(f.where)
        assert where.section in _SECTIONS, f.where
        if where.index is not None:
            assert where.index < sizes[where.section], f.where
        assert f.subject.strip() and f.message.strip(), f
        assert not _PATH_IN_TEXT.search(f.message), f.message
        assert len(f.message) < 600, f.rule
    summarize(findings)
    format_findings_text(findings)


@pytest.mark.parametrize("profile_id", PROFILES)
def test_an_untouched_new_declaration(profile_id: str) -> None:
    decl = new_declaration(load_profile(profile_id), 2026)
    findings = check_declaration(decl)
    assert_well_formed(findings, decl)
    errors = {(f.rule, f.subject) for f in findings if f.severity == "error"}
    assert {("S02", "部门（单位）名称"), ("S05", "年度总体目标")} <= errors
    # every category is reported as neither filled nor marked 不适用
    assert {s for r, s in errors if r == "S07"} == {c.level2 for c in decl.categories}


@pytest.mark.parametrize("profile_id", PROFILES)
def test_everything_not_applicable_and_blank_goals(profile_id: str) -> None:
    profile = load_profile(profile_id)
    decl = new_declaration(profile, 2026)
    for category in decl.categories:
        category.not_applicable = True
    decl.goals = ["  ", "\u3000\u200b", "\n"]
    findings = check_declaration(decl)
    assert_well_formed(findings, decl)
    assert [f.where for f in findings if f.rule == "S06"] == ["goals[0]", "goals[1]", "goals[2]"]
    # goals with nothing visible get no goal-content findings
    assert [f for f in findings if f.rule in ("G02", "G03", "G04", "G06", "G07")] == []
    required = {
        c.level2 for c in decl.categories
        if (l2 := profile.level2(c.level1, c.level2)) is not None and l2.requirement != "optional"
    }
    assert {f.subject for f in findings if f.rule == "S11" and f.subject in required} == required


@pytest.mark.parametrize("value", GRAMMAR_VALUES + JUNK_VALUES)
@pytest.mark.parametrize("unit", ["", "%", "次", "%%", "≥", "万元"])
def test_any_value_and_unit_on_the_seed_shape(value: str, unit: str) -> None:
    decl = new_declaration(load_profile("SZ-DEPT-2026"), 2026)
    decl.goals = ["通过开展巡查不少于4次，巡查覆盖率不低于95%，确保2026年12月31日前完成。"]
    for category in decl.categories:
        category.indicators = [Indicator("巡查覆盖率", value, unit, "反映巡查覆盖情况", [1])]
    assert_well_formed(check_declaration(decl), decl)


# -- random declarations ---------------------------------------------------------------------
_texts = st.one_of(
    st.sampled_from(ODD_TEXTS),
    st.text(max_size=30),
    st.text(alphabet="党建巡查覆盖率及时满意度完成项次份人％%≥≤<>=，。：；、（）() 0123456789一二两十第年月日前内",
            max_size=40),
)
_values = st.one_of(st.sampled_from(GRAMMAR_VALUES), st.sampled_from(JUNK_VALUES), _texts)
_units = st.one_of(st.sampled_from(["", "%", "次", "人", "项", "万元", "元/人", "%%", "≥"]), _texts)
_amounts = st.decimals(min_value=0, max_value=Decimal("99999999.999999"), places=6,
                       allow_nan=False, allow_infinity=False)
_dates = st.one_of(st.sampled_from(["", "2025-09-30", "2026-02-30", "昨天", "2025-13-01"]),
                   st.dates().map(lambda d: d.isoformat()))


@st.composite
def declarations(draw: st.DrawFn) -> Declaration:
    profile = load_profile(draw(st.sampled_from(PROFILES)))
    decl = new_declaration(profile, draw(st.integers(1900, 2100)), with_basic_row=draw(st.booleans()))
    decl.unit_name, decl.supervisor = draw(_texts), draw(_texts)
    decl.tasks += [
        Task(draw(_texts), draw(_texts), draw(_amounts), draw(_amounts),
             draw(st.one_of(st.none(), _amounts)))
        for _ in range(draw(st.integers(0, 4)))
    ]
    if draw(st.booleans()):
        decl.declared_totals = Totals(*(draw(st.one_of(st.none(), _amounts)) for _ in range(3)))
    decl.goals = draw(st.lists(_texts, max_size=5))
    links = st.lists(st.integers(1, len(decl.goals)), unique=True).map(sorted) if decl.goals else st.just([])
    for category in decl.categories:
        if draw(st.integers(0, 3)) == 0:
            category.not_applicable = True
            continue
        category.indicators = [
            Indicator(draw(_texts), draw(_values), draw(_units), draw(_texts), draw(links))
            for _ in range(draw(st.integers(0, 3)))
        ]
    decl.footer = Footer(draw(_texts), draw(_texts), draw(_texts), draw(_dates))
    decl.budget_control_total = draw(st.one_of(st.none(), _amounts))
    rules = st.sampled_from(sorted(RULES))
    decl.accepted_findings = [
        AcceptedFinding(draw(rules), draw(_texts), "理由") for _ in range(draw(st.integers(0, 2)))
    ]
    return decl


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(declarations())
def test_random_declarations_give_well_formed_findings(decl: Declaration) -> None:
    assert_well_formed(check_declaration(decl), decl)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(declarations(), declarations())
def test_random_declaration_against_a_random_previous_year(decl: Declaration, previous: Declaration) -> None:
    assert_well_formed(check_declaration(decl, previous=previous), decl)
