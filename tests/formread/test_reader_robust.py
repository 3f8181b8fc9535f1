"""Any grid, however odd, ends in a declaration or a FormReadError: never another exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.documents.formread import FormReadError, Grid, Span, read_form
from desktop.documents.xlsx.cells import CellValue

_WORDS = [
    "部门（单位）整体支出绩效目标申报表", "（2026年度）", "部门（单位）名称", "主管部门", "年度主要任务",
    "任务名称", "主要内容", "预算金额（万元）", "总额", "财政拨款", "其他资金", "金额合计：", "年度总体目标",
    "目标1：完成。目标2：提升。", "一级指标", "二级指标", "三级指标", "指标值", "度量单位", "指标解释",
    "产出\n指标", "数量", "社会效益", "不适用", "/", "≥4次", "100%", "显著", "填报人：张三", "联系电话：",
    "1,125.33", "abc", "", "注：", "项目名称", "（元）",
]
_CELL = st.one_of(st.none(), st.sampled_from(_WORDS), st.integers(-5, 10**9), st.floats(allow_nan=True))


@st.composite
def grids(draw: st.DrawFn) -> Grid:
    height = draw(st.integers(0, 14))
    width = draw(st.integers(1, 7))
    rows: list[list[CellValue]] = [[draw(_CELL) for _ in range(width)] for _ in range(height)]
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        if not height:
            break
        top = draw(st.integers(0, height - 1))
        left = draw(st.integers(0, width - 1))
        spans.append(Span(top, left, draw(st.integers(top, height - 1)), draw(st.integers(left, width - 1))))
    return Grid("表", rows, spans)


@settings(max_examples=300)
@given(grids())
def test_reader_never_fails_with_anything_but_a_clear_refusal(grid: Grid) -> None:
    try:
        result = read_form([grid])
    except FormReadError as error:
        assert str(error)
        return
    for problem in result.unplaced:
        assert problem.where and problem.message
