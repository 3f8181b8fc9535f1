"""The storage contract the services, command line and GUI program against.

``db.repository.SqliteDeclarationStore`` implements it; the core never imports ``db``. A
*working copy* is the declaration being edited (saved continuously); a *revision* is a numbered,
frozen snapshot of everything the exchange format carries (docs/cli.md, "Revisions").
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from desktop.domain.model import Declaration, Indicator
from desktop.domain.validate import Problem

if TYPE_CHECKING:
    from desktop.services.locking import LockHolder


class StoreError(Exception):
    """A storage problem worth telling the user about (Chinese message)."""


class NotFoundError(StoreError):
    """No declaration or revision with this id/number."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer version of the application."""


class DamagedDatabaseError(StoreError):
    """The file is not a usable PerfDecl database."""


class UnusableBackupError(DamagedDatabaseError):
    """A file offered for restoring is not a usable PerfDecl backup; the message names it."""


class DamagedRevisionError(DamagedDatabaseError):
    """One revision can no longer be read (written by an older program); the rest is usable."""


class RefusedContentError(StoreError):
    """The declaration fails the gate (desktop/domain/validate.py); nothing was stored.

    ``problems`` lists each broken invariant with its export path.
    """

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class DeclarationSummary:
    id: int
    year: int
    unit_name: str
    form: str
    profile_id: str
    latest_revision: int  # 0 when none
    final_revision: int | None
    modified: datetime
    #: 项目名称 of a project form; ``None`` for a department form.
    project_name: str | None = None


@dataclass(frozen=True)
class RevisionInfo:
    declaration_id: int
    number: int
    created: datetime
    fingerprint: str
    is_final: bool


@dataclass(frozen=True)
class StoredIndicator:
    """An indicator of some stored declaration, for the indicator library."""

    declaration_id: int
    year: int
    unit_name: str
    level1: str
    level2: str
    indicator: Indicator


class DeclarationStore(Protocol):
    """Persistence of declarations, their working copies and revisions."""

    def create(self, declaration: Declaration, *, with_revision: bool = False) -> int:
        """Store a new declaration as a working copy; returns its id.

        ``with_revision`` also freezes it as revision 1 in the same transaction (an import:
        both or nothing).
        """
        ...

    def load(self, declaration_id: int) -> Declaration:
        """The working copy; raises :class:`NotFoundError`."""
        ...

    def save(
        self, declaration_id: int, declaration: Declaration, expected_version: int | None = None
    ) -> int:
        """Replace the working copy atomically, touch its modification time; the new version.

        With ``expected_version`` the write is refused with ``ConflictError`` (nothing written)
        when the stored working copy is no longer that version (changed elsewhere).
        """
        ...

    def working_version(self, declaration_id: int) -> int:
        """The row version of the stored working copy (grows by one at every save)."""
        ...

    def acquire_lock(self, declaration_id: int, holder: LockHolder) -> LockHolder | None:
        """Lock the declaration for ``holder``; returns the other live holder when refused."""
        ...

    def release_lock(self, declaration_id: int | None, token: str) -> None:
        """Drop ``token``'s lock on ``declaration_id`` (None: all its locks)."""
        ...

    def lock_holder(self, declaration_id: int) -> LockHolder | None:
        """Who edits the declaration now (stale locks of dead processes are cleared)."""
        ...

    def live_locks(self) -> list[tuple[int, LockHolder]]:
        """Every live lock in the database, by declaration id."""
        ...

    def delete(self, declaration_id: int) -> None: ...

    def list(self) -> list[DeclarationSummary]:
        """Every stored declaration, newest modification first."""
        ...

    def summary(self, declaration_id: int) -> DeclarationSummary: ...

    def make_revision(self, declaration_id: int) -> RevisionInfo:
        """Freeze the current working copy as the next revision number."""
        ...

    def revisions(self, declaration_id: int) -> builtins.list[RevisionInfo]:
        """Revisions in ascending number."""
        ...

    def load_revision(self, declaration_id: int, number: int) -> Declaration:
        """Revision ``number`` exactly as it was frozen; raises :class:`NotFoundError`, or
        :class:`DamagedRevisionError` when this program can no longer read it."""
        ...

    def revision_content(self, declaration_id: int, number: int) -> str:
        """The stored text of revision ``number`` as frozen (for support, even when damaged)."""
        ...

    def set_final(self, declaration_id: int, number: int, final: bool = True) -> None:
        """Mark (or unmark) revision ``number`` as 定稿; marking never changes its content."""
        ...

    def stored_indicators(
        self, exclude_declaration_id: int | None = None
    ) -> builtins.list[StoredIndicator]:
        """Every level-3 indicator of the stored working copies (for the indicator library)."""
        ...

    def backup_folder(self) -> Path:
        """Where the automatic backups of this database are kept."""
        ...

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the whole database at ``target`` (written atomically)."""
        ...

    def restore_from(self, source: Path, own_token: str | None = None) -> Path | None:
        """Replace the whole database by the backup ``source``; the backup of the state before.

        Refused with ``LockedError`` while anyone but ``own_token`` edits a declaration, and
        with ``DamagedDatabaseError`` for a file that fails ``quick_check`` or is not ours.
        """
        ...

    def close(self) -> None: ...
