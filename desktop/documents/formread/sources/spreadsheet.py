"""Grids from workbooks: .xlsx/.xlsm (openpyxl, with merged ranges) and .xls (xlrd).

The xlsx is screened first (desktop.documents.xlsx.safety: zip bombs, entity declarations,
row counts). Visible sheets come first; hidden sheets follow, so a form is found where a person
would look for it.
"""

from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path
from typing import Any

from desktop.documents.formread.grid import Grid, Span
from desktop.documents.formread.sources.detect import UnreadableFileError
from desktop.documents.xlsx.cells import CellValue
from desktop.documents.xlsx.problems import XlsxImportError
from desktop.documents.xlsx.safety import screen_xlsx
from desktop.documents.xlsx.schema import MAX_COLUMNS, MAX_ROWS
from desktop.documents.xlsx.source import in_memory

_log = logging.getLogger(__name__)


def xlsx_grids(path: Path) -> list[Grid]:
    """Values through openpyxl's fast read-only mode; merged ranges from each sheet's XML.

    (openpyxl's full mode would give the merges too, but restyles every merged cell on load,
    which costs seconds on a long form.)
    """
    try:
        report = screen_xlsx(path)
    except XlsxImportError as exc:
        raise UnreadableFileError(f"Excel 工作簿（.xlsx）：{exc}") from exc
    import openpyxl

    try:
        book = openpyxl.load_workbook(in_memory(path), read_only=True, data_only=True, keep_links=False)
        with zipfile.ZipFile(path) as archive:
            merges = {name: _merged_ranges(archive.read(part)) for name, part in report.sheet_parts.items()}
        sheets = sorted(book.worksheets, key=lambda ws: getattr(ws, "sheet_state", "visible") != "visible")
        return [_xlsx_sheet(ws, merges.get(ws.title, [])) for ws in sheets if hasattr(ws, "iter_rows")]
    except UnreadableFileError:
        raise
    except Exception as exc:  # openpyxl raises anything on a damaged part
        _log.info("workbook %s unreadable: %r", path, exc)
        raise UnreadableFileError(
            "Excel 工作簿（.xlsx）已损坏，无法读取；请在 Excel 或 WPS 中打开并另存后再导入"
        ) from exc


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)\"")


def _column(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number - 1


def _merged_ranges(xml: bytes) -> list[Span]:
    spans = []
    for left, top, right, bottom in _MERGE.findall(xml):
        span = Span(int(top) - 1, _column(left), int(bottom) - 1, _column(right))
        if span.top < MAX_ROWS and span.left < MAX_COLUMNS:
            spans.append(span)
    return spans


def _xlsx_sheet(ws: Any, spans: list[Span]) -> Grid:
    rows: list[list[CellValue]] = []
    for row in ws.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS, values_only=True):
        rows.append(list(row))
    return Grid(ws.title, _trim(rows), spans)


def _trim(rows: list[list[CellValue]]) -> list[list[CellValue]]:
    while rows and all(v is None or v == "" for v in rows[-1]):
        rows.pop()
    return rows


def xls_grids(path: Path) -> list[Grid]:
    import xlrd

    try:
        try:
            book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
        except NotImplementedError:  # formatting_info is not supported for some writers
            book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception as exc:  # xlrd raises XLRDError, CompDocError, struct.error ...
        _log.info("xls %s unreadable: %r", path, exc)
        raise UnreadableFileError(
            "Excel 97-2003 工作簿（.xls）已损坏或格式不受支持，无法读取；请在 Excel 或 WPS 中另存为 .xlsx 后再导入"
        ) from exc
    try:
        grids: list[Grid] = []
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.nrows > MAX_ROWS:
                raise UnreadableFileError(f"工作表“{sheet.name}”超过 {MAX_ROWS} 行，不能导入")
            grids.append(_xls_sheet(xlrd, book, sheet))
        return grids
    except UnreadableFileError:
        raise
    except Exception as exc:
        _log.info("xls %s unreadable: %r", path, exc)
        raise UnreadableFileError("Excel 97-2003 工作簿（.xls）已损坏，无法读取；请另存为 .xlsx 后再导入") from exc
    finally:
        book.release_resources()


def _xls_sheet(xlrd: Any, book: Any, sheet: Any) -> Grid:
    from desktop.documents.xlsx.source import _xls_value

    rows: list[list[CellValue]] = []
    for row in range(sheet.nrows):
        rows.append([_xls_value(xlrd, book, sheet.cell(row, col)) for col in range(min(sheet.row_len(row), MAX_COLUMNS))])
    spans = [Span(rlo, clo, rhi - 1, chi - 1) for rlo, rhi, clo, chi in getattr(sheet, "merged_cells", [])]
    return Grid(sheet.name, _trim(rows), spans)
