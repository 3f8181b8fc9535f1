"""Project layout profiles as data: ``resources/profiles/project/*.json`` (docs/project-form.md §2).

desktop/domain/profile_files.py reads and merges a file; its department-schema part is an
ordinary :class:`Profile` (framework, vocabularies, rule thresholds, geometry; loaded by
``load_profile``) so the indicator engine and the department rules use it unchanged, and the
project keys are typed here in :class:`ProjectProfile`. A new layout is one more JSON file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from desktop.domain.profile import Profile, ProfileError, UnknownProfileError, load_profile
from desktop.domain.profile_files import (
    PROJECT_KEYS,
    ProjectProfileError,
    clear_project_data,
    project_data,
    project_profile_ids,
)
from desktop.domain.profile_parts import (
    FundDetail,
    MidRequired,
    ProjectKeys,
    ProjectSettings,
    TextBlock,
)
from desktop.domain.typed_data import DataError, read_dataclass
from desktop.resources import resource_root

__all__ = [
    "DEFAULT_PROJECT_PROFILE_ID", "FundDetail", "MidRequired", "ProjectProfile",
    "ProjectProfileError", "TextBlock", "clear_caches", "load_project_profile",
    "project_profile_ids",
]  # fmt: skip

DEFAULT_PROJECT_PROFILE_ID = "SZ-PROJECT-2026"


@dataclass(frozen=True)
class ProjectProfile:
    profile: Profile
    horizons: tuple[str, ...]
    amount_unit: str
    period_format: str  # "years" (3年) or "range" (2026年—2028年)
    attribute_values: tuple[str, ...]
    category_values: tuple[str, ...]
    text_blocks: tuple[TextBlock, ...]
    fund_details: tuple[FundDetail, ...]
    mid_required: MidRequired
    #: P01 warns above this many years.
    p01_max_years: int
    #: I20 limits of the project's own texts (``project_name``, ``text_block``).
    limits: Mapping[str, int]
    core_level2: tuple[str, ...]
    signature: tuple[str, ...]
    #: A layout not confirmed by a real template; the UI says so where the profile is picked.
    inferred: bool
    inferred_note: str
    orientation: str | None
    layout: Mapping[str, Any]

    @property
    def id(self) -> str:
        return self.profile.id

    @property
    def title(self) -> str:
        return self.profile.title

    @property
    def has_mid(self) -> bool:
        return "mid" in self.horizons

    def text_block(self, block_id: str) -> TextBlock | None:
        return next((b for b in self.text_blocks if b.id == block_id), None)

    def fund_detail(self, detail_id: str) -> FundDetail | None:
        return next((d for d in self.fund_details if d.id == detail_id), None)

    def prints_supervisor(self) -> bool:
        """True when a header cell shows ``supervisor`` or ``supervisor_with_code``."""
        fields = {c.get("field") for row in self.layout.get("header_rows", []) for c in row}
        return bool(fields & {"supervisor", "supervisor_with_code"})


def project_profile_from_data(
    profile: Profile, merged: Mapping[str, Any], settings: Mapping[str, Any]
) -> ProjectProfile:
    """Type the project keys of merged profile data beside its department-schema ``profile``.

    Raises :class:`DataError` naming the key of a value that does not fit (typed_data.py).
    """
    own = {k: v for k, v in merged.items() if k in PROJECT_KEYS and k != "layout"}
    keys = read_dataclass(ProjectKeys, own)
    project = read_dataclass(ProjectSettings, {k: v for k, v in settings.items() if v is not None},
                             "project")
    layout = merged.get("layout") or {}
    if not isinstance(layout, Mapping):
        raise DataError("layout", "应为对象（键值表）")
    return ProjectProfile(
        profile=profile,
        p01_max_years=project.P01.max_years,
        limits=dict(project.limits),
        horizons=keys.horizons,
        amount_unit=keys.amount_unit,
        period_format=keys.period_format,
        attribute_values=keys.attribute_values,
        category_values=keys.category_values,
        text_blocks=keys.text_blocks,
        fund_details=keys.fund_details,
        mid_required=keys.mid_required,
        core_level2=keys.core_level2,
        signature=keys.signature,
        inferred=keys.inferred,
        inferred_note=keys.inferred_note,
        orientation=project.orientation,
        layout=layout,
    )


@cache
def load_project_profile(profile_id: str) -> ProjectProfile:
    """The bundled project profile ``profile_id``.

    Raises :class:`UnknownProfileError` when there is none, :class:`ProjectProfileError` for a
    file that cannot be used.
    """
    if profile_id not in project_profile_ids():
        raise UnknownProfileError(profile_id)
    try:
        profile = load_profile(profile_id)
    except ProfileError as exc:
        raise ProjectProfileError(str(exc)) from exc
    data = project_data(profile_id)
    try:
        return project_profile_from_data(profile, data.merged, data.settings)
    except DataError as exc:
        raise ProjectProfileError(f"项目表版式文件 {data.path}：{exc}") from exc


def clear_caches() -> None:
    """Forget loaded profiles (tests that point ``PERFDECL_RESOURCES`` elsewhere)."""
    from desktop.domain import profile

    resource_root.cache_clear()
    profile.available_profile_ids.cache_clear()
    profile.load_profile.cache_clear()
    clear_project_data()
    load_project_profile.cache_clear()
