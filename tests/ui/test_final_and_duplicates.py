"""定稿 is not edited without asking; the status bar never pairs a new fingerprint with an old
revision; importing a file already stored offers to open it (issue 10, item 6)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QMessageBox

from desktop.exchange.canonical import content_key, fingerprint
from desktop.services.store import DeclarationStore
from ui.goals.editor import GoalsEditor
from ui.goals.model import GoalColumn, GoalsModel
from ui.main_window import MainWindow


@pytest.fixture
def window(seed_window: Callable[[int, int], MainWindow]) -> MainWindow:
    return seed_window(1280, 800)


def _goal_model(window: MainWindow) -> GoalsModel:
    editor = window.findChild(GoalsEditor, "goalsEditor")
    assert editor is not None
    return editor.model


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def _edit_goal(window: MainWindow, qtbot: QtBot, text: str) -> None:
    model = _goal_model(window)
    assert model.setData(model.index(0, GoalColumn.TEXT), text)
    qtbot.wait(50)  # the question is asked once the edit's command has finished


def test_editing_a_final_declaration_asks_and_keeps_the_final_revision(
    window: MainWindow, store: DeclarationStore, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.document is not None and window.document.declaration_id is not None
    declaration_id = window.document.declaration_id
    final = window.controller.mark_final()
    assert final == 1
    frozen = content_key(store.load_revision(declaration_id, 1))
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    _edit_goal(window, qtbot, "保持定稿时撤回的修改")
    assert len(asked) == 1 and "撤销定稿" in asked[0] and "第 1 版" in asked[0]
    assert window.flush()
    assert window.document.declaration.goals[0] != "保持定稿时撤回的修改"
    assert store.summary(declaration_id).final_revision == 1
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    _edit_goal(window, qtbot, "撤销定稿后的修改")
    assert len(asked) == 1
    assert window.flush()
    assert store.load(declaration_id).goals[0] == "撤销定稿后的修改"
    assert store.summary(declaration_id).final_revision is None
    assert content_key(store.load_revision(declaration_id, 1)) == frozen
    # no more questions once 定稿 was withdrawn
    _edit_goal(window, qtbot, "再次修改")
    assert len(asked) == 1


def test_the_status_never_shows_a_new_fingerprint_beside_an_old_revision(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.document is not None
    text = window.save_status.text()
    assert "第 1 版" in text and fingerprint(window.document.declaration) in text
    _edit_goal(window, qtbot, "改过的目标")
    assert window.flush()
    text = window.save_status.text()
    assert fingerprint(window.document.declaration) in text
    assert "第 1 版后已修改（未存档）" in text
    window.controller.save_version()
    text = window.save_status.text()
    assert "第 2 版" in text and "未存档" not in text


def test_importing_a_stored_file_offers_to_open_the_existing_one(
    window: MainWindow, store: DeclarationStore, seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.document is not None
    existing = window.document.declaration_id
    shown: list[str] = []

    def run(box: QMessageBox) -> int:
        shown.append(box.text())
        open_button = next(b for b in box.buttons() if b.text() == "打开已有的")
        monkeypatch.setattr(box, "clickedButton", lambda: open_button)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", run)
    assert window.controller.import_file(seed_path) == existing
    assert len(shown) == 1 and "未重复导入" in shown[0]
    assert len(store.list()) == 1
