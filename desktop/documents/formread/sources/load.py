"""``load_grids``: any supported file to grids, the reader chosen by content."""

from __future__ import annotations

from pathlib import Path

from desktop.documents.formread.grid import Grid, grid_from_text_rows
from desktop.documents.formread.sources.detect import (
    KIND_NAMES,
    SourceKind,
    UnreadableFileError,
    decode_text,
    detect_source,
)


def load_grids(path: Path, kind: SourceKind | None = None) -> list[Grid]:
    """The grids of ``path``; raises :class:`UnreadableFileError` with a Chinese message."""
    kind = kind or detect_source(path)
    if kind is SourceKind.XLSX:
        from desktop.documents.formread.sources.spreadsheet import xlsx_grids

        return xlsx_grids(path)
    if kind is SourceKind.XLS:
        from desktop.documents.formread.sources.spreadsheet import xls_grids

        return xls_grids(path)
    if kind is SourceKind.ODS:
        from desktop.documents.formread.sources.ods import ods_grids

        return ods_grids(path)
    if kind is SourceKind.DOCX:
        from desktop.documents.formread.sources.docx import docx_grids

        return docx_grids(path)
    if kind is SourceKind.HTML:
        from desktop.documents.formread.sources.html import html_grids

        return html_grids(path)
    if kind is SourceKind.TEXT:
        return [text_grid(path)]
    raise UnreadableFileError(f"{KIND_NAMES[kind]}不是表格，不能按申报表读取")


def text_grid(path: Path) -> Grid:
    from desktop.domain.tsv import parse_tsv

    text = decode_text(path.read_bytes())
    if text is None:
        raise UnreadableFileError("文本表格无法解码（不是 UTF-8 或 GB18030 编码），不能导入")
    if "\t" not in text:
        import csv

        rows = [list(r) for r in csv.reader(text.splitlines())]
    else:
        rows = parse_tsv(text)
    return grid_from_text_rows(path.name, rows)
