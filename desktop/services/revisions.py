"""Revision rules of docs/cli.md shared by command line and GUI.

Everything that leaves the application names a revision that exists: printing or exporting the
working copy first freezes it as a new revision when it is not equal in content to the latest.
A revision this program can no longer read (frozen by an older version) blocks nothing: the
working copy counts as different from it, and C01 looks at the newest readable one.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.model import Declaration
from desktop.domain.normalise import normalised
from desktop.domain.project import ProjectDeclaration
from desktop.exchange.canonical import equal_in_content
from desktop.services.store import (
    DamagedRevisionError,
    DeclarationStore,
    NotFoundError,
    RevisionInfo,
)


@dataclass(frozen=True)
class OutputSource:
    """The declaration to print or export, with the revision it came from."""

    declaration: Declaration
    revision: RevisionInfo


def import_new(store: DeclarationStore, declaration: Declaration) -> int:
    """Store an imported declaration; ``import`` makes revision 1 (one transaction)."""
    return store.create(declaration, with_revision=True)


def latest_revision(store: DeclarationStore, declaration_id: int) -> RevisionInfo | None:
    revisions = store.revisions(declaration_id)
    return revisions[-1] if revisions else None


def working_copy_differs(store: DeclarationStore, declaration_id: int) -> bool:
    """True when the working copy is not equal in content to the latest revision (or none)."""
    latest = latest_revision(store, declaration_id)
    if latest is None:
        return True
    frozen = readable_revision(store, declaration_id, latest.number)
    return frozen is None or not equal_in_content(normalised(store.load(declaration_id)), frozen)


def readable_revision(store: DeclarationStore, declaration_id: int, number: int) -> Declaration | None:
    """Revision ``number``, or None when it can no longer be read (listed as damaged)."""
    try:
        return store.load_revision(declaration_id, number)
    except DamagedRevisionError:
        return None


def ensure_output_revision(store: DeclarationStore, declaration_id: int) -> RevisionInfo:
    """The latest revision, made first from the working copy when that differs."""
    if working_copy_differs(store, declaration_id):
        return store.make_revision(declaration_id)
    latest = latest_revision(store, declaration_id)
    assert latest is not None
    return latest


def output_source(
    store: DeclarationStore, declaration_id: int, revision: int | None = None
) -> OutputSource:
    """What to print/export: revision ``revision`` exactly, or the (frozen) working copy."""
    if revision is None:
        info = ensure_output_revision(store, declaration_id)
    else:
        matching = [r for r in store.revisions(declaration_id) if r.number == revision]
        if not matching:
            raise NotFoundError(f"申报表 {declaration_id} 没有第 {revision} 版")
        info = matching[0]
    return OutputSource(store.load_revision(declaration_id, info.number), info)


def previous_year_declaration(store: DeclarationStore, declaration: Declaration) -> Declaration | None:
    """Last year's stored declaration of the same unit and form, latest revision (rule C01).

    Damaged revisions are skipped: the newest readable one counts. For a project: last year's
    project of the unit with the same code or name (docs/project-form.md §5).
    """
    if isinstance(declaration, ProjectDeclaration):
        from desktop.services.related_forms import previous_project

        return previous_project(store, declaration)
    for summary in store.list():
        if (
            summary.year == declaration.year - 1
            and summary.unit_name == declaration.unit_name
            and summary.form == declaration.form
            and summary.latest_revision > 0
        ):
            for info in reversed(store.revisions(summary.id)):
                frozen = readable_revision(store, summary.id, info.number)
                if frozen is not None:
                    return frozen
    return None
