"""Invisible characters pasted from Word or web pages (issue 10): removed on import, said once;
printing and the workbook no longer stumble over them."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.domain.model import Declaration
from desktop.exchange.reader import read_json_file
from desktop.services.output import write_output
from tests.cli.conftest import run_cli

PASTED = "\u200b\ufeff\u2028\ufffe\u000b"


def test_import_removes_them_says_so_once_and_print_and_xlsx_work(
    db: Path, seed_path: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    doc = json.loads(seed_path.read_text(encoding="utf-8"))
    doc["unit_name"] = f"深圳市{PASTED}福田区"
    doc["goals"][0] = f"{doc['goals'][0]}{PASTED}"
    doc["tasks"][0]["content"] = "第一项\u000b第二项\u2028第三项\ufffe"
    doc["indicators"][0]["explanation"] = f"{PASTED}说明"
    pasted = tmp_path / "pasted.json"
    pasted.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = run_cli("import", pasted, "--db", db)
    assert result.status == 0, result.err
    assert result.err.count("不可见字符") == 1
    pdf = run_cli("export", "1", "--to", tmp_path / "out.pdf", "--db", db)
    assert pdf.status == 0, pdf.err
    xlsx = tmp_path / "out.xlsx"
    assert run_cli("export", "1", "--to", xlsx, "--db", db).status == 0
    sheets = load_workbook(xlsx).worksheets
    texts = [c.value for s in sheets for r in s.iter_rows() for c in r if isinstance(c.value, str)]
    assert "第一项\n第二项\n第三项" in texts
    assert not any(ch in t for t in texts for ch in "\u200b\ufeff\ufffe\u000b")


def test_a_workbook_is_readable_even_from_text_stored_before_the_cleaning(
    seed_path: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    declaration: Declaration = read_json_file(seed_path).declaration
    declaration.goals[0] = "旧数据\ufffe中的字符\u0001"
    out = tmp_path / "legacy.xlsx"
    write_output(declaration, out, None)
    texts = [
        c.value
        for s in load_workbook(out).worksheets
        for r in s.iter_rows()
        for c in r
        if isinstance(c.value, str)
    ]
    assert any("旧数据中的字符" in t for t in texts)
