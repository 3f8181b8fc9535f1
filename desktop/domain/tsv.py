"""Tab-separated text as Excel and WPS put it on the clipboard, both ways, with :mod:`csv`.

Excel and WPS put a cell in double quotes when it holds a line break, a tab or a quote, and
double the quotes inside (``"a""b"`` for ``a"b``); an unquoted cell is taken literally, quotes
included. Rows end in CRLF, and a copied block ends with one. That is the ``excel-tab`` dialect
of :mod:`csv`, read leniently (a quote inside an unquoted cell stays a quote).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from desktop.domain.textclean import clean_text


def parse_tsv(text: str) -> list[list[str]]:
    """Split clipboard text into rows of cells, honouring the spreadsheet quoting.

    Line breaks (CRLF, CR or LF) become ``\\n``; rows whose cells are all blank are dropped,
    which also covers the trailing line break of a copied block.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = csv.reader(io.StringIO(text, newline=""), dialect="excel-tab", strict=False)
    # Pasted text is entered text: the invisible characters Word and web pages carry go (T01).
    cleaned = [[clean_text(cell) for cell in row] for row in reader]
    return [row for row in cleaned if any(cell.strip() for cell in row)]


def format_tsv(rows: Iterable[Iterable[str]]) -> str:
    """The inverse of :func:`parse_tsv`: CRLF after every row, as Excel copies a block."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel-tab", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return buffer.getvalue()
