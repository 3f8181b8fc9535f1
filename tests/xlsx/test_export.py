"""The exported workbook has the shape of docs/xlsx.md and shows the form as printed."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desktop.documents.form_layout import build_form_layout
from desktop.documents.xlsx import export_xlsx
from desktop.domain.model import Declaration, Indicator
from desktop.domain.profile import Profile

INDICATOR_HEADER = [
    "序号", "一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位", "指标解释", "对应目标",
    "指标值原文", "度量单位原文",
]


def rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[list[object]]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_sheets_in_order_and_meta_hidden(seed_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(seed_xlsx)
    assert wb.sheetnames == ["申报表", "绩效指标", "年度主要任务", "年度总体目标", "_perfdecl"]
    assert wb["_perfdecl"].sheet_state == "hidden"
    assert all(wb[n].sheet_state == "visible" for n in wb.sheetnames[:4])


def test_properties_carry_fingerprint_and_revision(seed_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(seed_xlsx)
    assert wb.properties.identifier == "c493b6999ea4"
    custom = {p.name: p.value for p in wb.custom_doc_props}
    assert custom == {"perfdecl_fingerprint": "c493b6999ea4", "perfdecl_revision": 3}


def test_file_target_has_no_revision_property(seed: Declaration, export: Callable[..., Path]) -> None:
    wb = openpyxl.load_workbook(export(seed, revision=None))
    assert {p.name for p in wb.custom_doc_props} == {"perfdecl_fingerprint"}
    assert "未存档" in wb["申报表"].oddFooter.right.text


def test_indicator_sheet_splits_values_like_budget_systems(seed_xlsx: Path) -> None:
    ws = openpyxl.load_workbook(seed_xlsx)["绩效指标"]
    table = rows(ws)
    assert table[0] == INDICATOR_HEADER
    by_name = {r[3]: r for r in table[1:]}
    # quantitative: operator, number as a numeric cell, unit
    assert by_name["党组织建设事项数"][4:7] == ["≥", 4, "次"]
    assert by_name["党组织建设工作覆盖率"][4:7] == [None, 100, "%"]
    # qualitative: 定性 and the grade
    assert by_name["机构运转有效保障率"][4:7] == ["定性", "显著", None]
    # frequency: the whole text in 指标值, no operator
    assert by_name["在建旧住宅区改造项目巡查开展及时性"][4:7] == [None, "每季度1次", None]
    # the stored texts, in the hidden columns
    assert by_name["党组织建设事项数"][9] == "≥4次"
    assert ws.column_dimensions["J"].hidden and ws.column_dimensions["K"].hidden
    assert not ws.column_dimensions["F"].hidden
    # one row per 不适用 category, numbered with the rest
    na_rows = [r for r in table[1:] if r[3] == "不适用"]
    assert [r[2] for r in na_rows] == ["经济效益指标", "可持续影响指标", "生态效益指标", "其他满意度指标"]
    assert all(r[5] == "不适用" for r in na_rows)
    assert [r[0] for r in table[1:]] == list(range(1, len(table)))


def test_goal_links_joined_by_comma_mark(seed: Declaration, export: Callable[..., Path]) -> None:
    seed.categories[0].indicators[0].goals = [3, 1]
    ws = openpyxl.load_workbook(export(seed))["绩效指标"]
    assert ws["I2"].value == "1、3"


def test_tasks_and_goals_sheets(seed_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(seed_xlsx)
    tasks = rows(wb["年度主要任务"])
    assert tasks[0] == ["任务名称", "主要内容", "总额", "财政拨款", "其他资金", "总额（来源）"]
    assert tasks[1][:5] == ["基本支出", "主要用于人员、公用及对个人和家庭补助支出等", 1125.33, 1125.33, 0]
    assert wb["年度主要任务"].column_dimensions["F"].hidden
    assert wb["年度主要任务"]["D2"].number_format == "0.00"
    goals = rows(wb["年度总体目标"])
    assert goals[0] == ["目标序号", "目标内容"]
    assert len(goals) == 11 and goals[10][0] == 10
    goal = goals[2][1]
    assert isinstance(goal, str) and goal.startswith("通过加强2026年辅助人员力量")


def test_meta_sheet_keys(seed: Declaration, export: Callable[..., Path]) -> None:
    seed.budget_control_total = Decimal("3293.33")
    meta = {key: value for key, value in rows(openpyxl.load_workbook(export(seed))["_perfdecl"])}
    for key in ("format", "version", "form", "profile", "year", "unit_name", "supervisor",
                "footer.preparer", "footer.phone", "footer.unit_head", "footer.date",
                "budget_control_total", "totals", "accepted_findings", "source_fingerprint"):
        assert key in meta
    assert meta["format"] == "perfdecl.declaration"
    assert meta["year"] == "2026"
    assert meta["budget_control_total"] == "3293.33"
    assert meta["totals"] == '{"total": "3293.33", "fiscal": "3293.33", "other": "0.00"}'
    assert meta["source_fingerprint"] == "c493b6999ea4"


def _form_cells(seed_xlsx: Path) -> openpyxl.worksheet.worksheet.Worksheet:
    return openpyxl.load_workbook(seed_xlsx)["申报表"]


def test_form_sheet_has_the_merges_of_the_layout(seed: Declaration, profile: Profile, seed_xlsx: Path) -> None:
    ws = _form_cells(seed_xlsx)
    layout = build_form_layout(seed, profile)
    expected = {"A1:F1", "A2:F2"}
    for offset, (_block, row) in enumerate(layout.rows()):
        for cell in row.cells:
            if cell.colspan > 1 or cell.rowspan > 1:
                first = openpyxl.utils.get_column_letter(cell.col + 1)
                last = openpyxl.utils.get_column_letter(cell.col + cell.colspan)
                expected.add(f"{first}{3 + offset}:{last}{3 + offset + cell.rowspan - 1}")
    assert {str(r) for r in ws.merged_cells.ranges} == expected
    # spot checks against the paper: the task block label spans both header rows and 3 tasks
    assert "A4:A8" in expected and ws["A4"].value == "年度\n主要\n任务"
    assert ws["A3"].value == "部门（单位）名称" and ws["D3"].value == "主管部门"


def test_form_sheet_amounts_are_numbers_with_two_decimals(seed_xlsx: Path) -> None:
    ws = _form_cells(seed_xlsx)
    totals = [r for r in ws.iter_rows(min_row=3) if r[0].value == "金额合计："][0]
    assert [c.value for c in totals[3:6]] == [3293.33, 3293.33, 0]
    assert all(c.number_format == "0.00" and c.data_type == "n" for c in totals[3:6])


def test_form_sheet_amount_with_more_decimals_shows_them(seed: Declaration, export: Callable[..., Path]) -> None:
    seed.tasks[0].fiscal = Decimal("1125.3318")
    ws = openpyxl.load_workbook(export(seed))["申报表"]
    assert ws["E6"].value == 1125.3318 and ws["E6"].number_format == "0.0000"


def test_form_sheet_font_borders_wrapping(seed_xlsx: Path) -> None:
    ws = _form_cells(seed_xlsx)
    cell = ws["C6"]  # 主要内容 of 基本支出
    assert cell.value.startswith("主要用于人员")
    assert cell.font.name == "宋体"
    assert cell.alignment.wrap_text
    assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"
    assert ws["A1"].font.name == "宋体" and ws["A1"].font.bold


def test_form_sheet_rows_tall_enough_for_wrapped_text(seed_xlsx: Path) -> None:
    ws = _form_cells(seed_xlsx)
    # 重点片区建设 has five numbered items in a 46 mm column: far taller than 基本支出
    short, long = ws.row_dimensions[6].height, ws.row_dimensions[8].height
    assert long > 4 * short
    # every goal row at least as tall as one line
    assert all(ws.row_dimensions[r].height >= 18 for r in range(10, 20))


def test_form_sheet_print_setup(seed_xlsx: Path) -> None:
    ws = _form_cells(seed_xlsx)
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.page_setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    header_row = [r[0].row for r in ws.iter_rows() if r[0].value == "一级\n指标"][0]  # as on paper
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert "c493b6999ea4" in ws.oddFooter.right.text


def test_text_starting_with_equals_stays_text(seed: Declaration, export: Callable[..., Path]) -> None:
    seed.categories[0].indicators[0] = Indicator(name="=SUM(A1:A2)", value="=4次", explanation="=1+1")
    wb = openpyxl.load_workbook(export(seed))
    ws = wb["绩效指标"]
    assert ws["D2"].value == "=SUM(A1:A2)" and ws["D2"].data_type == "s"
    assert ws["J2"].value == "=4次" and ws["J2"].data_type == "s"


def test_export_is_atomic(seed: Declaration, profile: Profile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "keep.xlsx"
    target.write_bytes(b"previous")

    def broken_save(self: object, filename: object) -> None:
        Path(str(filename)).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(OSError):
        export_xlsx(seed, profile, target, revision=1, fingerprint="c493b6999ea4")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.xlsx"]
