"""The reader on small grids: label variants and layouts people use, one at a time."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.documents.formread import FormReadError, grid_from_text_rows, read_form
from desktop.documents.formread.result import FormReadResult


def _read(rows: list[str]) -> FormReadResult:
    grid = grid_from_text_rows("表", [row.split("|") for row in rows])
    return read_form([grid])


_INDICATORS = [
    "一级指标|二级指标|三级指标|指标值|度量单位|指标解释",
    "产出|数量|电话回访次数|≥4|次|考察回访",
]


def test_inline_goals_headings_with_ordinals_and_amounts_in_yuan() -> None:
    result = _read([
        "2026年度部门整体支出绩效目标申报表",
        "填报单位：示例单位|主管部门：示例局",
        "一、年度主要任务",
        "任务名称|主要内容|预算金额（元）",
        "||总额|财政拨款|其他资金",
        "培训|组织培训|125000|120000|5000",
        "二、年度总体目标：目标1：完成培训4次。目标2：满意度达到90%。",
        *_INDICATORS,
        "填报人：张三    联系电话：0755-1234    填报日期：2026年9月1日",
    ])
    decl = result.declaration
    assert (decl.year, decl.unit_name, decl.supervisor) == (2026, "示例单位", "示例局")
    assert [(t.name, t.fiscal, t.other) for t in decl.tasks] == [("培训", Decimal("12"), Decimal("0.5"))]
    assert decl.goals == ["完成培训4次。", "满意度达到90%。"]
    assert decl.categories[0].indicators[0].name == "电话回访次数"  # 电话 here is no signature label
    assert (decl.footer.preparer, decl.footer.phone, decl.footer.date) == ("张三", "0755-1234", "2026-09-01")
    assert result.unplaced == []
    assert any("元" in str(n) and "万元" in str(n) for n in result.notes)


def test_only_a_total_column_is_taken_as_fiscal_with_a_note() -> None:
    result = _read(["（2026年度）", "任务名称|主要内容|合计", "培训|组织培训|10", "年度总体目标|目标1：完成培训。", *_INDICATORS])
    assert [(t.fiscal, t.other) for t in result.declaration.tasks] == [(Decimal(10), Decimal(0))]
    assert any("只有总额" in str(n) for n in result.notes)


def test_a_missing_year_is_a_note_not_a_guess_kept_silent() -> None:
    result = _read(["任务名称|主要内容|财政拨款", "培训|组织培训|10", *_INDICATORS])
    assert any("没有找到年度" in str(n) for n in result.notes)


def test_unknown_level_names_are_listed_not_guessed() -> None:
    result = _read(["（2026年度）", "年度总体目标|目标1：完成。", "一级指标|二级指标|三级指标|指标值",
                    "过程指标|数量|培训次数|≥4次"])
    assert [str(p) for p in result.unplaced] == [
        "表!4：一级指标“过程指标”不属于指标体系 SZ-DEPT-2026（应为：产出指标、效益指标、满意度指标），“培训次数”一行没有导入"
    ]


def test_project_form_is_recognised_and_refused_clearly() -> None:
    with pytest.raises(FormReadError, match="项目支出绩效目标申报表"):
        _read(["项目支出绩效目标申报表", "项目名称|示例项目", "项目属性|新增", *_INDICATORS])


def test_nothing_like_a_form() -> None:
    with pytest.raises(FormReadError, match="没有找到申报表"):
        _read(["会议纪要", "时间|2026年"])


def test_a_note_under_the_table_is_listed_and_a_label_inside_it_is_no_signature() -> None:
    result = _read([
        "（2026年度）", "年度总体目标|目标1：完成。",
        "一级指标|二级指标|三级指标|指标值|度量单位|指标解释",
        "产出|数量|检查次数|≥4次||负责人：科室长审核",
        "产出|质量|合格率|100%||",
        "注：本表金额单位为万元",
        "填报人：李四",
    ])
    decl = result.declaration
    assert [i.name for _c, i in decl.iter_indicators()] == ["检查次数", "合格率"]
    assert decl.categories[0].indicators[0].explanation == "负责人：科室长审核"
    assert decl.footer.preparer == "李四"
    assert [str(p) for p in result.unplaced] == ["表!A6：未能识别的内容“注：本表金额单位为万元”"]


def test_sequence_and_weight_columns_are_noted_once_not_per_cell() -> None:
    result = _read([
        "（2026年度）",
        "序号|任务名称|主要内容|财政拨款",
        "1|培训|组织培训|10",
        "年度总体目标|目标1：完成。",
        "序号|一级指标|二级指标|三级指标|指标值|权重|牵头科室",
        "1|产出|数量|检查次数|≥4次|10|综合科",
        "2|产出|质量|合格率|100%|10|综合科",
    ])
    assert [t.name for t in result.declaration.tasks] == ["培训"]
    assert result.declaration.indicator_count() == 2
    assert [str(p) for p in result.unplaced] == ["表!G5：表头“牵头科室”无法识别，该列没有导入"]
    assert sum("“权重”列不属于申报表" in str(n) for n in result.notes) == 1


def test_a_merge_over_the_whole_sheet_is_clipped_to_the_cells_there() -> None:
    from desktop.documents.formread import Grid, Span

    grid = Grid("表", [["年度总体目标", "目标1：完成。"]], [Span(0, 1, 1_048_575, 16_383)])
    assert grid.spans == [Span(0, 1, 0, 1)]
    assert read_form([grid]).declaration.goals == ["完成。"]
