"""Our own workbook edited by a colleague: the 申报表 sheet against the data sheets (docs/xlsx.md).

Edits on the visible form are no longer ignored: each differing cell is named on stderr and the
form sheet wins unless ``--prefer data``; declared totals that no longer fit edited amounts are
dropped with a note instead of turning into A01/A02 errors.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

from db.repository import open_store
from desktop.documents.xlsx import export_xlsx
from desktop.domain.profile import load_profile
from desktop.exchange.reader import read_json_file
from tests.cli.conftest import run_cli


def _exported(seed_path: Path, tmp_path: Path) -> Path:
    decl = read_json_file(seed_path).declaration
    path = tmp_path / "ours.xlsx"
    export_xlsx(decl, load_profile(decl.profile_id), path, revision=1, fingerprint="abc")
    return path


def _find(ws: Any, text: str) -> Any:
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell
    raise AssertionError(text)


def _edit_form_sheet(path: Path) -> tuple[str, str]:
    book = openpyxl.load_workbook(path)
    ws = book["申报表"]
    task = _find(ws, "一般管理事务")
    amount = ws.cell(task.row, 5)  # 财政拨款
    amount.value = 900
    value = _find(ws, "≥26人")
    value.value = "≥30人"
    book.save(path)
    return amount.coordinate, value.coordinate


def _stored(db: Path, out: str) -> Any:
    store = open_store(db, create=False)
    try:
        return store.load(int(out.strip()))
    finally:
        store.close()


def test_form_sheet_edits_win_and_each_cell_is_named(seed_path: Path, tmp_path: Path) -> None:
    path = _exported(seed_path, tmp_path)
    amount_cell, value_cell = _edit_form_sheet(path)
    db = tmp_path / "db.sqlite3"
    result = run_cli("import", path, "--db", db)
    assert result.status == 0, result.err
    assert f"申报表!{amount_cell}：任务2的财政拨款在“申报表”工作表中为“900”，数据工作表中为“888.96”" in result.err
    assert f"申报表!{value_cell}：数量指标第2行的指标值在“申报表”工作表中为“≥30人”" in result.err
    assert "已以“申报表”工作表为准" in result.err
    assert "金额合计" in result.err and "已删除" in result.err
    decl = _stored(db, result.out)
    assert decl.tasks[1].fiscal == Decimal(900)
    assert decl.categories[0].indicators[1].value == "≥30人"
    assert decl.declared_totals is None
    check = run_cli("check", result.out.strip(), "--db", db)
    assert "A01" not in check.out and "A02" not in check.out


def test_prefer_data_keeps_the_data_sheets(seed_path: Path, tmp_path: Path) -> None:
    path = _exported(seed_path, tmp_path)
    amount_cell, _ = _edit_form_sheet(path)
    db = tmp_path / "db.sqlite3"
    result = run_cli("import", path, "--prefer", "data", "--db", db)
    assert result.status == 0, result.err
    assert f"申报表!{amount_cell}：任务2的财政拨款" in result.err
    assert "已以数据工作表为准" in result.err
    decl = _stored(db, result.out)
    assert decl.tasks[1].fiscal == Decimal("888.96")
    assert decl.categories[0].indicators[1].value == "≥26人"


def test_amount_edited_in_the_task_sheet_drops_stale_totals(seed_path: Path, tmp_path: Path) -> None:
    path = _exported(seed_path, tmp_path)
    book = openpyxl.load_workbook(path)
    ws = book["年度主要任务"]
    ws.cell(3, 4).value = 900  # 一般管理事务 财政拨款 (header row 1, 基本支出 row 2)
    book.save(path)
    db = tmp_path / "db.sqlite3"
    result = run_cli("import", path, "--prefer", "data", "--db", db)
    assert result.status == 0, result.err
    assert "原申报的总额已删除" in result.err and "金额合计" in result.err
    decl = _stored(db, result.out)
    assert decl.tasks[1].fiscal == Decimal(900) and decl.tasks[1].declared_total is None
    assert decl.declared_totals is None
    check = run_cli("check", result.out.strip(), "--db", db)
    assert check.status == 0, check.out
    assert "A01" not in check.out and "A02" not in check.out


def test_unedited_workbook_has_no_differences(seed_path: Path, tmp_path: Path) -> None:
    path = _exported(seed_path, tmp_path)
    result = run_cli("import", path, "--dry-run", "--db", tmp_path / "db.sqlite3")
    assert result.status == 0 and result.out == ""
    assert "不同" not in result.err and "未能识别" not in result.err
    assert "试导入" in result.err and not (tmp_path / "db.sqlite3").exists()


def test_dry_run_of_a_form_layout_lists_unplaced_cells_and_findings(seed_path: Path, tmp_path: Path) -> None:
    from tests.formread.shapes import Style, form_sheet, to_docx

    decl = read_json_file(seed_path).declaration
    sheet = form_sheet(decl, Style(notes_above=("附件2：请于10月底前报送",)))
    path = to_docx(sheet, tmp_path / "form.docx")
    db = tmp_path / "db.sqlite3"
    result = run_cli("import", path, "--dry-run", "--db", db)
    assert result.status == 0 and result.out == ""
    assert "以下 1 处内容未能识别，没有导入：\n  第1段：未能识别的内容“附件2：请于10月底前报送”" in result.err
    assert "警告 G03" in result.err and "审核：错误 0 · 警告 14 · 提示 10" in result.err
    assert not db.exists()
    stored = run_cli("import", path, "--db", db)
    assert stored.status == 0 and stored.out.strip().isdigit()
    assert "未能识别" in stored.err
