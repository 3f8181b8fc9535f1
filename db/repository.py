"""``SqliteDeclarationStore``: the :class:`~desktop.services.store.DeclarationStore` on SQLite.

Every public method is one transaction: a save or import that fails half-way (a bad amount, a
full disk, a crash) rolls back and leaves the previous working copy exactly as it was. Writes
take the write lock first (``BEGIN IMMEDIATE``) so two programs on one file wait for each other.
"""

from __future__ import annotations

import builtins
import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, OperationalError, StatementError

from db import backup, locks, mapping, project_mapping
from db.engine import IMMEDIATE, open_engine
from db.revisions import freeze_checked, gate, thaw
from db.schema import (
    CHILD_TABLES,
    accepted_findings,
    category_states,
    declarations,
    goals,
    indicators,
    project_parts,
    revisions,
    tasks,
)
from db.sqlite_errors import describe_sqlite_error
from db.types import utc_now
from desktop.domain.model import FORM_PROJECT, Declaration, Indicator
from desktop.domain.profile import UnknownProfileError, load_profile
from desktop.services.locking import ConflictError, LockedError, LockHolder
from desktop.services.store import (
    DamagedDatabaseError,
    DamagedRevisionError,
    DeclarationStore,
    DeclarationSummary,
    NotFoundError,
    RevisionInfo,
    StoredIndicator,
    StoreError,
)

if TYPE_CHECKING:
    import sqlite3

D = declarations.c
R = revisions.c


def _not_found(declaration_id: int) -> NotFoundError:
    return NotFoundError(f"没有编号为 {declaration_id} 的申报表")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


class SqliteDeclarationStore:
    """Declarations, working copies and revisions in one SQLite file."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self._engine = engine
        self.path = path
        # Open connections keep writing to the file they opened even after it was moved away
        # or replaced (a copy tool, a sync client, a pulled drive): such writes would be lost.
        self._identity = _identity(path)

    # -- transactions ---------------------------------------------------------------------
    def _check_file(self) -> None:
        if self._identity is not None and _identity(self.path) != self._identity:
            raise StoreError(f"数据库文件已被移走、删除或替换：{self.path}")

    @contextlib.contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Connection]:
        self._check_file()
        try:
            with self._engine.connect() as conn:
                if write:
                    conn = conn.execution_options(**{IMMEDIATE: True})
                with conn.begin():
                    yield conn
        except StatementError as exc:
            if isinstance(exc.orig, ValueError):  # a value our column types refuse
                raise StoreError(f"无法保存：数据中有无效的值（{exc.orig}）") from exc
            if isinstance(exc, OperationalError):  # busy beyond the timeout, disk full, read-only
                reason = describe_sqlite_error(exc.orig)
                raise StoreError(f"数据库暂时无法使用：{self.path}（{reason}）") from exc
            if type(exc) is DatabaseError:  # SQLite's "corrupt" / "not a database"
                raise DamagedDatabaseError(f"数据库文件已损坏：{self.path}") from exc
            raise  # integrity errors and the like are bugs, not user problems

    # -- working copies -------------------------------------------------------------------
    def create(self, declaration: Declaration, *, with_revision: bool = False) -> int:
        gate(declaration)  # the one gate (desktop/domain/validate.py): nothing invalid is stored
        now = utc_now()
        with self._transaction(write=True) as conn:
            values = mapping.declaration_values(declaration, now)
            result = conn.execute(insert(declarations).values(created_at=now, **values).returning(D.id))
            declaration_id: int = result.scalar_one()
            self._insert_children(conn, declaration_id, declaration)
            if with_revision:  # an import: the declaration and its revision 1, or nothing
                self._insert_revision(conn, declaration_id)
        return declaration_id

    def load(self, declaration_id: int) -> Declaration:
        with self._transaction(write=False) as conn:
            return self._load(conn, declaration_id)

    def save(
        self, declaration_id: int, declaration: Declaration, expected_version: int | None = None
    ) -> int:
        gate(declaration)  # the one gate (desktop/domain/validate.py): nothing invalid is stored
        with self._transaction(write=True) as conn:
            values = mapping.declaration_values(declaration, utc_now())
            query = update(declarations).where(D.id == declaration_id)
            if expected_version is not None:
                query = query.where(D.version == expected_version)
            result = conn.execute(query.values(version=D.version + 1, **values))
            if result.rowcount != 1:
                self._require(conn, declaration_id)
                raise ConflictError(
                    f"申报表 {declaration_id} 已在别处（另一个窗口或程序）被修改，"
                    "本窗口的修改没有写入，以免覆盖别处的修改"
                )
            for table in CHILD_TABLES:
                conn.execute(delete(table).where(table.c.declaration_id == declaration_id))
            self._insert_children(conn, declaration_id, declaration)
            return self._version(conn, declaration_id)

    def working_version(self, declaration_id: int) -> int:
        with self._transaction(write=False) as conn:
            return self._version(conn, declaration_id)

    @staticmethod
    def _version(conn: Connection, declaration_id: int) -> int:
        version = conn.execute(select(D.version).where(D.id == declaration_id)).scalar_one_or_none()
        if version is None:
            raise _not_found(declaration_id)
        return int(version)

    # -- edit locks (db/locks.py: plain SQL on this transaction's sqlite3 connection) ---------
    @staticmethod
    def _raw(conn: Connection) -> sqlite3.Connection:
        raw: sqlite3.Connection = conn.connection.driver_connection  # type: ignore[assignment]
        return raw

    def acquire_lock(self, declaration_id: int, holder: LockHolder) -> LockHolder | None:
        with self._transaction(write=True) as conn:
            self._require(conn, declaration_id)
            return locks.acquire(self._raw(conn), declaration_id, holder)

    def release_lock(self, declaration_id: int | None, token: str) -> None:
        with self._transaction(write=True) as conn:
            ids = None if declaration_id is None else [declaration_id]
            locks.release(self._raw(conn), ids, token)

    def lock_holder(self, declaration_id: int) -> LockHolder | None:
        with self._transaction(write=True) as conn:  # may clear a stale lock
            return locks.live_holder(self._raw(conn), declaration_id)

    def live_locks(self) -> builtins.list[tuple[int, LockHolder]]:
        with self._transaction(write=True) as conn:
            return locks.live_holders(self._raw(conn))

    def delete(self, declaration_id: int) -> None:
        with self._transaction(write=True) as conn:
            # Children and revisions go with it (ON DELETE CASCADE).
            result = conn.execute(delete(declarations).where(D.id == declaration_id))
            if result.rowcount != 1:
                raise _not_found(declaration_id)

    @staticmethod
    def _insert_children(conn: Connection, declaration_id: int, decl: Declaration) -> None:
        builders = (
            (tasks, mapping.task_rows),
            (goals, mapping.goal_rows),
            (category_states, mapping.category_rows),
            (indicators, mapping.indicator_rows),
            (accepted_findings, mapping.accepted_rows),
            (project_parts, project_mapping.project_rows),
        )
        for table, build in builders:
            rows = build(declaration_id, decl)
            if rows:
                conn.execute(insert(table), rows)  # one executemany per table

    @staticmethod
    def _load(conn: Connection, declaration_id: int) -> Declaration:
        head = conn.execute(select(declarations).where(D.id == declaration_id)).one_or_none()
        if head is None:
            raise _not_found(declaration_id)

        def rows(*columns: Any) -> Any:
            table = columns[0].table.c
            query = select(*columns).where(table.declaration_id == declaration_id)
            return conn.execute(query.order_by(table.position)).all()

        t, g, c, i, a = (x.c for x in (tasks, goals, category_states, indicators, accepted_findings))
        categories = mapping.build_categories(
            head.profile_id,
            rows(c.level1, c.level2, c.not_applicable),
            rows(i.level1, i.level2, i.name, i.value, i.unit, i.explanation, i.goals),
        )
        declaration = mapping.build_declaration(
            head,
            rows(t.name, t.content, t.fiscal, t.other, t.declared_total),
            (text for (text,) in rows(g.text)),
            categories,
            rows(a.rule, a.subject, a.reason),
        )
        if head.form != FORM_PROJECT:
            return declaration
        p = project_parts.c
        content = conn.execute(select(p.content).where(p.declaration_id == declaration_id)).scalar()
        return project_mapping.attach_stored(declaration, content, declaration_id)

    # -- listing --------------------------------------------------------------------------
    @staticmethod
    def _summary_query() -> Any:
        own = R.declaration_id == D.id
        latest = select(func.coalesce(func.max(R.number), 0)).where(own).scalar_subquery()
        final = select(R.number).where(own, R.is_final).scalar_subquery()
        columns = (D.id, D.year, D.unit_name, D.form, D.profile_id, latest, final, D.modified_at)
        p = project_parts.c  # a project's name (docs/project-form.md §9)
        return select(*columns, p.name).outerjoin(project_parts, p.declaration_id == D.id)

    def list(self) -> builtins.list[DeclarationSummary]:
        query = self._summary_query().order_by(D.modified_at.desc(), D.id.desc())
        with self._transaction(write=False) as conn:
            return [DeclarationSummary(*row) for row in conn.execute(query)]

    def summary(self, declaration_id: int) -> DeclarationSummary:
        query = self._summary_query().where(D.id == declaration_id)
        with self._transaction(write=False) as conn:
            row = conn.execute(query).one_or_none()
        if row is None:
            raise _not_found(declaration_id)
        return DeclarationSummary(*row)

    # -- revisions ------------------------------------------------------------------------
    def make_revision(self, declaration_id: int) -> RevisionInfo:
        with self._transaction(write=True) as conn:
            return self._insert_revision(conn, declaration_id)

    def _insert_revision(self, conn: Connection, declaration_id: int) -> RevisionInfo:
        """Freeze the stored working copy as the next revision number (inside ``conn``)."""
        content, fingerprint = freeze_checked(self._load(conn, declaration_id))
        last = conn.execute(
            select(func.max(R.number)).where(R.declaration_id == declaration_id)
        ).scalar_one()
        info = RevisionInfo(
            declaration_id=declaration_id,
            number=(last or 0) + 1,
            created=utc_now(),
            fingerprint=fingerprint,
            is_final=False,
        )
        conn.execute(
            insert(revisions).values(
                declaration_id=declaration_id,
                number=info.number,
                created_at=info.created,
                fingerprint=fingerprint,
                content=content,
                is_final=False,
            )
        )
        return info

    def revisions(self, declaration_id: int) -> builtins.list[RevisionInfo]:
        columns = (R.declaration_id, R.number, R.created_at, R.fingerprint, R.is_final)
        query = select(*columns).where(R.declaration_id == declaration_id).order_by(R.number)
        with self._transaction(write=False) as conn:
            self._require(conn, declaration_id)
            return [RevisionInfo(*row) for row in conn.execute(query)]

    def load_revision(self, declaration_id: int, number: int) -> Declaration:
        content = self.revision_content(declaration_id, number)
        try:
            return thaw(content)
        except ValueError as exc:  # ExchangeError, or JSON that no longer parses
            raise DamagedRevisionError(
                f"申报表 {declaration_id} 的第 {number} 版无法读取（{exc}）：{self.path}"
            ) from exc

    def revision_content(self, declaration_id: int, number: int) -> str:
        query = select(R.content).where(R.declaration_id == declaration_id, R.number == number)
        with self._transaction(write=False) as conn:
            content: str | None = conn.execute(query).scalar_one_or_none()
        if content is None:
            raise NotFoundError(f"申报表 {declaration_id} 没有版本 {number}")
        return content

    def set_final(self, declaration_id: int, number: int, final: bool = True) -> None:
        own = R.declaration_id == declaration_id
        with self._transaction(write=True) as conn:
            if conn.execute(select(R.id).where(own, R.number == number)).first() is None:
                raise NotFoundError(f"申报表 {declaration_id} 没有版本 {number}")
            if final:  # 定稿 is one revision: marking another one moves the mark
                conn.execute(update(revisions).where(own, R.number != number).values(is_final=False))
            conn.execute(update(revisions).where(own, R.number == number).values(is_final=final))

    @staticmethod
    def _require(conn: Connection, declaration_id: int) -> None:
        if conn.execute(select(D.id).where(D.id == declaration_id)).first() is None:
            raise _not_found(declaration_id)

    # -- indicator library ----------------------------------------------------------------
    def stored_indicators(
        self, exclude_declaration_id: int | None = None
    ) -> builtins.list[StoredIndicator]:
        """Newest year first, then newest declaration, each in printed order; one query."""
        i = indicators.c
        query = select(
            D.id, D.year, D.unit_name, D.profile_id, i.level1, i.level2, i.position,
            i.name, i.value, i.unit, i.explanation, i.goals,
        ).join(declarations, D.id == i.declaration_id)  # fmt: skip
        if exclude_declaration_id is not None:
            query = query.where(D.id != exclude_declaration_id)
        with self._transaction(write=False) as conn:
            rows = builtins.list(conn.execute(query))
        order = _CategoryOrder()
        rows.sort(
            key=lambda r: (
                -r.year,
                -r.id,
                order.index(r.profile_id, r.level1, r.level2),
                r.position,
            )
        )
        return [
            StoredIndicator(
                declaration_id=r.id,
                year=r.year,
                unit_name=r.unit_name,
                level1=r.level1,
                level2=r.level2,
                indicator=Indicator(
                    name=r.name,
                    value=r.value,
                    unit=r.unit,
                    explanation=r.explanation,
                    goals=r.goals,
                ),
            )
            for r in rows
        ]

    # -- backups --------------------------------------------------------------------------
    def backup_folder(self) -> Path:
        return backup.backup_folder(self.path)

    def backup_to(self, target: Path) -> None:
        self._check_file()
        backup.copy_database(self.path, target)

    def restore_from(self, source: Path, own_token: str | None = None) -> Path | None:
        for declaration_id, holder in self.live_locks():
            if holder.token != own_token:
                raise LockedError(declaration_id, holder)
        self._check_file()
        from db.restore import restore_database

        return restore_database(source, self.path)

    # -- lifetime -------------------------------------------------------------------------
    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> SqliteDeclarationStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class _CategoryOrder:
    """Position of a category in its profile (unknown ones last), cached per profile."""

    def __init__(self) -> None:
        self._orders: dict[str, dict[tuple[str, str], int]] = {}

    def index(self, profile_id: str, level1: str, level2: str) -> int:
        order = self._orders.get(profile_id)
        if order is None:
            try:
                keys = load_profile(profile_id).level2_keys()
            except UnknownProfileError:
                keys = []
            order = self._orders[profile_id] = {key: n for n, key in enumerate(keys)}
        return order.get((level1, level2), len(order))


def open_store(path: str | Path, *, create: bool = True) -> SqliteDeclarationStore:
    """Open (and migrate) the database at ``path``; with ``create=False`` never make a file."""
    file = Path(path)
    return SqliteDeclarationStore(open_engine(file, create=create), file)


def _conforms(store: SqliteDeclarationStore) -> DeclarationStore:
    """Lets mypy check that the class implements the whole protocol."""
    return store
