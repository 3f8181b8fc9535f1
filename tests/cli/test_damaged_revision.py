"""A revision an older program froze and this one cannot read blocks nothing (issue 10)."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.exchange.reader import read_json_file
from tests.cli.conftest import run_cli
from tests.db.test_gate_store import damage_revision


def test_the_working_copy_exports_checks_and_versions_past_a_damaged_revision(
    seeded_db: Path, tmp_path: Path, seed_path: Path
) -> None:
    damage_revision(seeded_db, 1, 1)
    out = tmp_path / "out.json"
    result = run_cli("export", "1", "--to", out, "--db", seeded_db)
    assert result.status == 0, result.err
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["revision"] == 2
    check = run_cli("check", "1", "--db", seeded_db)
    assert check.status in (0, 1), check.err
    listed = run_cli("list", "--db", seeded_db)
    assert listed.status == 0 and "\t2\t" in listed.out
    damaged = run_cli("export", "1", "--revision", "1", "--to", tmp_path / "r1.json", "--db", seeded_db)
    assert damaged.status == 2
    assert "第 1 版无法读取" in damaged.err
    assert not (tmp_path / "r1.json").exists()


def test_next_years_check_of_last_years_form_survives_a_damaged_revision(
    seeded_db: Path, tmp_path: Path, seed_path: Path
) -> None:
    damage_revision(seeded_db, 1, 1)
    doc = json.loads(seed_path.read_text(encoding="utf-8"))
    doc["year"] = read_json_file(seed_path).declaration.year + 1
    next_year = tmp_path / "next.json"
    next_year.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    imported = run_cli("import", next_year, "--db", seeded_db)
    assert imported.status == 0, imported.err
    new_id = imported.out.strip()
    check = run_cli("check", new_id, "--db", seeded_db)
    assert check.status in (0, 1), check.err
    assert "无法读取" not in check.err
    assert run_cli("export", new_id, "--to", tmp_path / "n.pdf", "--db", seeded_db).status == 0


def test_a_working_copy_an_older_program_let_s10_into_is_refused_with_exit_2(
    seeded_db: Path, tmp_path: Path
) -> None:
    """Used to freeze an unreadable revision, then exit 3."""
    from tests.cli.conftest import logical_dump
    from tests.db.test_gate_store import add_legacy_not_applicable_row

    add_legacy_not_applicable_row(seeded_db, 1)
    before = logical_dump(seeded_db)
    for suffix in (".json", ".xlsx", ".pdf"):
        out = tmp_path / f"out{suffix}"
        result = run_cli("export", "1", "--to", out, "--db", seeded_db)
        assert result.status == 2, result.err
        assert "S10" in result.err and "抱歉" not in result.err
        assert not out.exists()
    assert logical_dump(seeded_db) == before
