"""Every problem in our own workbook is reported by sheet and cell; errors refuse the whole file."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop.documents.xlsx import NotOwnWorkbookError, XlsxImportError, read_xlsx
from tests.xlsx.rawxlsx import replace_entry


def edit(path: Path, sheet: str, changes: dict[str, object]) -> Path:
    wb = openpyxl.load_workbook(path)
    for ref, value in changes.items():
        wb[sheet][ref] = value
    wb.save(path)
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(XlsxImportError) as info:
        read_xlsx(path)
    return [str(p) for p in info.value.problems]


def test_unrecognised_value_names_its_cell(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "绩效指标", {"E12": None, "F12": "2%8"})
    assert problems(seed_xlsx) == ['绩效指标!F12：无法识别的指标值 "2%8"']


def test_operator_with_a_word_value(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "绩效指标", {"F2": "很多"})
    assert problems(seed_xlsx) == ['绩效指标!F2：计算符号为 "≥"，但指标值 "≥很多" 不是数值']


def test_unknown_operator(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "绩效指标", {"E2": "约"})
    assert problems(seed_xlsx) == ['绩效指标!E2：无法识别的计算符号 "约"']


def set_raw_number(path: Path, part: str, ref: str, text: str) -> None:
    """Put a number written exactly as ``text`` into a cell (Excel writes 17 digits; openpyxl 15)."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(part).decode()
    cell = re.search(rf'<c r="{ref}"[^>]*>.*?</c>', xml)
    assert cell is not None
    replace_entry(path, part, xml.replace(cell.group(0), f'<c r="{ref}"><v>{text}</v></c>').encode())


def test_float_noise_is_refused_not_rounded(seed_xlsx: Path) -> None:
    set_raw_number(seed_xlsx, "xl/worksheets/sheet3.xml", "D3", "0.30000000000000004")
    assert problems(seed_xlsx) == ["年度主要任务!D3：数值 0.30000000000000004 超过 6 位小数"]


def test_float_in_exponent_form_is_exact(seed_xlsx: Path) -> None:
    set_raw_number(seed_xlsx, "xl/worksheets/sheet3.xml", "D3", "8.8896E2")
    assert str(read_xlsx(seed_xlsx).declaration.tasks[1].fiscal) == "888.96"


def test_six_decimals_are_exact(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "年度主要任务", {"D3": 888.123456})
    assert str(read_xlsx(seed_xlsx).declaration.tasks[1].fiscal) == "888.123456"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("12,5", '金额 "12,5" 格式不正确'),
        (-1.5, "金额不能为负数（-1.5）"),
        (123456789.0, "整数部分超过 8 位"),
        (True, "应为数字"),
    ],
)
def test_bad_amount_cells(seed_xlsx: Path, value: object, message: str) -> None:
    edit(seed_xlsx, "年度主要任务", {"E4": value})
    found = problems(seed_xlsx)
    assert len(found) == 1 and found[0].startswith("年度主要任务!E4：") and message in found[0]


def test_amount_as_text_in_the_pattern_is_taken(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "年度主要任务", {"E4": "12.50"})
    assert str(read_xlsx(seed_xlsx).declaration.tasks[2].other) == "12.50"


def test_level_names_checked_against_the_profile(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "绩效指标", {"C3": "效益指标", "B4": "过程指标"})
    assert problems(seed_xlsx) == [
        "绩效指标!C3：二级指标“效益指标”不属于一级指标“产出指标”",
        "绩效指标!B4：一级指标“过程指标”不属于指标体系 SZ-DEPT-2026（应为：产出指标、效益指标、满意度指标）",
    ]


def test_short_and_split_level_names_are_the_profile_names(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "绩效指标", {"C3": "数量", "B4": "产出\n指标", "B23": "效益", "C23": "社会效益"})
    decl = read_xlsx(seed_xlsx).declaration
    assert [len(c.indicators) for c in decl.categories[:2]] == [9, 5]
    social = decl.category("效益指标", "社会效益指标")
    assert social is not None and social.indicators[0].name == "党员民主评议落实率"


def test_goal_link_to_missing_goal_is_a_note_on_its_row(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "绩效指标", {"I2": "3、11"})
    result = read_xlsx(seed_xlsx)
    assert "绩效指标!I2：对应目标 11 不存在（共 10 个目标），这一关联没有导入" in result.warnings
    assert result.declaration.categories[0].indicators[0].goals == [3]


def test_goal_links_in_other_spellings(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "绩效指标", {"I2": "目标3，目标1", "I3": 2})
    decl = read_xlsx(seed_xlsx).declaration
    assert [i.goals for i in decl.categories[0].indicators[:2]] == [[1, 3], [2]]


def test_not_applicable_row_beside_real_rows(seed_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(seed_xlsx)
    wb["绩效指标"].append([None, "产出指标", "数量指标", "不适用", None, "不适用"])
    wb.save(seed_xlsx)
    last = wb["绩效指标"].max_row
    found = problems(seed_xlsx)
    assert len(found) == 1
    assert found[0].startswith(f"绩效指标!A{last}：“数量指标”标为不适用，但同一类别中还有指标")


def test_bad_header_field(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "_perfdecl", {"B5": "二〇二六"})
    assert problems(seed_xlsx) == ['_perfdecl!B5：应为整数，实际是 "二〇二六"']


def test_unknown_profile(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "_perfdecl", {"B4": "XX-1999"})
    assert problems(seed_xlsx) == ["_perfdecl!B4：未知的指标体系“XX-1999”"]


def test_newer_version_refused_by_the_exchange_rules(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "_perfdecl", {"B2": "2"})
    assert problems(seed_xlsx) == ["_perfdecl!B2：文件版本 2 高于本程序支持的版本 1，请升级程序"]


def test_missing_column(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "年度主要任务", {"D1": "拨款"})
    assert problems(seed_xlsx) == ["年度主要任务：第 1 行缺少列“财政拨款”"]


def test_all_problems_are_listed_at_once(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "年度主要任务", {"D2": "x"})
    edit(seed_xlsx, "绩效指标", {"E12": None, "F12": "2%8", "B5": "过程指标"})
    found = problems(seed_xlsx)
    assert [p.split("：")[0] for p in found] == ["年度主要任务!D2", "绩效指标!B5", "绩效指标!F12"]


def test_long_lists_are_cut_in_the_message(seed_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(seed_xlsx)
    for row in range(2, 35):
        wb["绩效指标"][f"B{row}"] = "错误"
    wb.save(seed_xlsx)
    with pytest.raises(XlsxImportError) as info:
        read_xlsx(seed_xlsx)
    assert len(info.value.problems) == 33
    lines = str(info.value).split("\n")
    assert len(lines) == 21 and lines[-1] == "……另有 13 处问题未列出"


def test_flat_list_is_not_a_declaration(make_workbook: object, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["一级指标", "二级指标", "三级指标", "指标值"])
    wb.save(tmp_path / "list.xlsx")
    with pytest.raises(NotOwnWorkbookError) as info:
        read_xlsx(tmp_path / "list.xlsx")
    assert "--into" in str(info.value)


def test_missing_sheet(seed_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(seed_xlsx)
    del wb["年度总体目标"]
    wb.save(seed_xlsx)
    assert problems(seed_xlsx) == ["缺少工作表“年度总体目标”"]


def test_warnings_only_import_and_list_them(seed_xlsx: Path) -> None:
    edit(seed_xlsx, "年度总体目标", {"A3": 5, "B4": "目标7：通过加强管理。"})
    result = read_xlsx(seed_xlsx)
    assert result.declaration.goals[2] == "通过加强管理。"
    assert result.warnings == [
        "年度总体目标!A3：目标序号“5”与其位置（目标2）不一致，已按位置编号",
        "年度总体目标!B4：编号“目标7”与其位置（目标3）不一致，已按位置编号（S06）",
    ]
