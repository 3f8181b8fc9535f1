"""The value grammar (docs/values.md) and the T01 normalisation."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.profile import load_profile
from desktop.domain.values import ValueKind, compose_value, normalise_value_text, parse_value

GRADES = load_profile("SZ-DEPT-2026").grade_words()


@pytest.mark.parametrize(
    ("text", "kind", "operator", "number", "unit"),
    [
        ("≥4次", ValueKind.QUANTITATIVE, "≥", "4", "次"),
        ("100%", ValueKind.QUANTITATIVE, None, "100", "%"),
        ("≤20万元", ValueKind.QUANTITATIVE, "≤", "20", "万元"),
        ("≥ 95 %", ValueKind.QUANTITATIVE, "≥", "95", "%"),
        ("=1份", ValueKind.QUANTITATIVE, "=", "1", "份"),
        ("每季度1次", ValueKind.FREQUENCY, None, "1", "次"),
        ("每月≥2次", ValueKind.FREQUENCY, "≥", "2", "次"),
        ("80%-100%", ValueKind.RANGE, None, "80", "%"),
        ("3-5天", ValueKind.RANGE, None, "3", "天"),
        ("显著", ValueKind.QUALITATIVE, None, None, ""),
        ("不适用", ValueKind.NOT_APPLICABLE, None, None, ""),
        ("", ValueKind.EMPTY, None, None, ""),
        ("按月安排", ValueKind.TEXT, None, None, ""),
        ("2026年第五季度内", ValueKind.TEXT, None, None, ""),
        ("100%%", ValueKind.TEXT, None, None, ""),
        ("≥3年", ValueKind.QUANTITATIVE, "≥", "3", "年"),
        ("2026年12月31日前", ValueKind.DEADLINE, None, None, ""),
        ("2026年第二季度内", ValueKind.DEADLINE, None, None, ""),
        ("12月底前", ValueKind.DEADLINE, None, None, ""),
    ],
)
def test_grammar(text: str, kind: ValueKind, operator: str | None, number: str | None, unit: str) -> None:
    parsed = parse_value(text, "", GRADES)
    assert parsed.kind == kind
    assert parsed.operator == operator
    assert parsed.number == (Decimal(number) if number else None)
    assert parsed.unit == unit


def test_deadline_parts() -> None:
    parsed = parse_value("2026年12月31日前", "", GRADES)
    assert parsed.deadline is not None
    assert (parsed.deadline.year, parsed.deadline.month, parsed.deadline.day) == (2026, 12, 31)
    quarter = parse_value("2026年第二季度内").deadline
    assert quarter is not None and quarter.quarter == 2


def test_unit_from_column_when_value_has_none() -> None:
    parsed = parse_value("≥4", "次", GRADES)
    assert parsed.value_unit == "" and parsed.unit == "次"


def test_every_seed_value_parses_to_the_expected_kind(seed_path: Path) -> None:
    doc = json.loads(seed_path.read_text(encoding="utf-8"))
    real = [i for i in doc["indicators"] if not i.get("not_applicable")]
    assert len(doc["indicators"]) - len(real) == 4
    kinds = [parse_value(i["value"], i.get("unit", ""), GRADES).kind for i in real]
    assert kinds.count(ValueKind.QUALITATIVE) == 7
    assert kinds.count(ValueKind.FREQUENCY) == 1
    assert kinds.count(ValueKind.QUANTITATIVE) == 21
    assert ValueKind.TEXT not in kinds


@pytest.mark.parametrize(
    ("typed", "stored"),
    [(">=95%", "≥95%"), ("＞＝９５％", "≥95%"), ("≧1次", "≥1次"), ("<=5天", "≤5天"), ("≦5天", "≤5天"),
     ("＞3", ">3"), ("＜3", "<3"), ("＝100％", "=100%"), ("１２．５", "12.5"), ("ＫＭ", "KM"), ("ａ", "a")],
)
def test_t01_normalisation(typed: str, stored: str) -> None:
    assert normalise_value_text(typed) == stored


def test_t01_changes_nothing_else() -> None:
    assert normalise_value_text("每季度１次，（含）") == "每季度1次，（含）"


@given(st.text())
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalise_value_text(text)
    assert normalise_value_text(once) == once


operators = st.sampled_from(["", "≥", "≤", ">", "<", "=", ">=", "<=", "＞＝"])
numbers = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)
units = st.sampled_from(["次", "人", "%", "万元", "元/人·月", "项", "份", "个月"])


@given(operators, numbers, units)
def test_composed_quantities_parse_back(op: str, number: Decimal, unit: str) -> None:
    text = compose_value(op, format(number, "f"), unit)
    parsed = parse_value(text, "", GRADES)
    assert parsed.kind == ValueKind.QUANTITATIVE
    assert parsed.number == number
    assert parsed.unit == unit
    assert parsed.operator == (normalise_value_text(op) or None)


@given(st.text(max_size=40))
def test_parser_never_crashes(text: str) -> None:
    parsed = parse_value(text, "", GRADES)
    assert parsed.kind in set(ValueKind)
