"""The indicator library: the bundled catalogue plus the user's other stored indicators."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desktop.domain.model import Indicator
from desktop.resources import ResourceError, catalog_path
from desktop.services.store import StoredIndicator


@dataclass(frozen=True)
class LibraryEntry:
    """One indicator offered by the library, with where it comes from (for display)."""

    level1: str
    level2: str
    name: str
    value: str
    unit: str
    explanation: str
    source: str
    search_text: str

    def to_indicator(self) -> Indicator:
        return Indicator(
            name=self.name, value=self.value, unit=self.unit, explanation=self.explanation
        )


def _entry(
    level1: str,
    level2: str,
    name: str,
    value: str,
    unit: str,
    explanation: str,
    source: str,
    extra: str = "",
) -> LibraryEntry:
    text = " ".join((name, value, explanation, extra)).lower()
    return LibraryEntry(level1, level2, name, value, unit, explanation, source, text)


@cache
def _catalogue(path: Path) -> tuple[LibraryEntry, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    # Catalogue entries: 指标值 gets the example value, 度量单位 stays empty (the value carries it).
    return tuple(
        _entry(
            i["level1"],
            i["level2"],
            i["name"],
            i.get("value_example", ""),
            "",
            i.get("explanation", ""),
            "指标库",
            " ".join(i.get("tags", ())),
        )
        for i in data.get("indicators", ())
    )


def catalogue_entries() -> list[LibraryEntry]:
    try:
        return list(_catalogue(catalog_path()))
    except (ResourceError, OSError, ValueError, KeyError):
        return []


def stored_entries(stored: list[StoredIndicator]) -> list[LibraryEntry]:
    result: list[LibraryEntry] = []
    seen: set[tuple[str, str, str, str]] = set()
    for item in stored:
        ind = item.indicator
        key = (item.level2, ind.name, ind.value, ind.explanation)
        if key in seen or not ind.name.strip():
            continue
        seen.add(key)
        source = f"{item.year} {item.unit_name}".strip()
        result.append(
            _entry(item.level1, item.level2, ind.name, ind.value, ind.unit, ind.explanation, source)
        )
    return result


def search(entries: list[LibraryEntry], query: str, level2: str | None) -> list[LibraryEntry]:
    """Entries of ``level2`` (all when None) containing every word of ``query``.

    Entries whose name holds the words come first; otherwise the catalogue's order is kept.
    """
    words = query.lower().split()
    found = [
        e
        for e in entries
        if (level2 is None or e.level2 == level2) and all(w in e.search_text for w in words)
    ]
    if words:
        found.sort(key=lambda e: not all(w in e.name.lower() for w in words))
    return found
