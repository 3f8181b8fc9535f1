"""Nothing typed may be lost: durable commits, damaged files refused, unreadable revisions named."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.repository import SqliteDeclarationStore, open_store
from desktop.domain.model import Declaration
from desktop.services.store import DamagedDatabaseError


def test_every_connection_syncs_the_log_at_each_commit(db_path: Path) -> None:
    # In WAL mode synchronous=NORMAL may lose the last autosaves on a power cut; FULL (2) not.
    with open_store(db_path) as store:
        conn = store._engine.connect()
        try:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        finally:
            conn.close()


def test_a_database_with_damaged_pages_is_refused_untouched(db_path: Path, seed: Declaration) -> None:
    with open_store(db_path) as store:
        for _ in range(5):
            store.create(seed)
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(db_path.read_bytes())
    start = page_size * 10 + 8  # inside a b-tree page, past its header
    data[start : start + 192] = b"\xff" * 192
    db_path.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError, match="已损坏"):
        open_store(db_path, create=False)
    with pytest.raises(DamagedDatabaseError):
        open_store(db_path)
    assert db_path.read_bytes() == bytes(data)


@pytest.mark.parametrize(
    ("old", "new"),
    [('"version": 1', '"version": 2'), ('"fiscal": "', '"fiscal": "-'), ("{", "[")],
    ids=["newer-version", "refused-amount", "not-json"],
)
def test_a_revision_the_reader_refuses_is_reported_as_damaged_with_its_number(
    store: SqliteDeclarationStore, seed: Declaration, db_path: Path, old: str, new: str
) -> None:
    declaration_id = store.create(seed, with_revision=True)
    with sqlite3.connect(db_path) as conn:
        (content,) = conn.execute("SELECT content FROM revision").fetchone()
        assert old in content
        conn.execute("UPDATE revision SET content = ?", (content.replace(old, new, 1),))
    with pytest.raises(DamagedDatabaseError, match=f"申报表 {declaration_id} 的第 1 版无法读取"):
        store.load_revision(declaration_id, 1)
    assert store.load(declaration_id) == seed  # the working copy is still there
