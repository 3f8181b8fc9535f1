"""The one gate (desktop/domain/validate.py), strict dates and invisible characters (issue 10)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from desktop.domain.dates import DateTextError, parse_date_text
from desktop.domain.model import Declaration, Indicator
from desktop.domain.textclean import clean_text
from desktop.domain.validate import problems
from desktop.exchange.errors import ExchangeError
from desktop.exchange.reader import declaration_from_dict, read_json_file
from desktop.exchange.writer import declaration_to_dict


@pytest.fixture
def seed(seed_path: Path) -> Declaration:
    return read_json_file(seed_path).declaration


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2026-01-05", "2026-01-05"),
        ("2026-1-5", "2026-01-05"),
        ("2026/1/5", "2026-01-05"),
        ("2026.1.5", "2026-01-05"),
        ("2026年1月5日", "2026-01-05"),
        (" 2026年12月31日 ", "2026-12-31"),
        ("２０２６－１－５", "2026-01-05"),
        ("1999-12-31", "1999-12-31"),
        ("", ""),
    ],
)
def test_dates_people_type_are_stored_normalised(typed: str, stored: str) -> None:
    assert parse_date_text(typed) == stored


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("2026-02-30", "2 月没有 30 日"),
        ("2025-11-31", "11 月没有 31 日"),
        ("2026-13-01", "月份应在 1 至 12 之间"),
        ("1899-01-01", "1900 至 2099"),
        ("0226-01-05", "1900 至 2099"),
        ("20260105", "无法识别"),
        ("2026-W01-1", "无法识别"),
        ("明天", "无法识别"),
    ],
)
def test_impossible_dates_are_refused_with_a_reason(typed: str, said: str) -> None:
    with pytest.raises(DateTextError, match=said):
        parse_date_text(typed)


def test_a_valid_declaration_passes(seed: Declaration) -> None:
    assert problems(seed) == []


def test_an_impossible_date_fails_the_gate(seed: Declaration) -> None:
    seed.footer.date = "2026-02-30"
    assert [p.path for p in problems(seed)] == ["footer.date"]
    seed.footer.date = "2026-1-5"  # must be stored normalised
    assert "2026-01-05" in problems(seed)[0].message


def test_a_not_applicable_row_beside_real_rows_fails_the_gate(seed: Declaration) -> None:
    category = next(c for c in seed.categories if len(c.indicators) >= 2)
    category.indicators.append(Indicator(name="不适用", value="不适用"))
    found = problems(seed)
    assert len(found) == 1 and "S10" in found[0].message
    assert found[0].path.startswith("indicators[")


def test_what_passes_the_gate_reads_back_equal(seed: Declaration) -> None:
    """The invariant the gate stands for: its writer output is read back by the reader."""
    from desktop.exchange.canonical import content_key

    copy_ = copy.deepcopy(seed)
    copy_.footer.date = "2026-01-05"
    assert problems(copy_) == []
    back = declaration_from_dict(declaration_to_dict(copy_)).declaration
    assert content_key(back) == content_key(copy_)


def test_the_reader_uses_the_gate_for_dates(seed: Declaration) -> None:
    doc = declaration_to_dict(seed)
    doc["footer"]["date"] = "2025-11-31"
    with pytest.raises(ExchangeError) as caught:
        declaration_from_dict(doc)
    assert caught.value.path == "footer.date" and "11 月没有 31 日" in caught.value.message


def test_invisible_characters_are_removed_and_said_once_on_import(seed: Declaration) -> None:
    doc = declaration_to_dict(seed)
    doc["unit_name"] = "\ufeff深圳市\u200b福田区"
    doc["goals"][0] = "目标\u2028第二行\ufffe"
    doc["tasks"][0]["content"] = "一\u000b二"
    result = declaration_from_dict(doc)
    assert result.declaration.unit_name == "深圳市福田区"
    assert result.declaration.goals[0] == "目标\n第二行"
    assert result.declaration.tasks[0].content == "一\n二"
    notices = [w for w in result.warnings if "不可见字符" in w]
    assert len(notices) == 1


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("a\u200bb", "ab"),
        ("\ufeffab", "ab"),
        ("a\ufffeb\uffff", "ab"),
        ("a\u000bb", "a\nb"),
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("a\u00adb\u2060c", "abc"),
        ("a\tb", "a\tb"),
        ("第一行\n第二行", "第一行\n第二行"),
        ("≥95%", "≥95%"),
    ],
)
def test_clean_text(text: str, cleaned: str) -> None:
    assert clean_text(text) == cleaned
