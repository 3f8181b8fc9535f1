"""Money in 万元 as exact decimals: parsing, canonical text and display rounding.

Amounts are ``decimal.Decimal`` everywhere. The exchange format allows at most 8 digits before
the point and 6 after it; display rounds half up (四舍五入) to the profile's decimals.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MAX_DECIMALS = 6
MAX_INTEGER_DIGITS = 8
ZERO = Decimal(0)
#: The storage unit, and the other unit a project profile may print (docs/project-form.md §2, §8).
WAN_YUAN = "万元"
YUAN = "元"
_YUAN_PER_WAN = Decimal(10000)

#: The amount pattern of docs/exchange-format.md, applied to JSON strings verbatim.
AMOUNT_PATTERN = re.compile(r"[0-9]{1,8}(\.[0-9]{1,6})?")


class AmountError(ValueError):
    """A text that is not a valid amount; ``reason`` is a Chinese message for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_exchange_amount(text: str) -> Decimal:
    """Parse an amount string of the exchange format (strict pattern, no tolerance)."""
    if not AMOUNT_PATTERN.fullmatch(text):
        raise AmountError(
            f"金额 \"{text}\" 格式不正确：应为不含空格的非负小数，整数部分最多 8 位，小数最多 6 位"
        )
    return Decimal(text)


def parse_user_amount(text: str, unit: str = WAN_YUAN) -> Decimal:
    """Parse an amount typed by a user: tolerant of separators and full-width forms.

    Accepts ``1125.33``, ``1,125.33``, ``１，１２５．３３``, surrounding spaces, a leading ``¥``
    and a trailing ``万元`` (as currency-formatted spreadsheet cells copy), and an empty text
    (zero). Rejects letters, signs, exponents, other units and more than 6 decimals with a
    Chinese reason. With ``unit`` = ``元`` (a profile printing 元) the text is in 元 (a trailing
    ``元`` allowed, at most 2 decimals) unless it ends in ``万元``; the result is always in 万元.
    """
    if unit == YUAN:
        return _parse_yuan(text)
    normalised = unicodedata.normalize("NFKC", text).strip()
    normalised = normalised.replace(",", "").replace("，", "").replace(" ", "")
    normalised = normalised.removeprefix("¥").removeprefix("￥")
    normalised = normalised.removesuffix("万元")
    if normalised.endswith("元"):
        raise AmountError("金额以万元为单位：请换算成万元后输入（例如 12500 元写作 1.25）")
    return _parse_digits(text, normalised, MAX_DECIMALS, MAX_INTEGER_DIGITS, WAN_YUAN)


def _parse_yuan(text: str) -> Decimal:
    normalised = unicodedata.normalize("NFKC", text).strip()
    normalised = normalised.replace(",", "").replace("，", "").replace(" ", "")
    normalised = normalised.removeprefix("¥").removeprefix("￥")
    if normalised.endswith(WAN_YUAN):
        return parse_user_amount(text)  # typed in 万元 on purpose
    normalised = normalised.removesuffix(YUAN)
    # 6 decimals in 万元 are 2 in 元; 8 integer digits in 万元 are 12 in 元.
    yuan = _parse_digits(text, normalised, 2, MAX_INTEGER_DIGITS + 4, YUAN)
    return yuan / _YUAN_PER_WAN


def _parse_digits(text: str, normalised: str, decimals: int, digits: int, unit: str) -> Decimal:
    normalised = normalised.replace("。", ".")
    if normalised == "":
        return ZERO
    if normalised.startswith("-"):
        raise AmountError("金额不能为负数")
    if not re.fullmatch(r"[0-9]*\.?[0-9]*", normalised) or normalised == ".":
        raise AmountError(f"\"{text}\" 不是金额：只能输入数字和小数点")
    integer, _, fraction = normalised.partition(".")
    if len(fraction) > decimals:
        raise AmountError(f"金额最多 {decimals} 位小数（单位：{unit}）")
    if len(integer.lstrip("0")) > digits:
        raise AmountError(f"金额整数部分最多 {digits} 位（单位：{unit}）")
    try:
        return Decimal(normalised if integer else "0" + normalised)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid digits
        raise AmountError(f"\"{text}\" 不是金额") from exc


def in_unit(value: Decimal, unit: str) -> Decimal:
    """An amount stored in 万元 expressed in ``unit`` (exact: 万元 have at most 6 decimals)."""
    return value * _YUAN_PER_WAN if unit == YUAN else value


def canonical_amount(value: Decimal) -> str:
    """The fingerprint form: at least 2 and at most 6 decimals, no further trailing zeros."""
    text = format(value.normalize(), "f") if value != 0 else "0"
    integer, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    if len(fraction) < 2:
        fraction = fraction.ljust(2, "0")
    integer = integer.lstrip("0") or "0"
    return f"{integer}.{fraction}"


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """Round for display (四舍五入)."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_amount(value: Decimal, decimals: int = 2, *, thousands: bool = False) -> str:
    """Display text: rounded half up to ``decimals``, optionally with thousands separators."""
    rounded = round_half_up(value, decimals)
    return f"{rounded:,.{decimals}f}" if thousands else f"{rounded:.{decimals}f}"


def has_hidden_precision(value: Decimal, decimals: int = 2) -> bool:
    """True when ``value`` has more precision than ``decimals`` shows."""
    return round_half_up(value, decimals) != value

