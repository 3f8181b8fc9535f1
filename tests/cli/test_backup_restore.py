"""``perfdecl backup`` / ``perfdecl restore`` and the automatic backups beside the database."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from db.backup import KEEP, auto_backup, backup_folder, daily_backup, list_backups
from db.repository import open_store
from desktop.services.locking import new_holder
from tests.cli.conftest import logical_dump, run_cli


def _quick_check(path: Path) -> list[str]:
    try:
        with sqlite3.connect(path) as conn:
            return [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:  # "database disk image is malformed"
        return [str(exc)]


def _rename_unit(db: Path, declaration_id: int, name: str) -> None:
    store = open_store(db, create=False)
    try:
        declaration = store.load(declaration_id)
        declaration.unit_name = name
        store.save(declaration_id, declaration)
    finally:
        store.close()


def _unit(db: Path, declaration_id: int) -> str:
    store = open_store(db, create=False)
    try:
        return store.load(declaration_id).unit_name
    finally:
        store.close()


def _corrupt(path: Path) -> None:
    """Keep the header, scribble over the pages after the first: quick_check fails."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page, len(data), page):
        data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


def test_backup_while_a_store_is_open_is_a_complete_checked_copy(
    seeded_db: Path, tmp_path: Path
) -> None:
    writer = open_store(seeded_db, create=False)  # a window holding the file open
    try:
        out = tmp_path / "我的备份.sqlite3"
        result = run_cli("backup", "--to", out, "--db", seeded_db)
    finally:
        writer.close()
    assert result.status == 0, result.err
    assert result.out.strip() == str(out)
    assert _quick_check(out) == ["ok"]
    assert logical_dump(out) == logical_dump(seeded_db)
    assert not list(tmp_path.glob(".我的备份*"))  # no temporary file left behind


def test_backup_of_a_missing_database_or_to_an_unwritable_place_is_exit_2(
    db: Path, seeded_db: Path, tmp_path: Path
) -> None:
    missing = run_cli("backup", "--to", tmp_path / "x.sqlite3", "--db", tmp_path / "none.sqlite3")
    assert missing.status == 2 and "数据库不存在" in missing.err
    nowhere = run_cli("backup", "--to", tmp_path / "no" / "such" / "x.sqlite3", "--db", seeded_db)
    assert nowhere.status == 2 and "无法写入" in nowhere.err


def test_restore_brings_back_the_backup_and_keeps_the_state_before(
    seeded_db: Path, tmp_path: Path
) -> None:
    saved = tmp_path / "saved.sqlite3"
    assert run_cli("backup", "--to", saved, "--db", seeded_db).status == 0
    before_restore = logical_dump(seeded_db)
    _rename_unit(seeded_db, 1, "改错了的单位名称")
    changed = logical_dump(seeded_db)
    result = run_cli("restore", saved, "--db", seeded_db)
    assert result.status == 0, result.err
    assert logical_dump(seeded_db) == before_restore
    kept = list_backups(seeded_db)
    assert len(kept) == 1 and "before-restore" in kept[0].name
    assert str(kept[0]) in result.err
    assert logical_dump(kept[0]) == changed  # the state before the restore is not lost


def test_restore_refuses_a_damaged_file_and_leaves_the_database_alone(
    seeded_db: Path, tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    assert run_cli("backup", "--to", damaged, "--db", seeded_db).status == 0
    _corrupt(damaged)
    assert _quick_check(damaged) != ["ok"]
    _rename_unit(seeded_db, 1, "恢复前的单位名称")
    before = logical_dump(seeded_db)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database\n" * 100)
    foreign = tmp_path / "contacts.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    for bad in (damaged, garbage, foreign, tmp_path / "missing.sqlite3"):
        result = run_cli("restore", bad, "--db", seeded_db)
        assert result.status == 2, (bad, result.err)
        assert str(bad) in result.err
        assert str(seeded_db) not in result.err  # the message is about the file given
    assert logical_dump(seeded_db) == before
    assert list_backups(seeded_db) == []  # refused before anything was backed up or written
    assert not [p for p in seeded_db.parent.iterdir() if "-restore-" in p.name]


def test_restore_is_refused_while_a_declaration_is_edited(
    seeded_db: Path, tmp_path: Path
) -> None:
    saved = tmp_path / "saved.sqlite3"
    assert run_cli("backup", "--to", saved, "--db", seeded_db).status == 0
    _rename_unit(seeded_db, 1, "正在编辑的单位")
    holder = new_holder()
    store = open_store(seeded_db, create=False)
    try:
        assert store.acquire_lock(1, holder) is None
        result = run_cli("restore", saved, "--db", seeded_db)
    finally:
        store.close()
    assert result.status == 2
    assert f"进程 {holder.pid}" in result.err and holder.host in result.err
    assert _unit(seeded_db, 1) == "正在编辑的单位"


def test_restore_of_an_older_schema_migrates_it(db: Path, tmp_path: Path) -> None:
    old = Path(__file__).resolve().parents[1] / "fixtures" / "schema" / "0001_initial.sqlite3"
    copy = tmp_path / "old-backup.sqlite3"
    copy.write_bytes(old.read_bytes())
    result = run_cli("restore", copy, "--db", db)
    assert result.status == 0, result.err
    assert copy.read_bytes() == old.read_bytes()  # the backup file itself is never written
    store = open_store(db, create=False)
    try:
        assert sorted(s.id for s in store.list()) == [1, 2]
        assert store.load(1).unit_name == "深圳市福田区某单位（工作副本）"
        assert store.summary(1).final_revision == 1
    finally:
        store.close()


def test_restore_names_the_declarations_an_older_program_left_needing_correction(
    seeded_db: Path, tmp_path: Path
) -> None:
    from tests.db.test_gate_store import add_legacy_not_applicable_row

    saved = tmp_path / "old.sqlite3"
    add_legacy_not_applicable_row(seeded_db, 1)  # what an older program let through (S10)
    assert run_cli("backup", "--to", saved, "--db", seeded_db).status == 0
    result = run_cli("restore", saved, "--db", seeded_db)
    assert result.status == 0, result.err
    assert "以下申报表由旧版程序保存，打开后需先改正才能继续保存" in result.err
    assert "编号 1：2026" in result.err and "1 处需改正" in result.err
    clean = tmp_path / "clean.sqlite3"
    store = open_store(seeded_db, create=False)
    try:
        store.delete(1)
    finally:
        store.close()
    assert run_cli("backup", "--to", clean, "--db", seeded_db).status == 0
    result = run_cli("restore", clean, "--db", seeded_db)
    assert result.status == 0 and "旧版程序" not in result.err


def test_automatic_backups_once_a_day_and_the_last_ten_are_kept(seeded_db: Path) -> None:
    first = daily_backup(seeded_db, date.today())
    assert first is not None and first.parent == backup_folder(seeded_db)
    assert first.parent.parent == seeded_db.parent  # beside the database, wherever it is
    assert daily_backup(seeded_db, date.today()) is None  # once a day
    start = datetime(2026, 1, 1, 9, 0, 0)
    for day in range(KEEP + 2):
        auto_backup(seeded_db, "daily", start + timedelta(days=day))
    kept = list_backups(seeded_db)
    assert len(kept) == KEEP
    assert kept[-1] == first  # the newest (today) survives, the oldest went
    assert all(_quick_check(path) == ["ok"] for path in kept[-2:])


@pytest.mark.parametrize("reopen", [1, 2])
def test_a_migration_is_preceded_by_a_backup_only_when_it_runs(
    tmp_path: Path, reopen: int
) -> None:
    old = Path(__file__).resolve().parents[1] / "fixtures" / "schema" / "0001_initial.sqlite3"
    db = tmp_path / "perfdecl.sqlite3"
    db.write_bytes(old.read_bytes())
    for _ in range(reopen):
        open_store(db, create=False).close()
    kept = list_backups(db)
    assert len(kept) == 1 and "before-migration" in kept[0].name
    with sqlite3.connect(kept[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0001_initial",)
        ]
    assert kept[0].read_bytes() != b""
    fresh = tmp_path / "fresh.sqlite3"
    open_store(fresh).close()
    assert list_backups(fresh) == []  # a new database has nothing to back up
