"""A whole form pasted from Excel, WPS or Word: the clipboard's HTML table, else its TSV text.

Both office suites put an HTML table on the clipboard with the merged cells as rowspan/colspan,
so the paste reads exactly like an HTML-as-xls file; plain text (tab-separated, no merges) is the
fallback. The same reader as a file import places the blocks (docs/form-import.md).
"""

from __future__ import annotations

from desktop.documents.formread.grid import Grid, grid_from_text_rows
from desktop.documents.formread.result import FormReadError, FormReadResult

CLIPBOARD_NAME = "剪贴板"


def clipboard_grid(html: str | None, text: str | None) -> Grid:
    """The pasted cells; raises :class:`FormReadError` when the clipboard holds no table."""
    if html and "<table" in html.lower():
        from desktop.documents.formread.sources.html import html_grid

        return html_grid(html, CLIPBOARD_NAME)
    if text and text.strip():
        from desktop.domain.tsv import parse_tsv

        rows = parse_tsv(text)
        places = [f"第{n}行" for n in range(1, len(rows) + 1)]
        return grid_from_text_rows(CLIPBOARD_NAME, rows, places)
    raise FormReadError("剪贴板中没有表格：请在 Excel、WPS 或 Word 中选中整张申报表并复制，再粘贴")


def read_pasted_form(html: str | None, text: str | None, profile_id: str) -> FormReadResult:
    """The declaration in a pasted form, read with ``profile_id``'s labels."""
    from desktop.documents.formread import read_form

    return read_form([clipboard_grid(html, text)], profile_id)
