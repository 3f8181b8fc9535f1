"""Quantities written in goal text (docs/rules.md, goal matching step 2) and other quantified elements (G03).

A quantity is a number (Arabic, or a Chinese numeral such as 一/两/十) followed by a unit word or
``%``, with the operator wording around it (不低于, 超过, …以上; §3.2). Ordinals (第二季度) and
years (2026年, 2026年度) are not quantities. A ``%`` quantity is a *rate*, the others *counts*.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from desktop.rules.textutil import CN_NUMERAL, alternation, chinese_number

_ARABIC = r"(?<![\d.])\d+(?:\.\d+)?"
_CN = f"(?<![第零〇一二两三四五六七八九十百千万]){CN_NUMERAL}"
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年度?")
# Deadline-like wording that quantifies a goal even without a count (G03).
_DEADLINE = re.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*\d{1,2}\s*日|底|末|份)?\s*(?:前|之前|以前|内|以内|底前)"
    r"|第[一二三四1-4]季度(?:内|前|末|底)"
    r"|(?:年底|年末|上半年|下半年)(?:前|内)?完成"
    r"|\d+\s*(?:个)?(?:工作日|日|天|小时|周|个月)(?:内|以内)"
)


@dataclass(frozen=True)
class Quantity:
    """One quantity of a goal clause."""

    text: str  # as written, operator wording included
    number: Decimal
    unit: str  # "%" for a rate
    operator: str | None  # ≥ > ≤ < = or None when no wording says
    start: int
    end: int

    @property
    def is_rate(self) -> bool:
        return self.unit in ("%", "％")


class QuantityFinder:
    """Finds quantities with a profile's unit words and operator wording."""

    def __init__(
        self,
        units: Sequence[str],
        operator_words: Mapping[str, Sequence[str]],
        operator_suffixes: Mapping[str, Sequence[str]],
        other_units: Sequence[str] = (),
    ) -> None:
        """``units`` make goal quantities; ``other_units`` (time: 天, 个月, …) only quantify (G03)."""
        self._units = {*units, "%", "％"}
        self._before = {w: op for op, words in operator_words.items() for w in words}
        self._after = {w: op for op, words in operator_suffixes.items() for w in words}
        before = alternation(self._before)
        after = alternation(self._after)
        # All units in one alternation, longest first, so 个月 is never read as 个.
        unit_alt = alternation([*units, *other_units, "%", "％"])
        number = f"(?P<num>{_ARABIC}|{_CN})"
        self._pattern = re.compile(
            (f"(?P<before>{before})?\\s*" if before else "")
            + number
            + f"\\s*(?P<unit>{unit_alt})(?![性分])"
            + (f"(?P<after>{after})?" if after else "")
        )
        self._any = re.compile(f"(?P<num>{_ARABIC}|{_CN})\\s*(?:{unit_alt})(?![性分])")

    def find(self, clause: str) -> list[Quantity]:
        found: list[Quantity] = []
        for match in self._pattern.finditer(clause):
            raw = match.group("num")
            if _is_year(clause, match.start("num"), match.end("num")) or clause[
                max(0, match.start("num") - 1) : match.start("num")
            ] == "第":
                continue
            if match.group("unit") not in self._units:
                continue
            if raw[0].isdigit():
                number = Decimal(raw)
            else:
                value = chinese_number(raw)
                if value is None:
                    continue
                number = Decimal(value)
            before = match.groupdict().get("before")
            after = match.groupdict().get("after")
            operator = self._after.get(after or "") or self._before.get(before or "")
            found.append(
                Quantity(
                    text=match.group(0).strip(),
                    number=number,
                    unit=match.group("unit"),
                    operator=operator,
                    start=match.start(),
                    end=match.end(),
                )
            )
        return found

    def is_quantified(self, text: str) -> bool:
        """G03: a number with a unit word, a percentage or a deadline; years do not count."""
        stripped = _YEAR.sub("|", text)
        for match in self._any.finditer(stripped):
            raw = match.group("num")
            if stripped[max(0, match.start() - 1) : match.start()] == "第":
                continue
            if raw[0].isdigit() or chinese_number(raw) is not None:
                return True
        return bool(_DEADLINE.search(stripped))


def mentions_deadline(text: str) -> bool:
    """Whether ``text`` names a deadline such as ``12月31日前``, ``第二季度内`` or ``5个工作日内``."""
    return bool(_DEADLINE.search(text))


def _is_year(text: str, start: int, end: int) -> bool:
    number = text[start:end]
    return len(number) == 4 and number.isdigit() and text[end : end + 1] == "年"


def direction(operator: str | None) -> int:
    """+1 for ≥/>, -1 for ≤/<, 0 for = or no operator (§3.2 operator classes)."""
    if operator in ("≥", ">"):
        return 1
    if operator in ("≤", "<"):
        return -1
    return 0
