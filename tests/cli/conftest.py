"""Run the command line in process and capture what it prints."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.exchange.canonical import content_key


@dataclass
class Run:
    status: int
    out: str
    err: str


def run_cli(*args: str | Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in args], out=out, err=err)
    return Run(status, out.getvalue(), err.getvalue())


def logical_dump(db: Path) -> list[tuple[object, ...]]:
    """Everything a user could see of the database, to compare before and after a refusal."""
    from db.repository import open_store

    store = open_store(db, create=False)
    try:
        dump: list[tuple[object, ...]] = []
        for summary in store.list():
            revisions = store.revisions(summary.id)
            dump.append(
                (
                    summary,
                    content_key(store.load(summary.id)),
                    [(r, content_key(store.load_revision(summary.id, r.number))) for r in revisions],
                )
            )
        return dump
    finally:
        store.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def seeded_db(db: Path, seed_path: Path) -> Path:
    result = run_cli("import", seed_path, "--db", db)
    assert result.status == 0, result.err
    assert result.out.strip() == "1"
    return db
