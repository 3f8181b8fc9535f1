"""Opening a database file: connection settings, sanity checks and automatic migrations.

Every connection gets ``foreign_keys=ON`` (SQLite's default is off), a busy timeout and
``synchronous=FULL``; once a file is known to be ours it is switched to WAL journalling, which the
file remembers (the GUI and a command line may use one file at once); a file on a USB stick
(portable mode) or a network share keeps the rollback journal instead. In WAL mode ``NORMAL`` may
lose the last committed autosaves on a power cut; ``FULL`` syncs the log at every commit, which
costs a few milliseconds per (debounced) autosave and keeps everything the user typed. A file
that fails ``PRAGMA quick_check`` is refused as damaged before anything is written to it. A file
we refuse is never written to. Transactions are begun explicitly
(``BEGIN``), not by the sqlite3 module's implicit rules, so a read-then-write is one transaction.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError as SqlDatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

if TYPE_CHECKING:
    from alembic.script import ScriptDirectory

from db.schema_head import SCHEMA_HEAD  # a file at head opens without Alembic (~0.2 s)
from db.sqlite_errors import describe_sqlite_error
from desktop.datadirs import prefers_rollback_journal
from desktop.oserrors import describe_os_error
from desktop.services.store import (
    DamagedDatabaseError,
    NewerDatabaseError,
    NotFoundError,
    StoreError,
)

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Execution option that makes the next transaction ``BEGIN IMMEDIATE`` (take the write lock first,
#: so two writers wait for each other instead of failing on lock upgrade).
IMMEDIATE = "perfdecl_immediate"


def _damaged(path: Path) -> DamagedDatabaseError:
    return DamagedDatabaseError(f"文件不是可用的 PerfDecl 数据库（已损坏或不是数据库文件）：{path}")


def _check_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise _damaged(path)
    if not path.exists():
        if not create:
            raise NotFoundError(f"数据库文件不存在：{path}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"无法创建数据库文件夹：{path.parent}（{describe_os_error(exc)}）") from exc
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DamagedDatabaseError(f"无法读取数据库文件：{path}（{describe_os_error(exc, writing=False)}）") from exc
    # An empty file is an empty SQLite database; anything else must carry the SQLite header.
    if header and header != SQLITE_HEADER:
        raise _damaged(path)


def _make_engine(path: Path, create: bool) -> Engine:
    uri = f"file:{quote(str(path))}?mode={'rwc' if create else 'rw'}"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)

    # The URL names no file (``creator`` opens it), so choose the file-database pool explicitly:
    # the in-memory default would share one connection between all users in a thread.
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA synchronous=FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _needs_upgrade(conn: Connection, script: ScriptDirectory, path: Path, create: bool) -> bool:
    """False when the schema is at head; raises for a file that is not ours or is too new."""
    from alembic.runtime.migration import MigrationContext

    tables = set(inspect(conn).get_table_names())
    if "alembic_version" not in tables:
        if tables or not create:
            raise _damaged(path)  # someone else's SQLite file, or an empty one we may not fill
        return True
    current = MigrationContext.configure(conn).get_current_revision()
    if current is None:
        raise _damaged(path)
    if current not in {rev.revision for rev in script.walk_revisions()}:
        raise NewerDatabaseError(
            f"数据库由更新版本的程序创建（数据库版本 {current}），"
            f"请使用更新版本的 PerfDecl 打开：{path}"
        )
    return current not in script.get_heads()


def _quick_check(engine: Engine, path: Path) -> None:
    """Refuse a damaged file (a torn copy, a bad disk sector) before reading or writing it."""
    with engine.connect() as conn, conn.begin():
        problems = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check(3)")]
    if problems != ["ok"]:
        raise _damaged(path)


def _stored_revision(conn: Connection) -> str | None:
    """The revision in ``alembic_version`` (None: no such table, or not exactly one row)."""
    found = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).first()
    if found is None:
        return None
    rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None


def _migrate(engine: Engine, path: Path, create: bool, backup: bool) -> None:
    """Bring the schema to the head revision, or refuse a file that is not ours / too new.

    With ``backup`` an existing database is backed up (db/backup.py) before it is migrated:
    only when a migration actually runs, never on the fast path at head.
    """
    with engine.connect() as conn, conn.begin():
        if _stored_revision(conn) == SCHEMA_HEAD:
            return  # the common case: at head, no need for Alembic's script directory
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    # Check in a read transaction first, so an up-to-date or refused file is never locked.
    with engine.connect() as conn, conn.begin():
        if not _needs_upgrade(conn, script, path, create):
            return
        existing = "alembic_version" in inspect(conn).get_table_names()
    if backup and existing:
        from db.backup import MIGRATION, auto_backup

        auto_backup(path, MIGRATION)
    # Check again under the write lock: another program may have migrated in between.
    with engine.connect().execution_options(**{IMMEDIATE: True}) as conn, conn.begin():
        if _needs_upgrade(conn, script, path, create):
            config.attributes["connection"] = conn
            command.upgrade(config, "head")


def _use_wal(engine: Engine, path: Path) -> None:
    # A USB stick (portable mode) or a network share gets the rollback journal: WAL there loses
    # edits when the stick is pulled, and SMB cannot share its memory file (desktop/datadirs.py).
    wanted = "delete" if prefers_rollback_journal(path) else "wal"
    with engine.connect() as conn:  # outside a transaction: journal_mode cannot change inside one
        raw: Any = conn.connection.driver_connection
        if raw.execute("PRAGMA journal_mode").fetchone()[0] != wanted:
            raw.execute(f"PRAGMA journal_mode={wanted.upper()}")


def open_engine(
    path: str | Path, *, create: bool = True, backup_before_migration: bool = True
) -> Engine:
    """An engine on ``path`` with the schema at head; raises ``StoreError`` subclasses."""
    file = Path(path)
    _check_file(file, create)
    engine = _make_engine(file, create)
    try:
        _quick_check(engine, file)
        _migrate(engine, file, create, backup_before_migration)
        _use_wal(engine, file)
    except OperationalError as exc:  # locked, unreadable, read-only folder, disk full
        engine.dispose()
        raise StoreError(f"无法打开数据库：{file}（{describe_sqlite_error(exc.orig)}）") from exc
    except SqlDatabaseError as exc:  # not a database, or a corrupt one
        engine.dispose()
        raise _damaged(file) from exc
    except BaseException:
        engine.dispose()
        raise
    return engine
