"""Looking up the stored neighbours of a declaration for C01–C03 (docs/project-form.md §6).

The department form of a project is the newest stored department form of the same year and
unit name key; the projects of a department form are every stored project of that year and
unit. Neighbours are read as their working copies.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.model import FORM_DEPARTMENT, FORM_PROJECT, Declaration
from desktop.domain.project import ProjectDeclaration, name_key
from desktop.rules.project.cross_forms import RelatedForms
from desktop.services.store import DeclarationStore, DeclarationSummary, StoreError


def _same_unit(summary: DeclarationSummary, declaration: Declaration, year: int) -> bool:
    return summary.year == year and name_key(summary.unit_name) == name_key(declaration.unit_name)


def related_forms(
    store: DeclarationStore, declaration: Declaration, declaration_id: int | None = None
) -> RelatedForms:
    """The stored forms C02/C03 compare ``declaration`` with (itself excluded)."""
    summaries = [
        s for s in store.list() if s.id != declaration_id and _same_unit(s, declaration, declaration.year)
    ]
    projects: list[ProjectDeclaration] = []
    for summary in summaries:
        if summary.form != FORM_PROJECT:
            continue
        try:
            loaded = store.load(summary.id)
        except StoreError:
            continue  # a damaged neighbour must not stop checking this form
        if isinstance(loaded, ProjectDeclaration):
            projects.append(loaded)
    if not isinstance(declaration, ProjectDeclaration):
        return RelatedForms(projects=projects)
    departments = [s for s in summaries if s.form == FORM_DEPARTMENT]
    department = None
    if departments:
        newest = max(departments, key=lambda s: (s.modified, s.id))
        department = store.load(newest.id)
    return RelatedForms(department=department, projects=projects)


def related_among(declaration: Declaration, others: Sequence[Declaration]) -> RelatedForms:
    """The neighbours of ``declaration`` among ``others`` (e.g. the files of one folder).

    Of several department forms of the unit and year, the last one in ``others`` counts.
    """
    key = name_key(declaration.unit_name)
    same = [o for o in others if o.year == declaration.year and name_key(o.unit_name) == key]
    projects = [o for o in same if isinstance(o, ProjectDeclaration)]
    if not isinstance(declaration, ProjectDeclaration):
        return RelatedForms(projects=projects)
    departments = [o for o in same if o.form == FORM_DEPARTMENT]
    return RelatedForms(department=departments[-1] if departments else None, projects=projects)


def previous_project(store: DeclarationStore, project: ProjectDeclaration) -> Declaration | None:
    """Last year's stored project of the unit: same 项目编码 when both have one, else same name."""
    code, key = project.project.code.strip(), name_key(project.project.name)
    for summary in store.list():
        if summary.form != FORM_PROJECT or summary.latest_revision == 0:
            continue
        if not _same_unit(summary, project, project.year - 1):
            continue
        candidate = store.load_revision(summary.id, summary.latest_revision)
        if not isinstance(candidate, ProjectDeclaration):
            continue
        other_code = candidate.project.code.strip()
        if (code and other_code and code == other_code) or (
            not (code and other_code) and name_key(candidate.project.name) == key
        ):
            return candidate
    return None
