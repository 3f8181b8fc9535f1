"""Measure layout cells with reportlab paragraphs (the same objects the PDF then draws).

Sizes are in points. Long text cells shrink from the body size to the profile's minimum size
when they would wrap to more than :data:`SHRINK_AFTER_LINES` lines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any
from xml.sax.saxutils import escape

from desktop.documents.fonts import PrintFont
from desktop.documents.layout import Align, Cell, FormLayout, Role, Row
from desktop.documents.paginate import CONTINUED

MM = 72.0 / 25.4
PAD_X = 3.0
PAD_Y = 3.0
LEADING = 1.3
SHRINK_AFTER_LINES = 5
_ALIGN = {Align.LEFT: 0, Align.CENTER: 1, Align.RIGHT: 2}


#: Chinese punctuation that must not start a line (GB/T 15834 practice). reportlab's CJK wrapping
#: knows only the Japanese set (、。）), so ，；：”… would open lines; they hang at the line end.
CANNOT_START = "，；：！？”’》〉」』】％‰…—·"


def _enable_chinese_line_rules() -> None:
    from reportlab.platypus import paragraph

    missing = "".join(c for c in CANNOT_START if c not in paragraph.ALL_CANNOT_START)
    if missing:
        paragraph.ALL_CANNOT_START += missing


_BALANCED_ROLES = frozenset({Role.LABEL, Role.HEADER, Role.GROUP_LABEL})


def paragraph_markup(cell: Cell, lines: list[str] | None = None) -> str:
    return "<br/>".join(escape(line) for line in (lines or cell.display_lines()))


def balanced_lines(text: str, avail: float, width_of: Callable[[str], float]) -> list[str]:
    """Break a short label into even lines (一级/指标, not 一级指/标) when it does not fit."""
    if "\n" in text or width_of(text) <= avail:
        return [text]
    for count in range(2, len(text) + 1):
        size = -(-len(text) // count)
        chunks = [text[i : i + size] for i in range(0, len(text), size)]
        if all(width_of(chunk) <= avail for chunk in chunks):
            return chunks
    return list(text)


class PdfMeasurer:
    """Wraps every cell text into a cached Paragraph; implements paginate.Measurer."""

    def __init__(self, layout: FormLayout, font: PrintFont) -> None:
        _enable_chinese_line_rules()
        self.layout = layout
        self.font = font
        self.columns = [w * MM for w in layout.page.columns_mm]
        self.body = layout.typography.body_pt
        self.small = layout.typography.min_pt
        self.min_row = self.body * LEADING + 2 * PAD_Y
        self._styles: dict[tuple[int, float], Any] = {}
        self._paragraphs: dict[tuple[str, int, int, Role, Align], tuple[Any, float]] = {}

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
        key = (cell.text, cell.col, cell.colspan, cell.role, cell.align)
        found = self._paragraphs.get(key)
        if found is None:
            found = self._wrap(cell, self.body)
            if cell.role is Role.TEXT and found[1] > SHRINK_AFTER_LINES * self.body * LEADING + 0.1:
                found = self._wrap(cell, self.small)
            self._paragraphs[key] = found
        return found

    def _wrap(self, cell: Cell, size: float) -> tuple[Any, float]:
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.platypus import Paragraph

        lines = None
        if cell.role in _BALANCED_ROLES:
            avail = self.width(cell) - 2 * PAD_X
            lines = balanced_lines(cell.text, avail, lambda t: stringWidth(t, self.font.name, size))
        para = Paragraph(paragraph_markup(cell, lines), self.style(cell.align, size))
        _, height = para.wrap(self.width(cell) - 2 * PAD_X, 1e9)
        return para, float(height)

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
        para = Paragraph(
            paragraph_markup(cell), cached.style
        )  # split a copy, keep the cache intact
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


def _mark(cells: list[Cell], title: str) -> list[Cell]:
    """Mark the leftmost cell of a continued row: ``（续）text`` or ``title（续）``."""
    first = min(range(len(cells)), key=lambda i: cells[i].col)
    cell = cells[first]
    text = f"{CONTINUED}{cell.text}" if cell.text else f"{title}{CONTINUED}"
    cells[first] = replace(cell, text=text)
    return cells
