"""Rows copied from Excel/WPS (tab-separated, quoted multi-line cells) to indicators and back."""

from __future__ import annotations

from desktop.domain.model import Indicator
from desktop.domain.tsv import format_tsv, parse_tsv
from desktop.domain.values import normalise_value_text


def indicators_from_tsv(text: str) -> list[Indicator]:
    """Indicators from rows of (三级指标, 指标值, 度量单位, 指标解释); missing cells stay empty."""
    result: list[Indicator] = []
    for cells in parse_tsv(text):
        cells = [c.strip() for c in cells] + [""] * 4
        result.append(
            Indicator(
                name=cells[0],
                value=normalise_value_text(cells[1]),
                unit=normalise_value_text(cells[2]),
                explanation=cells[3],
            )
        )
    return result


def indicators_to_tsv(indicators: list[Indicator]) -> str:
    """The inverse of :func:`indicators_from_tsv`, as spreadsheets paste it."""
    return format_tsv((i.name, i.value, i.unit, i.explanation) for i in indicators)
