"""Failed saves are loud: the database is pulled away mid-edit and nothing typed is lost."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import make_main_window
from desktop.exchange.reader import read_json_file
from desktop.services.store import DeclarationStore
from ui import save_guard
from ui.indicators.model import Column
from ui.indicators.panel import IndicatorPanel
from ui.main_window import MainWindow
from ui.save_banner import FAILED

EDIT = "数据库被拔走后输入的指标"


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, seed_id: int) -> Iterator[MainWindow]:
    made = make_main_window(db_path, seed_id)
    assert isinstance(made, MainWindow)
    qtbot.addWidget(made)
    made.show()
    yield made


def _edit(window: MainWindow, text: str = EDIT) -> None:
    panel = window.findChild(IndicatorPanel, "indicatorPanel")
    assert panel is not None
    model = panel.model
    assert model.setData(model.indicator_index(0, 0, Column.NAME), text)


def _pull_database_away(db_path: Path) -> Path:
    """Move the file away and put another file in its place (a replaced or swapped drive)."""
    moved = db_path.with_name("moved-away.sqlite3")
    os.replace(db_path, moved)
    db_path.write_bytes(b"not the database any more")
    return moved


def _answers(monkeypatch: pytest.MonkeyPatch, *choices: str) -> list[str]:
    asked: list[str] = []
    queue = list(choices)

    def ask(parent: object, message: str, conflict: bool) -> str:
        asked.append(message)
        return queue.pop(0)

    monkeypatch.setattr(save_guard, "ask_unsaved", ask)
    return asked


def test_pulled_database_shows_a_banner_and_the_edit_is_saved_elsewhere_on_close(
    window: MainWindow, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pull_database_away(db_path)
    _edit(window)
    assert not window.flush()
    banner = window.save_banner
    assert banner.isVisible() and banner.state == FAILED
    assert "数据库文件已被移走" in banner.label.text()
    assert window.autosaver is not None and window.autosaver.dirty  # kept in memory
    assert window.document is not None
    assert window.document.declaration.categories[0].indicators[0].name == EDIT

    rescue = tmp_path / "rescue.json"
    monkeypatch.setattr(save_guard, "choose_json_path", lambda parent, name: rescue)
    asked = _answers(monkeypatch, save_guard.RETRY, save_guard.SAVE_JSON)
    window.close()
    assert len(asked) == 2  # retried once (still failing), then saved as JSON
    assert not window.isVisible()
    saved = read_json_file(rescue).declaration
    assert saved.categories[0].indicators[0].name == EDIT


def test_banner_stays_until_a_retry_succeeds(
    window: MainWindow, db_path: Path, store: DeclarationStore, seed_id: int
) -> None:
    moved = _pull_database_away(db_path)
    _edit(window)
    window.flush()
    window.save_banner.retry_button.click()  # still away: still failing, still shown
    assert window.save_banner.isVisible()
    os.replace(moved, db_path)  # the drive is back
    window.save_banner.retry_button.click()
    assert not window.save_banner.isVisible()
    assert window.autosaver is not None and not window.autosaver.dirty
    assert store.load(seed_id).categories[0].indicators[0].name == EDIT


def test_retries_on_its_own(qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    moved = _pull_database_away(db_path)
    assert window.autosaver is not None
    window.autosaver.retry_ms = 50
    _edit(window)
    window.flush()
    os.replace(moved, db_path)
    qtbot.waitUntil(lambda: not window.save_banner.isVisible(), timeout=5000)
    assert not window.autosaver.dirty


def test_cancel_keeps_the_window_open_and_discard_closes_it(
    window: MainWindow, db_path: Path, store: DeclarationStore, seed_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    moved = _pull_database_away(db_path)
    _edit(window)
    _answers(monkeypatch, save_guard.CANCEL, save_guard.DISCARD)
    window.close()
    assert window.isVisible()
    assert window.document is not None
    window.close()
    assert not window.isVisible()
    os.replace(moved, db_path)
    assert store.load(seed_id).categories[0].indicators[0].name != EDIT


def test_switching_declarations_asks_too(
    window: MainWindow, db_path: Path, seed_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    moved = _pull_database_away(db_path)
    _edit(window)
    asked = _answers(monkeypatch, save_guard.CANCEL)
    window.close_declaration()
    assert asked and window.document is not None  # still open, edit still there
    assert window.document.declaration.categories[0].indicators[0].name == EDIT
    os.replace(moved, db_path)
    assert window.close_declaration()  # the database is back: saved, closed, nothing asked
    assert len(asked) == 1
