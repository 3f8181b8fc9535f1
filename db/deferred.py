"""The first window (and read-only commands) without SQLAlchemy: reads with the ``sqlite3``
module until anything else is asked for.

Importing SQLAlchemy costs ~0.28 s of CPU, the largest part of showing the window
(docs/performance.md). A window needs only ``list``, ``summary`` and ``load`` to appear (``check`` and
an export of an unchanged declaration also ``revisions`` and ``load_revision``), so
:func:`open_deferred` checks the file with plain SQL (our header, ``quick_check``, schema at
``SCHEMA_HEAD``) and answers those reads itself; the first other call (an autosave, a revision,
the indicator library) opens the real store, imports SQLAlchemy and serves everything from then
on. A file that is not plainly ours at head (new, older schema, damaged, too new) goes straight
to :func:`db.repository.open_store`, which migrates it or refuses it with its usual message.
"""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import quote

from db import backup, locks, mapping, project_mapping
from db.revisions import thaw
from db.schema_head import SCHEMA_HEAD
from db.sqlite_errors import describe_sqlite_error
from desktop.domain.model import FORM_PROJECT, Declaration
from desktop.services.store import (
    DamagedRevisionError,
    DeclarationStore,
    DeclarationSummary,
    NotFoundError,
    RevisionInfo,
    StoredIndicator,
    StoreError,
)

if TYPE_CHECKING:
    from db.repository import SqliteDeclarationStore
    from desktop.services.locking import LockHolder

SQLITE_HEADER = b"SQLite format 3\x00"
_SUMMARY = """
SELECT d.id, d.year, d.unit_name, d.form, d.profile_id,
       (SELECT coalesce(max(r.number), 0) FROM revision r WHERE r.declaration_id = d.id),
       (SELECT r.number FROM revision r WHERE r.declaration_id = d.id AND r.is_final),
       d.modified_at, p.name
FROM declaration d LEFT JOIN project_part p ON p.declaration_id = d.id
"""


class _Head(NamedTuple):
    """The ``declaration`` row with the column types of db/types.py applied."""

    profile_id: str
    year: int
    form: str
    unit_name: str
    supervisor: str
    budget_control_total: Decimal | None
    has_declared_totals: bool
    declared_total: Decimal | None
    declared_fiscal: Decimal | None
    declared_other: Decimal | None
    footer_preparer: str
    footer_phone: str
    footer_unit_head: str
    footer_date: str


def _money(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _ints(text: str) -> list[int]:
    return [int(n) for n in text.split(",")] if text else []


def _summary(row: tuple[Any, ...]) -> DeclarationSummary:
    number, year, unit_name, form, profile_id, latest, final, modified, project_name = row
    return DeclarationSummary(
        number, year, unit_name, form, profile_id, latest, final, datetime.fromisoformat(modified),
        project_name,
    )


class DeferredStore:
    """A :class:`DeclarationStore` that reads with ``sqlite3`` until it must open the real one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._full: SqliteDeclarationStore | None = None
        self._uri = f"file:{quote(str(path))}?mode=rw"

    @property
    def opened(self) -> bool:
        """Whether the SQLAlchemy store has been opened (SQLAlchemy imported)."""
        return self._full is not None

    def full(self) -> SqliteDeclarationStore:
        """The real store, opened (and SQLAlchemy imported) on first use."""
        if self._full is None:
            from db.repository import open_store

            self._full = open_store(self.path, create=False)
        return self._full

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self._uri, uri=True, timeout=5.0, isolation_level=None)
        try:
            conn.execute("BEGIN")  # one snapshot for all the statements of a read
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (``BEGIN IMMEDIATE``, like the real store's writes)."""
        conn = sqlite3.connect(self._uri, uri=True, timeout=5.0, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:  # busy beyond the timeout, read-only, disk full
            raise StoreError(f"数据库暂时无法使用：{self.path}（{describe_sqlite_error(exc)}）") from exc
        finally:
            conn.close()

    # -- answered here until the real store is open ---------------------------------------
    def working_version(self, declaration_id: int) -> int:
        if self._full is not None:
            return self._full.working_version(declaration_id)
        with self._read() as conn:
            row = conn.execute(
                "SELECT version FROM declaration WHERE id = ?", (declaration_id,)
            ).fetchone()
        if row is None:
            raise NotFoundError(f"没有编号为 {declaration_id} 的申报表")
        return int(row[0])

    # Edit locks: the first window takes one before SQLAlchemy is imported (db/locks.py).
    def acquire_lock(self, declaration_id: int, holder: LockHolder) -> LockHolder | None:
        if self._full is not None:
            return self._full.acquire_lock(declaration_id, holder)
        with self._write() as conn:
            if not locks.declaration_exists(conn, declaration_id):
                raise NotFoundError(f"没有编号为 {declaration_id} 的申报表")
            return locks.acquire(conn, declaration_id, holder)

    def release_lock(self, declaration_id: int | None, token: str) -> None:
        if self._full is not None:
            return self._full.release_lock(declaration_id, token)
        with self._write() as conn:
            locks.release(conn, None if declaration_id is None else [declaration_id], token)
        return None

    def lock_holder(self, declaration_id: int) -> LockHolder | None:
        if self._full is not None:
            return self._full.lock_holder(declaration_id)
        with self._write() as conn:
            return locks.live_holder(conn, declaration_id)

    def live_locks(self) -> builtins.list[tuple[int, LockHolder]]:
        if self._full is not None:
            return self._full.live_locks()
        with self._write() as conn:
            return locks.live_holders(conn)

    def backup_folder(self) -> Path:
        return backup.backup_folder(self.path)

    def backup_to(self, target: Path) -> None:
        if self._full is not None:
            return self._full.backup_to(target)
        backup.copy_database(self.path, target)
        return None

    def list(self) -> builtins.list[DeclarationSummary]:
        if self._full is not None:
            return self._full.list()
        with self._read() as conn:
            rows = conn.execute(_SUMMARY + " ORDER BY d.modified_at DESC, d.id DESC").fetchall()
        return [_summary(row) for row in rows]

    def summary(self, declaration_id: int) -> DeclarationSummary:
        if self._full is not None:
            return self._full.summary(declaration_id)
        with self._read() as conn:
            row = conn.execute(_SUMMARY + " WHERE d.id = ?", (declaration_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"没有编号为 {declaration_id} 的申报表")
        return _summary(row)

    def load(self, declaration_id: int) -> Declaration:
        if self._full is not None:
            return self._full.load(declaration_id)
        with self._read() as conn:
            head = conn.execute(
                "SELECT profile_id, year, form, unit_name, supervisor, budget_control_total,"
                " has_declared_totals, declared_total, declared_fiscal, declared_other,"
                " footer_preparer, footer_phone, footer_unit_head, footer_date"
                " FROM declaration WHERE id = ?",
                (declaration_id,),
            ).fetchone()
            if head is None:
                raise NotFoundError(f"没有编号为 {declaration_id} 的申报表")

            def rows(table: str, columns: str) -> builtins.list[Any]:
                query = f"SELECT {columns} FROM {table} WHERE declaration_id = ? ORDER BY position"
                return conn.execute(query, (declaration_id,)).fetchall()

            tasks = rows("task", "name, content, fiscal, other, declared_total")
            goals = rows("goal", "text")
            states = rows("category_state", "level1, level2, not_applicable")
            indicators = rows(
                "indicator", "level1, level2, name, value, unit, explanation, goals"
            )
            accepted = rows("accepted_finding", "rule, subject, reason")
            project = conn.execute(
                "SELECT content FROM project_part WHERE declaration_id = ?", (declaration_id,)
            ).fetchone()
        record = _Head(
            profile_id=head[0],
            year=head[1],
            form=head[2],
            unit_name=head[3],
            supervisor=head[4],
            budget_control_total=_money(head[5]),
            has_declared_totals=bool(head[6]),
            declared_total=_money(head[7]),
            declared_fiscal=_money(head[8]),
            declared_other=_money(head[9]),
            footer_preparer=head[10],
            footer_phone=head[11],
            footer_unit_head=head[12],
            footer_date=head[13],
        )
        categories = mapping.build_categories(
            record.profile_id,
            [(level1, level2, bool(flag)) for level1, level2, flag in states],
            [(*row[:6], _ints(row[6])) for row in indicators],
        )
        declaration = mapping.build_declaration(
            record,
            [
                (name, content, Decimal(fiscal), Decimal(other), _money(total))
                for name, content, fiscal, other, total in tasks
            ],
            (text for (text,) in goals),
            categories,
            accepted,
        )
        if record.form != FORM_PROJECT:
            return declaration
        return project_mapping.attach_stored(declaration, project[0] if project else None, declaration_id)

    def revisions(self, declaration_id: int) -> builtins.list[RevisionInfo]:
        if self._full is not None:
            return self._full.revisions(declaration_id)
        with self._read() as conn:
            if conn.execute(
                "SELECT id FROM declaration WHERE id = ?", (declaration_id,)
            ).fetchone() is None:
                raise NotFoundError(f"没有编号为 {declaration_id} 的申报表")
            rows = conn.execute(
                "SELECT declaration_id, number, created_at, fingerprint, is_final"
                " FROM revision WHERE declaration_id = ? ORDER BY number",
                (declaration_id,),
            ).fetchall()
        return [
            RevisionInfo(owner, number, datetime.fromisoformat(created), fingerprint, bool(final))
            for owner, number, created, fingerprint, final in rows
        ]

    def load_revision(self, declaration_id: int, number: int) -> Declaration:
        if self._full is not None:
            return self._full.load_revision(declaration_id, number)
        content = self.revision_content(declaration_id, number)
        try:
            return thaw(content)
        except ValueError as exc:  # ExchangeError, or JSON that no longer parses
            raise DamagedRevisionError(
                f"申报表 {declaration_id} 的第 {number} 版无法读取（{exc}）：{self.path}"
            ) from exc

    def revision_content(self, declaration_id: int, number: int) -> str:
        if self._full is not None:
            return self._full.revision_content(declaration_id, number)
        with self._read() as conn:
            row = conn.execute(
                "SELECT content FROM revision WHERE declaration_id = ? AND number = ?",
                (declaration_id, number),
            ).fetchone()
        if row is None:
            raise NotFoundError(f"申报表 {declaration_id} 没有版本 {number}")
        content: str = row[0]
        return content

    # -- everything else opens the real store -----------------------------------------------
    def create(self, declaration: Declaration, *, with_revision: bool = False) -> int:
        return self.full().create(declaration, with_revision=with_revision)

    def save(
        self, declaration_id: int, declaration: Declaration, expected_version: int | None = None
    ) -> int:
        return self.full().save(declaration_id, declaration, expected_version)

    def restore_from(self, source: Path, own_token: str | None = None) -> Path | None:
        return self.full().restore_from(source, own_token)

    def delete(self, declaration_id: int) -> None:
        self.full().delete(declaration_id)

    def make_revision(self, declaration_id: int) -> RevisionInfo:
        return self.full().make_revision(declaration_id)

    def set_final(self, declaration_id: int, number: int, final: bool = True) -> None:
        self.full().set_final(declaration_id, number, final)

    def stored_indicators(
        self, exclude_declaration_id: int | None = None
    ) -> builtins.list[StoredIndicator]:
        return self.full().stored_indicators(exclude_declaration_id)

    def close(self) -> None:
        if self._full is not None:
            self._full.close()

    def __getattr__(self, name: str) -> Any:
        # Anything the real store offers beyond the protocol.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.full(), name)


def _plainly_ours_at_head(path: Path) -> bool:
    """Our SQLite file, undamaged, at SCHEMA_HEAD (anything else is the full open's job)."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return False
        uri = f"file:{quote(str(path))}?mode=rw"
        conn = sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None)
        try:
            if [row[0] for row in conn.execute("PRAGMA quick_check(3)")] != ["ok"]:
                return False
            found = conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            if found is None:
                return False
            versions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
            return versions == [(SCHEMA_HEAD,)]
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return False


def open_deferred(path: str | Path, *, create: bool = True) -> DeclarationStore:
    """A deferred store when the file is ours at head, else the full
    :func:`db.repository.open_store` (which creates, migrates or refuses the file)."""
    file = Path(path)
    if file.is_file() and _plainly_ours_at_head(file):
        return DeferredStore(file)
    from db.repository import open_store

    return open_store(file, create=create)


def _conforms(store: DeferredStore) -> DeclarationStore:
    """Lets mypy check that the class implements the whole protocol."""
    return store
