"""Profiles are parsed once into typed data: bad data is refused with its place, defaults match."""

from __future__ import annotations

import copy
import dataclasses
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, get_type_hints

import pytest

from desktop.domain.profile import (
    DEFAULT_PROFILE_ID,
    Profile,
    ProfileError,
    available_profile_ids,
    load_profile,
    profile_from_data,
)
from desktop.domain.typed_data import has_default, json_key
from desktop.resources import resource_root
from desktop.rules.engine import check_declaration
from desktop.rules.locate import indicator_path
from tests.rules.helpers import covers_everything, seed


def _data(profile_id: str = DEFAULT_PROFILE_ID) -> dict[str, Any]:
    path = resource_root() / "profiles" / f"{profile_id}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _refusal(data: dict[str, Any]) -> str:
    with pytest.raises(ProfileError) as caught:
        profile_from_data(data, "profiles/坏的.json")
    return str(caught.value)


@pytest.mark.parametrize("profile_id", available_profile_ids())
def test_every_shipped_profile_loads_with_its_file_name_as_id(profile_id: str) -> None:
    profile = load_profile(profile_id)
    assert profile.id == profile_id
    assert profile.level2_keys() and profile.grade_words()
    assert load_profile(profile_id) is profile  # parsed once


def test_unknown_key_refuses_the_profile_naming_file_and_key_path() -> None:
    data = _data()
    data["rules"]["I07"]["min_valu"] = "80"
    message = _refusal(data)
    assert "profiles/坏的.json" in message
    assert "rules.I07.min_valu" in message and "不是可识别的键" in message


def test_unknown_top_level_key_is_refused() -> None:
    data = _data()
    data["synonym"] = data["synonyms"]
    assert "“synonym”不是可识别的键" in _refusal(data)


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("rules", "S12", "min_indicators"), "8", "“rules.S12.min_indicators”应为整数"),
        (("rules", "I09", "max_share_benefit"), 0.5, "应为写成文本的数"),
        (("rules", "S09", "require_explanation"), "yes", "应为 true 或 false"),
        (("limits", "goal"), True, "“limits.goal”应为数"),
        (("units", "count"), "次", "“units.count”应为列表"),
        (("print", "portrait", "columns_mm"), [14, "宽"], "“print.portrait.columns_mm[1]”应为数"),
    ],
)
def test_mistyped_values_are_refused_with_their_path(
    path: tuple[str, ...], value: object, expected: str
) -> None:
    data = _data()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert expected in _refusal(data)


def test_a_typo_in_a_category_requirement_is_refused() -> None:
    data = _data()
    data["framework"][0]["children"][0]["requirement"] = "eror"
    message = _refusal(data)
    assert "framework[0].children[0].requirement" in message and "“error”" in message


def test_a_missing_word_list_is_refused_not_defaulted() -> None:
    data = _data()
    del data["units"]["currency"]
    assert "“units.currency”缺失" in _refusal(data)
    data = _data()
    del data["rules"]["I11"]
    assert "“rules.I11”缺失" in _refusal(data)


def test_unknown_form_kind_and_inconsistent_thresholds_are_refused() -> None:
    data = _data()
    data["form"] = "projekt"
    assert "未知的表样类型" in _refusal(data)
    data = _data()
    data["rules"]["S12"] = {"min_indicators": 70, "max_indicators": 60}
    assert "rules.S12" in _refusal(data)


def _without_defaulted_keys(cls: type, data: dict[str, Any]) -> list[str]:
    """Remove from ``data`` every key whose field has a default; return the removed paths."""
    removed: list[str] = []
    hints = get_type_hints(cls)
    for f in dataclasses.fields(cls):
        key = json_key(f)
        if key not in data:
            continue
        if has_default(f):
            del data[key]
            removed.append(key)
        elif dataclasses.is_dataclass(hints[f.name]) and isinstance(data[key], dict):
            removed += [f"{key}.{k}" for k in _without_defaulted_keys(hints[f.name], data[key])]
    return removed


def test_code_defaults_equal_the_default_profiles_shipped_data() -> None:
    full = _data()
    reduced = copy.deepcopy(full)
    removed = _without_defaulted_keys(Profile, reduced)
    # Every default is actually written in the shipped file, so this compares something.
    assert {"form", "amount_decimals", "limits", "rules.S12", "rules.I14", "print.font_size_pt"} <= set(removed)
    assert profile_from_data(reduced) == profile_from_data(full)


def test_rules_read_the_profiles_full_output_unit_list() -> None:
    # I11's list has 16 units in the profile; "篇" was missing from the old 4-entry code default.
    assert len(load_profile(DEFAULT_PROFILE_ID).rules.I11.output_units) == 16
    decl = seed()
    position = next(i for i, c in enumerate(decl.categories) if c.level2 == "社会效益指标")
    decl.categories[position].indicators[0].value = "≥12篇"
    findings = check_declaration(decl, font_covers=covers_everything)
    assert [f.where for f in findings if f.rule == "I11"] == [
        f"{indicator_path(decl, position, 0)}.value"
    ]


def test_a_changed_threshold_changes_the_check() -> None:
    profile = load_profile(DEFAULT_PROFILE_ID)
    rules = dataclasses.replace(
        profile.rules, I07=dataclasses.replace(profile.rules.I07, min_value=Decimal("99"))
    )
    strict = dataclasses.replace(profile, rules=rules)
    decl = seed()
    default_i07 = [f for f in check_declaration(decl, font_covers=covers_everything) if f.rule == "I07"]
    strict_i07 = [
        f for f in check_declaration(decl, profile=strict, font_covers=covers_everything)
        if f.rule == "I07"
    ]
    assert ["低于通常要求的 80%" in f.message for f in default_i07] == [True]
    assert ["低于通常要求的 99%" in f.message for f in strict_i07] == [True]


def test_a_profile_is_immutable_hashable_and_copies() -> None:
    profile = load_profile(DEFAULT_PROFILE_ID)
    with pytest.raises(dataclasses.FrozenInstanceError):
        profile.title = "改"  # type: ignore[misc]  # frozen on purpose: the test proves it
    with pytest.raises(TypeError):
        profile.measure_families["新"] = ("新",)  # type: ignore[index]  # read-only on purpose
    clone = copy.deepcopy(profile)
    assert clone == profile and hash(clone) == hash(profile)


def test_profile_files_are_the_only_profiles() -> None:
    names = sorted(p.stem for p in Path(resource_root(), "profiles").glob("*.json"))
    assert list(available_profile_ids()) == names
