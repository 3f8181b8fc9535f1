"""The project workbook (docs/project-form.md §7): sheets, a lossless round trip, refusals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop.documents.xlsx import XlsxImportError, export_xlsx, read_xlsx
from desktop.domain.profile import load_profile
from desktop.domain.project import ProjectDeclaration
from desktop.exchange.canonical import equal_in_content, fingerprint
from desktop.exchange.reader import read_json_file
from tests.cli.conftest import run_cli
from tests.project.helpers import ANNUAL, CASE, ZDPQ


def _export(path: Path, out: Path) -> ProjectDeclaration:
    decl = read_json_file(path).declaration
    assert isinstance(decl, ProjectDeclaration)
    export_xlsx(decl, load_profile(decl.profile_id), out, revision=4, fingerprint=fingerprint(decl))
    return decl


@pytest.mark.parametrize("path", [ZDPQ, ANNUAL, CASE])
def test_export_then_import_is_equal_in_content(path: Path, tmp_path: Path) -> None:
    decl = _export(path, tmp_path / "p.xlsx")
    result = read_xlsx(tmp_path / "p.xlsx")
    assert equal_in_content(result.declaration, decl)
    assert result.source_fingerprint == fingerprint(decl) and result.warnings == []


def test_sheets_follow_the_horizons(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _export(ZDPQ, tmp_path / "z.xlsx")
    _export(ANNUAL, tmp_path / "a.xlsx")
    mof = load_workbook(tmp_path / "z.xlsx")
    assert mof.sheetnames == ["申报表", "绩效指标", "中期绩效指标", "项目资金", "年度总体目标", "中期总体目标", "_perfdecl"]
    assert mof["申报表"].page_setup.orientation == "landscape"
    funds = [list(r) for r in mof["项目资金"].iter_rows(values_only=True)]
    assert funds[0][:4] == ["资金", "总额", "财政拨款", "其他资金"]
    assert [r[0] for r in funds[1:]] == ["年度资金", "中期资金"]
    assert mof["项目资金"].column_dimensions["E"].hidden
    annual = load_workbook(tmp_path / "a.xlsx")
    assert annual.sheetnames == ["申报表", "绩效指标", "项目资金", "年度总体目标", "_perfdecl"]
    meta = {r[0]: r[1] for r in annual["_perfdecl"].iter_rows(values_only=True)}
    assert meta["form"] == "project" and meta["mid_term"] == "0" and meta["project_name"] == "新移交市政公园绿化养护项目"


def test_edits_in_visible_sheets_are_taken(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _export(ZDPQ, tmp_path / "z.xlsx")
    book = load_workbook(tmp_path / "z.xlsx")
    book["项目资金"]["C3"] = 4000  # 中期 财政拨款
    book["中期总体目标"]["B2"] = "完成三年的品牌宣传推介工作。"
    book.save(tmp_path / "z.xlsx")
    decl = read_xlsx(tmp_path / "z.xlsx").declaration
    assert isinstance(decl, ProjectDeclaration) and decl.mid_term is not None
    assert decl.mid_term.funds.fiscal == Decimal("4000")
    assert decl.mid_term.goals[0] == "完成三年的品牌宣传推介工作。"


def test_missing_mid_sheet_or_row_is_refused_naming_it(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _export(ZDPQ, tmp_path / "z.xlsx")
    book = load_workbook(tmp_path / "z.xlsx")
    del book["中期总体目标"]
    book.save(tmp_path / "no-goals.xlsx")
    with pytest.raises(XlsxImportError, match="中期总体目标"):
        read_xlsx(tmp_path / "no-goals.xlsx")
    book = load_workbook(tmp_path / "z.xlsx")
    book["项目资金"]["A3"] = "其他"
    book.save(tmp_path / "no-row.xlsx")
    with pytest.raises(XlsxImportError, match="中期资金"):
        read_xlsx(tmp_path / "no-row.xlsx")


def test_bad_cell_is_refused_with_its_place(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _export(ANNUAL, tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx")
    book["项目资金"]["C2"] = "很多"
    book.save(tmp_path / "a.xlsx")
    with pytest.raises(XlsxImportError, match="项目资金!C2"):
        read_xlsx(tmp_path / "a.xlsx")


def test_cli_export_xlsx_and_import_it_again(db_path: Path, tmp_path: Path) -> None:
    assert run_cli("import", ZDPQ, "--db", db_path).status == 0
    out = tmp_path / "z.xlsx"
    assert run_cli("export", "1", "--to", out, "--db", db_path).status == 0
    same = run_cli("import", out, "--db", db_path)  # equal in content: the stored one is named
    assert same.status == 0 and same.out.strip() == "1", same.err
    again = run_cli("import", out, "--copy", "--db", db_path)
    assert again.status == 0 and again.out.strip() == "2", again.err
    from db.repository import open_store

    with open_store(db_path) as store:
        assert equal_in_content(store.load(1), store.load(2))


def test_an_edited_form_sheet_never_turns_a_project_into_a_department_form(tmp_path: Path) -> None:
    """Importing our project workbook takes its data sheets; the 申报表 sheet is for people."""
    from openpyxl import load_workbook

    from desktop.commands.targets import read_declaration_file

    _export(ZDPQ, tmp_path / "z.xlsx")
    book = load_workbook(tmp_path / "z.xlsx")
    book["申报表"]["C4"] = "改过的项目名称"
    book.save(tmp_path / "z.xlsx")
    loaded = read_declaration_file(tmp_path / "z.xlsx")
    assert isinstance(loaded.declaration, ProjectDeclaration)
    assert loaded.declaration.project.name == "重点片区建设（其他项目）"
