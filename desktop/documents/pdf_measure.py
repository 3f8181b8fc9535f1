"""Measure layout cells with reportlab paragraphs (the same objects the PDF then draws).

Sizes are in points. Lines are broken by :mod:`desktop.documents.linebreak` (the layout
model's rules) and handed to reportlab as explicit lines, so its own Japanese-only wrapping never
decides. A cell's height is its line count times the leading, so measuring never builds a
reportlab paragraph; one is built only for a cell that is drawn. A text is wrapped once: a row
taller than a page is split between its wrapped lines, and the continuation keeps the remaining
lines (so a 100,000-character text costs time linear in its length, not in length × pages). Every cell is set in the body size, except the cells of a row that would be taller than
:data:`SHRINK_ROW_FRACTION` of a page at that size: the whole row is then set in the profile's
minimum size (one size per row, never a lone small cell beside body-size neighbours).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape as _html_escape
from typing import Any

from desktop.documents.fonts import PrintFont
from desktop.documents.layout import Align, Cell, FormLayout, Role, Row
from desktop.documents.linebreak import WidthOf, label_lines, wrap_lines
from desktop.documents.paginate import CONTINUED

MM = 72.0 / 25.4
PAD_X = 3.0
PAD_Y = 3.0
LEADING = 1.3
#: A row taller than this share of a page's table height at the body size is set smaller.
SHRINK_ROW_FRACTION = 1 / 3
_ALIGN = {Align.LEFT: 0, Align.CENTER: 1, Align.RIGHT: 2}
_LABEL_ROLES = frozenset({Role.LABEL, Role.HEADER, Role.GROUP_LABEL})
_FIXED_ROLES = _LABEL_ROLES | {Role.VERTICAL_LABEL}  # printed wording: never shrinks


_LinesKey = tuple[str, int, int, Role, float, int]


@dataclass(frozen=True)
class _Cut:
    """A cell's text cut between wrapped lines (the lines only when it was really cut)."""

    head: str
    tail: str
    head_lines: list[str] | None = None
    tail_lines: list[str] | None = None


def drawn_line_count(lines: list[str]) -> int:
    """Lines reportlab sets for explicit ``lines``: a last empty line (a text ending in a line
    break) takes no room."""
    return len(lines) - 1 if lines and not lines[-1] else len(lines)


def paragraph_markup(lines: list[str]) -> str:
    return "<br/>".join(escape(line) for line in lines)


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities for reportlab's paragraph markup (what
    ``xml.sax.saxutils.escape`` does; that module imports urllib.request, http and ssl, about
    30 ms of every printing process)."""
    return _html_escape(text, quote=False)


class PdfMeasurer:
    """Wraps every cell text into a cached Paragraph; implements paginate.Measurer."""

    def __init__(self, layout: FormLayout, font: PrintFont) -> None:
        self.layout = layout
        self.font = font
        self.columns = [w * MM for w in layout.page.columns_mm]
        self.body = layout.typography.body_pt
        self.small = layout.typography.min_pt
        self.min_row = self.body * LEADING + 2 * PAD_Y
        self._styles: dict[tuple[int, float, int], Any] = {}
        self._paragraphs: dict[tuple[str, int, int, Role, Align, bool, int], tuple[Any, float]] = {}
        self._char_widths: dict[float, dict[str, float]] = {}
        self._lines: dict[_LinesKey, list[str]] = {}
        #: Keys of continuation texts, whose lines are dropped once they are split again (a
        #: 100,000-character text would otherwise keep every page's remainder in memory).
        self._continuations: set[_LinesKey] = set()

    def width(self, cell: Cell) -> float:
        return sum(self.columns[cell.col : cell.col + cell.colspan])

    def style(self, align: Align, size: float, indent: int = 0) -> Any:
        from reportlab.lib.styles import ParagraphStyle

        key = (_ALIGN[align], size, indent)
        if key not in self._styles:
            self._styles[key] = ParagraphStyle(
                f"cell-{key[0]}-{size}-{indent}",
                leftIndent=indent * size,
                fontName=self.font.name,
                fontSize=size,
                leading=size * LEADING,
                alignment=key[0],
                wordWrap="CJK",
            )
        return self._styles[key]

    def size(self, cell: Cell) -> float:
        return self.small if cell.small else self.body

    def paragraph(self, cell: Cell) -> tuple[Any, float]:
        """The wrapped Paragraph of ``cell`` (built for drawing) and its text height."""
        key = (cell.text, cell.col, cell.colspan, cell.role, cell.align, cell.small, cell.indent)
        found = self._paragraphs.get(key)
        if found is None:
            found = self._wrap(cell, self.size(cell))
            self._paragraphs[key] = found
        return found

    def width_of(self, size: float) -> WidthOf:
        """Printed width of a text at ``size``, from the font's advance widths (cached)."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        widths = self._char_widths.setdefault(size, {})
        name = self.font.name

        def measure(text: str) -> float:
            total = 0.0
            for ch in text:
                width = widths.get(ch)
                if width is None:
                    width = widths[ch] = stringWidth(ch, name, size)
                total += width
            return total

        return measure

    def _lines_key(self, cell: Cell, size: float) -> _LinesKey:
        return (cell.text, cell.col, cell.colspan, cell.role, size, cell.indent)

    def lines(self, cell: Cell, size: float) -> list[str]:
        """The lines ``cell`` prints in, by the layout model's rules (wrapped once, cached)."""
        if cell.role is Role.VERTICAL_LABEL:
            return cell.display_lines()
        key = self._lines_key(cell, size)
        found = self._lines.get(key)
        if found is None:
            avail = self.width(cell) - 2 * PAD_X - cell.indent * size
            if cell.role in _LABEL_ROLES:
                found = label_lines(cell.text, avail, self.width_of(size))
            else:
                found = wrap_lines(cell.text, avail, self.width_of(size))
            self._lines[key] = found
        return found

    def text_height(self, cell: Cell) -> float:
        """Height of the cell's lines; reportlab sets explicit lines at exactly the leading."""
        size = self.size(cell)
        return drawn_line_count(self.lines(cell, size)) * size * LEADING

    def _wrap(self, cell: Cell, size: float) -> tuple[Any, float]:
        from reportlab.platypus import Paragraph

        para = Paragraph(paragraph_markup(self.lines(cell, size)), self.style(cell.align, size, cell.indent))
        para.wrap(self.width(cell) - 2 * PAD_X, 1e9)
        return para, self.text_height(cell)

    def shrink_tall_rows(self, layout: FormLayout, page_height: float) -> FormLayout:
        """``layout`` with every row taller than the shrink limit set in the minimum size."""
        limit = page_height * SHRINK_ROW_FRACTION
        blocks = []
        for block in layout.blocks:
            rows = []
            for row in block.rows:
                if self.small < self.body and self.row_height(row) > limit:
                    row = replace(row, cells=tuple(_shrunk(c) for c in row.cells))
                rows.append(row)
            blocks.append(replace(block, rows=tuple(rows)))
        return replace(layout, blocks=tuple(blocks))

    # -- paginate.Measurer -------------------------------------------------------------------
    def cell_height(self, cell: Cell) -> float:
        if not cell.text:
            return self.min_row
        return max(self.min_row, self.text_height(cell) + 2 * PAD_Y)

    def row_height(self, row: Row) -> float:
        return max((self.cell_height(c) for c in row.cells if c.rowspan == 1), default=self.min_row)

    def split_row(self, row: Row, height: float) -> tuple[Row, Row] | None:
        """Cut every cell at the same height; the tail is marked ``（续）``."""
        for attempt in range(8):  # a cell that is not cut between lines may be taller: retry
            avail = height - 2 * PAD_Y - attempt * self.body * LEADING
            if avail < self.body * LEADING:
                return None
            cuts = [self._split_text(cell, avail) for cell in row.cells]
            heads = [replace(cell, text=cut.head) for cell, cut in zip(row.cells, cuts)]
            tails = [replace(cell, text=cut.tail) for cell, cut in zip(row.cells, cuts)]
            if not any(c.text for c in heads) or not any(c.text for c in tails):
                return None
            for cell, head, cut in zip(row.cells, heads, cuts):
                if cut.head_lines is not None:
                    self._forget_continuation(cell)
                    self._remember(head, cut.head_lines, continuation=False)
            head_row = replace(row, cells=tuple(heads))
            if self.row_height(head_row) <= height:
                marked = _mark(tails, row.title)
                for before, after, cut in zip(tails, marked, cuts):
                    if cut.tail_lines is not None:
                        rest = cut.tail_lines
                        if after.text != before.text:  # the continuation mark
                            rest = self._with_mark(after, rest)
                        self._remember(after, rest)
                return head_row, replace(row, cells=tuple(marked))
        return None

    def _split_text(self, cell: Cell, avail: float) -> _Cut:
        """Cut ``cell`` between its wrapped lines so the head is at most ``avail`` tall."""
        if cell.role is Role.VERTICAL_LABEL or not cell.text:
            return _Cut(cell.text, "")
        size = self.size(cell)
        lines = self.lines(cell, size)
        fits = int((avail + 0.01) // (size * LEADING))
        if fits >= drawn_line_count(lines):
            return _Cut(cell.text, "")
        if fits <= 0:
            return _Cut("", cell.text)
        head_lines = lines[:fits]
        # Lines keep every non-space character in order: count them off the head lines.
        shown = sum(1 for line in head_lines for ch in line if not ch.isspace())
        position = 0
        for position, ch in enumerate(cell.text):  # noqa: B007 - position is used below
            if shown == 0:
                break
            if not ch.isspace():
                shown -= 1
        else:
            position = len(cell.text)
        return _Cut(
            cell.text[:position].rstrip(), cell.text[position:].lstrip(), head_lines, lines[fits:]
        )

    def _forget_continuation(self, cell: Cell) -> None:
        """A continuation is split once: drop its lines (its remainder is remembered instead)."""
        key = self._lines_key(cell, self.size(cell))
        if key in self._continuations:
            self._continuations.discard(key)
            self._lines.pop(key, None)

    def _with_mark(self, cell: Cell, rest: list[str]) -> list[str]:
        """The remaining lines with ``（续）`` before the first (which is re-wrapped alone)."""
        if cell.role in _LABEL_ROLES or not rest:
            return rest
        size = self.size(cell)
        avail = self.width(cell) - 2 * PAD_X
        return [*wrap_lines(CONTINUED + rest[0], avail, self.width_of(size)), *rest[1:]]

    def _remember(self, cell: Cell, lines: list[str], *, continuation: bool = True) -> None:
        if cell.role in _LABEL_ROLES or cell.role is Role.VERTICAL_LABEL or not cell.text:
            return
        key = self._lines_key(cell, self.size(cell))
        self._lines[key] = lines
        if continuation:
            self._continuations.add(key)


def _shrunk(cell: Cell) -> Cell:
    return cell if cell.role in _FIXED_ROLES or cell.rowspan > 1 else replace(cell, small=True)


def _mark(cells: list[Cell], title: str) -> list[Cell]:
    """Mark the leftmost cell of a continued row: ``（续）text`` or ``title（续）``."""
    cells = list(cells)
    first = min(range(len(cells)), key=lambda i: cells[i].col)
    cell = cells[first]
    text = f"{CONTINUED}{cell.text}" if cell.text else f"{title}{CONTINUED}"
    cells[first] = replace(cell, text=text)
    return cells
