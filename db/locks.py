"""Edit locks in the ``declaration_lock`` table (desktop/services/locking.py, docs/safety.md).

Each function runs inside a write transaction of the caller, so "look, clear a stale lock, take
it" is atomic between programs. A lock whose process is gone is deleted where it is found.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from db.schema import DeclarationLockRow
from desktop.services.locking import LockHolder

L = DeclarationLockRow


def _holder(row: Any) -> LockHolder:
    return LockHolder(
        token=row.token,
        owner=row.owner,
        host=row.host,
        pid=row.pid,
        started=row.process_started,
        acquired=row.acquired_at,
    )


def live_holder(conn: Connection, declaration_id: int) -> LockHolder | None:
    """The live holder of ``declaration_id``; a stale lock is deleted and None returned."""
    row = conn.execute(select(L).where(L.declaration_id == declaration_id)).one_or_none()
    if row is None:
        return None
    holder = _holder(row)
    if holder.is_alive():
        return holder
    conn.execute(delete(L).where(L.declaration_id == declaration_id))
    return None


def live_holders(conn: Connection) -> list[tuple[int, LockHolder]]:
    """Every live lock (stale ones are deleted), by declaration id."""
    found: list[tuple[int, LockHolder]] = []
    for row in conn.execute(select(L).order_by(L.declaration_id)).all():
        holder = _holder(row)
        if holder.is_alive():
            found.append((row.declaration_id, holder))
        else:
            conn.execute(delete(L).where(L.declaration_id == row.declaration_id))
    return found


def acquire(conn: Connection, declaration_id: int, holder: LockHolder) -> LockHolder | None:
    """Take the lock for ``holder``; returns the other live holder instead when there is one."""
    current = live_holder(conn, declaration_id)
    if current is not None:
        return None if current.token == holder.token else current
    conn.execute(
        insert(L).values(
            declaration_id=declaration_id,
            token=holder.token,
            owner=holder.owner,
            host=holder.host,
            pid=holder.pid,
            process_started=holder.started,
            acquired_at=holder.acquired,
        )
    )
    return None


def release(conn: Connection, declaration_ids: Iterable[int] | None, token: str) -> None:
    """Drop the locks ``token`` holds (on ``declaration_ids``, or all of them)."""
    query = delete(L).where(L.token == token)
    if declaration_ids is not None:
        query = query.where(L.declaration_id.in_(list(declaration_ids)))
    conn.execute(query)
