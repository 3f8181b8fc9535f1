"""Every rule of the engine: a change of the seed that triggers it, and one that does not.

Each case names where the finding must point (a 0-based exchange path) and its severity; the
"clear" variant is either the seed itself or the seed with the problem fixed, and must have no
finding of that rule at that place.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest

from desktop.domain.model import Declaration, Indicator, Task
from desktop.rules.context import QUOTE_LIMIT, SourceNotes
from desktop.rules.engine import rule_checks
from tests.rules.helpers import category, indicator, of, run, seed

Mutation = Callable[[Declaration], object]  # what a mutation returns is ignored


def _nothing(decl: Declaration) -> None:
    pass


@dataclass(frozen=True)
class Case:
    id: str
    rule: str
    trigger: Mutation
    where: str
    severity: str
    clear: Mutation = _nothing
    options: dict[str, Any] = field(default_factory=dict)
    clear_options: dict[str, Any] = field(default_factory=dict)


def setattr_(path: Callable[[Declaration], Any], name: str, value: Any) -> Mutation:
    return lambda d: setattr(path(d), name, value)


def task(n: int) -> Callable[[Declaration], Task]:
    return lambda d: d.tasks[n]


def ind(name: str) -> Callable[[Declaration], Indicator]:
    return lambda d: indicator(d, name)


def add(level2: str, name: str, value: str, explanation: str = "该指标主要考察相关情况") -> Mutation:
    return lambda d: category(d, level2).indicators.append(
        Indicator(name=name, value=value, explanation=explanation)
    )


def both(*steps: Mutation) -> Mutation:
    def apply(d: Declaration) -> None:
        for step in steps:
            step(d)

    return apply


def _all_na(d: Declaration) -> None:
    for c in d.categories:
        if c.level1 == "效益指标":
            c.not_applicable, c.indicators = True, []


def _keep_one(d: Declaration) -> None:
    for c in d.categories:
        c.indicators = c.indicators[:1]


def _mark_na(level2: str) -> Mutation:
    def apply(d: Declaration) -> None:
        c = category(d, level2)
        c.not_applicable, c.indicators = True, []

    return apply


def _previous_with(value: str, goals: list[str] | None = None) -> Declaration:
    prev = seed()
    prev.year = 2025
    indicator(prev, "劳务派遣人员考核合格率").value = value
    if goals is not None:
        prev.goals = goals
    return prev


def _benefit_quantified(d: Declaration) -> None:
    for c in d.categories:
        for i in c.indicators:
            if i.value == "显著":
                i.value = "≥90%"


def _counts_qualitative(d: Declaration) -> None:
    for i in category(d, "数量指标").indicators:
        i.value = "显著"


def _clear_g04(d: Declaration) -> None:
    indicator(d, "形成VI系统设计成果数量").goals = [5]
    indicator(d, "规划发展类项目成果数量").goals = [7]
    indicator(d, "项目成果验收通过率").value = "100%"


def _link_all(d: Declaration) -> None:
    indicator(d, "开展日常综合管理服务项数").goals = [4, 8, 9]


COVERING = "在建旧住宅区改造项目开展巡查覆盖率"
CASES = [
    Case("S01", "S01", setattr_(lambda d: d.footer, "date", "2026-03-01"), "year", "warning",
         clear=setattr_(lambda d: d.footer, "date", "2025-09-30")),
    Case("S02-unit", "S02", setattr_(lambda d: d, "unit_name", "  "), "unit_name", "error"),
    Case("S02-supervisor", "S02", setattr_(lambda d: d, "supervisor", ""), "supervisor", "error"),
    Case("S03-none", "S03", setattr_(lambda d: d, "tasks", []), "tasks", "error"),
    Case("S03-content", "S03", setattr_(lambda d: d.tasks[1], "content", ""), "tasks[1].content", "error"),
    Case("S03-amount", "S03", setattr_(lambda d: d.tasks[2], "fiscal", Decimal(0)), "tasks[2].fiscal", "error"),
    Case("S04", "S04", lambda d: d.tasks.pop(0), "tasks", "warning"),
    Case("S05", "S05", setattr_(lambda d: d, "goals", []), "goals", "error"),
    Case("S06-empty", "S06", lambda d: d.goals.__setitem__(2, " "), "goals[2]", "error"),
    Case("S06-number", "S06", _nothing, "goals[4]", "warning",
         options={"source_notes": SourceNotes(goal_number_mismatches=((4, 7),))}),
    Case("S07", "S07", setattr_(lambda d: category(d, "时效指标"), "indicators", []), "indicators", "error",
         clear=_mark_na("其他满意度指标")),
    Case("S09", "S09", setattr_(ind("党组织建设事项数"), "explanation", ""), "indicators[0].explanation", "error"),
    Case("S11-level2", "S11", _mark_na("数量指标"), "indicators[0]", "error", clear=_mark_na("其他满意度指标")),
    Case("S11-warn", "S11", _mark_na("成本指标"), "indicators[19]", "warning"),
    Case("S11-level1", "S11", _all_na, "indicators[20]", "error"),
    Case("S12", "S12", _keep_one, "indicators", "warning"),
    Case("S13", "S13", add("数量指标", "党组织建设 事项数", "≥4次"), "indicators[9].name", "warning",
         clear=add("数量指标", "党组织建设活动人次", "≥40人次")),
    Case("S14-goal", "S14", lambda d: d.goals.__setitem__(0, d.goals[0] + "完成XX项"), "goals[0]", "error",
         clear=lambda d: d.goals.__setitem__(0, d.goals[0] + "XXL型号")),
    Case("S14-label", "S14", setattr_(ind("劳务派遣人员数量"), "explanation", "指标1："),
         "indicators[1].explanation", "error"),
    Case("A01", "A01", setattr_(lambda d: d.tasks[1], "declared_total", Decimal("888.95")), "tasks[1].total", "error"),
    Case("A02", "A02", setattr_(lambda d: d.declared_totals, "fiscal", Decimal("3293.34")), "totals.fiscal", "error"),
    Case("A03", "A03", setattr_(lambda d: d, "budget_control_total", Decimal("3300")),
         "budget_control_total", "error",
         clear=setattr_(lambda d: d, "budget_control_total", Decimal("3293.33"))),
    Case("A06", "A06", both(*(setattr_(task(n), "fiscal", v) for n, v in
                              ((0, Decimal("1125.334")), (1, Decimal("888.964")), (2, Decimal("1279.044"))))),
         "tasks", "warning",
         clear=setattr_(lambda d: d.tasks[0], "fiscal", Decimal("1125.331"))),
    Case("A07", "A07", setattr_(lambda d: d.tasks[2], "other", Decimal(10)), "tasks[2].other", "info"),
    Case("G01", "G01", lambda d: d.tasks.__setitem__(1, Task("防汛物资储备", "采购防汛沙袋", Decimal(1))),
         "tasks[1]", "warning",
         clear=lambda d: d.tasks.__setitem__(1, Task("党建活动", "组织党建活动", Decimal(1)))),
    Case("G02", "G02", _nothing, "goals[7]", "warning", clear=_link_all),
    Case("G03", "G03", _nothing, "goals[1]", "warning",
         clear=lambda d: d.goals.__setitem__(1, "通过加强辅助人员力量，配备不少于26名劳务派遣人员。")),
    Case("G04", "G04", _nothing, "goals[6]", "warning", clear=_clear_g04),
    Case("G05", "G05", lambda d: d.goals.__setitem__(0, d.goals[0] + "延续2025年做法。"), "goals[0]", "warning",
         clear=lambda d: d.goals.__setitem__(0, d.goals[0] + "到2030年形成长效机制。")),
    Case("G06", "G06", lambda d: d.goals.__setitem__(1, "加强党组织建设，提高工作效能。"), "goals[1]", "info"),
    Case("G07", "G07", lambda d: d.goals.__setitem__(1, "加强党建。"), "goals[1]", "warning",
         clear=lambda d: d.goals.__setitem__(1, "通过开展党建活动，完成不少于4次主题党日。")),
    Case("I01", "I01", setattr_(ind("党组织建设事项数"), "value", "按月安排"), "indicators[0].value", "warning",
         clear=setattr_(ind("党组织建设事项数"), "value", "2026年6月30日前")),
    Case("I01-na", "I01", setattr_(ind("党组织建设事项数"), "value", "不适用"), "indicators[0].value", "warning"),
    Case("I02-missing", "I02", setattr_(ind("党组织建设事项数"), "value", "≥4"), "indicators[0].value", "error",
         clear=both(setattr_(ind("党组织建设事项数"), "value", "≥4"), setattr_(ind("党组织建设事项数"), "unit", "次"))),
    Case("I02-conflict", "I02", setattr_(ind("党组织建设事项数"), "unit", "%"), "indicators[0].unit", "error",
         clear=setattr_(ind("党组织建设事项数"), "unit", "次")),
    Case("I03", "I03", setattr_(ind("党组织建设工作覆盖率"), "value", "120%"), "indicators[9].value", "error",
         clear=setattr_(ind("党组织建设工作覆盖率"), "value", "99.5%")),
    Case("I03-growth", "I03", add("社会效益指标", "服务人次增长率", "≥120%"), "indicators[29].value", "warning"),
    Case("I04", "I04", setattr_(ind("党组织建设事项数"), "value", "≥4%"), "indicators[0].value", "warning",
         clear=setattr_(ind("党组织建设事项数"), "value", "≥4场")),
    Case("I05-positive", "I05", setattr_(ind("劳务派遣人员考核合格率"), "value", "≤90%"), "indicators[10].value", "warning"),
    Case("I05-negative", "I05", add("质量指标", "安全事故发生数", "≥1次"), "indicators[14].value", "warning",
         clear=add("质量指标", "安全事故发生数", "≤1次")),
    Case("I06-info", "I06", setattr_(ind("党组织建设工作覆盖率"), "value", "≥100%"), "indicators[9].value", "info"),
    Case("I06-error", "I06", setattr_(ind("党组织建设工作覆盖率"), "value", ">100%"), "indicators[9].value", "error",
         clear=setattr_(ind("党组织建设工作覆盖率"), "value", ">95%")),
    Case("I07", "I07", _nothing, "indicators[31].value", "warning",
         clear=setattr_(ind("民生诉求满意度"), "value", "≥85%")),
    Case("I07-qualitative", "I07", setattr_(ind("民生诉求满意度"), "value", "显著"), "indicators[31].value", "warning",
         clear=setattr_(ind("民生诉求满意度"), "value", "≥90%")),
    Case("I08-bands", "I08", setattr_(ind("党组织建设工作覆盖率"), "value", "显著"), "indicators[9].explanation", "warning"),
    Case("I08-word", "I08", setattr_(ind("党组织建设工作覆盖率"), "value", "良好"), "indicators[9].value", "warning",
         clear=setattr_(ind("党组织建设工作覆盖率"), "value", "100%")),
    Case("I09", "I09", _nothing, "indicators[20]", "warning", clear=_benefit_quantified),
    Case("I09-overall", "I09", _counts_qualitative, "indicators", "warning"),
    Case("I10", "I10", _nothing, "indicators[4].name", "warning",
         clear=setattr_(ind("完成跟拍工作和素材积累"), "name", "跟拍工作和素材积累数量")),
    Case("I11", "I11", add("社会效益指标", "宣传活动场次", "≥3次"), "indicators[29].value", "warning",
         clear=add("社会效益指标", "宣传活动覆盖率", "≥30%")),
    Case("I12", "I12", add("质量指标", "群众满意度", "≥90%"), "indicators[14].name", "warning"),
    Case("I13", "I13", _nothing, "indicators[13].explanation", "warning",
         clear=setattr_(ind(COVERING), "explanation", "该指标主要考察在建项目巡查覆盖情况")),
    Case("I14", "I14", _nothing, "indicators[9].explanation", "info",
         clear=setattr_(ind("党组织建设工作覆盖率"), "explanation", "覆盖率=已覆盖支部数/支部总数×100%")),
    Case("I15", "I15", add("质量指标", "预算执行率", "≥90%"), "indicators[14].name", "warning",
         clear=add("成本指标", "预算执行率", "≥90%")),
    Case("I16", "I16", _nothing, "indicators[19].name", "info",
         clear=add("成本指标", "人均培训成本", "≤500元")),
    Case("I17", "I17", _nothing, "indicators[18].value", "info",
         clear=setattr_(ind("在建旧住宅区改造项目巡查开展及时性"), "value", "≥95%")),
    Case("I18", "I18", setattr_(ind("工作计划完成及时率"), "value", "2025年12月31日前"), "indicators[17].value", "error",
         clear=setattr_(ind("工作计划完成及时率"), "value", "2026年12月31日前")),
    Case("I19", "I19", add("质量指标", "党组织建设事项数", "≥4次"), "indicators[14].name", "warning"),
    Case("I20", "I20", setattr_(ind("党组织建设事项数"), "name", "党" * 61), "indicators[0].name", "warning",
         clear=setattr_(ind("党组织建设事项数"), "name", "党" * 60)),
    Case("C01-lower", "C01", _nothing, "indicators[10].value", "warning",
         options={"previous": _previous_with("≥95%", goals=["上年目标"])},
         clear_options={"previous": _previous_with("≥85%", goals=["上年目标"])}),
    Case("C01-goal", "C01", _nothing, "goals[0]", "warning", options={"previous": _previous_with("≥90%")},
         clear_options={"previous": _previous_with("≥90%", goals=["上年目标"])}),
    Case("T01", "T01", _nothing, "indicators[3].value", "info",
         options={"source_notes": SourceNotes(normalised_paths=("indicators[3].value",))}),
    Case("T02", "T02", lambda d: setattr(d, "unit_name", d.unit_name + " "), "unit_name", "warning"),
    Case("T02-newline", "T02", setattr_(ind("党组织建设事项数"), "value", "≥4次\n"), "indicators[0].value", "warning"),
    Case("T03", "T03", _nothing, "indicators[19].explanation", "info",
         clear=setattr_(ind("成本控制率"), "explanation", "考察成本控制情况（成本控制率=实际支出/预算×100%）")),
    Case("T04", "T04", _nothing, "unit_name", "error", options={"font_covers": lambda c: c != "福"},
         clear_options={"font_covers": lambda c: c != "龘"}),
]


def _findings(case: Case, mutation: Mutation, options: dict[str, Any]) -> list[Any]:
    decl = seed()
    mutation(decl)
    return [f for f in of(run(decl, **copy.copy(options)), case.rule) if f.where == case.where]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_triggers(case: Case) -> None:
    found = _findings(case, case.trigger, case.options)
    assert found, f"{case.rule} expected at {case.where}"
    assert {f.severity for f in found} == {case.severity}
    for f in found:
        assert f.subject and f.message
        assert f.dimension in {"完整性", "相关性", "适当性", "可行性", "格式"}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_stays_silent(case: Case) -> None:
    assert _findings(case, case.clear, case.clear_options) == []


def test_every_checked_rule_has_a_case() -> None:
    assert {c.rule for c in CASES} == set(rule_checks())


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_message_names_its_subject(case: Case) -> None:
    for f in _findings(case, case.trigger, case.options):
        if f.where.startswith("goals["):
            assert f"目标{int(f.where[6:-1]) + 1}" in f.message
        else:  # a long subject is quoted by its beginning
            assert f.subject[:QUOTE_LIMIT] in f.message
