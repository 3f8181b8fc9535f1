"""Flat indicator lists from other sources: header matching, synonyms, values, append/replace."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.documents.xlsx import (
    XlsxImportError,
    apply_indicator_list,
    read_indicator_list,
)
from desktop.domain.model import Declaration
from desktop.domain.profile import Profile, load_profile

FIXTURES = Path(__file__).resolve().parent / "fixtures"
Builder = Callable[..., Path]
HEADER = ["序号", "一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位", "指标解释", "对应目标"]


def values(path: Path, profile: Profile) -> list[tuple[str, str, str, str, str]]:
    result = read_indicator_list(path, profile)
    return [
        (r.level2, r.indicator.name, r.indicator.value, r.indicator.unit, r.indicator.explanation)
        for r in result.rows
        if r.indicator is not None
    ]


def test_header_below_titles_columns_in_any_order_synonyms_extra_columns(make_workbook: Builder, profile: Profile) -> None:
    path = make_workbook({"Sheet1": [
        ["2026年度部门整体绩效指标"],
        ["单位：示例单位", None, "填报日期：2026-01-15"],
        [],
        ["指标说明", "权重", "* 指标名称", "度量单位", "二级指标", "一级指标", "指标性质", "指标值", "备注"],
        ["考察培训开展场次", 10, "培训场次", "场", "数量指标", "产出指标", "≥", 12, "无"],
    ]})
    assert values(path, profile) == [("数量指标", "培训场次", "≥12场", "", "考察培训开展场次")]


@pytest.mark.parametrize(
    ("operator", "value", "unit", "stored"),
    [
        ("≥", 95, "%", ("≥95%", "")),  # unit beside the number
        ("", "≥95%", "", ("≥95%", "")),  # everything inside 指标值
        ("", "≥95%", "%", ("≥95%", "")),  # unit inside and beside: not repeated
        ("大于等于", 4, "次", ("≥4次", "")),
        ("＞＝", "９０", "％", ("≥90%", "")),  # full-width forms normalised (T01)
        ("", 95.5, "%", ("95.5%", "")),
        ("定性", "显著", "", ("显著", "")),
        ("", "每季度1次", "", ("每季度1次", "")),
        ("", "2026年12月31日前", "", ("2026年12月31日前", "")),
        ("", "按计划完成", "项", ("按计划完成", "项")),  # a unit that cannot join a text stays beside it
    ],
)
def test_value_with_unit_inside_or_beside(make_workbook: Builder, profile: Profile, operator: str,
                                         value: object, unit: str, stored: tuple[str, str]) -> None:
    path = make_workbook({"绩效指标": [HEADER, [1, "产出指标", "数量指标", "指标A", operator, value, unit, "", ""]]})
    assert values(path, profile)[0][2:4] == stored


def test_unrecognised_value_names_its_cell(make_workbook: Builder, profile: Profile) -> None:
    rows: list[list[object]] = [list[object](HEADER)]
    rows += [[n, "产出指标", "数量指标", f"指标{n}", "≥", n, "次", "", ""] for n in range(1, 11)]
    rows.append([11, "产出指标", "数量指标", "指标11", "", "2%8", "", "", ""])
    path = make_workbook({"绩效指标": rows})
    with pytest.raises(XlsxImportError) as info:
        read_indicator_list(path, profile)
    assert str(info.value) == '绩效指标!F12：无法识别的指标值 "2%8"'


def test_level_names_checked_and_filled_down(make_workbook: Builder, profile: Profile) -> None:
    good = make_workbook({"绩效指标": [
        HEADER,
        [1, "产出指标", "数量指标", "指标1", "", "1次", "", "", ""],
        [2, None, None, "指标2", "", "2次", "", "", ""],
        [3, None, "质量指标", "指标3", "", "100%", "", "", ""],
    ]}, name="good.xlsx")
    assert [(v[0], v[1]) for v in values(good, profile)] == [
        ("数量指标", "指标1"), ("数量指标", "指标2"), ("质量指标", "指标3")]
    bad = make_workbook({"绩效指标": [
        HEADER,
        [1, "产出指标", "效益指标", "指标1", "", "1次", "", "", ""],
        [2, "过程指标", "数量指标", "指标2", "", "2次", "", "", ""],
    ]}, name="bad.xlsx")
    with pytest.raises(XlsxImportError) as info:
        read_indicator_list(bad, profile)
    assert [str(p) for p in info.value.problems] == [
        "绩效指标!C2：二级指标“效益指标”不属于一级指标“产出指标”",
        "绩效指标!B3：一级指标“过程指标”不属于指标体系 SZ-DEPT-2026（应为：产出指标、效益指标、满意度指标）",
    ]


def test_empty_markers_become_empty_values_with_a_warning(make_workbook: Builder, profile: Profile) -> None:
    path = make_workbook({"绩效指标": [HEADER, [1, "产出指标", "数量指标", "指标1", "", "/", "*", "", ""]]})
    result = read_indicator_list(path, profile)
    indicator = result.rows[0].indicator
    assert indicator is not None and (indicator.value, indicator.unit) == ("", "")
    assert result.warnings == ["绩效指标!F2：指标值“/”表示空值，已按空值导入（S09）"]


def test_unknown_grade_is_a_warning(make_workbook: Builder, profile: Profile) -> None:
    path = make_workbook({"绩效指标": [HEADER, [1, "效益指标", "社会效益指标", "指标1", "定性", "很好", "", "", ""]]})
    result = read_indicator_list(path, profile)
    indicator = result.rows[0].indicator
    assert indicator is not None and indicator.value == "很好"
    assert result.warnings == ["绩效指标!F2：“很好”不是指标体系中的定性等级词"]


def test_header_far_down_is_found_and_a_missing_one_is_named(make_workbook: Builder, profile: Profile) -> None:
    rows = [["说明"]] * 29 + [HEADER, [1, "产出指标", "数量指标", "指标1", "", "1次", "", "", ""]]
    assert values(make_workbook({"Sheet1": rows}, name="low.xlsx"), profile)[0][1] == "指标1"
    path = make_workbook({"Sheet1": [["说明"]] * 5}, name="none.xlsx")
    with pytest.raises(XlsxImportError) as info:
        read_indicator_list(path, profile)
    assert "找不到指标表头" in str(info.value)


def test_explanation_synonyms_and_a_warning_per_unused_column(make_workbook: Builder, profile: Profile) -> None:
    path = make_workbook({"Sheet1": [
        ["一级指标", "二级指标", "三级指标", "指标值", "权重", "指标值说明", "评分标准", "牵头处室"],
        ["产出", "数量", "培训场次", "≥12场", 10, "考察培训开展场次", "每少1场扣1分", "人事处"],
        ["成本指标", "经济成本指标", "人均培训成本", "≤500元", 5, "总费用/人数", "", ""],
        [None, None, "/", "/", None, None, None, None],
    ]})
    result = read_indicator_list(path, profile)
    rows = [(r.level1, r.level2, r.indicator.name if r.indicator else None) for r in result.rows]
    assert rows == [("产出指标", "数量指标", "培训场次"), ("产出指标", "成本指标", "人均培训成本"),
                    ("产出指标", "成本指标", None)]
    first = result.rows[0].indicator
    assert first is not None and first.explanation == "考察培训开展场次"
    assert "Sheet1!G1：“评分标准”列与“指标解释”列重复，已忽略" in result.warnings
    assert "Sheet1!E1：“权重”列不属于申报表，没有导入" in result.warnings
    assert "Sheet1!H1：“牵头处室”列不属于申报表，没有导入" in result.warnings
    assert any("成本指标/经济成本指标" in w and "产出指标/成本指标" in w for w in result.warnings)


def test_header_without_level_columns(make_workbook: Builder, profile: Profile) -> None:
    path = make_workbook({"Sheet1": [["指标名称", "指标值"], ["指标1", "1次"]]})
    with pytest.raises(XlsxImportError) as info:
        read_indicator_list(path, profile)
    assert str(info.value) == "Sheet1!1：表头缺少列“一级指标”、“二级指标”"


def test_legacy_xls(profile: Profile) -> None:
    result = read_indicator_list(FIXTURES / "flat-list.xls", profile)
    assert result.sheet == "指标"
    assert [(r.level2, r.indicator.name, r.indicator.value) for r in result.rows if r.indicator] == [
        ("数量指标", "培训场次", "≥12场"),
        ("数量指标", "培训人数", "≥300.5人次"),
        ("质量指标", "培训合格率", "≥95%"),
        ("社会效益指标", "干部能力提升程度", "显著"),
        ("服务对象满意度指标", "参训人员满意度", "≥90%"),
    ]


def test_our_own_export_read_as_a_list_keeps_the_stored_texts(seed: Declaration, seed_xlsx: Path, profile: Profile) -> None:
    result = read_indicator_list(seed_xlsx, profile)
    assert result.sheet == "绩效指标"
    got = [(r.level2, r.indicator.name, r.indicator.value) for r in result.rows if r.indicator]
    assert got == [(c.level2, i.name, i.value) for c, i in seed.iter_indicators()]
    assert [c.level2 for c in result.categories if c.not_applicable] == [
        "经济效益指标", "可持续影响指标", "生态效益指标", "其他满意度指标"]


@pytest.fixture
def small_list(make_workbook: Builder) -> Path:
    return make_workbook({"绩效指标": [
        HEADER,
        [1, "产出指标", "数量指标", "新增指标1", "≥", 2, "次", "说明1", "1、2"],
        [2, "效益指标", "经济效益指标", "带动投资额", "≥", 100, "万元", "", ""],
        [3, "满意度指标", "其他满意度指标", "不适用", "", "不适用", "", "不适用", ""],
    ]})


def test_append(seed: Declaration, small_list: Path) -> None:
    before = seed.indicator_count()
    result = read_indicator_list(small_list, load_profile(seed.profile_id), goal_count=len(seed.goals))
    notes = apply_indicator_list(seed, result, replace=False)
    assert notes == []
    assert seed.indicator_count() == before + 2
    quantity = seed.category("产出指标", "数量指标")
    assert quantity is not None and quantity.indicators[-1].name == "新增指标1"
    assert quantity.indicators[-1].goals == [1, 2]
    economic = seed.category("效益指标", "经济效益指标")
    assert economic is not None and not economic.not_applicable
    assert [i.value for i in economic.indicators] == ["≥100万元"]


def test_replace(seed: Declaration, small_list: Path) -> None:
    result = read_indicator_list(small_list, load_profile(seed.profile_id))
    apply_indicator_list(seed, result, replace=True)
    assert [i.name for _c, i in seed.iter_indicators()] == ["新增指标1", "带动投资额"]
    assert [c.level2 for c in seed.categories if c.not_applicable] == ["其他满意度指标"]


def test_not_applicable_in_list_keeps_existing_rows(seed: Declaration, make_workbook: Builder) -> None:
    path = make_workbook({"绩效指标": [HEADER, [1, "产出指标", "数量指标", "不适用", "", "不适用", "", "", ""]]})
    before = seed.indicator_count()
    notes = apply_indicator_list(seed, read_indicator_list(path, load_profile(seed.profile_id)), replace=False)
    assert seed.indicator_count() == before
    assert notes == ["“数量指标”在清单中标为不适用，但申报表中已有指标，已保留原有指标"]


def test_goal_link_beyond_the_declaration_is_a_note_on_its_row(seed: Declaration, make_workbook: Builder) -> None:
    path = make_workbook({"绩效指标": [HEADER, [1, "产出指标", "数量指标", "指标1", "", "1次", "", "", "2、12"]]})
    result = read_indicator_list(path, load_profile(seed.profile_id))
    notes = apply_indicator_list(seed, result, replace=True)
    assert notes == ["绩效指标!I2：对应目标 12 不存在（申报表共 10 个目标），这一关联没有导入"]
    assert seed.categories[0].indicators[0].goals == [2]


def test_goal_links_checked_while_reading_when_the_count_is_known(seed: Declaration, make_workbook: Builder) -> None:
    path = make_workbook({"绩效指标": [HEADER, [1, "产出指标", "数量指标", "指标1", "", "1次", "", "", "12"]]})
    result = read_indicator_list(path, load_profile(seed.profile_id), goal_count=10)
    assert result.warnings == ["绩效指标!I2：对应目标 12 不存在（共 10 个目标），这一关联没有导入"]
    indicator = result.rows[0].indicator
    assert indicator is not None and indicator.goals == []


def test_other_profile_refused(seed: Declaration, small_list: Path) -> None:
    result = read_indicator_list(small_list, load_profile("SZ-DEPT-2026"))
    other = copy.deepcopy(seed)
    other.profile_id = "MOF-2021"
    with pytest.raises(XlsxImportError):
        apply_indicator_list(other, result, replace=False)
