"""Cell writing helpers shared by the sheets: 宋体, borders, text that is never a formula."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from desktop.documents.xlsx.cells import amount_format

FONT_NAME = "宋体"
FONT_SIZE = 10.5
#: Characters XML 1.0 cannot carry; openpyxl refuses them, so they are dropped on export.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(text: str) -> str:
    return _ILLEGAL.sub("", text)


def put_text(ws: Any, row: int, column: int, text: str) -> Any:
    """Write ``text`` as a string cell, even when it starts with ``=`` (never a formula)."""
    cell = ws.cell(row=row, column=column)
    if text:
        cell.value = clean_text(text)
        cell.data_type = "s"
    return cell


def put_amount(ws: Any, row: int, column: int, value: Decimal) -> Any:
    """A numeric amount cell with ``0.00`` (or as many decimals as the value has).

    Amounts have at most 14 significant digits, so the float is exact to its shortest repr.
    """
    cell = ws.cell(row=row, column=column)
    cell.value = float(value)
    cell.number_format = amount_format(value)
    return cell


def put_number(ws: Any, row: int, column: int, value: Decimal) -> Any:
    cell = ws.cell(row=row, column=column)
    cell.value = int(value) if value == value.to_integral_value() else float(value)
    cell.number_format = "General"
    return cell


def thin_border() -> Any:
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color="000000")
    return Border(left=side, right=side, top=side, bottom=side)


def text_width(text: str) -> float:
    """Approximate display width in Excel character units (CJK characters count double)."""
    return float(sum(2 if ord(ch) > 0x2E7F else 1 for ch in text))


class StyleBook:
    """Named cell styles registered once per workbook.

    Setting font, alignment and border cell by cell makes openpyxl hash every style object on
    every cell (seconds for a thousand rows); a named style is one lookup.
    """

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        self.names: set[str] = set()

    def style(
        self,
        *,
        bold: bool = False,
        size: float = FONT_SIZE,
        horizontal: str = "general",
        vertical: str = "top",
        wrap: bool = True,
        border: bool = True,
    ) -> str:
        name = f"PerfDecl {'粗' if bold else '正'}{size:g} {horizontal}-{vertical}{' 换行' if wrap else ''}{' 框' if border else ''}"
        if name not in self.names:
            from openpyxl.styles import Alignment, Font, NamedStyle

            named = NamedStyle(name=name)
            named.font = Font(name=FONT_NAME, size=size, bold=bold)
            named.alignment = Alignment(horizontal=horizontal, vertical=vertical, wrap_text=wrap)
            if border:
                named.border = thin_border()
            self.workbook.add_named_style(named)
            self.names.add(name)
        return name
