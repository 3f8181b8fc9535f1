"""Small helpers for Chinese text used by several rule families.

Terms (docs/rules.md, goal matching step 3): runs of at least two Han characters, after each synonym was
replaced by the first member of its group and generic words were turned into separators.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
TRAILING_HAN = re.compile(f"[{HAN}]+$")
CLAUSE_SPLIT = re.compile(r"[，；。、：,;！？!?\n\r]+")

#: Longest shared term that is still looked for; longer common runs count as this long.
MAX_TERM = 16

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUMERAL = "[零〇一二两三四五六七八九十百千万]+"


def clauses(text: str) -> list[str]:
    """A goal cut into clauses at ``，；。、：`` and line breaks (empty parts dropped)."""
    return [part for part in CLAUSE_SPLIT.split(text) if part.strip()]


def chinese_number(text: str) -> int | None:
    """Value of a Chinese numeral such as 一, 两, 十二, 二十, 一百零五; None if not one."""
    if not any(ch in "一二两三四五六七八九十" for ch in text):
        return None
    if all(ch in _CN_DIGITS for ch in text):
        if len(text) == 1:
            return _CN_DIGITS[text]
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit == 10000:
                total += (section + digit) * unit
                section, digit = 0, 0
            else:
                section += (digit or 1) * unit
                digit = 0
        else:
            return None
    return total + section + digit


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so the longest wins."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in unique)


class TermNormaliser:
    """Synonym replacement and generic-word removal for term matching."""

    def __init__(self, synonyms: Sequence[Sequence[str]], stop_words: Iterable[str]) -> None:
        self._canonical: dict[str, str] = {}
        for group in synonyms:
            if not group:
                continue
            for word in group:
                self._canonical.setdefault(word, group[0])
        pattern = alternation(self._canonical)
        self._synonym_re = re.compile(pattern) if pattern else None
        stop = alternation(stop_words)
        self._stop_re = re.compile(stop) if stop else None

    def canonical(self, text: str) -> str:
        """``text`` with every synonym replaced by the first member of its group."""
        if self._synonym_re is None:
            return text
        return self._synonym_re.sub(lambda m: self._canonical[m.group(0)], text)

    def segments(self, canonical_text: str) -> list[str]:
        """Han runs of ≥ 2 characters left after generic and measure words were cut out."""
        text = canonical_text
        if self._stop_re is not None:
            text = self._stop_re.sub("|", text)
        return [run for run in HAN_RUN.findall(text) if len(run) >= 2]

    def terms(self, text: str) -> set[str]:
        """Every candidate term (substring of a segment, 2..MAX_TERM characters) of ``text``."""
        return substrings(self.segments(self.canonical(text)))


def substrings(segments: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for segment in segments:
        length = len(segment)
        for start in range(length - 1):
            stop = min(length, start + MAX_TERM)
            for end in range(start + 2, stop + 1):
                found.add(segment[start:end])
    return found


def common_suffix(a: str, b: str) -> str:
    length = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        length += 1
    return a[len(a) - length :] if length else ""


def shorten(text: str, limit: int = 20) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for messages."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _invisible(char: str) -> bool:
    # Whitespace and format characters (zero-width space, BOM, joiners) show nothing on paper.
    return char.isspace() or unicodedata.category(char) == "Cf"


def visible(text: str) -> str:
    """``text`` without leading/trailing whitespace and zero-width characters; "" when nothing
    visible remains (a cell holding only U+200B or U+3000 is empty to the reader of the form)."""
    start, end = 0, len(text)
    while start < end and _invisible(text[start]):
        start += 1
    while end > start and _invisible(text[end - 1]):
        end -= 1
    return text[start:end]


def describe_char(char: str) -> str:
    """How a message shows one character: quoted when it can be seen, named when it cannot."""
    code = f"U+{ord(char):04X}"
    category = unicodedata.category(char)
    if category in ("Cf", "Cc", "Co", "Cn", "Cs") or char.isspace():
        return f"不可见字符（{code}）"
    if category in ("Mn", "Me", "Mc"):
        return f"组合附加符号（{code}）"
    return f"“{char}”（{code}）"
