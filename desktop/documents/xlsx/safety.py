"""Screening of a workbook file before any spreadsheet library parses it.

Hostile or broken files must end in a clear Chinese message, never a hang, a crash or memory
exhaustion: the file size, the zip directory (entry count, uncompressed sizes, compression
ratios), XML entity declarations and each sheet's ``<dimension ref>`` are checked from the zip
directory and the first bytes of each part, which costs almost nothing.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from desktop.documents.xlsx.problems import XlsxImportError
from desktop.documents.xlsx.schema import (
    MAX_COMPRESSION_RATIO,
    MAX_ENTRY_BYTES,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_TOTAL_BYTES,
    MAX_ZIP_ENTRIES,
)

_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PROLOGUE_BYTES = 4096
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?\"")
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_ATTR = re.compile(rb"([\w:]+)=\"([^\"]*)\"")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_BOMB_RATIO_FLOOR = 1024 * 1024

_DAMAGED = "文件已损坏或不是有效的 Excel 工作簿（.xlsx），无法读取"


class FileKind(StrEnum):
    XLSX = "xlsx"
    XLS = "xls"


@dataclass
class ZipReport:
    """What the screening learnt: sheet name → zip part, and the sheets holding formulas."""

    sheet_parts: dict[str, str] = field(default_factory=dict)
    formula_sheets: set[str] = field(default_factory=set)


def detect_kind(path: Path) -> FileKind:
    """Check existence and size, then tell .xlsx from .xls by content (not by suffix)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise XlsxImportError.single(f"无法读取文件：{exc.strerror or exc}") from exc
    if size > MAX_FILE_BYTES:
        raise XlsxImportError.single(
            f"文件大小 {size // (1024 * 1024)} MB，超过 {MAX_FILE_BYTES // (1024 * 1024)} MB 的上限，不能导入"
        )
    if head.startswith(_ZIP_MAGIC):
        return FileKind.XLSX
    if head.startswith(_OLE2_MAGIC):
        return FileKind.XLS
    raise XlsxImportError.single("文件不是 Excel 工作簿（.xlsx 或 .xls），无法读取")


def screen_xlsx(path: Path) -> ZipReport:
    """Refuse an unsafe .xlsx before parsing; map sheet names to parts and find formulas."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _screen(archive)
    except zipfile.BadZipFile as exc:
        raise XlsxImportError.single(_DAMAGED) from exc
    except (OSError, EOFError, RuntimeError, NotImplementedError, zipfile.LargeZipFile) as exc:
        # RuntimeError: encrypted entries; NotImplementedError: unknown compression.
        raise XlsxImportError.single(_DAMAGED) from exc


def _screen(archive: zipfile.ZipFile) -> ZipReport:
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise XlsxImportError.single(f"文件包含 {len(entries)} 个部件，超过上限 {MAX_ZIP_ENTRIES}，不能导入")
    total = 0
    for info in entries:
        total += info.file_size
        if info.file_size > MAX_ENTRY_BYTES or total > MAX_TOTAL_BYTES:
            raise XlsxImportError.single("文件解压后过大（可能是恶意构造的文件），不能导入")
        if info.file_size > _BOMB_RATIO_FLOOR and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise XlsxImportError.single("文件压缩比异常（可能是恶意构造的文件），不能导入")
    names = {info.filename for info in entries}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise XlsxImportError.single(_DAMAGED)
    for info in entries:
        if info.filename.endswith((".xml", ".rels", ".vml")):
            with archive.open(info) as part:
                prologue = part.read(_PROLOGUE_BYTES)
            if b"<!DOCTYPE" in prologue or b"<!ENTITY" in prologue:
                raise XlsxImportError.single("文件包含不允许的 XML 实体声明（可能是恶意构造的文件），不能导入")
    report = ZipReport(sheet_parts=_sheet_parts(archive, names))
    for sheet, part_name in report.sheet_parts.items():
        _check_dimension(archive, sheet, part_name)
        if _scan_sheet(archive, sheet, part_name):
            report.formula_sheets.add(sheet)
    return report


def _attrs(tag: bytes) -> dict[str, str]:
    result: dict[str, str] = {}
    for key, value in _ATTR.findall(tag):
        name = key.decode("utf-8", "replace").rsplit(":", 1)[-1]
        result[name] = _unescape(value.decode("utf-8", "replace"))
    return result


def _unescape(text: str) -> str:
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        text = text.replace(entity, char)
    return text


def _sheet_parts(archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Sheet name → zip part, from workbook.xml and its relationships (a regex scan: no parser)."""
    workbook = archive.read("xl/workbook.xml")
    rels_name = "xl/_rels/workbook.xml.rels"
    targets: dict[str, str] = {}
    if rels_name in names:
        for tag in _RELATIONSHIP.findall(archive.read(rels_name)):
            attrs = _attrs(tag)
            target = attrs.get("Target", "")
            if target.startswith("/"):
                part = target.lstrip("/")
            else:
                part = posixpath.normpath(posixpath.join("xl", target))
            targets[attrs.get("Id", "")] = part
    parts: dict[str, str] = {}
    for tag in _SHEET.findall(workbook):
        attrs = _attrs(tag)
        part = targets.get(attrs.get("id", ""), "")
        if part in names:
            parts[attrs.get("name", "")] = part
    return parts


def _check_dimension(archive: zipfile.ZipFile, sheet: str, part: str) -> None:
    with archive.open(part) as handle:
        head = handle.read(_PROLOGUE_BYTES)
    match = _DIMENSION.search(head)
    if not match:
        return
    last_row = match.group(4) or match.group(2)
    if last_row and int(last_row) > MAX_ROWS:
        raise XlsxImportError.single(
            f"工作表有 {int(last_row)} 行，超过上限 {MAX_ROWS} 行，不能导入", sheet
        )


def _scan_sheet(archive: zipfile.ZipFile, sheet: str, part: str) -> bool:
    """Stream the sheet XML (sizes are already bounded): count rows, report whether formulas occur.

    Counting here matters when ``<dimension>`` is missing or lies: openpyxl would otherwise walk
    the whole sheet just to learn its size.
    """
    tail = b""
    rows = 0
    formula = False
    with archive.open(part) as handle:
        while chunk := handle.read(1024 * 1024):
            window = tail + chunk
            formula = formula or _FORMULA.search(window) is not None
            # a tag starting in the last 16 bytes may be cut: it is counted in the next window
            cut = max(len(window) - 16, 0)
            rows += sum(1 for m in _ROW.finditer(window) if m.start() < cut)
            tail = window[cut:]
            if rows > MAX_ROWS:
                raise XlsxImportError.single(f"工作表超过 {MAX_ROWS} 行，不能导入", sheet)
    rows += len(_ROW.findall(tail))
    if rows > MAX_ROWS:
        raise XlsxImportError.single(f"工作表超过 {MAX_ROWS} 行，不能导入", sheet)
    return formula
