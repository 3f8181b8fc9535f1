"""Rows of an indicator sheet (ours or a flat list from elsewhere) into checked indicators.

Our own rows carry the stored texts in hidden columns: while the visible 计算符号/指标值/计量单位
still show what those texts split into, the texts are taken unchanged (lossless); otherwise the
row was edited and the visible cells are joined back. A foreign list has no such columns: its
cells are joined the way the Shenzhen print writes values (``≥95%``), empty markers (``/``)
become empty values, and missing level names are filled down as in a merged print layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.documents.xlsx import schema as s
from desktop.documents.xlsx.cells import CellError, CellValue, cell_int, cell_text, is_blank
from desktop.documents.xlsx.headers import HeaderMap
from desktop.documents.xlsx.problems import ProblemLog, cell_ref
from desktop.documents.xlsx.source import SheetRows
from desktop.documents.xlsx.valuesplit import (
    cells_match,
    check_value,
    is_unknown_grade,
    join_combined,
    join_split,
    read_operator,
    split_value,
    value_text,
)
from desktop.domain.model import NOT_APPLICABLE, Indicator
from desktop.domain.profile import Profile

if TYPE_CHECKING:
    from desktop.documents.formread.levels import LevelResolver

_GOAL_SPLIT = re.compile(r"[、,，;；\s/]+")
_USED = (
    s.COL_LEVEL1, s.COL_LEVEL2, s.COL_NAME, s.COL_OPERATOR, s.COL_VALUE, s.COL_UNIT,
    s.COL_EXPLANATION, s.COL_GOALS, s.COL_RAW_VALUE, s.COL_RAW_UNIT,
)
FORMULA_WITHOUT_RESULT = "公式没有保存计算结果，请在 Excel 或 WPS 中打开并保存后再导入"


@dataclass
class IndicatorRow:
    """One imported row; ``indicator`` None means the 不适用 row of its category."""

    row: int
    level1: str
    level2: str
    indicator: Indicator | None
    edited: bool = False
    #: ``sheet!cell`` of 对应目标, for messages about goal links found later.
    goals_cell: str = ""


class _Located(CellError):
    """A cell problem that names its own cell."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(message)
        self.where = where


class _RowReader:
    def __init__(self, sheet: SheetRows, header: HeaderMap, profile: Profile, log: ProblemLog) -> None:
        self.sheet = sheet
        self.header = header
        self.profile = profile
        self.log = log
        self.grade_words = profile.grade_words()
        self.lossless = header.has(s.COL_RAW_VALUE)
        self.previous = ("", "")
        self.resolver: LevelResolver | None = None

    def ref(self, row: int, field: str) -> str:
        return cell_ref(self.sheet.name, row, self.header.columns.get(field, 0))

    def get(self, row: int, field: str) -> CellValue:
        column = self.header.columns.get(field)
        if column is None:
            return None
        if (row, column) in self.sheet.uncached_formulas:
            self.log.error(cell_ref(self.sheet.name, row, column), FORMULA_WITHOUT_RESULT)
        return self.sheet.value(row, column)

    def text(self, row: int, field: str) -> str:
        value = self.get(row, field)
        return cell_text(value) if self.lossless else cell_text(value).strip()

    def read(self, row: int, goal_count: int | None) -> IndicatorRow | None:
        if all(is_blank(self.get(row, field)) for field in _USED):
            return None
        levels = self._levels(row)
        if levels is None:
            return None
        level1, level2 = levels
        name = self.text(row, s.COL_NAME)
        value_cell = self.get(row, s.COL_VALUE)
        value_shown = cell_text(value_cell).strip()
        if name.strip() == NOT_APPLICABLE and value_shown == NOT_APPLICABLE:
            return IndicatorRow(row, level1, level2, None)
        if name.strip() in s.EMPTY_MARKERS or name.strip() == NOT_APPLICABLE:
            # ``/`` or ``不适用`` as a name is no indicator: the category is not applicable
            if value_shown in s.EMPTY_MARKERS or value_shown in ("", NOT_APPLICABLE):
                self.log.warn(self.ref(row, s.COL_NAME), f"三级指标“{name.strip()}”表示不适用，已将“{level2}”标为不适用")
                return IndicatorRow(row, level1, level2, None)
            self.log.warn(self.ref(row, s.COL_NAME), f"三级指标名称是“{name.strip()}”，请填写指标名称")
        try:
            value, unit, edited = self._value(row)
        except _Located as exc:
            self.log.error(exc.where, str(exc))
            return None
        except CellError as exc:
            self.log.error(self.ref(row, s.COL_VALUE), str(exc))
            return None
        indicator = Indicator(
            name=name,
            value=value,
            unit=unit,
            explanation=self.text(row, s.COL_EXPLANATION),
            goals=self._goals(row, goal_count),
        )
        if edited:
            self.log.warn(
                self.ref(row, s.COL_VALUE),
                f"“{name}”一行在表格中修改过，已按修改后的内容导入（指标值“{value}”，度量单位“{unit}”）",
            )
        return IndicatorRow(row, level1, level2, indicator, edited, self.ref(row, s.COL_GOALS))

    def _levels(self, row: int) -> tuple[str, str] | None:
        """Level names as people write them (``产出``, ``数量``, 成本指标 of MOF-2021), filled down."""
        from desktop.documents.formread.levels import LevelError, LevelResolver

        level1 = cell_text(self.get(row, s.COL_LEVEL1)).strip()
        level2 = cell_text(self.get(row, s.COL_LEVEL2)).strip()
        if not self.lossless:  # a print layout merges the level names down their rows
            level1 = level1 or self.previous[0]
            level2 = level2 or (self.previous[1] if level1 == self.previous[0] else "")
        self.previous = (level1, level2)
        if self.resolver is None:
            from desktop.documents.formread.labels import form_labels

            self.resolver = LevelResolver(self.profile, form_labels(self.profile.id))
        try:
            resolved = self.resolver.resolve(level1, level2)
        except LevelError as exc:
            first = "一级" in str(exc) and "二级指标“" not in str(exc)
            self.log.error(self.ref(row, s.COL_LEVEL1 if first else s.COL_LEVEL2), str(exc))
            return None
        if resolved.note:
            self.log.warn(self.ref(row, s.COL_LEVEL2), resolved.note)
        return resolved.level1, resolved.level2

    def _value(self, row: int) -> tuple[str, str, bool]:
        operator_cell = self.get(row, s.COL_OPERATOR)
        value_cell = self.get(row, s.COL_VALUE)
        unit_cell = self.get(row, s.COL_UNIT)
        if self.lossless:
            raw_value = cell_text(self.get(row, s.COL_RAW_VALUE))
            raw_unit = cell_text(self.get(row, s.COL_RAW_UNIT))
            if cells_match(split_value(raw_value, raw_unit, self.grade_words), operator_cell, value_cell, unit_cell):
                return raw_value, raw_unit, False
        try:
            operator = read_operator(operator_cell)
        except CellError as exc:
            raise _Located(self.ref(row, s.COL_OPERATOR), str(exc)) from exc
        text = value_text(value_cell)
        unit = cell_text(unit_cell).strip()
        if not self.lossless and text in s.EMPTY_MARKERS:
            self.log.warn(self.ref(row, s.COL_VALUE), f"指标值“{text}”表示空值，已按空值导入（S09）")
            text = ""
        if not self.lossless and unit in s.EMPTY_MARKERS:
            unit = ""
        if is_unknown_grade(operator, text, self.grade_words):
            self.log.warn(self.ref(row, s.COL_VALUE), f"“{text}”不是指标体系中的定性等级词")
        if self.lossless:
            value, unit = join_split(operator, text, unit)
        else:
            value, unit = join_combined(operator, text, unit, self.grade_words)
        check_value(operator, value, unit, self.grade_words)
        return value, unit, self.lossless

    def _goals(self, row: int, goal_count: int | None) -> list[int]:
        cell = self.get(row, s.COL_GOALS)
        if is_blank(cell):
            return []
        ref = self.ref(row, s.COL_GOALS)
        numbers: list[int] = []
        text = cell_text(cell).replace("目标", "")
        for part in _GOAL_SPLIT.split(text.strip()):
            if not part:
                continue
            try:
                number = cell_int(part)
            except CellError:
                self.log.warn(ref, f"对应目标“{cell_text(cell)}”应为目标序号，多个用“、”分隔；这一行的对应目标没有导入")
                return []
            if number < 1 or (goal_count is not None and number > goal_count):
                # one bad link is a note on its row, not a reason to refuse the file
                total = "" if goal_count is None else f"（共 {goal_count} 个目标）"
                self.log.warn(ref, f"对应目标 {number} 不存在{total}，这一关联没有导入")
                continue
            if number not in numbers:
                numbers.append(number)
        return sorted(numbers)


def read_indicator_rows(
    sheet: SheetRows, header: HeaderMap, profile: Profile, log: ProblemLog, goal_count: int | None
) -> list[IndicatorRow]:
    """Every data row below ``header``; problems go to ``log`` (the caller raises)."""
    reader = _RowReader(sheet, header, profile, log)
    rows = []
    for row in range(header.row + 1, len(sheet.rows) + 1):
        item = reader.read(row, goal_count)
        if item is not None:
            rows.append(item)
    return rows
