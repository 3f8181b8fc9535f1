"""Sheets of a workbook as rows of plain cell values, from .xlsx (openpyxl) or .xls (xlrd).

Every file is screened first (:mod:`safety`); rows are read with hard limits on rows and
columns, and a formula cell without a cached result is remembered so the reader can name it.
The spreadsheet libraries are imported here, inside functions, never at import time.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.documents.xlsx.cells import CellValue
from desktop.documents.xlsx.problems import XlsxImportError
from desktop.documents.xlsx.safety import FileKind, ZipReport, detect_kind, screen_xlsx
from desktop.documents.xlsx.schema import MAX_COLUMNS, MAX_ROWS

_log = logging.getLogger(__name__)
_DAMAGED = "文件已损坏或不是有效的 Excel 工作簿（.xlsx），无法读取；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入"
_TOO_MANY_ROWS = f"工作表超过 {MAX_ROWS} 行，不能导入"
_ENTITIES = "文件包含不允许的 XML 实体声明（可能是恶意构造的文件），不能导入"


def _refusal(exc: Exception, where: str = "") -> XlsxImportError:
    """The message for a library error: entity declarations (defusedxml) or a damaged file."""
    from defusedxml import DefusedXmlException

    cause: BaseException | None = exc
    while cause is not None:  # openpyxl wraps parser errors in its own ValueError
        if isinstance(cause, DefusedXmlException):
            return XlsxImportError.single(_ENTITIES, where)
        cause = cause.__cause__ or cause.__context__
    return XlsxImportError.single(_DAMAGED, where)


@dataclass
class SheetRows:
    """One sheet: ``rows[i]`` is spreadsheet row ``i + 1``, at most :data:`MAX_COLUMNS` wide."""

    name: str
    rows: list[tuple[CellValue, ...]]
    #: (1-based row, 0-based column) of formula cells that carry no cached result.
    uncached_formulas: set[tuple[int, int]] = field(default_factory=set)

    def value(self, row: int, column: int) -> CellValue:
        """The value at 1-based ``row``, 0-based ``column`` (None outside the data)."""
        if row - 1 >= len(self.rows) or column < 0:
            return None
        cells = self.rows[row - 1]
        return cells[column] if column < len(cells) else None


class Workbook:
    """An opened, screened workbook; read sheets by name."""

    def __init__(self, kind: FileKind, handle: Any, report: ZipReport | None, path: Path) -> None:
        self.kind = kind
        self._handle = handle
        self._report = report
        self._path = path

    @property
    def sheet_names(self) -> list[str]:
        if self.kind == FileKind.XLS:
            names: list[str] = self._handle.sheet_names()
            return names
        return list(self._handle.sheetnames)

    def sheet(self, name: str) -> SheetRows:
        try:
            if self.kind == FileKind.XLS:
                return _xls_sheet(self._handle, name)
            return self._xlsx_sheet(name)
        except XlsxImportError:
            raise
        except Exception as exc:  # a damaged part: every library error means the same to the user
            _log.info("sheet %s of %s unreadable: %r", name, self._path, exc)
            raise _refusal(exc, name) from exc

    def _xlsx_sheet(self, name: str) -> SheetRows:
        rows = _bounded_rows(self._handle[name].iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS, values_only=True), name)
        sheet = SheetRows(name, rows)
        if self._report is not None and name in self._report.formula_sheets:
            sheet.uncached_formulas = self._uncached(name, sheet)
        return sheet

    def _uncached(self, name: str, sheet: SheetRows) -> set[tuple[int, int]]:
        """Formula cells whose cached value is missing (written by a program that never calculated)."""
        import openpyxl

        formulas = openpyxl.load_workbook(
            in_memory(self._path), read_only=True, data_only=False, keep_links=False
        )
        try:
            missing: set[tuple[int, int]] = set()
            for row_index, row in enumerate(
                formulas[name].iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS), start=1
            ):
                for column, cell in enumerate(row):
                    if getattr(cell, "data_type", None) == "f" and sheet.value(row_index, column) is None:
                        missing.add((row_index, column))
            return missing
        finally:
            formulas.close()

    def close(self) -> None:
        if self.kind == FileKind.XLS:
            self._handle.release_resources()
        else:
            self._handle.close()


def _bounded_rows(source: Iterator[tuple[Any, ...]], name: str) -> list[tuple[CellValue, ...]]:
    rows: list[tuple[CellValue, ...]] = []
    for index, row in enumerate(source):
        if index >= MAX_ROWS:
            if any(v is not None and v != "" for v in row):
                raise XlsxImportError.single(_TOO_MANY_ROWS, name)
            break
        rows.append(tuple(row))
    while rows and all(v is None or v == "" for v in rows[-1]):
        rows.pop()
    return rows


def in_memory(path: Path) -> io.BytesIO:
    """The file's bytes (already bounded by the screening): openpyxl judges a path by its
    suffix and refuses an .xlsx named .xls or .et, a file object it reads by content."""
    return io.BytesIO(path.read_bytes())


@contextlib.contextmanager
def open_workbook(path: str | Path) -> Iterator[Workbook]:
    """Screen and open ``path``; raises :class:`XlsxImportError` with a Chinese message."""
    file_path = Path(path)
    kind = detect_kind(file_path)
    workbook = _open_xls(file_path) if kind == FileKind.XLS else _open_xlsx(file_path)
    try:
        yield workbook
    finally:
        workbook.close()


def _open_xlsx(path: Path) -> Workbook:
    report = screen_xlsx(path)
    import openpyxl

    try:
        handle = openpyxl.load_workbook(in_memory(path), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises anything from KeyError to ParseError on garbage
        _log.info("workbook %s unreadable: %r", path, exc)
        raise _refusal(exc) from exc
    return Workbook(FileKind.XLSX, handle, report, path)


def _open_xls(path: Path) -> Workbook:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True, formatting_info=False)
    except Exception as exc:  # xlrd raises XLRDError, CompDocError, struct.error, ...
        _log.info("xls %s unreadable: %r", path, exc)
        raise XlsxImportError.single("文件已损坏或不是有效的 Excel 97-2003 工作簿（.xls），无法读取；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入") from exc
    return Workbook(FileKind.XLS, book, None, path)


def _xls_sheet(book: Any, name: str) -> SheetRows:
    import xlrd

    sheet = book.sheet_by_name(name)
    if sheet.nrows > MAX_ROWS:
        raise XlsxImportError.single(_TOO_MANY_ROWS, name)
    rows: list[tuple[CellValue, ...]] = []
    for row_index in range(sheet.nrows):
        values: list[CellValue] = []
        for column in range(min(sheet.row_len(row_index), MAX_COLUMNS)):
            cell = sheet.cell(row_index, column)
            values.append(_xls_value(xlrd, book, cell))
        rows.append(tuple(values))
    return SheetRows(name, _bounded_rows(iter(rows), name))


def _xls_value(xlrd: Any, book: Any, cell: Any) -> CellValue:
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        converted: CellValue = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        return converted
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return str(xlrd.error_text_from_code.get(cell.value, "#错误"))
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return float(cell.value)
    return str(cell.value)
