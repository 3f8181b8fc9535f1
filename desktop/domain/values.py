"""指标值/度量单位: the T01 input normalisation and the value grammar of docs/values.md.

Values are stored as typed (after :func:`normalise_value_text`); :func:`parse_value` derives the
structure (operator, number, unit, grade, period, dates) whenever rules or exports need it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from desktop.domain.model import NOT_APPLICABLE


class ValueKind(StrEnum):
    EMPTY = "empty"
    NOT_APPLICABLE = "not_applicable"
    QUANTITATIVE = "quantitative"
    FREQUENCY = "frequency"
    DEADLINE = "deadline"
    RANGE = "range"
    QUALITATIVE = "qualitative"
    TEXT = "text"


OPERATORS = ("≥", "≤", ">", "<", "=")

_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_FULLWIDTH.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_FULLWIDTH.update({"．": ".", "％": "%", "＞": ">", "＜": "<", "＝": "=", "≧": "≥", "≦": "≤"})
_FULLWIDTH_TABLE = str.maketrans(_FULLWIDTH)


def normalise_value_text(text: str) -> str:
    """Apply T01 to a 指标值 or 度量单位 text: ``>=``→``≥``, ``％``→``%``, full-width → ASCII."""
    result = text.translate(_FULLWIDTH_TABLE)
    return result.replace(">=", "≥").replace("<=", "≤")


@dataclass(frozen=True)
class DeadlineDate:
    year: int | None
    month: int | None
    day: int | None
    quarter: int | None


@dataclass(frozen=True)
class ParsedValue:
    """The derived structure of one 指标值 (with its 度量单位)."""

    kind: ValueKind
    text: str
    operator: str | None = None
    number: Decimal | None = None
    #: The unit written inside 指标值 (``≥4次`` → ``次``).
    value_unit: str = ""
    #: The 度量单位 column.
    column_unit: str = ""
    high: Decimal | None = None
    high_unit: str = ""
    period: str = ""
    grade: str = ""
    deadline: DeadlineDate | None = None

    @property
    def unit(self) -> str:
        """The effective unit: from 指标值 when it has one, else 度量单位."""
        return self.value_unit or self.column_unit

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"

    def number_text(self) -> str:
        return "" if self.number is None else format(self.number, "f")


_NUMBER = r"(\d+(?:\.\d+)?)"
_UNIT = r"([^\d\s≥≤<>=~～\-至]{1,12}?)"
_OP = r"(≥|≤|>|<|=)?"
_QUANT = re.compile(rf"{_OP}\s*{_NUMBER}\s*{_UNIT}?")
_RANGE = re.compile(rf"{_NUMBER}\s*{_UNIT}?\s*(?:-|~|～|至|—)\s*{_NUMBER}\s*{_UNIT}?")
_PERIODS = ("半年", "季度", "日", "天", "周", "月", "季", "年")
_FREQ = re.compile(rf"每(?:个)?({'|'.join(_PERIODS)})\s*(?:不少于|至少)?\s*{_OP}\s*{_NUMBER}\s*{_UNIT}")
_CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_DEADLINE = re.compile(
    r"(?:(\d{4})\s*年\s*)?"
    r"(?:第([一二三四1-4])季度|(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|底|末|份)?|年?底|年?末|上半年|下半年)?"
    r"\s*(前|之前|以前|内|以内|底前|完成)?"
)


def _has_date_part(match: re.Match[str]) -> bool:
    year, quarter, month = match.group(1), match.group(2), match.group(3)
    text = match.group(0)
    return bool(year or quarter or month) and (bool(match.group(5)) or "日" in text or "底" in text)


def _plausible_quantity(number: str, unit: str) -> bool:
    """Reject what only looks like number + unit: a year with a date tail, a doubled ``%``."""
    if "%" in unit and unit != "%":
        return False
    return not (len(number) == 4 and unit.startswith("年") and len(unit) > 1)


def parse_value(value: str, unit: str = "", grade_words: Iterable[str] = ()) -> ParsedValue:
    """Parse a stored 指标值 and its 度量单位 into a :class:`ParsedValue`.

    ``grade_words`` is the profile's qualitative vocabulary (显著, 明显, 一般, ...).
    """
    text = normalise_value_text(value).strip()
    column_unit = normalise_value_text(unit).strip()
    if not text:
        return ParsedValue(ValueKind.EMPTY, text, column_unit=column_unit)
    if text == NOT_APPLICABLE:
        return ParsedValue(ValueKind.NOT_APPLICABLE, text, column_unit=column_unit)
    if text in set(grade_words):
        return ParsedValue(ValueKind.QUALITATIVE, text, grade=text, column_unit=column_unit)
    match = _DEADLINE.fullmatch(text)
    if match and _has_date_part(match):
        quarter = _CN_QUARTER.get(match.group(2) or "")
        return ParsedValue(
            ValueKind.DEADLINE,
            text,
            deadline=DeadlineDate(
                year=int(match.group(1)) if match.group(1) else None,
                month=int(match.group(3)) if match.group(3) else None,
                day=int(match.group(4)) if match.group(4) else None,
                quarter=quarter,
            ),
            column_unit=column_unit,
        )
    match = _QUANT.fullmatch(text)
    if match and _plausible_quantity(match.group(2), (match.group(3) or "").strip()):
        return ParsedValue(
            ValueKind.QUANTITATIVE,
            text,
            operator=match.group(1),
            number=Decimal(match.group(2)),
            value_unit=(match.group(3) or "").strip(),
            column_unit=column_unit,
        )
    match = _FREQ.fullmatch(text)
    if match:
        return ParsedValue(
            ValueKind.FREQUENCY,
            text,
            period=match.group(1),
            operator=match.group(2),
            number=Decimal(match.group(3)),
            value_unit=match.group(4).strip(),
            column_unit=column_unit,
        )
    match = _RANGE.fullmatch(text)
    if match and (match.group(2) or match.group(4) or column_unit):
        return ParsedValue(
            ValueKind.RANGE,
            text,
            number=Decimal(match.group(1)),
            value_unit=(match.group(2) or match.group(4) or "").strip(),
            high=Decimal(match.group(3)),
            high_unit=(match.group(4) or "").strip(),
            column_unit=column_unit,
        )
    return ParsedValue(ValueKind.TEXT, text, column_unit=column_unit)


def compose_value(operator: str | None, number: str, unit: str) -> str:
    """Join picker parts into a 指标值 text (``≥`` ``95`` ``%`` → ``≥95%``)."""
    return normalise_value_text(f"{operator or ''}{number.strip()}{unit.strip()}")
