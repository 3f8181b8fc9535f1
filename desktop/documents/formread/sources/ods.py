"""Grids from an OpenDocument spreadsheet (.ods): content.xml read with defusedxml.

Repeated rows and columns are expanded only where they hold something (LibreOffice writes the
empty rest of a sheet as one row repeated a million times); spans become merged ranges.
"""

from __future__ import annotations

import zipfile
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from desktop.documents.formread.grid import Grid, Span
from desktop.documents.formread.sources.detect import UnreadableFileError
from desktop.documents.formread.sources.zipcheck import screen_zip
from desktop.documents.xlsx.cells import CellValue
from desktop.documents.xlsx.schema import MAX_COLUMNS, MAX_ROWS

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_DAMAGED = "OpenDocument 表格（.ods）已损坏，无法读取；请在 WPS 或 LibreOffice 中另存为 .xlsx 后再导入"


def _q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def ods_grids(path: Path) -> list[Grid]:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        with zipfile.ZipFile(path) as archive:
            screen_zip(archive, "OpenDocument 表格（.ods）")
            content = archive.read("content.xml")
        root = fromstring(content)
    except UnreadableFileError:
        raise
    except DefusedXmlException as exc:
        raise UnreadableFileError("OpenDocument 表格（.ods）包含不允许的 XML 实体声明，不能导入") from exc
    except Exception as exc:  # zip and XML errors of a damaged file
        raise UnreadableFileError(_DAMAGED) from exc
    return [_table(table) for table in root.iter(_q(_TABLE, "table"))]


def _int_attr(element: Any, name: str) -> int:
    try:
        return max(1, int(element.get(_q(_TABLE, name), "1")))
    except ValueError:
        return 1


def _table(table: Any) -> Grid:
    rows: list[list[CellValue]] = []
    spans: list[Span] = []
    for row_element in table.iter(_q(_TABLE, "table-row")):
        cells, row_spans = _row(row_element, len(rows))
        repeat = _int_attr(row_element, "number-rows-repeated")
        if not any(v is not None for v in cells):
            repeat = min(repeat, 1)  # an empty run: keep one row for the geometry
        for _ in range(repeat):
            if len(rows) >= MAX_ROWS:
                raise UnreadableFileError(f"工作表“{table.get(_q(_TABLE, 'name'), '')}”超过 {MAX_ROWS} 行，不能导入")
            spans.extend(row_spans)
            rows.append(list(cells))
            row_spans = []  # a repeated row spanning rows would overlap itself; keep the first
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return Grid(table.get(_q(_TABLE, "name"), "工作表"), rows, spans)


def _row(row_element: Any, row_index: int) -> tuple[list[CellValue], list[Span]]:
    cells: list[CellValue] = []
    spans: list[Span] = []
    for cell in row_element:
        tag = cell.tag
        if tag not in (_q(_TABLE, "table-cell"), _q(_TABLE, "covered-table-cell")):
            continue
        value = _value(cell) if tag == _q(_TABLE, "table-cell") else None
        repeat = _int_attr(cell, "number-columns-repeated")
        if value is None:
            repeat = min(repeat, MAX_COLUMNS - len(cells))
        for _ in range(max(repeat, 0)):
            if len(cells) >= MAX_COLUMNS:
                break
            across = _int_attr(cell, "number-columns-spanned")
            down = _int_attr(cell, "number-rows-spanned")
            if across > 1 or down > 1:
                spans.append(Span(row_index, len(cells), row_index + down - 1, len(cells) + across - 1))
            cells.append(value)
    while cells and cells[-1] is None:
        cells.pop()
    return cells, spans


def _value(cell: Any) -> CellValue:
    kind = cell.get(_q(_OFFICE, "value-type"))
    if kind in ("float", "currency", "percentage"):
        raw = cell.get(_q(_OFFICE, "value"), "")
        try:
            number = Decimal(raw)
        except InvalidOperation:
            number = None
        if number is not None:
            return int(number) if number == number.to_integral_value() and "." not in raw else float(raw)
    paragraphs = [_text(p) for p in cell.iter(_q(_TEXT, "p"))]
    text = "\n".join(paragraphs)
    return text if text.strip() else None


def _text(element: Any) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == _q(_TEXT, "s"):
            parts.append(" " * int(child.get(_q(_TEXT, "c"), "1") or 1))
        elif child.tag == _q(_TEXT, "line-break"):
            parts.append("\n")
        elif child.tag == _q(_TEXT, "tab"):
            parts.append("\t")
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
