"""Export → import → export gives the same content and fingerprint; edits made in Excel are taken."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desktop.documents.xlsx import read_xlsx
from desktop.domain.model import AcceptedFinding, Declaration, Footer, Indicator, Task
from desktop.exchange.canonical import content_key, equal_in_content, fingerprint
from desktop.exchange.reader import read_json_file
from tests.synthetic import large_declaration


def test_seed_round_trip(seed: Declaration, seed_xlsx: Path, export: Callable[..., Path]) -> None:
    first = read_xlsx(seed_xlsx)
    assert first.warnings == [] and first.edited_rows == []
    assert first.source_fingerprint == "c493b6999ea4"
    assert equal_in_content(seed, first.declaration)
    again = read_xlsx(export(first.declaration, "again.xlsx"))
    assert content_key(again.declaration) == content_key(seed)
    assert fingerprint(again.declaration) == "c493b6999ea4"


def test_case_2_round_trip(fixtures_dir: Path, export: Callable[..., Path]) -> None:
    """Declared totals that differ, a budget control total, accepted findings, goal links, CRLF."""
    original = read_json_file(fixtures_dir / "fingerprint-case-2.json").declaration
    result = read_xlsx(export(original))
    assert equal_in_content(original, result.declaration)
    assert fingerprint(result.declaration) == "efb33cf77a4d"
    assert result.declaration.accepted_findings == original.accepted_findings
    assert result.declaration.declared_totals == original.declared_totals
    assert result.warnings == []


def test_declared_total_that_differs_is_reported_at_its_cell(seed: Declaration, export: Callable[..., Path]) -> None:
    seed.tasks[1].declared_total = Decimal("900")
    result = read_xlsx(export(seed))
    assert result.declaration.tasks[1].declared_total == Decimal("900")
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("年度主要任务!F3：任务2“一般管理事务”的总额 900")
    assert result.warnings[0].endswith("（A01）")


def test_everything_the_sheets_cannot_show_survives(seed: Declaration, export: Callable[..., Path]) -> None:
    seed.footer = Footer(preparer="张三", phone="0755-12345678", unit_head="李四", date="2026-01-15")
    seed.budget_control_total = Decimal("3293.330001")
    seed.accepted_findings = [AcceptedFinding("I07", "服务对象满意度指标/民生诉求满意度", "区财政局要求\n最低值为60%")]
    seed.tasks.append(Task(name="新任务", content="", fiscal=Decimal("12345678.123456"), other=Decimal("0.000001"),
                           declared_total=Decimal("99999999.999999")))
    seed.categories[0].indicators[0].goals = [1, 10]
    seed.categories[0].indicators.append(
        Indicator(name="  前后空格  ", value="≥ 95 %", unit="次/年", explanation="第一行\n第二行", goals=[2])
    )
    seed.goals.append("")
    result = read_xlsx(export(seed))
    assert equal_in_content(seed, result.declaration)
    assert result.edited_rows == []


def test_large_declaration_round_trip(export: Callable[..., Path]) -> None:
    big = large_declaration(300)
    assert equal_in_content(big, read_xlsx(export(big)).declaration)


def _edit(path: Path, sheet: str, changes: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(path)
    for ref, value in changes.items():
        wb[sheet][ref] = value
    wb.save(path)


def _row_of(path: Path, name: str) -> int:
    ws = openpyxl.load_workbook(path)["绩效指标"]
    row: int = next(r[0].row for r in ws.iter_rows() if r[3].value == name)
    return row


def test_edited_value_is_joined_back_and_listed(seed_xlsx: Path) -> None:
    row = _row_of(seed_xlsx, "劳务派遣人员数量")
    _edit(seed_xlsx, "绩效指标", {f"F{row}": 30})
    result = read_xlsx(seed_xlsx)
    indicator = result.declaration.categories[0].indicators[1]
    assert (indicator.value, indicator.unit) == ("≥30", "人")
    assert result.edited_rows == [row]
    assert result.warnings == [
        f"绩效指标!F{row}：“劳务派遣人员数量”一行在表格中修改过，已按修改后的内容导入（指标值“≥30”，度量单位“人”）"
    ]
    # the untouched rows keep their stored texts
    assert result.declaration.categories[0].indicators[0].value == "≥4次"


def test_edited_operator_and_qualitative_grade(seed_xlsx: Path) -> None:
    rate = _row_of(seed_xlsx, "党组织建设工作覆盖率")
    grade = _row_of(seed_xlsx, "机构运转有效保障率")
    _edit(seed_xlsx, "绩效指标", {f"E{rate}": ">=", f"F{grade}": "明显"})
    result = read_xlsx(seed_xlsx)
    values = {i.name: (i.value, i.unit) for _c, i in result.declaration.iter_indicators()}
    assert values["党组织建设工作覆盖率"] == ("≥100", "%")
    assert values["机构运转有效保障率"] == ("明显", "")
    assert sorted(result.edited_rows) == sorted([rate, grade])


def test_colleague_edits_in_visible_sheets_are_taken(seed_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(seed_xlsx)
    wb["年度主要任务"]["E3"] = 12.5  # 其他资金 of 一般管理事务
    wb["年度总体目标"].append([11, "新增目标：完成一项评估。"])
    wb["绩效指标"].append([None, "产出指标", "数量指标", "新增指标", "≥", 3, "场", "考察新增活动场次", "11"])
    wb.save(seed_xlsx)
    result = read_xlsx(seed_xlsx)
    decl = result.declaration
    assert decl.tasks[1].other == Decimal("12.5")
    assert decl.goals[-1] == "新增目标：完成一项评估。"
    added = decl.categories[0].indicators[-1]
    assert (added.name, added.value, added.unit, added.goals) == ("新增指标", "≥3", "场", [11])
    # the 总额 cell still shows the old sum: reported, and the derived value used
    assert any(w.startswith("年度主要任务!C3：总额 888.96") for w in result.warnings)


def test_rows_reordered_by_a_colleague_come_back_grouped(seed: Declaration, seed_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(seed_xlsx)
    ws = wb["绩效指标"]
    values = [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]
    values.reverse()
    for offset, row in enumerate(values, start=2):
        for column, value in enumerate(row, start=1):
            ws.cell(offset, column).value = value
    wb.save(seed_xlsx)
    decl = read_xlsx(seed_xlsx).declaration
    assert [c.key for c in decl.categories] == [c.key for c in seed.categories]
    first = [i.name for i in decl.categories[0].indicators]
    assert first == [i.name for i in reversed(seed.categories[0].indicators)]


@pytest.mark.parametrize("value", ["=4次", "≥4次"])
def test_texts_like_formulas_round_trip(seed: Declaration, export: Callable[..., Path], value: str) -> None:
    seed.categories[0].indicators[0].value = value
    seed.unit_name = "=HYPERLINK(\"x\")"
    result = read_xlsx(export(seed))
    assert equal_in_content(seed, result.declaration)
