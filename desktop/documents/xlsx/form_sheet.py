"""The sheet 申报表: the printed form drawn from the layout model, for people (never read back).

Same merges as the PDF (desktop.documents.form_layout), thin borders, wrapped text, 宋体, amounts
as numeric cells, column widths from the profile's geometry and row heights estimated so every
line shows; A4, fitted to the page width, the indicator column header repeated on every page.
"""

from __future__ import annotations

from typing import Any

from desktop.documents.layout import (
    Align,
    BlockKind,
    Cell,
    FormLayout,
    Role,
    RowKind,
    VAlign,
)
from desktop.documents.linebreak import label_lines, wrap_lines
from desktop.documents.options import Orientation, PrintOptions
from desktop.documents.printed_form import build_layout
from desktop.documents.xlsx.styling import StyleBook, put_amount, put_text
from desktop.domain.model import Declaration
from desktop.domain.profile import Profile

PT_MM = 25.4 / 72.0
#: Excel's column unit is the width of "0" in the default font (7 px at 96 dpi, plus 5 px padding).
_PX_PER_MM = 96.0 / 25.4
_CELL_PAD_MM = 2.5
#: Line pitch in ems: Noto CJK and the bundled Song font need 1.44 (Excel's SimSun 1.29).
_LINE_FACTOR = 1.45
_ROW_PAD_PT = 4.0
_MIN_ROW_PT = 18.0
_HALIGN = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right"}
_VALIGN = {VAlign.TOP: "top", VAlign.MIDDLE: "center"}
_LABEL_ROLES = frozenset({Role.LABEL, Role.HEADER, Role.GROUP_LABEL})


def excel_width(mm: float) -> float:
    return max(1.0, (mm * _PX_PER_MM - 5.0) / 7.0)


def char_em(ch: str) -> float:
    """Width of ``ch`` in ems, erring wide: 宋体 and the Song fallbacks print every non-ASCII
    character (CJK, “”, ≥) one em; Latin is proportional (% and W nearly one em)."""
    if not ch.isascii():
        return 1.0
    if ch in "%@MWmw":
        return 0.95
    return 0.72 if ch.isupper() else 0.56


def text_mm(text: str, size_pt: float) -> float:
    """Printed width of ``text`` at ``size_pt``."""
    return sum(char_em(ch) for ch in text) * size_pt * PT_MM


def _avail_mm(width_mm: float, size_pt: float) -> float:
    return max(width_mm - _CELL_PAD_MM, size_pt * PT_MM)


def cell_lines(cell: Cell, width_mm: float, size_pt: float) -> list[str]:
    """The lines ``cell`` takes, by the layout model's rules with 宋体's em widths."""
    if cell.role is Role.VERTICAL_LABEL:
        return cell.display_lines()
    avail = _avail_mm(width_mm, size_pt)
    if cell.role in _LABEL_ROLES:
        return label_lines(cell.text, avail, lambda text: text_mm(text, size_pt))
    return wrap_lines(cell.text, avail, lambda text: text_mm(text, size_pt))


def _cell_text(cell: Cell, width_mm: float, size_pt: float) -> str:
    """Labels carry their line breaks (as on paper); running text is left to the wrapping."""
    if cell.role is Role.VERTICAL_LABEL or cell.role in _LABEL_ROLES:
        return "\n".join(cell_lines(cell, width_mm, size_pt))
    return cell.text


def write_form_sheet(
    ws: Any,
    book: StyleBook,
    declaration: Declaration,
    profile: Profile,
    options: PrintOptions,
    *,
    footer: str,
) -> None:
    layout = build_layout(declaration, profile, options)
    _FormWriter(ws, book, layout).write(options, footer)


class _FormWriter:
    def __init__(self, ws: Any, book: StyleBook, layout: FormLayout) -> None:
        self.ws = ws
        self.book = book
        self.layout = layout
        self.columns = layout.page.columns_mm
        self.size = layout.typography.body_pt
        #: Row heights (pt) each sheet row needs; merged cells add their needs afterwards.
        self.heights: dict[int, float] = {}

    def write(self, options: PrintOptions, footer: str) -> None:
        from openpyxl.utils import get_column_letter

        for index, width in enumerate(self.columns, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = excel_width(width)
        self._titles()
        first_table_row = 3
        row_number = first_table_row
        spans: list[tuple[Cell, int]] = []
        header_row = 0
        for block, row in self.layout.rows():
            if block.kind is BlockKind.INDICATORS and row.kind is RowKind.INDICATOR_HEADER:
                header_row = row_number
            self.heights[row_number] = _MIN_ROW_PT
            for cell in row.cells:
                self._cell(cell, row_number)
                if cell.rowspan > 1:
                    spans.append((cell, row_number))
                else:
                    self._need(row_number, self._height(cell))
            row_number += 1
        last_table_row = row_number - 1
        for cell, start in spans:
            self._spread(cell, start)
        last_row = self._signature(last_table_row + 1)
        for number, height in self.heights.items():
            self.ws.row_dimensions[number].height = round(height, 1)
        self._page_setup(options, footer, header_row, last_row)

    # -- cells ----------------------------------------------------------------------------
    def _titles(self) -> None:
        typo = self.layout.typography
        for number, (text, size) in enumerate(
            ((self.layout.title, typo.title_pt), (self.layout.subtitle, typo.subtitle_pt)), start=1
        ):
            put_text(self.ws, number, 1, text).style = self.book.style(
                bold=number == 1, size=size, horizontal="center", vertical="center", wrap=False, border=False
            )
            self.ws.merge_cells(start_row=number, start_column=1, end_row=number, end_column=len(self.columns))
            self.heights[number] = size * 1.8

    def _cell(self, cell: Cell, row: int) -> None:
        """Write one cell, styled before merging: merging copies its border to the edges."""
        column = cell.col + 1
        style = self.book.style(
            bold=cell.bold, size=self.size, horizontal=_HALIGN[cell.align], vertical=_VALIGN[cell.valign]
        )
        if cell.role is Role.AMOUNT and cell.amount is not None:
            target = put_amount(self.ws, row, column, cell.amount)
            number_format = target.number_format
            target.style = style
            target.number_format = number_format
        else:
            text = _cell_text(cell, self._width(cell), self.size)
            put_text(self.ws, row, column, text).style = style
        if cell.colspan > 1 or cell.rowspan > 1:
            self.ws.merge_cells(
                start_row=row,
                start_column=column,
                end_row=row + cell.rowspan - 1,
                end_column=column + cell.colspan - 1,
            )

    def _width(self, cell: Cell) -> float:
        return sum(self.columns[cell.col : cell.col + cell.colspan])

    def _height(self, cell: Cell) -> float:
        lines = len(cell_lines(cell, self._width(cell), self.size))
        return lines * self.size * _LINE_FACTOR + _ROW_PAD_PT

    def _need(self, row: int, height: float) -> None:
        self.heights[row] = max(self.heights.get(row, _MIN_ROW_PT), height)

    def _spread(self, cell: Cell, start: int) -> None:
        """A merged cell taller than its rows: share the missing height among them."""
        rows = range(start, start + cell.rowspan)
        missing = self._height(cell) - sum(self.heights[r] for r in rows)
        if missing > 0:
            for r in rows:
                self.heights[r] += missing / cell.rowspan

    def _signature(self, row: int) -> int:
        """The optional signature block under the table: two items a line, no borders."""
        items = self.layout.signature
        if not items:
            return row - 1
        self.heights[row] = _MIN_ROW_PT
        row += 1
        for index, item in enumerate(items):
            line, half = divmod(index, 2)
            target = put_text(self.ws, row + line, 1 + half * 3, f"{item.label}{item.value}")
            target.style = self.book.style(size=self.size, vertical="center", wrap=False, border=False)
            self.ws.merge_cells(start_row=row + line, start_column=1 + half * 3,
                                end_row=row + line, end_column=3 + half * 3)
            self.heights[row + line] = 26.0
        return row + (len(items) - 1) // 2

    # -- printing -------------------------------------------------------------------------
    def _page_setup(self, options: PrintOptions, footer: str, header_row: int, last_row: int) -> None:
        from openpyxl.worksheet.properties import PageSetupProperties

        ws = self.ws
        page = self.layout.page
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        landscape = page.orientation is Orientation.LANDSCAPE
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        top, right, bottom, left = (m / 25.4 for m in page.margins_mm)
        ws.page_margins.top, ws.page_margins.right = top, right
        ws.page_margins.bottom, ws.page_margins.left = bottom, left
        ws.page_margins.footer = min(bottom / 2, 0.3)
        ws.print_options.horizontalCentered = True
        from openpyxl.utils import get_column_letter

        ws.print_area = f"A1:{get_column_letter(len(self.columns))}{last_row}"
        if options.repeat_labels and header_row:
            ws.print_title_rows = f"{header_row}:{header_row}"
        ws.oddFooter.center.text = "第 &P 页 共 &N 页"
        ws.oddFooter.center.size = 10
        ws.oddFooter.right.text = footer
        ws.oddFooter.right.size = 7
        ws.sheet_view.showGridLines = False
