"""The same file imported twice makes no second copy (issue 10, item 6)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import logical_dump, run_cli


def test_importing_the_same_file_again_names_the_existing_declaration(
    seeded_db: Path, seed_path: Path
) -> None:
    before = logical_dump(seeded_db)
    again = run_cli("import", seed_path, "--db", seeded_db)
    assert again.status == 0, again.err
    assert again.out.strip() == "1"
    assert "编号 1" in again.err and "--copy" in again.err and "c493b6999ea4" in again.err
    assert logical_dump(seeded_db) == before
    copied = run_cli("import", seed_path, "--copy", "--db", seeded_db)
    assert copied.status == 0 and copied.out.strip() == "2"
    assert len(logical_dump(seeded_db)) == 2


def test_a_file_equal_to_an_older_revision_is_a_duplicate_too(
    seeded_db: Path, seed_path: Path, tmp_path: Path
) -> None:
    from db.repository import open_store

    store = open_store(seeded_db)
    try:
        edited = store.load(1)
        edited.goals[0] = edited.goals[0] + "（修改）"
        store.save(1, edited)
    finally:
        store.close()
    again = run_cli("import", seed_path, "--db", seeded_db)
    assert again.status == 0 and again.out.strip() == "1"
    assert "第 1 版" in again.err


def test_a_file_differing_in_print_is_imported(seeded_db: Path, seed_path: Path, tmp_path: Path) -> None:
    doc = json.loads(seed_path.read_text(encoding="utf-8"))
    doc["goals"][0] += "。"
    other = tmp_path / "other.json"
    other.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = run_cli("import", other, "--db", seeded_db)
    assert result.status == 0 and result.out.strip() == "2"


def test_copy_is_not_for_into(seeded_db: Path, seed_path: Path) -> None:
    result = run_cli("import", seed_path, "--into", "1", "--copy", "--db", seeded_db)
    assert result.status == 2 and "--copy" in result.err


def test_gui_with_a_file_opens_the_existing_declaration(
    seeded_db: Path, seed_path: Path, tmp_path: Path
) -> None:
    before = logical_dump(seeded_db)
    for _launch in range(2):
        shot = tmp_path / "shot.png"
        result = run_cli("gui", "--screenshot", shot, "--db", seeded_db, seed_path)
        assert result.status == 0, result.err
    assert logical_dump(seeded_db) == before
