"""Shared test set-up: headless Qt, isolated user folders, paths to the shared fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.none_guard import make_none_immortal

# Headless Qt for every test, and no test ever touches the real user's data or settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# PySide6 6.12.0 leaks references to None on Python 3.11: guard before any Qt call.
make_none_immortal()

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_PATH = REPO / "resources" / "sample" / "seed-futian-2026.json"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("PERFDECL_CONFIG_DIR", str(home / "config" / "perfdecl"))
    monkeypatch.delenv("PERFDECL_DB", raising=False)


@pytest.fixture
def seed_path() -> Path:
    return SEED_PATH


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
