"""Project layout profiles as data: ``resources/profiles/project/*.json`` (docs/project-form.md §2).

desktop/domain/profile_files.py reads and merges a file; its department-schema part is an
ordinary :class:`Profile` (framework, vocabularies, rule thresholds, geometry; loaded by
``load_profile``) so the indicator engine and the department rules use it unchanged, and the
project keys are typed here in :class:`ProjectProfile`. A new layout is one more JSON file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from desktop.domain.profile import Profile, ProfileError, UnknownProfileError, load_profile
from desktop.domain.profile_files import (
    ProjectProfileError,
    clear_project_data,
    project_data,
    project_profile_ids,
)
from desktop.resources import resource_root

__all__ = [
    "DEFAULT_PROJECT_PROFILE_ID", "FundDetail", "MidRequired", "ProjectProfile",
    "ProjectProfileError", "TextBlock", "clear_caches", "load_project_profile",
    "project_profile_ids",
]  # fmt: skip

DEFAULT_PROJECT_PROFILE_ID = "SZ-PROJECT-2026"


@dataclass(frozen=True)
class TextBlock:
    id: str
    label: str
    required: bool


@dataclass(frozen=True)
class FundDetail:
    id: str
    label: str
    parent: str  # "fiscal" or "other"


@dataclass(frozen=True)
class MidRequired:
    """When the 中期 horizon must be filled in (rule P04)."""

    multi_year: bool = False
    attributes: tuple[str, ...] = ()
    annual_total_at_least: Decimal | None = None


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
    """Type the project keys of merged profile data beside its department-schema ``profile``."""
    mid = merged.get("mid_required") or {}
    threshold = mid.get("annual_total_at_least")
    return ProjectProfile(
        profile=profile,
        p01_max_years=int((settings.get("P01") or {}).get("max_years", 5)),
        limits={k: int(v) for k, v in (settings.get("limits") or {}).items()},
        horizons=tuple(merged.get("horizons", ["annual"])),
        amount_unit=str(merged.get("amount_unit", "万元")),
        period_format=str(merged.get("period_format", "range")),
        attribute_values=tuple(merged.get("attribute_values", ())),
        category_values=tuple(merged.get("category_values", ())),
        text_blocks=tuple(
            TextBlock(b["id"], b.get("label", b["id"]), bool(b.get("required", False)))
            for b in merged.get("text_blocks", ())
        ),
        fund_details=tuple(
            FundDetail(d["id"], d.get("label", d["id"]), d.get("parent", "fiscal"))
            for d in merged.get("fund_details", ())
        ),
        mid_required=MidRequired(
            multi_year=bool(mid.get("multi_year", False)),
            attributes=tuple(mid.get("attributes", ())),
            annual_total_at_least=None if threshold is None else Decimal(str(threshold)),
        ),
        core_level2=tuple(merged.get("core_level2", ())),
        signature=tuple(merged.get("signature", ())),
        inferred=bool(merged.get("inferred", False)),
        inferred_note=str(merged.get("inferred_note", "")),
        orientation=settings.get("orientation"),
        layout=merged.get("layout") or {},
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
    except (KeyError, TypeError, ValueError) as exc:
        raise ProjectProfileError(f"项目表版式文件 {data.path} 内容不完整：{exc}") from exc


def clear_caches() -> None:
    """Forget loaded profiles (tests that point ``PERFDECL_RESOURCES`` elsewhere)."""
    from desktop.domain import profile

    resource_root.cache_clear()
    profile.available_profile_ids.cache_clear()
    profile.load_profile.cache_clear()
    clear_project_data()
    load_project_profile.cache_clear()
