"""Label variants of the printed form, loaded from ``resources/formread/labels.json``.

The reader finds blocks by their labels, and people write labels their own way (``产出⏎指标``,
``数量``, ``指标值说明``). Which variants are accepted is data, per profile: the ``default``
section applies to every profile and a section named by a profile id adds to it. Texts are
compared after :func:`normalise_label`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from desktop.domain.profile import Profile, load_profile
from desktop.resources import resource_root

LABELS_FILE = "formread/labels.json"
_DROP = re.compile(r"[\s*＊:：·•]")


def normalise_label(text: str) -> str:
    """``'产出\\n指标'`` → ``产出指标``; ``部门（单位）名称：`` → ``部门(单位)名称``."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text))


def _norm_all(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(normalise_label(t) for t in texts)


@dataclass(frozen=True)
class FormLabels:
    """Every label variant the reader accepts for one profile (all normalised)."""

    profile_id: str
    titles: Mapping[str, frozenset[str]]
    fields: Mapping[str, frozenset[str]]
    blocks: Mapping[str, frozenset[str]]
    task_columns: Mapping[str, frozenset[str]]
    total_row: frozenset[str]
    indicator_columns: Mapping[str, frozenset[str]]
    ignored_columns: frozenset[str]
    signature: Mapping[str, frozenset[str]]
    not_applicable: frozenset[str]
    #: normalised variant → level-1 name of the profile
    level1: Mapping[str, str]
    #: normalised variant → level-2 names (a short form may fit several level-1 groups)
    level2: Mapping[str, tuple[str, ...]]
    #: (level1, level2) as written in another framework → (level1, level2) of this profile
    category_aliases: Mapping[tuple[str, str], tuple[str, str]]

    def match(self, table: Mapping[str, frozenset[str]], text: str) -> str | None:
        """The key of ``table`` whose variants contain ``text`` (normalised), or None."""
        label = normalise_label(text)
        if not label:
            return None
        for key, variants in table.items():
            if label in variants:
                return key
        return None

    def is_indicator_header(self, text: str) -> str | None:
        return self.match(self.indicator_columns, text)


def _section(data: Mapping[str, Any], profile_id: str) -> list[Mapping[str, Any]]:
    sections = [data["default"]]
    if isinstance(data.get(profile_id), Mapping):
        sections.append(data[profile_id])
    return sections


def _merged_table(sections: list[Mapping[str, Any]], key: str) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for section in sections:
        for name, variants in section.get(key, {}).items():
            table.setdefault(name, set()).update(normalise_label(v) for v in variants)
    return {name: frozenset(values) for name, values in table.items()}


def _merged_list(sections: list[Mapping[str, Any]], key: str) -> frozenset[str]:
    return _norm_all(v for section in sections for v in section.get(key, ()))


def _levels(profile: Profile, sections: list[Mapping[str, Any]]) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Variants of the profile's own level names (name, name without 指标, listed short forms)."""
    level1_variants = _merged_table(sections, "level1")
    level2_variants = _merged_table(sections, "level2")
    level1: dict[str, str] = {}
    level2: dict[str, list[str]] = {}
    for l1 in profile.framework:
        for variant in {normalise_label(l1.name), normalise_label(l1.name.removesuffix("指标"))} | set(
            level1_variants.get(l1.name, ())
        ):
            level1.setdefault(variant, l1.name)
        for l2 in l1.children:
            variants = {normalise_label(l2.name), normalise_label(l2.name.removesuffix("指标"))}
            variants |= set(level2_variants.get(l2.name, ()))
            for variant in variants:
                names = level2.setdefault(variant, [])
                if l2.name not in names:
                    names.append(l2.name)
    return level1, {k: tuple(v) for k, v in level2.items()}


def _aliases(sections: list[Mapping[str, Any]]) -> dict[tuple[str, str], tuple[str, str]]:
    aliases: dict[tuple[str, str], tuple[str, str]] = {}
    for section in sections:
        for item in section.get("category_aliases", ()):
            source = (normalise_label(item["from"][0]), normalise_label(item["from"][1]))
            aliases[source] = (str(item["to"][0]), str(item["to"][1]))
    return aliases


@cache
def _data() -> Mapping[str, Any]:
    loaded: Mapping[str, Any] = json.loads((resource_root() / LABELS_FILE).read_text(encoding="utf-8"))
    return loaded


@cache
def form_labels(profile_id: str) -> FormLabels:
    """The label variants for ``profile_id`` (raises UnknownProfileError for an unknown id)."""
    profile = load_profile(profile_id)
    sections = _section(_data(), profile_id)
    level1, level2 = _levels(profile, sections)
    return FormLabels(
        profile_id=profile_id,
        titles=_merged_table(sections, "titles"),
        fields=_merged_table(sections, "fields"),
        blocks=_merged_table(sections, "blocks"),
        task_columns=_merged_table(sections, "task_columns"),
        total_row=_merged_list(sections, "total_row"),
        indicator_columns=_merged_table(sections, "indicator_columns"),
        ignored_columns=_merged_list(sections, "ignored_columns"),
        signature=_merged_table(sections, "signature"),
        not_applicable=_merged_list(sections, "not_applicable"),
        level1=level1,
        level2=level2,
        category_aliases=_aliases(sections),
    )
