"""Edit locks in the ``declaration_lock`` table (desktop/services/locking.py, docs/safety.md).

Plain SQL on the ``sqlite3`` connection, so that both the SQLAlchemy store (its connection's
driver connection, inside its transaction) and the deferred store of a starting window
(db/deferred.py, which must not import SQLAlchemy) use the same code. Each function runs inside a
write transaction of the caller, so "look, clear a stale lock, take it" is atomic between
programs. A lock whose process is gone is deleted where it is found.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

from desktop.services.locking import LockHolder

_COLUMNS = "declaration_id, token, owner, host, pid, process_started, acquired_at"


def _holder(row: tuple[object, ...]) -> LockHolder:
    _, token, owner, host, pid, started, acquired = row
    return LockHolder(
        token=str(token),
        owner=str(owner),
        host=str(host),
        pid=int(str(pid)),
        started=float(str(started)),
        acquired=datetime.fromisoformat(str(acquired)),
    )


def live_holder(conn: sqlite3.Connection, declaration_id: int) -> LockHolder | None:
    """The live holder of ``declaration_id``; a stale lock is deleted and None returned."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM declaration_lock WHERE declaration_id = ?", (declaration_id,)
    ).fetchone()
    if row is None:
        return None
    holder = _holder(row)
    if holder.is_alive():
        return holder
    conn.execute("DELETE FROM declaration_lock WHERE declaration_id = ?", (declaration_id,))
    return None


def live_holders(conn: sqlite3.Connection) -> list[tuple[int, LockHolder]]:
    """Every live lock (stale ones are deleted), by declaration id."""
    found: list[tuple[int, LockHolder]] = []
    rows = conn.execute(f"SELECT {_COLUMNS} FROM declaration_lock ORDER BY declaration_id")
    for row in rows.fetchall():
        holder = _holder(row)
        if holder.is_alive():
            found.append((int(row[0]), holder))
        else:
            conn.execute("DELETE FROM declaration_lock WHERE declaration_id = ?", (row[0],))
    return found


def acquire(
    conn: sqlite3.Connection, declaration_id: int, holder: LockHolder
) -> LockHolder | None:
    """Take the lock for ``holder``; returns the other live holder instead when there is one."""
    current = live_holder(conn, declaration_id)
    if current is not None:
        return None if current.token == holder.token else current
    acquired = holder.acquired.astimezone(UTC).isoformat(timespec="microseconds")
    conn.execute(
        f"INSERT INTO declaration_lock ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (declaration_id, holder.token, holder.owner, holder.host, holder.pid, holder.started,
         acquired),
    )  # fmt: skip
    return None


def release(conn: sqlite3.Connection, declaration_ids: Iterable[int] | None, token: str) -> None:
    """Drop the locks ``token`` holds (on ``declaration_ids``, or all of them)."""
    if declaration_ids is None:
        conn.execute("DELETE FROM declaration_lock WHERE token = ?", (token,))
        return
    for declaration_id in declaration_ids:
        conn.execute(
            "DELETE FROM declaration_lock WHERE token = ? AND declaration_id = ?",
            (token, declaration_id),
        )


def declaration_exists(conn: sqlite3.Connection, declaration_id: int) -> bool:
    return conn.execute("SELECT 1 FROM declaration WHERE id = ?", (declaration_id,)).fetchone() is not None
