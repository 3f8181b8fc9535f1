"""A flat indicator list from another source, appended to (or replacing) a declaration's table.

The header row is searched in every row of each sheet (绩效指标 first), columns may come in any
order under their usual synonyms and the profile's label data, every column not used gets a
warning, level names are matched through the profile's short forms and synonyms, and a goal
link to a missing goal is a note on its row. Nothing is applied before the whole list has been read and checked.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from desktop.documents.xlsx import schema as s
from desktop.documents.xlsx.cells import cell_text
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


def list_synonyms(profile_id: str) -> dict[str, tuple[str, ...]]:
    """Column titles of a flat list: ours plus the profile's label data (指标值说明 → 指标解释)."""
    from desktop.documents.formread.labels import form_labels

    fields = {"level1": s.COL_LEVEL1, "level2": s.COL_LEVEL2, "name": s.COL_NAME, "operator": s.COL_OPERATOR,
              "value": s.COL_VALUE, "unit": s.COL_UNIT, "explanation": s.COL_EXPLANATION}
    synonyms = {key: list(titles) for key, titles in INDICATOR_SYNONYMS.items()}
    for key, variants in form_labels(profile_id).indicator_columns.items():
        if key in fields:
            synonyms[fields[key]].extend(sorted(variants))
    return {key: tuple(titles) for key, titles in synonyms.items()}


def _column_of(where: str) -> int:
    letters = "".join(ch for ch in where.rsplit("!", 1)[-1] if ch.isalpha())
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number - 1


def _sheet_order(names: list[str]) -> list[str]:
    preferred = [n for n in names if n == s.SHEET_INDICATORS]
    return preferred + [n for n in names if n not in (s.SHEET_INDICATORS, s.SHEET_META)]


def read_indicator_list(path: str | Path, profile: Profile, *, goal_count: int | None = None) -> IndicatorListResult:
    """Read a flat indicator list; raises :class:`XlsxImportError` naming sheet!cell.

    ``goal_count`` (the target declaration's number of goals) checks 对应目标 while reading;
    without it the links are checked by :func:`apply_indicator_list`.
    """
    synonyms = list_synonyms(profile.id)
    with open_workbook(path) as workbook:
        found: tuple[SheetRows, HeaderMap] | None = None
        for name in _sheet_order(workbook.sheet_names):
            sheet = workbook.sheet(name)
            header = find_header(sheet, _REQUIRED, synonyms, len(sheet.rows))
            if header is not None:
                found = (sheet, header)
                break
    if found is None:
        raise XlsxImportError.single(
            "找不到指标表头：任何工作表中都没有同时包含“三级指标”（或“指标名称”）和“指标值”的一行"
        )
    sheet, header = found
    log = ProblemLog()
    absent = [f for f in _LEVELS if not header.has(f)]
    if absent:
        log.error(f"{sheet.name}!{header.row}", "表头缺少列" + "、".join(f"“{f}”" for f in absent))
        log.raise_if_errors()
    for field_name, where in header.duplicates:
        title = cell_text(sheet.value(header.row, _column_of(where))).strip()
        log.warn(where, f"“{title}”列与“{field_name}”列重复，已忽略")
    for title, where in header.unused:
        log.warn(where, f"“{title}”列不属于申报表，没有导入")
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
    notes: list[str] = []
    for row in result.rows:
        if row.indicator is not None:
            too_high = [g for g in row.indicator.goals if g > len(decl.goals)]
            if too_high:  # a finding on its row, not a refusal of the file
                notes.append(str(Problem(row.goals_cell, f"对应目标 {too_high[0]} 不存在（申报表共 {len(decl.goals)} 个目标），这一关联没有导入")))
                row.indicator.goals = [g for g in row.indicator.goals if g <= len(decl.goals)]
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
