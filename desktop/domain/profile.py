"""Indicator frameworks and print profiles, loaded once from ``resources/profiles/*.json``.

A profile is data, never code: the level-1/level-2 tree with each category's requirement, the
qualitative grade vocabularies, unit families, the synonym table and generic words for goal
matching, rule thresholds, cell length limits and print geometry. It is parsed into frozen
dataclasses (the schema is the dataclasses here and in profile_parts.py; docs/profiles.md
describes it); an unknown key, a missing word list or a value of the wrong type refuses the
profile with the file and the key path.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from desktop.domain.model import FORM_DEPARTMENT, FORM_PROJECT, Category, Declaration, Task
from desktop.domain.profile_files import project_data, project_profile_ids
from desktop.domain.profile_parts import (
    BasicExpenditure,
    CategoryRoles,
    Grade,
    GradeScale,
    Level1,
    Level2,
    Limits,
    NameUnitFamily,
    PageGeometry,
    PrintSettings,
    RuleSettings,
    Units,
)
from desktop.domain.typed_data import DataError, read_dataclass
from desktop.resources import resource_root

__all__ = [
    "DEFAULT_PROFILE_ID", "FORM_KINDS", "Grade", "GradeScale", "Level1",
    "Level2", "PageGeometry", "Profile", "ProfileError", "UnknownProfileError",
    "available_profile_ids", "load_profile", "new_declaration", "profile_from_data",
]

#: The profile a new declaration, and a document that names none, uses.
DEFAULT_PROFILE_ID = "SZ-DEPT-2026"
#: The form kinds a profile may declare; a second kind is one more entry here plus its layout data.
FORM_KINDS: tuple[str, ...] = (FORM_DEPARTMENT, FORM_PROJECT)


class UnknownProfileError(KeyError):
    """No bundled profile has this id."""


class ProfileError(ValueError):
    """A profile's data does not fit the schema; the message names the file and the key."""


StrWords = tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Profile:
    format: Literal["perfdecl.profile"]
    version: Literal[1]
    id: str
    title: str
    form: str = FORM_DEPARTMENT
    framework: tuple[Level1, ...]
    grade_scales: tuple[GradeScale, ...]
    amount_decimals: int = 2
    show_supervisor: bool = True
    basic_expenditure: BasicExpenditure
    units: Units
    name_unit_families: tuple[NameUnitFamily, ...]
    synonyms: tuple[StrWords, ...]
    generic_words: StrWords
    measure_words: StrWords
    measure_families: Mapping[str, StrWords]
    vague_verbs: StrWords
    generic_management_indicators: StrWords
    positive_rate_words: StrWords
    negative_rate_words: StrWords
    growth_rate_words: StrWords
    non_ratio_rate_words: StrWords
    placeholders: StrWords
    limits: Limits = field(default_factory=Limits)
    category_roles: CategoryRoles
    goal_operator_words: Mapping[str, StrWords]
    goal_operator_suffixes: Mapping[str, StrWords]
    task_generic_words: StrWords
    generic_cost_indicators: StrWords
    fullwidth_punctuation: Mapping[str, str]
    grade_morphemes: StrWords
    deadline_words: StrWords
    goal_structure_words: StrWords
    rules: RuleSettings
    printing: PrintSettings = field(metadata={"key": "print"})

    # -- print geometry -------------------------------------------------------------------
    @property
    def portrait(self) -> PageGeometry:
        return self.printing.portrait

    @property
    def landscape(self) -> PageGeometry:
        return self.printing.landscape

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


def profile_from_data(data: object, source: str = "") -> Profile:
    """The :class:`Profile` of parsed JSON ``data``; raises :class:`ProfileError`.

    ``source`` names where the data came from (a file path) in the message.
    """
    try:
        profile = read_dataclass(Profile, data)
        _check_meaning(profile)
    except DataError as exc:
        where = f"指标体系配置 {source} " if source else "指标体系配置"
        raise ProfileError(f"{where}无法使用：{exc}") from exc
    return profile


def _check_meaning(profile: Profile) -> None:
    """What the types cannot say: known form kind, a usable framework, sensible numbers."""
    if profile.form not in FORM_KINDS:
        known = "、".join(FORM_KINDS)
        raise DataError("form", f"是未知的表样类型“{profile.form}”（可用：{known}）")
    if not profile.framework:
        raise DataError("framework", "不能为空：至少需要一个一级指标")
    for i, l1 in enumerate(profile.framework):
        if not l1.children:
            raise DataError(f"framework[{i}].children", "不能为空：每个一级指标至少需要一个二级指标")
    keys = profile.level2_keys()
    if len(set(keys)) != len(keys):
        raise DataError("framework", "含有重复的二级指标")
    if not 0 <= profile.amount_decimals <= 6:
        raise DataError("amount_decimals", "应在 0 到 6 之间")
    for i, scale in enumerate(profile.grade_scales):
        if not scale.grades:
            raise DataError(f"grade_scales[{i}].grades", "不能为空")
    s12 = profile.rules.S12
    if s12.min_indicators > s12.max_indicators:
        raise DataError("rules.S12", "的最少指标数大于最多指标数")
    g07 = profile.rules.G07
    if g07.min_length > g07.max_length:
        raise DataError("rules.G07", "的最短长度大于最长长度")
    if profile.rules.I14.timeliness_family not in profile.measure_families:
        raise DataError("rules.I14.timeliness_family", "不是 measure_families 中的词族")


def _profile_path(profile_id: str) -> Path:
    return resource_root() / "profiles" / f"{profile_id}.json"


@cache
def available_profile_ids() -> tuple[str, ...]:
    folder = resource_root() / "profiles"
    return tuple(sorted(p.stem for p in folder.glob("*.json")))


@cache
def load_profile(profile_id: str) -> Profile:
    """The bundled profile ``profile_id``, parsed once.

    Raises :class:`UnknownProfileError` for an id no file has, :class:`ProfileError` for a file
    that does not fit the schema.
    """
    if profile_id not in available_profile_ids():
        # Project layouts live in their own folder (docs/project-form.md §2).
        if profile_id in project_profile_ids():
            data = project_data(profile_id)
            return profile_from_data(data.shared, str(data.path))
        raise UnknownProfileError(profile_id)
    path = _profile_path(profile_id)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ProfileError(f"指标体系配置 {path} 不是有效的 JSON：{exc}") from exc
    profile = profile_from_data(data, str(path))
    if profile.id != profile_id:
        raise ProfileError(f"指标体系配置 {path} 的 id “{profile.id}”与文件名不一致")
    return profile


def new_declaration(profile: Profile, year: int, *, with_basic_row: bool = True) -> Declaration:
    """An empty declaration with every category of ``profile`` (and its 基本支出 row)."""
    declaration = Declaration(
        profile_id=profile.id, year=year, categories=profile.empty_categories(), form=profile.form
    )
    basic = profile.basic_expenditure
    if with_basic_row and basic.name:
        declaration.tasks.append(Task(name=basic.name, content=basic.content))
    return declaration
