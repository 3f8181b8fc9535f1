"""A flat indicator list from another source, appended to (or replacing) a declaration's table.

The header row is searched in the first 20 rows of each sheet (绩效指标 first), columns may come
in any order under their usual synonyms, extra columns are ignored, level names are checked
against the profile. Nothing is applied before the whole list has been read and checked.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from desktop.documents.xlsx import schema as s
from desktop.documents.xlsx.headers import INDICATOR_SYNONYMS, HeaderMap, find_header
from desktop.documents.xlsx.indicator_rows import IndicatorRow, read_indicator_rows
from desktop.documents.xlsx.problems import Problem, ProblemLog, XlsxImportError
from desktop.documents.xlsx.source import SheetRows, open_workbook
from desktop.domain.model import Category, Declaration
from desktop.domain.profile import Profile, load_profile

_REQUIRED = (s.COL_NAME, s.COL_VALUE)
_LEVELS = (s.COL_LEVEL1, s.COL_LEVEL2)


@dataclass
class IndicatorListResult:
    """The checked rows of a flat list, grouped by category in the profile's order."""

    profile_id: str
    sheet: str
    rows: list[IndicatorRow]
    warnings: list[str] = field(default_factory=list)

    @property
    def categories(self) -> list[Category]:
        """One Category per level-2 the list mentions, profile order, file order inside."""
        grouped: list[Category] = []
        for level1, level2 in load_profile(self.profile_id).level2_keys():
            mine = [r for r in self.rows if (r.level1, r.level2) == (level1, level2)]
            if not mine:
                continue
            indicators = [copy.deepcopy(r.indicator) for r in mine if r.indicator is not None]
            grouped.append(Category(level1, level2, not_applicable=not indicators, indicators=indicators))
        return grouped

    @property
    def indicator_count(self) -> int:
        return sum(1 for r in self.rows if r.indicator is not None)


def _sheet_order(names: list[str]) -> list[str]:
    preferred = [n for n in names if n == s.SHEET_INDICATORS]
    return preferred + [n for n in names if n not in (s.SHEET_INDICATORS, s.SHEET_META)]


def read_indicator_list(path: str | Path, profile: Profile, *, goal_count: int | None = None) -> IndicatorListResult:
    """Read a flat indicator list; raises :class:`XlsxImportError` naming sheet!cell.

    ``goal_count`` (the target declaration's number of goals) checks 对应目标 while reading;
    without it the links are checked by :func:`apply_indicator_list`.
    """
    with open_workbook(path) as workbook:
        found: tuple[SheetRows, HeaderMap] | None = None
        for name in _sheet_order(workbook.sheet_names):
            sheet = workbook.sheet(name)
            header = find_header(sheet, _REQUIRED, INDICATOR_SYNONYMS, s.HEADER_SEARCH_ROWS)
            if header is not None:
                found = (sheet, header)
                break
    if found is None:
        raise XlsxImportError.single(
            f"找不到指标表头：任何工作表的前 {s.HEADER_SEARCH_ROWS} 行中都没有同时包含"
            "“三级指标”（或“指标名称”）和“指标值”的一行"
        )
    sheet, header = found
    log = ProblemLog()
    absent = [f for f in _LEVELS if not header.has(f)]
    if absent:
        log.error(f"{sheet.name}!{header.row}", "表头缺少列" + "、".join(f"“{f}”" for f in absent))
        log.raise_if_errors()
    for field_name, where in header.duplicates:
        log.warn(where, f"重复的“{field_name}”列，已忽略")
    rows = read_indicator_rows(sheet, header, profile, log, goal_count)
    if not rows and not log.errors:
        log.error(sheet.name, "表头下面没有任何指标")
    log.raise_if_errors()
    return IndicatorListResult(profile.id, sheet.name, rows, log.warning_texts())


def apply_indicator_list(decl: Declaration, result: IndicatorListResult, replace: bool) -> list[str]:
    """Append the list's indicators to ``decl`` (or replace its table with them).

    Everything is checked first (profile, goal links); an error raises
    :class:`XlsxImportError` and leaves ``decl`` unchanged. Returns notes for the user.
    """
    if result.profile_id != decl.profile_id:
        raise XlsxImportError.single(
            f"指标清单按指标体系 {result.profile_id} 读取，申报表使用的是 {decl.profile_id}"
        )
    problems = []
    for row in result.rows:
        if row.indicator is not None:
            too_high = [g for g in row.indicator.goals if g > len(decl.goals)]
            if too_high:
                problems.append(Problem(row.goals_cell, f"对应目标 {too_high[0]} 不存在（申报表共 {len(decl.goals)} 个目标）"))
    if problems:
        raise XlsxImportError(problems)
    notes: list[str] = []
    if replace:
        for category in decl.categories:
            category.indicators = []
            category.not_applicable = False
    for incoming in result.categories:
        target = decl.category(incoming.level1, incoming.level2)
        if target is None:  # profile checked above: every level-2 exists
            continue
        if incoming.indicators:
            target.indicators.extend(incoming.indicators)
            target.not_applicable = False
        elif target.indicators:
            notes.append(f"“{incoming.level2}”在清单中标为不适用，但申报表中已有指标，已保留原有指标")
        else:
            target.not_applicable = True
    return notes
