"""Tab-separated text as Excel and WPS put it on the clipboard, both ways.

Excel and WPS put a cell in double quotes when it holds a line break, a tab or a quote, and
double the quotes inside (``"a""b"`` for ``a"b``); an unquoted cell is taken literally. Rows
end in CRLF, and a copied block ends with one.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.domain.textclean import clean_text


def parse_tsv(text: str) -> list[list[str]]:
    """Split clipboard text into rows of cells, honouring the spreadsheet quoting.

    Line breaks (CRLF, CR or LF) become ``\\n``; rows whose cells are all blank are dropped,
    which also covers the trailing line break of a copied block.
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
            # A quoted cell runs to the next lone quote; "" inside stands for one quote.
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
    # Pasted text is entered text: the invisible characters Word and web pages carry go (T01).
    cleaned = [[clean_text(c) for c in r] for r in rows]
    return [r for r in cleaned if any(c.strip() for c in r)]


def quote_cell(cell: str) -> str:
    """One cell as spreadsheets write it: quoted only when it holds a tab, line break or quote."""
    if any(ch in cell for ch in '\t\r\n"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def format_tsv(rows: Iterable[Iterable[str]]) -> str:
    """The inverse of :func:`parse_tsv`: CRLF after every row, as Excel copies a block."""
    lines = ["\t".join(quote_cell(c) for c in row) for row in rows]
    return "\r\n".join(lines) + "\r\n" if lines else ""
