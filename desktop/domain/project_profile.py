"""Project layout profiles as data: ``resources/profiles/project/*.json`` (docs/project-form.md §2).

A project profile names a department profile as its ``base`` and states only what differs:
every other key is copied from the base, and ``rules``, ``print`` and ``limits`` are merged key
by key. The merged data builds an ordinary :class:`Profile` (framework, vocabularies, rule
thresholds, geometry) so the indicator engine and the department rules use it unchanged; the
project keys are typed in :class:`ProjectProfile`. A new layout is one more JSON file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from desktop.domain.profile import Profile, profile_from_data
from desktop.resources import resource_root

PROJECT_FOLDER = "profiles/project"
DEFAULT_PROJECT_PROFILE_ID = "SZ-PROJECT-2026"
_MERGED_KEYS = ("rules", "print", "limits")


class ProjectProfileError(ValueError):
    """A project profile file is unusable (Chinese message naming the file and key)."""


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


def merge_profile_data(base: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    """``own`` over ``base``; the keys of ``_MERGED_KEYS`` merged recursively."""
    merged = dict(base)
    for key, value in own.items():
        if key in _MERGED_KEYS and isinstance(value, Mapping) and isinstance(base.get(key), Mapping):
            merged[key] = _deep_merge(base[key], value)
        else:
            merged[key] = value
    merged.pop("base", None)
    return merged


def _deep_merge(base: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in own.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), Mapping):
            merged[key] = _deep_merge(base[key], value)
        else:
            merged[key] = value
    return merged


#: Top-level keys only a project profile has; the rest is the department schema (profile.py).
PROJECT_KEYS = frozenset({
    "base", "horizons", "amount_unit", "period_format", "attribute_values", "category_values",
    "text_blocks", "fund_details", "mid_required", "core_level2", "signature", "inferred",
    "inferred_note", "layout",
})  # fmt: skip
#: Project entries inside the merged sections: rules.P01, print.orientation, two limits.
_PROJECT_LIMITS = ("project_name", "text_block")


def _split(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(department-schema data, project-only settings) of merged profile data."""
    shared = {k: v for k, v in data.items() if k not in PROJECT_KEYS}
    rules = dict(shared.get("rules") or {})
    printing = dict(shared.get("print") or {})
    limits = dict(shared.get("limits") or {})
    own = {
        "P01": rules.pop("P01", {}),
        "orientation": printing.pop("orientation", None),
        "limits": {k: int(limits.pop(k)) for k in _PROJECT_LIMITS if k in limits},
    }
    shared["rules"], shared["print"], shared["limits"] = rules, printing, limits
    return shared, own


def project_profile_from_data(data: Mapping[str, Any], source: str = "") -> ProjectProfile:
    """Type merged profile data: the department schema plus the project keys."""
    shared, own = _split(data)
    mid = data.get("mid_required") or {}
    threshold = mid.get("annual_total_at_least")
    return ProjectProfile(
        profile=profile_from_data(shared, source),
        p01_max_years=int(own["P01"].get("max_years", 5)),
        limits=own["limits"],
        horizons=tuple(data.get("horizons", ["annual"])),
        amount_unit=str(data.get("amount_unit", "万元")),
        period_format=str(data.get("period_format", "range")),
        attribute_values=tuple(data.get("attribute_values", ())),
        category_values=tuple(data.get("category_values", ())),
        text_blocks=tuple(
            TextBlock(b["id"], b.get("label", b["id"]), bool(b.get("required", False)))
            for b in data.get("text_blocks", ())
        ),
        fund_details=tuple(
            FundDetail(d["id"], d.get("label", d["id"]), d.get("parent", "fiscal"))
            for d in data.get("fund_details", ())
        ),
        mid_required=MidRequired(
            multi_year=bool(mid.get("multi_year", False)),
            attributes=tuple(mid.get("attributes", ())),
            annual_total_at_least=None if threshold is None else Decimal(str(threshold)),
        ),
        core_level2=tuple(data.get("core_level2", ())),
        signature=tuple(data.get("signature", ())),
        inferred=bool(data.get("inferred", False)),
        inferred_note=str(data.get("inferred_note", "")),
        orientation=own["orientation"],
        layout=data.get("layout") or {},
    )


def _folder() -> Any:
    return resource_root() / PROJECT_FOLDER


@cache
def project_profile_ids() -> tuple[str, ...]:
    folder = _folder()
    return tuple(sorted(p.stem for p in folder.glob("*.json"))) if folder.is_dir() else ()


@cache
def load_project_profile(profile_id: str) -> ProjectProfile:
    """The bundled project profile ``profile_id``; raises ``KeyError`` when there is none."""
    from desktop.domain.profile import ProfileError, UnknownProfileError, available_profile_ids

    if profile_id not in project_profile_ids():
        raise UnknownProfileError(profile_id)
    path = _folder() / f"{profile_id}.json"
    try:
        own = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ProjectProfileError(f"项目表版式文件 {path.name} 无法读取：{exc}") from exc
    base_id = own.get("base")
    base: Mapping[str, Any] = {}
    if base_id:
        if base_id not in available_profile_ids():
            raise ProjectProfileError(f"项目表版式文件 {path.name}：base 指向未知的指标体系“{base_id}”")
        base = json.loads((resource_root() / "profiles" / f"{base_id}.json").read_text(encoding="utf-8"))
    data = merge_profile_data(base, own)
    data.setdefault("id", profile_id)
    data["form"] = "project"
    try:
        return project_profile_from_data(data, str(path))
    except ProfileError as exc:
        raise ProjectProfileError(str(exc)) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise ProjectProfileError(f"项目表版式文件 {path.name} 内容不完整：{exc}") from exc


def clear_caches() -> None:
    """Forget loaded profiles (tests that point ``PERFDECL_RESOURCES`` elsewhere)."""
    from desktop.domain import profile

    resource_root.cache_clear()
    profile.available_profile_ids.cache_clear()
    profile.load_profile.cache_clear()
    project_profile_ids.cache_clear()
    load_project_profile.cache_clear()
