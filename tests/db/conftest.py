"""Fixtures for the SQLite store: a fresh database file per test, the seed, a large declaration."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.repository import SqliteDeclarationStore, open_store
from desktop.domain.model import Declaration
from desktop.exchange.reader import read_json_file


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "perfdecl.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[SqliteDeclarationStore]:
    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def seed(seed_path: Path) -> Declaration:
    return read_json_file(seed_path).declaration
