"""Opening database files: migrations, refusals, and never creating a file when told not to."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from db.engine import MIGRATIONS
from db.repository import open_store
from db.schema import metadata
from db.schema_head import SCHEMA_HEAD
from desktop.domain.model import Declaration
from desktop.services.store import DamagedDatabaseError, NewerDatabaseError, NotFoundError

TABLES = {
    "declaration",
    "task",
    "goal",
    "category_state",
    "indicator",
    "accepted_finding",
    "revision",
    "declaration_lock",
}


def _head() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def _version(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]


def test_schema_head_constant_is_the_migrations_head() -> None:
    # Opening a file at SCHEMA_HEAD skips Alembic: a new migration must move the constant too.
    assert _head() == SCHEMA_HEAD


def test_database_at_head_opens_without_alembic_or_the_orm(db_path: Path) -> None:
    import subprocess
    import sys

    open_store(db_path).close()
    probe = (
        "import sys; from db.repository import open_store; "
        f"open_store({str(db_path)!r}, create=False).close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'), "
        "'sqlalchemy.orm' in sys.modules)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert shown.split() == ["[]", "False"]  # neither Alembic nor the ORM is loaded


def test_new_database_is_migrated_to_head(db_path: Path) -> None:
    open_store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert TABLES | {"alembic_version"} <= tables
    assert _version(db_path) == [_head()]


def test_migrated_schema_matches_the_orm_classes(db_path: Path) -> None:
    store = open_store(db_path)
    with store._engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
        indexes = {ix["name"] for ix in inspect(conn).get_indexes("revision")}
    store.close()
    assert differences == []
    assert "uq_revision_final" in indexes


def test_every_connection_enforces_foreign_keys_in_wal_mode(db_path: Path) -> None:
    store = open_store(db_path)
    connections = [store._engine.connect() for _ in range(3)]
    try:
        for conn in connections:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            busy_timeout = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
            assert busy_timeout is not None and busy_timeout > 0
    finally:
        for conn in connections:
            conn.close()
        store.close()


def test_reopening_keeps_the_data(db_path: Path, seed: Declaration) -> None:
    with open_store(db_path) as store:
        declaration_id = store.create(seed)
    with open_store(db_path, create=False) as store:
        assert store.load(declaration_id) == seed


def test_create_false_on_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "missing.sqlite3"
    with pytest.raises(NotFoundError, match="数据库文件不存在"):
        open_store(target, create=False)
    assert list(tmp_path.iterdir()) == []


def test_create_true_makes_the_folder_and_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "new.sqlite3"
    open_store(target).close()
    assert _version(target) == [_head()]


def test_database_of_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    open_store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    with pytest.raises(NewerDatabaseError, match="数据库由更新版本的程序创建"):
        open_store(db_path)
    with pytest.raises(NewerDatabaseError):
        open_store(db_path, create=False)
    assert _version(db_path) == ["0099_from_the_future"]


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a database at all\n" * 100,
        b"SQLite format 3\x00" + bytes(range(256)) * 16,  # right header, garbage pages
    ],
    ids=["garbage", "bad-pages"],
)
def test_damaged_file_is_refused_and_left_as_it_was(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    with pytest.raises(DamagedDatabaseError, match="不是可用的 PerfDecl 数据库"):
        open_store(db_path)
    assert db_path.read_bytes() == content


def test_someone_elses_sqlite_file_is_refused_and_not_changed(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    with pytest.raises(DamagedDatabaseError):
        open_store(db_path)
    with sqlite3.connect(db_path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tables == ["contacts"]


def test_empty_file_is_filled_only_when_creating_is_allowed(db_path: Path) -> None:
    db_path.touch()
    with pytest.raises(DamagedDatabaseError):
        open_store(db_path, create=False)
    assert db_path.stat().st_size == 0
    open_store(db_path).close()
    assert _version(db_path) == [_head()]


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DamagedDatabaseError):
        open_store(tmp_path)


def test_import_db_does_not_load_sqlalchemy() -> None:
    import subprocess
    import sys

    code = "import sys, db; print('sqlalchemy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
