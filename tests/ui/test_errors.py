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
from desktop.oserrors import describe_os_error
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


def test_an_exception_while_the_box_is_open_is_logged_without_a_second_box(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logged: list[str] = []
    shown: list[str] = []

    def write_log(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path:
        logged.append(str(exc))
        return tmp_path / f"perfdecl-error-{len(logged)}.log"

    def show(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        shown.append(text)
        # The box's event loop runs slots; one of them fails again, twice.
        for again in ("second", "third"):
            try:
                raise RuntimeError(again)
            except RuntimeError as exc:
                sys.excepthook(RuntimeError, exc, exc.__traceback__)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(show))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_exception_dialog(write_log)
    for first in ("first", "after"):
        try:
            raise RuntimeError(first)
        except RuntimeError as exc:
            sys.excepthook(RuntimeError, exc, exc.__traceback__)
    assert logged == ["first", "second", "third", "after", "second", "third"]
    assert len(shown) == 2 and "perfdecl-error-1.log" in shown[0]
    assert "perfdecl-error-4.log" in shown[1]


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (PermissionError(13, "Permission denied"), "没有写入权限"),
        (OSError(28, "No space left on device"), "磁盘空间不足"),
        (OSError(30, "Read-only file system"), "只读"),
        (OSError(5, "Input/output error"), "磁盘读写错误"),
        (OSError(71, "Protocol error"), "系统错误（代码 71）"),
    ],
)
def test_os_errors_are_explained_in_chinese(error: OSError, expected: str) -> None:
    assert expected in describe_os_error(error)


def test_a_refused_read_says_read() -> None:
    assert "没有读取权限" in describe_os_error(PermissionError(13, "x"), writing=False)
