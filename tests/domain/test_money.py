"""Money is exact: parsing, canonical text and half-up display rounding."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.money import (
    AmountError,
    canonical_amount,
    format_amount,
    has_hidden_precision,
    parse_exchange_amount,
    parse_user_amount,
    round_half_up,
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1125.33", "1125.33"),
        ("1,125.33", "1125.33"),
        ("１，１２５．３３", "1125.33"),
        (" 12 ", "12"),
        ("0.000001", "0.000001"),
        ("99999999.999999", "99999999.999999"),
        ("", "0"),
        (".5", "0.5"),
        ("¥1,125.33", "1125.33"),
        ("￥1125.33", "1125.33"),
        ("1125.33万元", "1125.33"),
    ],
)
def test_user_amounts_accepted(typed: str, expected: str) -> None:
    assert parse_user_amount(typed) == Decimal(expected)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("12a", "只能输入数字"),
        ("-1", "负数"),
        ("1.0000001", "6 位小数"),
        ("1e3", "只能输入数字"),
        ("123456789", "8 位"),
        ("12500元", "万元"),
    ],
)
def test_user_amounts_refused_with_reason(typed: str, reason: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_user_amount(typed)
    assert reason in info.value.reason


@pytest.mark.parametrize(
    ("value", "text"),
    [("001125.3", "1125.30"), ("724.2318", "724.2318"), ("0", "0.00"), ("19.500000", "19.50"), ("100", "100.00")],
)
def test_canonical_amount(value: str, text: str) -> None:
    assert canonical_amount(Decimal(value)) == text


def test_display_rounds_half_up_not_to_even() -> None:
    assert format_amount(Decimal("0.125")) == "0.13"
    assert format_amount(Decimal("2.675")) == "2.68"
    assert format_amount(Decimal("1234567.005"), thousands=True) == "1,234,567.01"
    assert round_half_up(Decimal("0.135"), 2) == Decimal("0.14")
    assert has_hidden_precision(Decimal("1.005")) and not has_hidden_precision(Decimal("1.50"))


amounts = st.decimals(min_value=0, max_value=Decimal("99999999.999999"), places=6, allow_nan=False)


@given(amounts)
def test_canonical_text_parses_back_exactly(value: Decimal) -> None:
    assert parse_exchange_amount(canonical_amount(value)) == value


@given(st.lists(amounts, min_size=1, max_size=50))
def test_sums_are_exact_unlike_floats(values: list[Decimal]) -> None:
    total = sum(values, Decimal(0))
    assert canonical_amount(total) == canonical_amount(sum(sorted(values), Decimal(0)))
    assert sum(reversed(values), Decimal(0)) == total
