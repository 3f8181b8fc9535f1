"""Fixtures for the editor tests: the real SQLite store, the seed, a main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtWidgets import QMessageBox

from desktop.domain.profile import load_profile
from desktop.exchange.reader import read_json_file
from desktop.services.store import DeclarationStore
from ui.document import DeclarationDocument


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "perfdecl.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[DeclarationStore]:
    from db.repository import open_store

    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def seed_id(store: DeclarationStore, seed_path: Path) -> int:
    return store.create(read_json_file(seed_path).declaration)


@pytest.fixture
def seed_document(seed_path: Path) -> DeclarationDocument:
    declaration = read_json_file(seed_path).declaration
    return DeclarationDocument(declaration, load_profile(declaration.profile_id))


@pytest.fixture
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every QMessageBox.question is answered 是; the asked texts are recorded."""
    asked: list[str] = []

    def question(
        parent: object, title: str, text: str, *args: object, **kwargs: object
    ) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked
