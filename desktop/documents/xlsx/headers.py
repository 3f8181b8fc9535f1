"""Header rows: column titles to fields, with the synonyms other systems use."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass

from desktop.documents.xlsx import schema as s
from desktop.documents.xlsx.cells import CellValue, cell_text
from desktop.documents.xlsx.problems import column_letter
from desktop.documents.xlsx.source import SheetRows

#: Field (the column title we write) → titles accepted on import, compared after normalising.
INDICATOR_SYNONYMS: dict[str, tuple[str, ...]] = {
    s.COL_SEQ: ("序号", "编号"),
    s.COL_LEVEL1: ("一级指标", "一级指标名称"),
    s.COL_LEVEL2: ("二级指标", "二级指标名称"),
    s.COL_NAME: ("三级指标", "指标名称", "三级指标名称"),
    s.COL_OPERATOR: ("计算符号", "指标性质", "运算符号"),
    s.COL_VALUE: ("指标值", "目标值", "年度指标值", "指标目标值"),
    s.COL_UNIT: ("计量单位", "度量单位", "单位"),
    s.COL_EXPLANATION: ("指标解释", "指标说明"),
    s.COL_GOALS: ("对应目标", "目标序号", "对应目标序号"),
    s.COL_RAW_VALUE: ("指标值原文",),
    s.COL_RAW_UNIT: ("度量单位原文",),
}
_DROP = re.compile(r"[\s*＊:：]")


def normalise_title(value: CellValue) -> str:
    """``'* 三级指标\\n（名称）'`` and ``三级指标`` compare alike: NFKC, no spaces or marks."""
    return _DROP.sub("", unicodedata.normalize("NFKC", cell_text(value)))


def _lookup(synonyms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for field, titles in synonyms.items():
        for title in titles:
            table[normalise_title(title)] = field
    return table


@dataclass
class HeaderMap:
    """Where the header row is (1-based) and which 0-based column holds each field."""

    row: int
    columns: dict[str, int]
    #: Titles found twice: (field, cell of the ignored duplicate).
    duplicates: list[tuple[str, str]]
    #: Titles of no known field: (title, cell), for a warning per unused column.
    unused: list[tuple[str, str]] = dataclasses.field(default_factory=list)

    def has(self, field: str) -> bool:
        return field in self.columns


def map_header(sheet: SheetRows, row: int, synonyms: dict[str, tuple[str, ...]]) -> HeaderMap:
    """Fields of one row; a title equal to the field's own name wins over a synonym of it."""
    table = _lookup(synonyms)
    columns: dict[str, int] = {}
    duplicates: list[tuple[str, str]] = []
    unused: list[tuple[str, str]] = []
    cells = sheet.rows[row - 1] if row <= len(sheet.rows) else ()
    exact = {field: column for column, value in reversed(list(enumerate(cells)))
             if (field := table.get(normalise_title(value))) is not None and normalise_title(value) == normalise_title(field)}
    for column, value in enumerate(cells):
        where = f"{sheet.name}!{column_letter(column)}{row}"
        field = table.get(normalise_title(value))
        if field is None:
            if normalise_title(value):
                unused.append((cell_text(value).strip(), where))
            continue
        chosen = exact.get(field, columns.get(field, column))
        if chosen != column or field in columns:
            duplicates.append((field, where))
            continue
        columns[field] = column
    return HeaderMap(row, columns, duplicates, unused)


def find_header(
    sheet: SheetRows, required: tuple[str, ...], synonyms: dict[str, tuple[str, ...]], search_rows: int
) -> HeaderMap | None:
    """The first row among the first ``search_rows`` that names every ``required`` field."""
    for row in range(1, min(search_rows, len(sheet.rows)) + 1):
        header = map_header(sheet, row, synonyms)
        if all(header.has(field) for field in required):
            return header
    return None
