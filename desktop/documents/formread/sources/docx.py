"""Grids from a Word document (.docx, python-docx): every table and paragraph in reading order.

Paragraphs outside tables (the title, ``（2026年度）``, a signature line) become one-cell rows;
each table's rows follow with merged cells (``gridSpan``, ``vMerge``) as merged ranges, so a
form split over several tables or pages reads as one grid.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from desktop.documents.formread.grid import Grid, Span
from desktop.documents.formread.sources.detect import UnreadableFileError
from desktop.documents.formread.sources.zipcheck import screen_zip
from desktop.documents.xlsx.cells import CellValue
from desktop.documents.xlsx.schema import MAX_COLUMNS, MAX_ROWS

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_grids(path: Path) -> list[Grid]:
    try:
        with zipfile.ZipFile(path) as archive:
            screen_zip(archive, "Word 文档（.docx）")
    except zipfile.BadZipFile as exc:
        raise UnreadableFileError("Word 文档（.docx）已损坏，无法读取；请在 Word 或 WPS 中打开并另存后再导入") from exc
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises KeyError, XMLSyntaxError ... on damage
        raise UnreadableFileError("Word 文档（.docx）已损坏，无法读取；请在 Word 或 WPS 中打开并另存后再导入") from exc
    builder = _Builder()
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            builder.paragraph(_paragraph_text(element))
        elif element.tag == f"{_W}tbl":
            builder.table(element)
    return [Grid("Word 文档", builder.rows, builder.spans, builder.places)]


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for node in p.iter():
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
    return "".join(parts)


def _cell_text(tc: Any) -> str:
    lines = [_paragraph_text(p) for p in tc.iterchildren(f"{_W}p")]
    for nested in tc.iterchildren(f"{_W}tbl"):  # a table inside a cell: its text, row by row
        for tr in nested.iterchildren(f"{_W}tr"):
            lines.append(" ".join(_cell_text(c) for c in tr.iterchildren(f"{_W}tc")))
    return "\n".join(lines).strip()


def _prop(tc: Any, name: str) -> Any:
    props = tc.find(f"{_W}tcPr")
    return None if props is None else props.find(f"{_W}{name}")


class _Builder:
    def __init__(self) -> None:
        self.rows: list[list[CellValue]] = []
        self.places: list[str] = []
        self.spans: list[Span] = []
        self.tables = 0
        self.paragraphs = 0

    def paragraph(self, text: str) -> None:
        self.paragraphs += 1
        if text.strip():
            self.rows.append([text.strip()])
            self.places.append(f"第{self.paragraphs}段")

    def table(self, tbl: Any) -> None:
        self.tables += 1
        offset = len(self.rows)
        #: column → (row, span index) of a vertical merge still open
        open_down: dict[int, int] = {}
        spans: list[list[int]] = []  # [top, left, bottom, right], relative rows
        for index, tr in enumerate(tbl.iterchildren(f"{_W}tr")):
            if offset + index >= MAX_ROWS:
                raise UnreadableFileError(f"Word 表格超过 {MAX_ROWS} 行，不能导入")
            cells: list[CellValue] = []
            col = _grid_before(tr)
            cells.extend([None] * col)
            for tc in tr.iterchildren(f"{_W}tc"):
                width = _int_val(_prop(tc, "gridSpan"), 1)
                merge = _prop(tc, "vMerge")
                continues = merge is not None and merge.get(f"{_W}val") in (None, "continue")
                if continues and col in open_down:
                    spans[open_down[col]][2] = index
                    cells.extend([None] * width)
                else:
                    text = _cell_text(tc)
                    cells.append(text or None)
                    cells.extend([None] * (width - 1))
                    open_down.pop(col, None)
                    if width > 1 or (merge is not None and merge.get(f"{_W}val") == "restart"):
                        spans.append([index, col, index, col + width - 1])
                        if merge is not None:
                            open_down[col] = len(spans) - 1
                col += width
            self.rows.append(cells[:MAX_COLUMNS])
            self.places.append(f"表格{self.tables} 第{index + 1}行")
        for top, left, bottom, right in spans:
            self.spans.append(Span(top + offset, left, bottom + offset, right))


def _grid_before(tr: Any) -> int:
    props = tr.find(f"{_W}trPr")
    return 0 if props is None else _int_val(props.find(f"{_W}gridBefore"), 0)


def _int_val(element: Any, default: int) -> int:
    if element is None:
        return default
    try:
        return max(0, int(element.get(f"{_W}val", default)))
    except ValueError:
        return default
