"""What the user sees when something goes wrong outside their control."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

LogWriter = Callable[[type[BaseException], BaseException, TracebackType | None], Path]

def show_startup_error(title: str, message: str, parent: QWidget | None = None) -> None:
    QMessageBox.critical(parent, title, message)


def install_exception_dialog(write_log: LogWriter) -> None:
    """Log an unexpected exception and tell the user, instead of letting Qt abort the program.

    The working copy is saved continuously, so the user can carry on or restart safely. While
    the message box is open its event loop keeps running timers and slots; exceptions they raise
    are logged but do not open a box over the box (a failing timer would stack them forever).
    """
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            where = f"详细信息已写入日志文件：\n{write_log(exc_type, exc, tb)}"
        except OSError:
            where = "且无法写入日志文件。"
        if showing:
            return
        showing = True
        try:
            QMessageBox.warning(
                None,
                "程序内部出错",
                f"抱歉，程序内部出错，刚才的操作可能没有完成。\n已输入的内容都已自动保存。\n{where}",
            )
        finally:
            showing = False

    sys.excepthook = hook
