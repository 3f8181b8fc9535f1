"""Form-layout files in the shapes people make, read back equal to their source.

Each shape is built from the seed and from a different declaration; "equal" means every field
the printed form shows (goal links, declared totals and accepted findings are not on paper).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.documents.formread.files import FileReadOutcome, read_declaration_any
from desktop.documents.formread.sources.detect import SourceKind
from desktop.documents.xlsx.export import build_workbook
from desktop.domain.model import Declaration
from desktop.domain.profile import load_profile
from tests.formread.shapes import Style, form_sheet, to_docx, to_html, to_ods, to_xlsx


def printed(decl: Declaration, *, footer: bool = False) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "year": decl.year,
        "unit": (decl.unit_name, decl.supervisor),
        "tasks": [(t.name, t.content, t.fiscal, t.other, t.total) for t in decl.tasks],
        "goals": list(decl.goals),
        "categories": [
            (c.level1, c.level2, c.not_applicable, [(i.name, i.value, i.unit, i.explanation) for i in c.indicators])
            for c in decl.categories
        ],
    }
    if footer:
        shown["footer"] = decl.footer
    return shown


def _read(path: Path) -> FileReadOutcome:
    return read_declaration_any(path)


def test_our_form_sheet_alone(source: Declaration, tmp_path: Path) -> None:
    book = build_workbook(source, load_profile(source.profile_id), revision=None, fingerprint="f")
    for name in book.sheetnames[1:]:
        del book[name]
    path = tmp_path / "copied.xlsx"
    book.save(path)
    outcome = _read(path)
    assert outcome.unplaced == []
    assert printed(outcome.declaration) == printed(source)


def test_hand_typed_template_with_merged_multiline_labels(source: Declaration, tmp_path: Path) -> None:
    style = Style(multiline=True, short_levels=True, amount_order=("fiscal", "other", "total"), numbers=False)
    sheet = form_sheet(source, style)
    assert any("\n" in str(v) for v in sheet.cells.values())
    outcome = _read(to_xlsx(sheet, tmp_path / "template.xlsx"))
    assert outcome.unplaced == []
    assert printed(outcome.declaration) == printed(source)


def test_extra_blank_rows_and_eleven_goals(source: Declaration, tmp_path: Path) -> None:
    while len(source.goals) < 11:
        source.goals.append(f"通过补充工作{len(source.goals) + 1}，完成不少于{len(source.goals)}次检查。")
    sheet = form_sheet(source, Style(blank_rows=True, merge_levels=False))
    outcome = _read(to_xlsx(sheet, tmp_path / "blank-rows.xlsx"))
    assert outcome.unplaced == []
    assert len(outcome.declaration.goals) == 11
    assert printed(outcome.declaration) == printed(source)


def test_form_starting_at_row_30_lists_the_note_above_it(source: Declaration, tmp_path: Path) -> None:
    sheet = form_sheet(source, Style(start=28, notes_above=("附件2",)))
    outcome = _read(to_xlsx(sheet, tmp_path / "low.xlsx"))
    assert outcome.unplaced == ["Sheet1!A29：未能识别的内容“附件2”"]
    assert printed(outcome.declaration) == printed(source)


def test_word_tables_with_signature(source: Declaration, tmp_path: Path) -> None:
    sheet = form_sheet(source, Style(multiline=True, signature=True))
    path = to_docx(sheet, tmp_path / "form.docx")
    outcome = _read(path)
    assert outcome.kind is SourceKind.DOCX
    assert outcome.unplaced == []
    assert printed(outcome.declaration, footer=True) == printed(source, footer=True)


def test_html_table_saved_as_xls(source: Declaration, tmp_path: Path) -> None:
    sheet = form_sheet(source, Style(goals_in_one_cell=True, short_levels=True, numbers=False))
    outcome = _read(to_html(sheet, tmp_path / "web-export.xls"))
    assert outcome.kind is SourceKind.HTML
    assert outcome.unplaced == []
    assert printed(outcome.declaration) == printed(source)


def test_opendocument_with_repeated_short_labels(source: Declaration, tmp_path: Path) -> None:
    sheet = form_sheet(source, Style(merge_levels=False, short_levels=True, signature=True))
    outcome = _read(to_ods(sheet, tmp_path / "form.ods"))
    assert outcome.kind is SourceKind.ODS
    assert outcome.unplaced == []
    assert printed(outcome.declaration, footer=True) == printed(source, footer=True)


@pytest.mark.parametrize("suffix", [".xls", ".et", ".xlsm", ".txt"])
def test_the_suffix_does_not_decide(source: Declaration, tmp_path: Path, suffix: str) -> None:
    path = to_xlsx(form_sheet(source), tmp_path / f"form{suffix}")
    outcome = _read(path)
    assert outcome.kind is SourceKind.XLSX
    assert printed(outcome.declaration) == printed(source)


def test_a_stray_cell_inside_the_form_is_listed_by_its_place(source: Declaration, tmp_path: Path) -> None:
    sheet = form_sheet(source)
    sheet.put(sheet.height + 1, 4, "审核人：")
    path = to_xlsx(sheet, tmp_path / "stray.xlsx")
    outcome = _read(path)
    assert outcome.unplaced == [f"Sheet1!E{sheet.height}：未能识别的内容“审核人：”"]




FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize("name", ["seed-form.xls", "seed-form.et"])
def test_excel_97_form_with_merges(seed_path: Path, tmp_path: Path, name: str) -> None:
    """Saved by LibreOffice as .xls (make_form_xls.py); as a WPS .et it is the same container."""
    import shutil

    from desktop.exchange.reader import read_json_file

    path = tmp_path / name
    shutil.copy(FIXTURES / "seed-form.xls", path)
    outcome = _read(path)
    assert outcome.kind is SourceKind.XLS
    assert outcome.unplaced == []
    assert printed(outcome.declaration) == printed(read_json_file(seed_path).declaration)


def test_mof_2021_form_is_read_in_its_own_framework(tmp_path: Path) -> None:
    from tests.synthetic import large_declaration

    source = large_declaration(24, goals=5, tasks=2, profile_id="MOF-2021")
    assert source.categories[0].level1 == "成本指标"
    sheet = form_sheet(source, Style(multiline=True, short_levels=True))
    outcome = _read(to_xlsx(sheet, tmp_path / "mof.xlsx"))
    assert outcome.declaration.profile_id == "MOF-2021"
    assert outcome.unplaced == []
    assert printed(outcome.declaration) == printed(source)


def test_hand_typed_form_into_an_open_declaration(seed_path: Path, tmp_path: Path) -> None:
    """``--into`` with a form layout: line breaks in labels and a header far down are fine."""
    from tests.cli.conftest import run_cli

    db = tmp_path / "db.sqlite3"
    created = run_cli("import", seed_path, "--db", db)
    from desktop.exchange.reader import read_json_file

    seed = read_json_file(seed_path).declaration
    sheet = form_sheet(seed, Style(multiline=True, short_levels=True, start=28))
    result = run_cli("import", to_xlsx(sheet, tmp_path / "form.xlsx"), "--into", created.out.strip(), "--replace", "--db", db)
    assert result.status == 0, result.err
    check = run_cli("export", created.out.strip(), "--to", tmp_path / "back.json", "--db", db)
    assert check.status == 0
    back = read_json_file(tmp_path / "back.json").declaration
    assert printed(back)["categories"] == printed(seed)["categories"]


def test_word_form_into_an_open_declaration(seed_path: Path, tmp_path: Path) -> None:
    from desktop.exchange.reader import read_json_file
    from tests.cli.conftest import run_cli
    from tests.formread.shapes import to_docx

    db = tmp_path / "db.sqlite3"
    created = run_cli("import", seed_path, "--db", db).out.strip()
    seed = read_json_file(seed_path).declaration
    path = to_docx(form_sheet(seed, Style(multiline=True, notes_above=("附件",))), tmp_path / "form.docx")
    result = run_cli("import", path, "--into", created, "--replace", "--db", db)
    assert result.status == 0, result.err
    assert "第1段：未能识别的内容“附件”（未导入）" in result.err
    run_cli("export", created, "--to", tmp_path / "back.json", "--db", db)
    assert printed(read_json_file(tmp_path / "back.json").declaration)["categories"] == printed(seed)["categories"]
