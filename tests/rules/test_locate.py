"""Findings mapped to the editor's rows, ordered as the form reads, marked and accepted."""

from __future__ import annotations

import copy

from desktop.domain.model import AcceptedFinding, Declaration, Indicator
from desktop.rules.findings import Finding, Severity
from desktop.rules.locate import (
    apply_acceptances,
    count_by_severity,
    describe_where,
    findings_by_row,
    indicator_path,
    indicator_slots,
    locate_indicator,
    parse_where,
    row_mark,
    sort_findings,
)
from tests.rules.helpers import category, seed


def _f(
    rule: str, severity: Severity, where: str, subject: str = "x", accepted: bool = False
) -> Finding:
    return Finding(rule, severity, "完整性", where, subject, f"{rule} 说明", accepted)


def test_parse_where_splits_section_index_and_field() -> None:
    parsed = parse_where("indicators[12].value")
    assert (parsed.section, parsed.index, parsed.field, parsed.row_path) == (
        "indicators",
        12,
        "value",
        "indicators[12]",
    )
    assert parse_where("goals[3]").row_path == "goals[3]"
    assert parse_where("totals.fiscal").row_path == "totals"
    assert parse_where("unit_name").row_path == "unit_name"


def test_seed_indicator_rows_follow_the_exchange_order() -> None:
    decl = seed()
    slots = indicator_slots(decl)
    assert len(slots) == 33  # the seed file's indicators array
    # indicators[20] is 经济效益指标, marked 不适用: one row without a real indicator
    assert (slots[20].level2, slots[20].row) == ("经济效益指标", None)
    assert (slots[21].level2, slots[21].row) == ("社会效益指标", 0)
    satisfaction = locate_indicator(decl, 31)
    assert satisfaction is not None
    cat = decl.categories[satisfaction.cat_index]
    assert satisfaction.row is not None
    assert cat.indicators[satisfaction.row].name == "民生诉求满意度"
    assert locate_indicator(decl, 33) is None


def test_empty_unmarked_category_has_no_row_and_later_rows_shift() -> None:
    decl = seed()
    category(decl, "成本指标").indicators.clear()  # empty and not marked 不适用
    slots = indicator_slots(decl)
    assert len(slots) == 32
    assert all(s.level2 != "成本指标" for s in slots)
    cost = next(i for i, c in enumerate(decl.categories) if c.level2 == "成本指标")
    assert indicator_path(decl, cost) is None
    economic = next(i for i, c in enumerate(decl.categories) if c.level2 == "经济效益指标")
    assert indicator_path(decl, economic) == "indicators[19]"


def test_indicator_path_is_the_inverse_of_locate() -> None:
    decl = seed()
    for index, slot in enumerate(indicator_slots(decl)):
        assert indicator_path(decl, slot.cat_index, slot.row) == f"indicators[{index}]"
    assert indicator_path(decl, 0, 99) is None


def test_findings_by_row_groups_fields_of_one_row() -> None:
    findings = [
        _f("I07", "warning", "indicators[31].value"),
        _f("I14", "info", "indicators[31].explanation"),
        _f("G03", "warning", "goals[1]"),
        _f("A02", "error", "totals.fiscal"),
    ]
    rows = findings_by_row(findings)
    assert [f.rule for f in rows["indicators[31]"]] == ["I07", "I14"]
    assert [f.rule for f in rows["goals[1]"]] == ["G03"]
    assert [f.rule for f in rows["totals"]] == ["A02"]


def test_row_mark_takes_the_worst_open_severity_and_lists_messages() -> None:
    mark = row_mark(
        [
            _f("I14", "info", "indicators[3]"),
            _f("I07", "warning", "indicators[3]"),
            _f("S09", "warning", "indicators[3]", accepted=True),
        ]
    )
    assert mark is not None
    assert mark.severity == "warning"
    assert mark.count == 2
    assert mark.tooltip.splitlines() == ["警告（I07）：I07 说明", "提示（I14）：I14 说明"]
    assert row_mark([_f("I07", "warning", "goals[0]", accepted=True)]) is None
    assert row_mark([]) is None


def test_sort_puts_open_findings_first_by_severity_then_form_order() -> None:
    findings = [
        _f("I14", "info", "indicators[2]"),
        _f("G03", "warning", "goals[5]"),
        _f("I07", "warning", "indicators[1].value"),
        _f("S03", "error", "tasks[0].name"),
        _f("G02", "warning", "goals[2]", accepted=True),
        _f("G03", "warning", "goals[1]"),
    ]
    order = [(f.rule, f.where) for f in sort_findings(findings)]
    assert order == [
        ("S03", "tasks[0].name"),
        ("G03", "goals[1]"),
        ("G03", "goals[5]"),
        ("I07", "indicators[1].value"),
        ("I14", "indicators[2]"),
        ("G02", "goals[2]"),
    ]
    assert count_by_severity(findings) == (1, 3, 1)


def test_acceptance_marks_warnings_but_never_errors() -> None:
    findings = [
        _f("I07", "warning", "indicators[31].value", "民生诉求满意度"),
        _f("S09", "error", "indicators[2].name", "民生诉求满意度"),
        _f("I14", "info", "indicators[3]", "成本控制率"),
    ]
    accepted = [
        AcceptedFinding("I07", "满意度指标/民生诉求满意度", "区里要求60%"),
        AcceptedFinding("S09", "民生诉求满意度", "不行"),
    ]
    marked = apply_acceptances(findings, accepted)
    assert [f.accepted for f in marked] == [True, False, False]
    # withdrawing the acceptance clears the mark again
    assert [f.accepted for f in apply_acceptances(marked, [])] == [False, False, False]


def test_describe_where_names_places_people_know() -> None:
    decl = seed()
    assert describe_where("goals[3]", decl) == "目标4"
    assert describe_where("tasks[1].fiscal", decl) == "任务2 · 财政拨款"
    assert (
        describe_where("indicators[31].value", decl)
        == "满意度指标 › 服务对象满意度指标 第1行 · 指标值"
    )
    assert describe_where("indicators[20]", decl) == "效益指标 › 经济效益指标（不适用）"
    assert describe_where("totals.other", decl) == "金额合计 · 其他资金"
    assert describe_where("unit_name", decl) == "部门（单位）名称"
    assert describe_where("indicators[7].name", None) == "绩效指标第8行 · 三级指标"


def test_locate_sees_edits_made_after_the_check_declaration_was_copied() -> None:
    decl: Declaration = copy.deepcopy(seed())
    category(decl, "数量指标").indicators.insert(0, Indicator(name="新指标"))
    slot = locate_indicator(decl, 0)
    assert slot is not None and slot.row == 0
    assert decl.categories[slot.cat_index].indicators[0].name == "新指标"
