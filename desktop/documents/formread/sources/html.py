"""Grids from web pages: the tables web systems save as ``.xls``, read with html.parser.

All tables of the page, and the text lines between them (a title above the table, a signature
line below it), become one grid in reading order, so a form split over several tables reads
as one. ``rowspan``/``colspan`` become merged ranges; ``<br>`` and paragraphs become line breaks.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from desktop.documents.formread.grid import Grid, Span
from desktop.documents.formread.sources.detect import UnreadableFileError, decode_text
from desktop.documents.xlsx.cells import CellValue
from desktop.documents.xlsx.schema import MAX_COLUMNS, MAX_ROWS

_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "caption", "title"})
_SKIP = frozenset({"style", "script", "head"})
#: rowspan/colspan beyond this are cut: no form merges more, and each spanned cell costs memory
_MAX_SPAN = MAX_COLUMNS


class _Table:
    def __init__(self, number: int) -> None:
        self.number = number
        self.rows: list[dict[int, str]] = []
        self.spans: list[Span] = []
        self.taken: set[tuple[int, int]] = set()
        self.row = -1
        self.col = 0

    def start_row(self) -> None:
        self.row += 1
        self.rows.append({})
        self.col = 0

    def start_cell(self, colspan: int, rowspan: int) -> tuple[int, int]:
        if self.row < 0:
            self.start_row()
        while (self.row, self.col) in self.taken:
            self.col += 1
        origin = (self.row, self.col)
        for r in range(self.row, self.row + rowspan):
            for c in range(self.col, self.col + colspan):
                self.taken.add((r, c))
        if colspan > 1 or rowspan > 1:
            self.spans.append(Span(self.row, self.col, self.row + rowspan - 1, self.col + colspan - 1))
        self.col += colspan
        return origin


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        #: Output in reading order: a text line, or a finished table.
        self.items: list[str | _Table] = []
        self.tables: list[_Table] = []
        self.cell: list[str] | None = None
        self.cell_at: tuple[int, int] = (0, 0)
        self.line: list[str] = []
        self.skip = 0

    def _span(self, attrs: list[tuple[str, str | None]], name: str) -> int:
        for key, value in attrs:
            if key == name and value:
                try:
                    return max(1, min(int(value.strip()), _MAX_SPAN))
                except ValueError:
                    return 1
        return 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            self._flush_line()
            self.tables.append(_Table(sum(1 for i in self.items if isinstance(i, _Table)) + len(self.tables) + 1))
        elif tag == "tr" and self.tables:
            self._end_cell()
            self.tables[-1].start_row()
        elif tag in ("td", "th") and self.tables:
            self._end_cell()
            self.cell_at = self.tables[-1].start_cell(self._span(attrs, "colspan"), self._span(attrs, "rowspan"))
            self.cell = []
        elif tag == "br":
            self._text("\n")
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "table" and self.tables:
            self._end_cell()
            table = self.tables.pop()
            if self.tables:  # a nested table: its text joins the outer cell
                return
            self.items.append(table)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self._text(" ".join(data.split("\n")) if self.cell is None else data.replace("\r", "").replace("\n", " "))

    def _text(self, text: str) -> None:
        if self.cell is not None:
            self.cell.append(text)
        elif not self.tables:
            self.line.append(text)

    def _break(self) -> None:
        if self.cell is not None:
            if self.cell and not "".join(self.cell).endswith("\n"):
                self.cell.append("\n")
        elif not self.tables:
            self._flush_line()

    def _end_cell(self) -> None:
        if self.cell is not None and self.tables:
            text = "\n".join(line.strip() for line in "".join(self.cell).replace("\xa0", " ").split("\n")).strip()
            row, col = self.cell_at
            self.tables[-1].rows[row][col] = text
        self.cell = None

    def _flush_line(self) -> None:
        text = " ".join("".join(self.line).replace("\xa0", " ").split())
        if text:
            self.items.append(text)
        self.line = []

    def finish(self) -> None:
        self._flush_line()
        while self.tables:
            self.items.append(self.tables.pop(0))


def html_grid(text: str, name: str = "网页表格") -> Grid:
    """One grid of the page's tables and the text lines around them."""
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    parser.finish()
    rows: list[list[CellValue]] = []
    places: list[str] = []
    spans: list[Span] = []
    table_number = 0
    for item in parser.items:
        if isinstance(item, str):
            rows.append([item])
            places.append(f"表格外文字“{item[:12]}”")
            continue
        table_number += 1
        offset = len(rows)
        width = min(max((max(r) + 1 for r in item.rows if r), default=0), MAX_COLUMNS)
        for index, cells in enumerate(item.rows):
            rows.append([(cells.get(col) or None) for col in range(width)])
            places.append(f"表格{table_number} 第{index + 1}行")
        for span in item.spans:
            spans.append(Span(span.top + offset, span.left, min(span.bottom, len(item.rows) - 1) + offset, min(span.right, width - 1)))
        if len(rows) > MAX_ROWS:
            raise UnreadableFileError(f"网页表格超过 {MAX_ROWS} 行，不能导入")
    return Grid(name, rows, spans, places)


def html_grids(path: Path) -> list[Grid]:
    text = decode_text(path.read_bytes())
    if text is None:
        raise UnreadableFileError("网页格式的表格无法解码（不是 UTF-8 或 GB18030 编码），不能导入；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入")
    return [html_grid(text)]
