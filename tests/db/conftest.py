"""Fixtures for the SQLite store tests (``store`` and ``db_path`` live in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.model import Declaration
from desktop.exchange.reader import read_json_file


@pytest.fixture
def seed(seed_path: Path) -> Declaration:
    return read_json_file(seed_path).declaration
