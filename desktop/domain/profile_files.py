"""Reading project layout files (``resources/profiles/project/*.json``; docs/project-form.md §2).

A project profile names a department profile as its ``base`` and states only what differs:
every other key is copied from the base, and ``rules``, ``print`` and ``limits`` are merged key by
key. The merged data is split into what the department schema types (desktop/domain/profile.py,
which builds the :class:`Profile` of a project form from it) and the project's own settings
(desktop/domain/project_profile.py types those).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from desktop.resources import resource_root

PROJECT_FOLDER = "profiles/project"
_MERGED_KEYS = ("rules", "print", "limits")
#: Top-level keys only a project profile has; the rest is the department schema.
PROJECT_KEYS = frozenset({
    "base", "horizons", "amount_unit", "period_format", "attribute_values", "category_values",
    "text_blocks", "fund_details", "mid_required", "core_level2", "signature", "inferred",
    "inferred_note", "layout",
})  # fmt: skip
#: Project entries inside the merged sections (besides rules.P01 and print.orientation).
PROJECT_LIMITS = ("project_name", "text_block")


class ProjectProfileError(ValueError):
    """A project profile file is unusable (Chinese message naming the file and key)."""


@dataclass(frozen=True)
class ProjectData:
    """One project profile file, merged with its base and split."""

    path: Path
    #: The keys of the department schema (with ``form`` = ``project``).
    shared: Mapping[str, Any]
    #: Every merged key, the project ones included.
    merged: Mapping[str, Any]
    #: rules.P01, print.orientation and the project limits, taken out of ``shared``.
    settings: Mapping[str, Any]


def project_folder() -> Path:
    return resource_root() / PROJECT_FOLDER


@cache
def project_profile_ids() -> tuple[str, ...]:
    folder = project_folder()
    return tuple(sorted(p.stem for p in folder.glob("*.json"))) if folder.is_dir() else ()


def merge_profile_data(base: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    """``own`` over ``base``; ``rules``, ``print`` and ``limits`` merged recursively."""
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


def split_project_data(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(department-schema data, project-only settings) of merged profile data."""
    shared = {k: v for k, v in data.items() if k not in PROJECT_KEYS}
    rules = dict(shared.get("rules") or {})
    printing = dict(shared.get("print") or {})
    limits = dict(shared.get("limits") or {})
    settings = {
        "P01": rules.pop("P01", {}),
        "orientation": printing.pop("orientation", None),
        "limits": {k: limits.pop(k) for k in PROJECT_LIMITS if k in limits},
    }
    shared["rules"], shared["print"], shared["limits"] = rules, printing, limits
    return shared, settings


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ProjectProfileError(f"项目表版式文件 {path} 无法读取：{exc}") from exc
    if not isinstance(data, dict):
        raise ProjectProfileError(f"项目表版式文件 {path} 应为 JSON 对象")
    return data


@cache
def project_data(profile_id: str) -> ProjectData:
    """The merged and split data of project profile ``profile_id`` (it must exist)."""
    path = project_folder() / f"{profile_id}.json"
    own = _read(path)
    base: Mapping[str, Any] = {}
    base_id = own.get("base")
    if base_id:
        base_path = resource_root() / "profiles" / f"{base_id}.json"
        if not base_path.is_file():
            raise ProjectProfileError(f"项目表版式文件 {path}：base 指向未知的指标体系“{base_id}”")
        base = _read(base_path)
    merged = merge_profile_data(base, own)
    merged.setdefault("id", profile_id)
    merged["form"] = "project"
    shared, settings = split_project_data(merged)
    return ProjectData(path, shared, merged, settings)


def clear_project_data() -> None:
    project_profile_ids.cache_clear()
    project_data.cache_clear()
