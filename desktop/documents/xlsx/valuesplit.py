"""指标值 split into 计算符号 / 指标值 / 计量单位 as budget systems store them, and joined back.

Export: a quantitative value gives its operator (empty when none is written), its number (a
numeric cell) and its unit; a qualitative one gives ``定性`` and the grade; frequency, deadline,
range and free text go whole into 指标值 with an empty 计算符号. Import joins visible cells back
and refuses values that look like a quantity but are not one (``2%8``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from desktop.documents.xlsx.cells import (
    CellError,
    CellValue,
    cell_text,
    decimal_from_number,
    plain_number,
)
from desktop.documents.xlsx.schema import OPERATOR_QUALITATIVE
from desktop.domain.values import OPERATORS, ValueKind, normalise_value_text, parse_value

#: Longest number written as a numeric cell: beyond 15 significant digits a float is inexact.
_MAX_NUMERIC_DIGITS = 15

_OPERATOR_WORDS = {
    "大于等于": "≥",
    "不低于": "≥",
    "不少于": "≥",
    "小于等于": "≤",
    "不高于": "≤",
    "不超过": "≤",
    "大于": ">",
    "小于": "<",
    "等于": "=",
    "定量": "",
}
_LOOKS_NUMERIC = re.compile(r"\d")
_QUANTITY_SIGNS = re.compile(r"[≥≤<>=%]")


@dataclass(frozen=True)
class SplitValue:
    """The three visible cells of one indicator row."""

    operator: str
    #: A Decimal for a quantitative number (written as a numeric cell), else the text.
    value: Decimal | str
    unit: str


def split_value(value: str, unit: str, grade_words: Iterable[str]) -> SplitValue:
    parsed = parse_value(value, unit, grade_words)
    if parsed.kind == ValueKind.QUANTITATIVE and parsed.number is not None:
        number: Decimal | str = parsed.number
        if len(parsed.number.as_tuple().digits) > _MAX_NUMERIC_DIGITS:
            number = plain_number(parsed.number)
        return SplitValue(parsed.operator or "", number, parsed.unit)
    if parsed.kind == ValueKind.QUALITATIVE:
        return SplitValue(OPERATOR_QUALITATIVE, parsed.grade, parsed.column_unit)
    return SplitValue("", parsed.text if parsed.kind != ValueKind.EMPTY else "", parsed.column_unit)


def cells_match(split: SplitValue, operator: CellValue, value: CellValue, unit: CellValue) -> bool:
    """True when the visible cells still show ``split`` (nobody edited the row)."""
    if cell_text(operator).strip() != split.operator or cell_text(unit).strip() != split.unit:
        return False
    if isinstance(split.value, Decimal):
        try:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return decimal_from_number(value) == split.value
            return Decimal(cell_text(value).strip()) == split.value
        except (CellError, InvalidOperation):
            return False
    return cell_text(value).strip() == split.value


def read_operator(cell: CellValue) -> str:
    """The operator symbol (or ``定性``) of a 计算符号/指标性质 cell; raises :class:`CellError`."""
    text = normalise_value_text(cell_text(cell)).strip().replace(" ", "")
    if text in OPERATORS or text in ("", OPERATOR_QUALITATIVE):
        return text
    if text in _OPERATOR_WORDS:
        return _OPERATOR_WORDS[text]
    raise CellError(f"无法识别的计算符号 \"{cell_text(cell).strip()}\"")


def value_text(cell: CellValue) -> str:
    """指标值 cell as text; numbers through their shortest repr (at most 6 decimals)."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return plain_number(decimal_from_number(cell))
    return normalise_value_text(cell_text(cell)).strip()


def join_split(operator: str, value: str, unit: str) -> tuple[str, str]:
    """指标值 (operator + value) and 度量单位 (unit), as docs/xlsx.md joins an edited row."""
    if operator == OPERATOR_QUALITATIVE:
        operator = ""
    if operator and value.startswith(OPERATORS):
        if not value.startswith(operator):
            raise CellError(f"计算符号 \"{operator}\" 与指标值 \"{value}\" 中的符号不一致")
        operator = ""
    return normalise_value_text(operator + value), normalise_value_text(unit.strip())


def join_combined(operator: str, value: str, unit: str, grade_words: Iterable[str]) -> tuple[str, str]:
    """Join a foreign row the way the Shenzhen print writes it: ``≥95%`` in 指标值.

    The unit goes inside 指标值 when the value is a bare quantity without its own unit and
    stays in 度量单位 otherwise; a unit already written inside the value is not repeated.
    """
    joined, unit = join_split(operator, value, unit)
    if unit and joined.endswith(unit):
        return joined, ""
    parsed = parse_value(joined, "", grade_words)
    if unit and parsed.kind == ValueKind.QUANTITATIVE and not parsed.value_unit:
        return joined + unit, ""
    return joined, unit


def check_value(operator: str, value: str, unit: str, grade_words: Iterable[str]) -> None:
    """Refuse a value that cannot be what its row claims; raises :class:`CellError`."""
    words = list(grade_words)
    parsed = parse_value(value, unit, words)
    if operator in OPERATORS and parsed.kind not in (ValueKind.QUANTITATIVE, ValueKind.EMPTY):
        raise CellError(f"计算符号为 \"{operator}\"，但指标值 \"{value}\" 不是数值")
    if parsed.kind == ValueKind.TEXT and _LOOKS_NUMERIC.search(value) and _QUANTITY_SIGNS.search(value):
        raise CellError(f"无法识别的指标值 \"{value}\"")


def is_unknown_grade(operator: str, value: str, grade_words: Iterable[str]) -> bool:
    """A 定性 row whose 指标值 is not a grade word of the profile (imported with a warning)."""
    return operator == OPERATOR_QUALITATIVE and bool(value) and value not in set(grade_words)
