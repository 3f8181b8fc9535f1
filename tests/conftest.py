"""Shared test set-up: headless Qt, isolated user folders, the shared fixtures, a fresh store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from desktop.none_guard import make_none_immortal

if TYPE_CHECKING:
    from db.repository import SqliteDeclarationStore

# Headless Qt for every test, and no test ever touches the real user's data or settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# PySide6 6.12.0 leaks references to None on Python 3.11: guard before any Qt call.
make_none_immortal()

# Property tests judge behaviour, not speed (speed is for bench/): no per-example deadline, so a
# busy CI machine cannot make them flaky.
settings.register_profile("perfdecl", deadline=None)
settings.load_profile("perfdecl")

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_PATH = REPO / "resources" / "sample" / "seed-futian-2026.json"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
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


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "perfdecl.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[SqliteDeclarationStore]:
    """The real SQLite store on a fresh database file, closed after the test."""
    # Imported here so that tests without a database do not load SQLAlchemy.
    from db.repository import open_store

    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def tiny_font(tmp_path: Path) -> Path:
    """A TrueType font with only "A" and "中": anything else is missing from it."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    builder = FontBuilder(1000, isTTF=True)
    glyphs = [".notdef", "A", "zhong"]
    builder.setupGlyphOrder(glyphs)
    builder.setupCharacterMap({ord("A"): "A", ord("中"): "zhong"})
    pen = TTGlyphPen(None)
    builder.setupGlyf({name: pen.glyph() for name in glyphs})
    builder.setupHorizontalMetrics({name: (500, 0) for name in glyphs})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Tiny", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    path = tmp_path / "tiny.ttf"
    builder.save(str(path))
    return path


@pytest.fixture
def accept_new_dialog(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """文件 → 新建 answers its dialog with what it offers first (a department form of the
    default profile for next year, unless a kind was remembered); the dialogs are recorded."""
    from PySide6.QtWidgets import QDialog

    from ui.dialogs.new_declaration import NewDeclarationDialog

    shown: list[object] = []

    def accept(dialog: NewDeclarationDialog) -> int:
        shown.append(dialog)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(NewDeclarationDialog, "exec", accept)
    return shown


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--long",
        action="store_true",
        help="also run the long crash and soak runs (marker 'long'; minutes, not for CI)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--long"):
        return
    skip = pytest.mark.skip(reason="long run: use pytest --long (or -m long --long)")
    for item in items:
        if item.get_closest_marker("long") is not None:
            item.add_marker(skip)
