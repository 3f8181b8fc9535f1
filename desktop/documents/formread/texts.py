"""Small text readers for form cells: goal lists, amounts, dates and years."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from desktop.documents.xlsx.cells import CellError, CellValue, cell_amount
from desktop.domain.money import AMOUNT_PATTERN

_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_GOAL_MARK = re.compile(r"目标\s*([0-9０-９]+|[一二三四五六七八九十]+)\s*[：:.、．]\s*")
_NUMBERED_LINE = re.compile(r"^\s*(?:[（(]?\d{1,2}[)）.、．]|[（(][一二三四五六七八九十]+[)）])\s*")
_DATE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})\s*年")
_AMOUNT_NOISE = re.compile(r"[,，\s]|万元$|元$")
_DASHES = frozenset({"", "-", "－", "—", "——", "/", "／"})


def chinese_number(text: str) -> int | None:
    """``12``, ``１２``, ``十二``, ``二十一`` → int; None when it is none of these."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text)
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def split_goals(text: str) -> list[tuple[int | None, str]]:
    """Goals in one text: ``目标N：`` items, else numbered lines, else the whole text.

    Returns (stated number or None, goal text) pairs; text before the first mark is a goal of
    its own without a number.
    """
    marks = list(_GOAL_MARK.finditer(text))
    if marks:
        items: list[tuple[int | None, str]] = []
        head = text[: marks[0].start()].strip()
        if head:
            items.append((None, head))
        for index, mark in enumerate(marks):
            end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
            items.append((chinese_number(mark.group(1)), text[mark.end() : end].strip()))
        return items
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and all(_NUMBERED_LINE.match(line) for line in lines):
        return [(None, _NUMBERED_LINE.sub("", line, count=1).strip()) for line in lines]
    return [(None, text.strip())] if text.strip() else []


def form_amount(value: CellValue) -> Decimal:
    """An amount cell of a form: numbers, ``1,125.33``, ``1125.33万元``, dashes for zero."""
    if isinstance(value, str):
        text = _AMOUNT_NOISE.sub("", value.strip())
        if text in _DASHES:
            return Decimal(0)
        if not AMOUNT_PATTERN.fullmatch(text):
            raise CellError(f"金额“{value.strip()}”无法识别")
        return Decimal(text)
    return cell_amount(value)


def iso_date(text: str) -> str | None:
    """``2026年1月15日`` / ``2026-01-15`` → ``2026-01-15``; None when no full date is written."""
    match = _DATE.search(text)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError:
        return None


def find_year(text: str) -> int | None:
    """The budget year in a title line (``（2026年度）``, ``2026年度…申报表``)."""
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None
