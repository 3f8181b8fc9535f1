"""Fixtures for the editor tests: the seed in the store or a window, answered message boxes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QMessageBox

from desktop.app import make_main_window
from desktop.domain.profile import load_profile
from desktop.exchange.reader import read_json_file
from desktop.services.revisions import import_new
from desktop.services.store import DeclarationStore
from ui.document import DeclarationDocument
from ui.main_window import MainWindow


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


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every QMessageBox.warning is answered 确定; the warned texts are recorded."""
    said: list[str] = []

    def warning(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return said


@pytest.fixture
def seed_window(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path
) -> Callable[[int, int], MainWindow]:
    """Opens the seed, imported as revision 1, in a shown main window of the given size."""

    def open_window(width: int, height: int) -> MainWindow:
        declaration_id = import_new(store, read_json_file(seed_path).declaration)
        made = make_main_window(db_path, declaration_id)
        assert isinstance(made, MainWindow)
        qtbot.addWidget(made)
        made.resize(width, height)
        made.show()
        return made

    return open_window


@pytest.fixture
def empty_window(qtbot: QtBot, store: DeclarationStore, db_path: Path) -> MainWindow:
    """A main window over the test store with no declaration open."""
    made = make_main_window(db_path)
    assert isinstance(made, MainWindow)
    qtbot.addWidget(made)
    return made
