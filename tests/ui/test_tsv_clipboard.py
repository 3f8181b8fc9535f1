"""Rows pasted from Excel/WPS become indicators; copied rows paste back the same."""

from __future__ import annotations

from desktop.domain.model import Indicator
from ui.indicators.clipboard import indicators_from_tsv, indicators_to_tsv


def test_rows_become_indicators_with_t01_normalisation() -> None:
    text = '培训人数\t>=２０\t人\t反映培训人数\r\n合格率\t１００％\t\t"考察\n合格情况"\r\n'
    rows = indicators_from_tsv(text)
    assert [(i.name, i.value, i.unit) for i in rows] == [
        ("培训人数", "≥20", "人"),
        ("合格率", "100%", ""),
    ]
    assert rows[1].explanation == "考察\n合格情况"


def test_blank_lines_are_skipped_and_short_rows_padded() -> None:
    assert [i.name for i in indicators_from_tsv("\n名称一\n\t\n名称二\t5次\n")] == [
        "名称一",
        "名称二",
    ]


def test_round_trip() -> None:
    rows = [Indicator("名称", "≥4次", "", '含"引号"\n和换行'), Indicator("b", "显著", "", "x\ty")]
    again = indicators_from_tsv(indicators_to_tsv(rows))
    assert [(i.name, i.value, i.explanation) for i in again] == [
        (i.name, i.value, i.explanation) for i in rows
    ]
