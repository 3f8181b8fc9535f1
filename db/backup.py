"""Backups of the database file with SQLite's online backup API (docs/safety.md).

A backup is a consistent copy even while a window is writing (the API copies a snapshot, unlike a
file copy that could tear a page or miss the WAL). Backups are written to a temporary file, set to
rollback journalling (one self-contained file), checked with ``quick_check`` and renamed into
place. Automatic ones live in ``<name>-backups`` beside the database, wherever that is; the last
:data:`KEEP` are kept. The copy itself uses ``sqlite3`` directly (no engine, no pool).
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from db.sqlite_errors import describe_sqlite_error
from desktop.atomic import atomic_path
from desktop.oserrors import describe_os_error
from desktop.services.store import DamagedDatabaseError, StoreError

KEEP = 10
DAILY, MIGRATION, RESTORE = "daily", "before-migration", "before-restore"
_NAME = re.compile(r".+-(\d{8}-\d{6})(?:-\d+)?-[a-z-]+\.sqlite3")


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.stem}-backups"


@contextlib.contextmanager
def connect_file(path: Path, mode: str) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"file:{quote(str(path))}?mode={mode}", uri=True, timeout=5)
    try:
        yield conn
    finally:
        conn.close()


def quick_check(conn: sqlite3.Connection) -> bool:
    return [row[0] for row in conn.execute("PRAGMA quick_check(3)")] == ["ok"]


def copy_database(source: Path, target: Path, *, source_mode: str = "rw") -> None:
    """A consistent copy of ``source`` at ``target`` (replaced atomically); raises StoreError."""
    try:
        with atomic_path(target) as temp, connect_file(source, source_mode) as src:
            temp.unlink()  # sqlite3 makes its own file; an empty one would be fine too
            with connect_file(temp, "rwc") as dst:
                src.backup(dst)
                _drop_locks(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                if not quick_check(dst):
                    raise DamagedDatabaseError(f"数据库文件已损坏，无法备份：{source}")
    except sqlite3.OperationalError as exc:  # cannot open, locked, disk full
        raise StoreError(f"无法复制数据库 {source}：{describe_sqlite_error(exc)}") from exc
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
        raise DamagedDatabaseError(f"文件不是可用的数据库（已损坏或不是数据库文件）：{source}") from exc
    except OSError as exc:
        raise StoreError(f"无法写入 {target}：{describe_os_error(exc)}") from exc


def _drop_locks(conn: sqlite3.Connection) -> None:
    """A copy holds no edit locks: they belong to the windows running now, not to the data."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "declaration_lock" in tables:
        with conn:
            conn.execute("DELETE FROM declaration_lock")


def list_backups(db_path: Path) -> list[Path]:
    """The automatic backups of ``db_path``, oldest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.name.startswith(db_path.stem) and _NAME.fullmatch(p.name)]
    return sorted(found, key=lambda p: _taken(p) or datetime.min)


def _taken(path: Path) -> datetime | None:
    match = _NAME.fullmatch(path.name)
    if match is None:
        return None
    try:
        return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def auto_backup(db_path: Path, reason: str, now: datetime | None = None) -> Path:
    """Back ``db_path`` up into its backup folder and keep the last :data:`KEEP`."""
    folder = backup_folder(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"无法创建备份文件夹 {folder}：{describe_os_error(exc)}") from exc
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite3"
    counter = 1
    while target.exists():  # two backups within one second (a restore right after start-up)
        counter += 1
        target = folder / f"{db_path.stem}-{stamp}-{counter}-{reason}.sqlite3"
    copy_database(db_path, target)
    _prune(db_path)
    return target


def _prune(db_path: Path) -> None:
    for old in list_backups(db_path)[:-KEEP]:
        with contextlib.suppress(OSError):
            old.unlink()


def daily_backup(db_path: Path, today: date | None = None) -> Path | None:
    """At most one automatic backup per day (at start-up); the new backup, or None."""
    if not db_path.exists():
        return None
    day = today or date.today()
    if any((taken := _taken(p)) is not None and taken.date() == day for p in list_backups(db_path)):
        return None
    return auto_backup(db_path, DAILY)
