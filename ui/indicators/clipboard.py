"""Rows copied from Excel/WPS (tab-separated, quoted multi-line cells) to indicators and back."""

from __future__ import annotations

from desktop.domain.model import Indicator
from desktop.domain.values import normalise_value_text


def parse_tsv(text: str) -> list[list[str]]:
    """Split spreadsheet clipboard text into rows of cells.

    Excel and WPS quote a cell that holds a line break, tab or quote (``"a""b"`` for ``a"b``);
    an unquoted cell is taken literally.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_cell_start = True
    while i < n:
        ch = text[i]
        if at_cell_start and ch == '"':
            # Quoted cell: read to the closing quote, "" is a literal quote.
            i += 1
            while i < n:
                if text[i] == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        cell.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                cell.append(text[i])
                i += 1
            at_cell_start = False
            continue
        if ch == "\t":
            row.append("".join(cell))
            cell, at_cell_start = [], True
        elif ch == "\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_cell_start = [], [], True
        else:
            cell.append(ch)
            at_cell_start = False
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return [r for r in rows if any(c.strip() for c in r)]


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


def _quote(cell: str) -> str:
    if any(ch in cell for ch in '\t\n"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def indicators_to_tsv(indicators: list[Indicator]) -> str:
    """The inverse of :func:`indicators_from_tsv`, as spreadsheets paste it."""
    lines = [
        "\t".join(_quote(c) for c in (i.name, i.value, i.unit, i.explanation)) for i in indicators
    ]
    return "\r\n".join(lines) + "\r\n" if lines else ""
