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


def fonts() -> tuple[Any, Any]:
    """(body, bold) fonts in 宋体."""
    from openpyxl.styles import Font

    return Font(name=FONT_NAME, size=FONT_SIZE), Font(name=FONT_NAME, size=FONT_SIZE, bold=True)


def thin_border() -> Any:
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color="000000")
    return Border(left=side, right=side, top=side, bottom=side)


def text_width(text: str) -> float:
    """Approximate display width in Excel character units (CJK characters count double)."""
    return float(sum(2 if ord(ch) > 0x2E7F else 1 for ch in text))
