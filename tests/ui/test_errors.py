"""Errors in the GUI are logged and shown, never a silent abort."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from types import TracebackType

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QMessageBox

from desktop.cli import main
from ui.error_dialogs import install_exception_dialog


def _record(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    said: list[str] = []

    def show(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        said.append(f"{title}：{text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, name, staticmethod(show))
    return said


def test_unexpected_exception_is_logged_and_shown(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = _record(monkeypatch, "warning")
    logged: list[str] = []

    def write_log(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path:
        logged.append(repr(exc))
        return tmp_path / "perfdecl-error.log"

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_exception_dialog(write_log)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        sys.excepthook(RuntimeError, exc, exc.__traceback__)
    assert logged == ["RuntimeError('boom')"]
    assert "自动保存" in said[0] and "perfdecl-error.log" in said[0]


def test_gui_on_a_damaged_database_says_so_in_a_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = _record(monkeypatch, "critical")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 100)
    err = io.StringIO()
    assert main(["gui", "--db", str(junk)], out=io.StringIO(), err=err) == 2
    assert said and "无法打开数据库" in said[0] and "junk.sqlite3" in said[0]
    assert "junk.sqlite3" in err.getvalue()
