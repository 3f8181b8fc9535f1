"""Restore the database from a backup file (docs/safety.md).

The file is never trusted: it is first copied (online backup API) into a scratch file beside the
database, which must pass ``quick_check``, be a PerfDecl database no newer than this program,
and is migrated to the current schema there. Only then is the current database backed up and
overwritten page by page in one transaction of the backup API, so a refused file or a failure
half-way leaves the current database as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path

from db.backup import RESTORE, auto_backup, connect_file, copy_database
from db.engine import open_engine
from desktop.oserrors import describe_os_error
from desktop.services.store import (
    DamagedDatabaseError,
    NewerDatabaseError,
    StoreError,
    UnusableBackupError,
)


def _scratch(db_path: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{db_path.stem}-restore-", suffix=".sqlite3", dir=db_path.parent
        )
    except OSError as exc:
        raise StoreError(f"无法在 {db_path.parent} 中写入：{describe_os_error(exc)}") from exc
    os.close(fd)
    return Path(name)


def _remove(path: Path) -> None:
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(OSError):
            leftover.unlink()


def restore_database(source: Path, db_path: Path) -> Path | None:
    """Replace ``db_path``'s content by ``source``'s; returns the backup made first (if any).

    Raises ``StoreError`` (``UnusableBackupError``, naming ``source``, for a file that is not a
    usable PerfDecl database or one made by a newer program); the caller makes sure nobody is editing (live locks).
    """
    if not source.is_file():
        raise StoreError(f"备份文件不存在：{source}")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    scratch = _scratch(db_path)
    try:
        try:
            copy_database(source, scratch, source_mode="ro")
            # Refuses someone else's SQLite file or a newer schema; migrates an older one.
            open_engine(scratch, create=False, backup_before_migration=False).dispose()
        except NewerDatabaseError as exc:
            raise UnusableBackupError(
                f"{source}：备份由更新版本的程序创建，请使用更新版本的 PerfDecl 恢复"
            ) from exc
        except DamagedDatabaseError as exc:
            raise UnusableBackupError(
                f"{source}：不是可用的 PerfDecl 备份（已损坏、未通过完整性检查或不是数据库文件）"
            ) from exc
        before = auto_backup(db_path, RESTORE) if db_path.exists() else None
        if db_path.exists():
            _overwrite(scratch, db_path)
        else:
            copy_database(scratch, db_path)
        return before
    finally:
        _remove(scratch)


def _overwrite(scratch: Path, db_path: Path) -> None:
    """Copy ``scratch`` over the live database in place (one write transaction)."""
    try:
        with connect_file(scratch, "rw") as src, connect_file(db_path, "rw") as dst:
            src.backup(dst)
    except sqlite3.Error as exc:
        raise StoreError(f"无法写入数据库 {db_path}：{exc}") from exc
