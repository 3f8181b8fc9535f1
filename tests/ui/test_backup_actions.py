"""文件 → 备份… / 从备份恢复… in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QMessageBox

from db.backup import list_backups
from db.repository import SqliteDeclarationStore, open_store
from desktop.app import make_main_window
from ui import backup_controller
from ui.indicators.model import Column
from ui.indicators.panel import IndicatorPanel
from ui.main_window import MainWindow


def _window(qtbot: QtBot, db_path: Path, declaration_id: int) -> MainWindow:
    made = make_main_window(db_path, declaration_id)
    assert isinstance(made, MainWindow)
    qtbot.addWidget(made)
    made.show()
    return made


def _edit(window: MainWindow, text: str) -> None:
    assert window.editor is not None
    panel = window.editor.page("indicatorPanel")  # built on first use
    assert isinstance(panel, IndicatorPanel)
    model = panel.model
    model.setData(model.indicator_index(0, 0, Column.NAME), text)


@pytest.fixture
def informed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def info(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", staticmethod(info))
    return said


def test_backup_then_restore_from_the_file_menu(
    qtbot: QtBot, db_path: Path, store: SqliteDeclarationStore, seed_id: int, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, informed: list[str],
) -> None:  # fmt: skip
    window = _window(qtbot, db_path, seed_id)
    _edit(window, "备份时的指标")  # typed a moment ago: the backup holds it
    target = tmp_path / "备份.sqlite3"
    monkeypatch.setattr(backup_controller, "choose_backup_target", lambda w, s: target)
    window.window_actions["backupAction"].trigger()
    assert target.is_file()

    _edit(window, "备份之后的修改")
    monkeypatch.setattr(backup_controller, "choose_backup_source", lambda w, folder: target)
    asked: list[Path] = []

    def confirm(parent: object, source: Path) -> bool:
        asked.append(source)
        return True

    monkeypatch.setattr(backup_controller, "confirm_restore", confirm)
    window.window_actions["restoreAction"].trigger()
    assert asked == [target]
    assert window.document is not None and window.document.declaration_id == seed_id
    assert window.document.declaration.categories[0].indicators[0].name == "备份时的指标"
    assert store.load(seed_id).categories[0].indicators[0].name == "备份时的指标"
    before = list_backups(db_path)
    assert len(before) == 1 and str(before[0]) in informed[0]
    old = open_store(before[0], create=False)
    try:
        assert old.load(seed_id).categories[0].indicators[0].name == "备份之后的修改"
    finally:
        old.close()
    # The window edits again after the restore: the lock was taken anew.
    _edit(window, "恢复后的修改")
    assert window.flush()
    assert store.load(seed_id).categories[0].indicators[0].name == "恢复后的修改"


def test_restore_is_refused_while_another_window_edits(
    qtbot: QtBot, db_path: Path, store: SqliteDeclarationStore, seed_id: int, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, warnings: list[str],
) -> None:  # fmt: skip
    target = tmp_path / "backup.sqlite3"
    store.backup_to(target)
    other_id = store.create(store.load(seed_id))
    editing = _window(qtbot, db_path, seed_id)
    _edit(editing, "另一个窗口正在编辑")
    assert editing.flush()
    window = _window(qtbot, db_path, other_id)
    monkeypatch.setattr(backup_controller, "choose_backup_source", lambda w, folder: target)
    monkeypatch.setattr(backup_controller, "confirm_restore", lambda w, s: True)
    window.window_actions["restoreAction"].trigger()
    assert warnings and f"进程 {editing.edit_lock.holder.pid}" in warnings[0]
    assert store.load(seed_id).categories[0].indicators[0].name == "另一个窗口正在编辑"
    assert list_backups(db_path) == []
    assert window.document is not None and window.document.declaration_id == other_id


def test_restore_of_a_damaged_file_in_the_window_changes_nothing(
    qtbot: QtBot, db_path: Path, store: SqliteDeclarationStore, seed_id: int, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, warnings: list[str],
) -> None:  # fmt: skip
    window = _window(qtbot, db_path, seed_id)
    _edit(window, "不能被损坏的备份覆盖")
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 16)
    monkeypatch.setattr(backup_controller, "choose_backup_source", lambda w, folder: damaged)
    monkeypatch.setattr(backup_controller, "confirm_restore", lambda w, s: True)
    window.window_actions["restoreAction"].trigger()
    assert warnings and "数据库保持原样" in warnings[0] and str(damaged) in warnings[0]
    assert store.load(seed_id).categories[0].indicators[0].name == "不能被损坏的备份覆盖"
    assert window.document is not None and window.document.declaration_id == seed_id
    assert list_backups(db_path) == []


def test_daily_backup_at_gui_start_up(db_path: Path, store: SqliteDeclarationStore) -> None:
    from desktop.app import _daily_backup

    assert _daily_backup(db_path) == ""
    assert len(list_backups(db_path)) == 1
    assert _daily_backup(db_path) == ""  # once a day
    assert len(list_backups(db_path)) == 1


def test_failed_daily_backup_is_reported_not_fatal(db_path: Path, store: SqliteDeclarationStore) -> None:
    from db.backup import backup_folder
    from desktop.app import _daily_backup

    backup_folder(db_path).write_text("a file where the backup folder should be")
    message = _daily_backup(db_path)
    assert message.startswith("今日自动备份失败") and str(backup_folder(db_path)) in message


def test_restore_in_the_window_names_declarations_needing_correction(
    qtbot: QtBot, db_path: Path, store: SqliteDeclarationStore, seed_id: int, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, informed: list[str],
) -> None:  # fmt: skip
    from tests.db.test_gate_store import add_legacy_not_applicable_row

    target = tmp_path / "旧备份.sqlite3"
    add_legacy_not_applicable_row(db_path, seed_id)
    store.backup_to(target)
    window = _window(qtbot, db_path, seed_id)
    monkeypatch.setattr(backup_controller, "choose_backup_source", lambda w, folder: target)
    monkeypatch.setattr(backup_controller, "confirm_restore", lambda parent, source: True)
    window.window_actions["restoreAction"].trigger()
    said = [text for text in informed if "已从" in text]
    assert len(said) == 1 and "打开后需先改正才能继续保存" in said[0]
    assert f"编号 {seed_id}：2026" in said[0]
