"""文件 → 新建 without Qt: what can be created, what is offered first, and the empty form.

The dialog (ui/dialogs/new_declaration.py) shows :func:`profile_options` and returns a
:class:`NewChoice`; :func:`declaration_for` builds the empty declaration of that choice
(docs/project-form.md §11).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.model import FORM_DEPARTMENT, FORM_PROJECT, Declaration
from desktop.domain.profile import (
    DEFAULT_PROFILE_ID,
    UnknownProfileError,
    available_profile_ids,
    load_profile,
    new_declaration,
)
from desktop.domain.project import name_key, new_project_declaration
from desktop.domain.project_profile import (
    DEFAULT_PROJECT_PROFILE_ID,
    ProjectProfile,
    load_project_profile,
    project_profile_ids,
)
from desktop.services.store import DeclarationSummary

KIND_LABELS = {FORM_DEPARTMENT: "部门（单位）整体支出", FORM_PROJECT: "项目支出"}
INFERRED_TAG = "推断版式，待确认"


@dataclass(frozen=True)
class ProfileOption:
    """One profile the user may pick."""

    id: str
    title: str
    #: A layout not confirmed by a real template (the picker says so beside it).
    inferred: bool = False
    note: str = ""
    #: One line about the layout: horizons, amount unit, paper.
    description: str = ""

    def text(self) -> str:
        """The picker's text: the title, plus the inferred tag when the title does not say it."""
        if self.inferred and INFERRED_TAG not in self.title:
            return f"{self.title}（{INFERRED_TAG}）"
        return self.title

    def hint(self) -> str:
        """What an inferred layout means for the user ("" for a confirmed one)."""
        if not self.inferred:
            return ""
        return f"{self.note or INFERRED_TAG}：尚无真实表样依据，打印格式请与主管部门核实。"


@dataclass(frozen=True)
class NewDefaults:
    """What 新建 shows first."""

    kind: str
    department_profile: str
    project_profile: str
    year: int
    unit_name: str = ""
    #: Unit names offered while typing 实施单位 (those of the stored declarations).
    known_units: tuple[str, ...] = ()
    #: (year, unit name key, project name key) of every stored project.
    stored_projects: frozenset[tuple[int, str, str]] = frozenset()

    def project_is_stored(self, year: int, unit_name: str, project_name: str) -> bool:
        """Whether the unit already has a project of this name and year (names by name key)."""
        return (year, name_key(unit_name), name_key(project_name)) in self.stored_projects


@dataclass(frozen=True)
class NewChoice:
    """What the user asked 新建 for; names only matter for a project."""

    kind: str
    profile_id: str
    year: int
    project_name: str = ""
    unit_name: str = ""


def _project_description(profile: ProjectProfile) -> str:
    horizons = "中期与年度对照" if profile.has_mid else "仅年度目标"
    paper = "，横向打印" if profile.orientation == "landscape" else ""
    return f"{horizons}，金额单位：{profile.amount_unit}{paper}"


def profile_options(kind: str) -> list[ProfileOption]:
    """The bundled profiles of ``kind``, in file-name order."""
    if kind == FORM_PROJECT:
        options = []
        for profile_id in project_profile_ids():
            profile = load_project_profile(profile_id)
            options.append(
                ProfileOption(
                    profile_id,
                    profile.title,
                    profile.inferred,
                    profile.inferred_note,
                    _project_description(profile),
                )
            )
        return options
    return [ProfileOption(pid, load_profile(pid).title) for pid in available_profile_ids()]


def declaration_for(choice: NewChoice) -> Declaration:
    """The empty declaration for ``choice`` (an unknown profile id: the kind's default)."""
    if choice.kind == FORM_PROJECT:
        try:
            project = load_project_profile(choice.profile_id)
        except UnknownProfileError:
            project = load_project_profile(DEFAULT_PROJECT_PROFILE_ID)
        return new_project_declaration(project, choice.year, choice.project_name, choice.unit_name)
    try:
        profile = load_profile(choice.profile_id)
    except UnknownProfileError:
        profile = load_profile(DEFAULT_PROFILE_ID)
    return new_declaration(profile, choice.year)


def new_defaults(
    *,
    kind: str,
    default_profile: str,
    last_project_profile: str,
    year: int,
    open_unit: str,
    last_unit: str,
    summaries: Iterable[DeclarationSummary],
) -> NewDefaults:
    """The first answers of 新建: the last kind and layout, a usable department profile, and
    the 实施单位 of the open declaration, else the one used last, else that of the most
    recently modified department form."""
    rows = list(summaries)
    department = default_profile if default_profile in available_profile_ids() else DEFAULT_PROFILE_ID
    project = (
        last_project_profile
        if last_project_profile in project_profile_ids()
        else DEFAULT_PROJECT_PROFILE_ID
    )
    unit = open_unit.strip() or last_unit.strip()
    if not unit:
        unit = next((r.unit_name for r in rows if r.form != FORM_PROJECT and r.unit_name), "")
    return NewDefaults(
        kind=kind if kind in KIND_LABELS else FORM_DEPARTMENT,
        department_profile=department,
        project_profile=project,
        year=year,
        unit_name=unit,
        known_units=tuple(dict.fromkeys(r.unit_name for r in rows if r.unit_name)),
        stored_projects=frozenset(
            (r.year, name_key(r.unit_name), name_key(r.project_name))
            for r in rows
            if r.project_name is not None
        ),
    )
