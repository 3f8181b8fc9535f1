"""Cell values to exact data: floats through their shortest repr, amounts by the pattern.

Spreadsheet numbers are binary floats. ``repr(float)`` is the shortest text that reads back as
the same float, so ``1125.33`` stays ``1125.33``; a value needing more than 6 decimals there
(``0.30000000000000004``) is refused instead of being rounded into the money.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from desktop.domain.money import AMOUNT_PATTERN, MAX_DECIMALS, MAX_INTEGER_DIGITS

CellValue = str | int | float | bool | datetime | date | time | None


class CellError(ValueError):
    """A cell that cannot be used; ``str()`` is the Chinese reason (the caller adds the place)."""


def decimal_from_number(value: int | float) -> Decimal:
    """An exact Decimal for a numeric cell, refusing more than 6 decimals."""
    if isinstance(value, bool):
        raise CellError("应为数字，实际是逻辑值")
    if isinstance(value, int):
        return Decimal(value)
    if not math.isfinite(value):
        raise CellError("数值无效")
    number = Decimal(repr(value))
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent < -MAX_DECIMALS:
        raise CellError(f"数值 {repr(value)} 超过 {MAX_DECIMALS} 位小数")
    return number


def plain_number(number: Decimal) -> str:
    """``4`` for 4.0, ``95.5`` for 95.50: no exponent, no superfluous zeros."""
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def cell_text(value: CellValue) -> str:
    """The text a person sees in the cell (numbers without float noise)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return plain_number(decimal_from_number(value))
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    return value.isoformat()


def is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def cell_amount(value: CellValue) -> Decimal:
    """An amount in 万元: a numeric cell, or a text matching the exchange amount pattern.

    An empty cell is zero (a colleague leaving 其他资金 blank means none).
    """
    if value is None or value == "":
        return Decimal(0)
    if isinstance(value, str):
        if not AMOUNT_PATTERN.fullmatch(value):
            raise CellError(
                f"金额 \"{value}\" 格式不正确：应为非负数字，整数部分最多 {MAX_INTEGER_DIGITS} 位，"
                f"小数最多 {MAX_DECIMALS} 位"
            )
        return Decimal(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CellError(f"金额应为数字，实际是 \"{cell_text(value)}\"")
    number = decimal_from_number(value)
    if number < 0:
        raise CellError(f"金额不能为负数（{plain_number(number)}）")
    if number >= Decimal(10) ** MAX_INTEGER_DIGITS:
        raise CellError(f"金额 {plain_number(number)} 整数部分超过 {MAX_INTEGER_DIGITS} 位（单位：万元）")
    return number


def cell_int(value: CellValue) -> int:
    """A whole number from a numeric or text cell."""
    text = cell_text(value).strip()
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise CellError(f"应为整数，实际是 \"{text}\"") from exc
    if not number.is_finite() or number != number.to_integral_value():
        raise CellError(f"应为整数，实际是 \"{text}\"")
    return int(number)


def amount_format(value: Decimal) -> str:
    """The number format of an amount cell: ``0.00``, or more decimals where the value has them."""
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    decimals = min(max(2, -exponent), MAX_DECIMALS)
    return "0." + "0" * decimals
