"""Measure layout cells with reportlab paragraphs (the same objects the PDF then draws).

Sizes are in points. Lines are broken by :mod:`desktop.documents.linebreak` (the layout
model's rules) and handed to reportlab as explicit lines, so its own Japanese-only wrapping never
decides. Every cell is set in the body size, except the cells of a row that would be taller than
:data:`SHRINK_ROW_FRACTION` of a page at that size: the whole row is then set in the profile's
minimum size (one size per row, never a lone small cell beside body-size neighbours).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from xml.sax.saxutils import escape

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


def paragraph_markup(lines: list[str]) -> str:
    return "<br/>".join(escape(line) for line in lines)


class PdfMeasurer:
    """Wraps every cell text into a cached Paragraph; implements paginate.Measurer."""

    def __init__(self, layout: FormLayout, font: PrintFont) -> None:
        self.layout = layout
        self.font = font
        self.columns = [w * MM for w in layout.page.columns_mm]
        self.body = layout.typography.body_pt
        self.small = layout.typography.min_pt
        self.min_row = self.body * LEADING + 2 * PAD_Y
        self._styles: dict[tuple[int, float], Any] = {}
        self._paragraphs: dict[tuple[str, int, int, Role, Align, bool], tuple[Any, float]] = {}
        self._char_widths: dict[float, dict[str, float]] = {}

    def width(self, cell: Cell) -> float:
        return sum(self.columns[cell.col : cell.col + cell.colspan])

    def style(self, align: Align, size: float) -> Any:
        from reportlab.lib.styles import ParagraphStyle

        key = (_ALIGN[align], size)
        if key not in self._styles:
            self._styles[key] = ParagraphStyle(
                f"cell-{key[0]}-{size}",
                fontName=self.font.name,
                fontSize=size,
                leading=size * LEADING,
                alignment=key[0],
                wordWrap="CJK",
            )
        return self._styles[key]

    def paragraph(self, cell: Cell) -> tuple[Any, float]:
        """The wrapped Paragraph of ``cell`` and its text height (without padding)."""
        key = (cell.text, cell.col, cell.colspan, cell.role, cell.align, cell.small)
        found = self._paragraphs.get(key)
        if found is None:
            found = self._wrap(cell, self.small if cell.small else self.body)
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

    def lines(self, cell: Cell, size: float) -> list[str]:
        """The lines ``cell`` prints in, by the layout model's rules."""
        if cell.role is Role.VERTICAL_LABEL:
            return cell.display_lines()
        avail = self.width(cell) - 2 * PAD_X
        if cell.role in _LABEL_ROLES:
            return label_lines(cell.text, avail, self.width_of(size))
        return wrap_lines(cell.text, avail, self.width_of(size))

    def _wrap(self, cell: Cell, size: float) -> tuple[Any, float]:
        from reportlab.platypus import Paragraph

        para = Paragraph(paragraph_markup(self.lines(cell, size)), self.style(cell.align, size))
        _, height = para.wrap(self.width(cell) - 2 * PAD_X, 1e9)
        return para, float(height)

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
        return max(self.min_row, self.paragraph(cell)[1] + 2 * PAD_Y)

    def row_height(self, row: Row) -> float:
        return max((self.cell_height(c) for c in row.cells if c.rowspan == 1), default=self.min_row)

    def split_row(self, row: Row, height: float) -> tuple[Row, Row] | None:
        """Cut every cell at the same height; the tail is marked ``（续）``."""
        for attempt in range(8):  # a shorter head may wrap at the larger size: retry lower
            avail = height - 2 * PAD_Y - attempt * self.body * LEADING
            if avail < self.body * LEADING:
                return None
            heads: list[Cell] = []
            tails: list[Cell] = []
            for cell in row.cells:
                head_text, tail_text = self._split_text(cell, avail)
                heads.append(replace(cell, text=head_text))
                tails.append(replace(cell, text=tail_text))
            head = replace(row, cells=tuple(heads))
            if not any(c.text for c in heads) or not any(c.text for c in tails):
                return None
            if self.row_height(head) <= height:
                return head, replace(row, cells=tuple(_mark(tails, row.title)))
        return None

    def _split_text(self, cell: Cell, avail: float) -> tuple[str, str]:
        from reportlab.platypus import Paragraph

        cached, text_height = self.paragraph(cell)
        if text_height <= avail:
            return cell.text, ""
        size = self.small if cell.small else self.body
        # split a copy, keep the cache intact
        para = Paragraph(paragraph_markup(self.lines(cell, size)), cached.style)
        parts = para.split(self.width(cell) - 2 * PAD_X, avail)
        if len(parts) < 2:
            return "", cell.text
        shown = sum(1 for ch in parts[0].getPlainText() if not ch.isspace())
        position = 0
        for position, ch in enumerate(cell.text):  # noqa: B007 - position is used below
            if shown == 0:
                break
            if not ch.isspace():
                shown -= 1
        else:
            position = len(cell.text)
        return cell.text[:position].rstrip(), cell.text[position:].lstrip()


def _shrunk(cell: Cell) -> Cell:
    return cell if cell.role in _FIXED_ROLES or cell.rowspan > 1 else replace(cell, small=True)


def _mark(cells: list[Cell], title: str) -> list[Cell]:
    """Mark the leftmost cell of a continued row: ``（续）text`` or ``title（续）``."""
    first = min(range(len(cells)), key=lambda i: cells[i].col)
    cell = cells[first]
    text = f"{CONTINUED}{cell.text}" if cell.text else f"{title}{CONTINUED}"
    cells[first] = replace(cell, text=text)
    return cells
