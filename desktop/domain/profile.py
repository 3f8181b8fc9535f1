"""Indicator frameworks and print profiles, loaded from ``resources/profiles/*.json``.

A profile is data, never code: the level-1/level-2 tree with each category's requirement, the
qualitative grade vocabularies, unit families, the synonym table and generic words for goal
matching, rule thresholds, cell length limits and print geometry. Later issues add keys; unknown
keys are kept in :attr:`Profile.raw` so a reader never has to change to carry them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from desktop.domain.model import Category, Declaration
from desktop.resources import resource_root

DEFAULT_PROFILE_ID = "SZ-DEPT-2026"


class UnknownProfileError(KeyError):
    """No bundled profile has this id."""


@dataclass(frozen=True)
class Level2:
    name: str
    code: str
    #: "error" (needs a real indicator), "warning" (should have one), or "optional".
    requirement: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Level1:
    name: str
    code: str
    children: tuple[Level2, ...]


@dataclass(frozen=True)
class Grade:
    word: str
    band: str


@dataclass(frozen=True)
class GradeScale:
    """A qualitative vocabulary (e.g. 显著/明显/一般) with the bands the explanation defines."""

    id: str
    title: str
    grades: tuple[Grade, ...]

    def explanation(self) -> str:
        """The sentence that defines the bands, as the seed writes it."""
        parts = [f"“{g.word}”则为“{g.band}”" for g in self.grades]
        return "，".join(parts) + "。"


@dataclass(frozen=True)
class PageGeometry:
    margins_mm: tuple[float, float, float, float]  # top, right, bottom, left
    columns_mm: tuple[float, ...]


@dataclass(frozen=True)
class Profile:
    id: str
    title: str
    form: str
    framework: tuple[Level1, ...]
    grade_scales: tuple[GradeScale, ...]
    amount_decimals: int
    show_supervisor: bool
    basic_expenditure_name: str
    basic_expenditure_content: str
    portrait: PageGeometry
    landscape: PageGeometry
    raw: Mapping[str, Any]

    # -- framework ------------------------------------------------------------------------
    def level2_keys(self) -> list[tuple[str, str]]:
        return [(l1.name, l2.name) for l1 in self.framework for l2 in l1.children]

    def level2(self, level1: str, level2: str) -> Level2 | None:
        for l1 in self.framework:
            if l1.name == level1:
                for l2 in l1.children:
                    if l2.name == level2:
                        return l2
        return None

    def has_level1(self, name: str) -> bool:
        return any(l1.name == name for l1 in self.framework)

    def empty_categories(self) -> list[Category]:
        return [Category(level1=a, level2=b) for a, b in self.level2_keys()]

    # -- vocabularies ---------------------------------------------------------------------
    def grade_words(self) -> list[str]:
        words: list[str] = []
        for scale in self.grade_scales:
            words.extend(g.word for g in scale.grades if g.word not in words)
        return words

    def scale_for(self, word: str) -> GradeScale | None:
        for scale in self.grade_scales:
            if any(g.word == word for g in scale.grades):
                return scale
        return None

    def rule_setting(self, rule: str, key: str, default: Any = None) -> Any:
        """A rule threshold from the profile's ``rules`` table."""
        return self.raw.get("rules", {}).get(rule, {}).get(key, default)

    def section(self, name: str) -> Any:
        """Any other top-level section of the profile data (units, synonyms, limits, ...)."""
        return self.raw.get(name)


def _geometry(data: Mapping[str, Any]) -> PageGeometry:
    m = data["margins_mm"]
    return PageGeometry(
        margins_mm=(float(m["top"]), float(m["right"]), float(m["bottom"]), float(m["left"])),
        columns_mm=tuple(float(w) for w in data["columns_mm"]),
    )


def profile_from_data(data: Mapping[str, Any]) -> Profile:
    """Build a :class:`Profile` from its JSON data (see ``resources/profiles``)."""
    framework = tuple(
        Level1(
            name=l1["name"],
            code=str(l1.get("code", "")),
            children=tuple(
                Level2(
                    name=l2["name"],
                    code=str(l2.get("code", "")),
                    requirement=l2.get("requirement", "optional"),
                    keywords=tuple(l2.get("keywords", ())),
                )
                for l2 in l1["children"]
            ),
        )
        for l1 in data["framework"]
    )
    scales = tuple(
        GradeScale(
            id=s["id"],
            title=s.get("title", s["id"]),
            grades=tuple(Grade(word=g["word"], band=g["band"]) for g in s["grades"]),
        )
        for s in data.get("grade_scales", ())
    )
    basic = data.get("basic_expenditure", {})
    printing = data["print"]
    return Profile(
        id=data["id"],
        title=data.get("title", data["id"]),
        form=data.get("form", "department_overall"),
        framework=framework,
        grade_scales=scales,
        amount_decimals=int(data.get("amount_decimals", 2)),
        show_supervisor=bool(data.get("show_supervisor", True)),
        basic_expenditure_name=basic.get("name", ""),
        basic_expenditure_content=basic.get("content", ""),
        portrait=_geometry(printing["portrait"]),
        landscape=_geometry(printing["landscape"]),
        raw=data,
    )


@cache
def available_profile_ids() -> tuple[str, ...]:
    folder = resource_root() / "profiles"
    return tuple(sorted(p.stem for p in folder.glob("*.json")))


@cache
def load_profile(profile_id: str) -> Profile:
    """The bundled profile ``profile_id``; raises :class:`UnknownProfileError`."""
    if profile_id not in available_profile_ids():
        # Project layouts live in their own folder (docs/project-form.md §2).
        from desktop.domain.project_profile import load_project_profile, project_profile_ids

        if profile_id in project_profile_ids():
            return load_project_profile(profile_id).profile
        raise UnknownProfileError(profile_id)
    path = resource_root() / "profiles" / f"{profile_id}.json"
    return profile_from_data(json.loads(path.read_text(encoding="utf-8")))


def new_declaration(profile: Profile, year: int, *, with_basic_row: bool = True) -> Declaration:
    """An empty declaration with every category of ``profile`` (and its 基本支出 row)."""
    from desktop.domain.model import Task

    declaration = Declaration(
        profile_id=profile.id, year=year, categories=profile.empty_categories(), form=profile.form
    )
    if with_basic_row and profile.basic_expenditure_name:
        declaration.tasks.append(
            Task(name=profile.basic_expenditure_name, content=profile.basic_expenditure_content)
        )
    return declaration
