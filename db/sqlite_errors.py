"""Chinese descriptions of SQLite's (English) operational errors, for every module of ``db``."""

from __future__ import annotations

_SQLITE_MESSAGES = (
    ("database is locked", "数据库正被其他程序占用（写入中），请稍后再试"),
    ("readonly database", "数据库文件是只读的"),
    ("database or disk is full", "磁盘空间不足"),
    ("disk i/o error", "磁盘读写错误"),
    ("unable to open database file", "无法打开数据库文件（文件夹不存在或没有权限）"),
    ("authorization denied", "没有权限"),
)


def describe_sqlite_error(exc: BaseException | None) -> str:
    """A Chinese description of an SQLite operational error (SQLite's own text is English)."""
    text = str(exc).lower()
    for needle, message in _SQLITE_MESSAGES:
        if needle in text:
            return message
    return f"SQLite 错误：{exc}"
