"""Indicator rows copied to and pasted from Excel/WPS; pasted blocks are read like a sheet.

A block with level-1/level-2 columns (copied from our own 绩效指标 sheet, or from a printed form
in its column order) is read by :func:`read_indicator_rows` like an imported sheet, so the rows
go into their own categories with the same checks and messages (``粘贴内容!F2`` names the
cell). A block without them becomes rows of the current category: its columns are named by a
header row, else taken in the panel's order (三级指标, 指标值, 度量单位, 指标解释).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.documents.xlsx import schema as s
from desktop.documents.xlsx.cells import CellError
from desktop.documents.xlsx.headers import INDICATOR_SYNONYMS, HeaderMap
from desktop.documents.xlsx.indicator_rows import read_indicator_rows
from desktop.documents.xlsx.problems import ProblemLog
from desktop.documents.xlsx.source import SheetRows
from desktop.documents.xlsx.valuesplit import join_split, read_operator
from desktop.domain.model import Indicator
from desktop.domain.paste_columns import ColumnError, header_columns
from desktop.domain.profile import Profile
from desktop.domain.tsv import format_tsv, parse_tsv
from desktop.domain.values import normalise_value_text

SHEET_NAME = "粘贴内容"
#: Column orders recognised without a header row.
PANEL_ORDER = (s.COL_NAME, s.COL_VALUE, s.COL_UNIT, s.COL_EXPLANATION)
PRINTED_ORDER = (s.COL_LEVEL1, s.COL_LEVEL2, s.COL_NAME, s.COL_VALUE, s.COL_UNIT, s.COL_EXPLANATION)
#: The columns named when a title is not understood (the hidden ones are ours alone).
_LISTED = [f for f in INDICATOR_SYNONYMS if f not in (s.COL_SEQ, *s.INDICATOR_HIDDEN)]
_GOAL_SPLIT = re.compile(r"[、,，;；\s]+")


class IndicatorPasteError(ValueError):
    """Pasted text that cannot become indicator rows; ``str()`` is a Chinese message."""


@dataclass(frozen=True)
class PastedIndicator:
    """A pasted row and the (level-1, level-2) category it names (None: the current one)."""

    indicator: Indicator
    category: tuple[str, str] | None = None


def indicators_from_paste(text: str, profile: Profile, goal_count: int) -> list[PastedIndicator]:
    """Rows of pasted text as indicators; raises :class:`IndicatorPasteError` naming the place."""
    rows = parse_tsv(text)
    if not rows:
        raise IndicatorPasteError("剪贴板中没有可粘贴的指标行")
    try:
        columns = header_columns(rows[0], INDICATOR_SYNONYMS, _LISTED)
    except ColumnError as exc:
        raise IndicatorPasteError(str(exc)) from exc
    header_row = 1 if columns is not None else 0
    if columns is None:
        columns = _positional(rows, profile)
    if s.COL_NAME not in columns:
        raise IndicatorPasteError("粘贴内容的标题行中没有“三级指标”列")
    levels = [f for f in (s.COL_LEVEL1, s.COL_LEVEL2) if f in columns]
    if len(levels) == 2:
        return _as_sheet(rows, HeaderMap(header_row, columns, []), profile, goal_count)
    if levels:
        raise IndicatorPasteError("粘贴内容须同时有“一级指标”和“二级指标”两列，或都没有")
    return [
        PastedIndicator(_row(cells, columns, line, goal_count))
        for line, cells in enumerate(rows[header_row:], start=header_row + 1)
    ]


def _levelled(rows: Sequence[Sequence[str]], column: int, profile: Profile) -> bool:
    first = rows[0]
    return column < len(first) and profile.has_level1(first[column].strip())


def _positional(rows: list[list[str]], profile: Profile) -> dict[str, int]:
    """Columns of a block without a header row, by its width (see the module docstring)."""
    width = max(len(r) for r in rows)
    order: Sequence[str] | None = None
    if width <= len(PANEL_ORDER):
        order = PANEL_ORDER
    elif width == len(PRINTED_ORDER) and _levelled(rows, 0, profile):
        order = PRINTED_ORDER
    elif width in (len(s.INDICATOR_COLUMNS) - 2, len(s.INDICATOR_COLUMNS)) and _levelled(
        rows, 1, profile
    ):
        order = s.INDICATOR_COLUMNS
    if order is None:
        raise IndicatorPasteError(
            f"粘贴内容有 {width} 列，无法确定各列的含义：请连同标题行一起复制，"
            "或只复制 三级指标、指标值、度量单位、指标解释 这 4 列"
        )
    return {field: column for column, field in enumerate(order) if column < width}


def _as_sheet(
    rows: list[list[str]], header: HeaderMap, profile: Profile, goal_count: int
) -> list[PastedIndicator]:
    sheet = SheetRows(SHEET_NAME, [tuple(r) for r in rows])
    log = ProblemLog()
    read = read_indicator_rows(sheet, header, profile, log, goal_count)
    if log.errors:
        shown = "；".join(str(p) for p in log.errors[:3])
        more = f"（另有 {len(log.errors) - 3} 处）" if len(log.errors) > 3 else ""
        raise IndicatorPasteError(f"{shown}{more}")
    return [
        PastedIndicator(row.indicator, (row.level1, row.level2))
        for row in read
        if row.indicator is not None  # a 不适用 row adds nothing
    ]


def _row(cells: list[str], columns: dict[str, int], line: int, goal_count: int) -> Indicator:
    def cell(field: str) -> str:
        column = columns.get(field)
        return cells[column].strip() if column is not None and column < len(cells) else ""

    value, unit = normalise_value_text(cell(s.COL_VALUE)), normalise_value_text(cell(s.COL_UNIT))
    if cell(s.COL_OPERATOR):
        try:
            value, unit = join_split(read_operator(cell(s.COL_OPERATOR)), value, unit)
        except CellError as exc:
            raise IndicatorPasteError(f"第 {line} 行“计算符号”：{exc}") from exc
    return Indicator(
        name=cell(s.COL_NAME),
        value=value.strip(),
        unit=unit.strip(),
        explanation=cell(s.COL_EXPLANATION),
        goals=_goals(cell(s.COL_GOALS), line, goal_count),
    )


def _goals(text: str, line: int, goal_count: int) -> list[int]:
    numbers: set[int] = set()
    for part in _GOAL_SPLIT.split(text.replace("目标", "")):
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= goal_count:
            raise IndicatorPasteError(
                f"第 {line} 行“对应目标”：“{part}”不是本申报表的目标序号（共 {goal_count} 个目标）"
            )
        numbers.add(int(part))
    return sorted(numbers)


def indicators_to_tsv(indicators: Sequence[Indicator]) -> str:
    """Rows in the panel's order (:data:`PANEL_ORDER`), as spreadsheets copy a block."""
    return format_tsv((i.name, i.value, i.unit, i.explanation) for i in indicators)
