"""Export never writes what import refuses (issue 10, item 5)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from desktop.documents.limits import OutputRefusedError
from desktop.domain.model import Declaration
from desktop.exchange.errors import ExchangeError
from desktop.exchange.jsontext import MAX_BYTES
from desktop.exchange.reader import read_json_file
from desktop.exchange.writer import dumps_declaration, write_json_file
from desktop.services.output import write_output
from tests.cli.conftest import logical_dump, run_cli


@pytest.fixture
def seed(seed_path: Path) -> Declaration:
    return read_json_file(seed_path).declaration


def _store_with_long_text(db: Path, seed: Declaration, length: int) -> None:
    from db.repository import open_store

    long = copy.deepcopy(seed)
    long.tasks[1].content = "长" * length
    store = open_store(db)
    try:
        store.create(long, with_revision=True)
    finally:
        store.close()


def test_a_text_over_32767_characters_is_refused_for_xlsx_naming_the_field(
    db: Path, seed: Declaration, tmp_path: Path
) -> None:
    _store_with_long_text(db, seed, 32_768)
    before = logical_dump(db)
    out = tmp_path / "out.xlsx"
    result = run_cli("export", "1", "--to", out, "--db", db)
    assert result.status == 2, result.err
    assert "任务2" in result.err and "主要内容" in result.err and "32767" in result.err
    assert "抱歉" not in result.err
    assert not out.exists() and list(tmp_path.glob("*.xlsx")) == []
    assert logical_dump(db) == before
    # the same declaration still exports as .json and .pdf
    assert run_cli("export", "1", "--to", tmp_path / "out.json", "--db", db).status == 0


def test_a_text_of_exactly_32767_characters_exports_whole(
    db: Path, seed: Declaration, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    _store_with_long_text(db, seed, 32_767)
    out = tmp_path / "out.xlsx"
    assert run_cli("export", "1", "--to", out, "--db", db).status == 0
    texts = [
        cell.value
        for sheet in load_workbook(out).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    assert "长" * 32_767 in texts


def test_the_json_size_limit_of_export_is_the_one_of_import(
    seed: Declaration, tmp_path: Path
) -> None:
    meta = {"app": "perfdecl test"}
    base = len(dumps_declaration(seed, meta))
    fits = copy.deepcopy(seed)
    fits.tasks[0].content += "x" * (MAX_BYTES - base)
    assert len(dumps_declaration(fits, meta)) == MAX_BYTES
    too_big = copy.deepcopy(fits)
    too_big.tasks[0].content += "x"
    # what export writes, import reads ...
    write_json_file(fits, tmp_path / "fits.json", meta)
    assert read_json_file(tmp_path / "fits.json").declaration.tasks[0].content == fits.tasks[0].content
    # ... and what import would refuse, export refuses before writing anything
    with pytest.raises(ExchangeError, match="20 MB"):
        from desktop.exchange.reader import read_json_bytes

        read_json_bytes(dumps_declaration(too_big, meta))
    with pytest.raises(OutputRefusedError, match="20 MB"):
        write_json_file(too_big, tmp_path / "big.json", meta)
    with pytest.raises(OutputRefusedError):
        write_output(too_big, tmp_path / "big.json", None)
    assert not (tmp_path / "big.json").exists()
