"""``read_xlsx``: a whole declaration from a workbook PerfDecl exported (docs/xlsx.md).

Header fields and what the visible sheets cannot carry come from the hidden ``_perfdecl``
sheet; tasks, goals and indicators from the visible sheets, so a colleague's edits in Excel or
WPS are taken. The sheets are turned into an exchange document and validated by the JSON
reader, so both formats accept exactly the same declarations; every refusal names sheet!cell.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.documents.xlsx import schema as s
from desktop.documents.xlsx.cells import (
    CellError,
    CellValue,
    cell_amount,
    cell_int,
    cell_text,
    is_blank,
)
from desktop.documents.xlsx.headers import INDICATOR_SYNONYMS, HeaderMap, map_header
from desktop.documents.xlsx.indicator_rows import FORMULA_WITHOUT_RESULT, read_indicator_rows
from desktop.documents.xlsx.problems import Problem, ProblemLog, XlsxImportError, cell_ref
from desktop.documents.xlsx.source import SheetRows, Workbook, open_workbook
from desktop.domain.model import FORM_PROJECT, Declaration
from desktop.domain.money import canonical_amount, format_amount
from desktop.domain.profile import DEFAULT_PROFILE_ID, UnknownProfileError, load_profile
from desktop.exchange.errors import ExchangeError
from desktop.exchange.reader import declaration_from_dict


class NotOwnWorkbookError(XlsxImportError):
    """The workbook has no ``_perfdecl`` sheet: it is a flat indicator list, not a declaration."""

    def __init__(self) -> None:
        super().__init__([Problem("", "该工作簿不是本程序导出的申报表（没有 _perfdecl 工作表）；"
                                      "如果它是一份指标清单，请把它导入到已有的申报表（--into）")])


@dataclass
class XlsxReadResult:
    declaration: Declaration
    warnings: list[str] = field(default_factory=list)
    #: Rows of 绩效指标 whose visible cells were edited and joined back.
    edited_rows: list[int] = field(default_factory=list)
    #: The fingerprint recorded at export (empty when the workbook has none).
    source_fingerprint: str = ""


_TASK_SYNONYMS: dict[str, tuple[str, ...]] = {c: (c,) for c in s.TASK_COLUMNS}
_GOAL_SYNONYMS: dict[str, tuple[str, ...]] = {c: (c,) for c in s.GOAL_COLUMNS}
_META_REQUIRED = ("format", "version", "form", "year", "unit_name", "supervisor")


class _Cells:
    """Cell access that reports formulas without a cached result."""

    def __init__(self, sheet: SheetRows, log: ProblemLog) -> None:
        self.sheet = sheet
        self.log = log

    def get(self, row: int, column: int) -> CellValue:
        if (row, column) in self.sheet.uncached_formulas:
            self.log.error(cell_ref(self.sheet.name, row, column), FORMULA_WITHOUT_RESULT)
        return self.sheet.value(row, column)


class _OwnReader:
    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.log = ProblemLog()
        #: JSON path → sheet!cell, to place the exchange reader's findings.
        self.places: dict[str, str] = {}
        #: The ``_perfdecl`` rows: key → (value, sheet!cell).
        self.meta_values: dict[str, tuple[CellValue, str]] = {}
        #: Set when a task row's amounts were edited after export.
        self.amounts_edited = False

    def read(self) -> XlsxReadResult:
        names = self.workbook.sheet_names
        if s.SHEET_META not in names:
            raise NotOwnWorkbookError()
        doc, fingerprint = self._meta(self.workbook.sheet(s.SHEET_META))
        if doc.get("form") == FORM_PROJECT:  # docs/project-form.md §7
            from desktop.documents.xlsx.project_sheets import read_project_workbook

            return read_project_workbook(self, doc, fingerprint)
        missing = [n for n in (s.SHEET_INDICATORS, s.SHEET_TASKS, s.SHEET_GOALS) if n not in names]
        if missing:
            raise XlsxImportError.single("缺少工作表" + "、".join(f"“{n}”" for n in missing))
        doc["tasks"] = self._tasks(self.workbook.sheet(s.SHEET_TASKS))
        if self.amounts_edited and doc.pop("totals", None):
            self.log.warn(s.SHEET_TASKS, "金额已修改，原申报表中的“金额合计”数已删除，合计按各任务金额重新计算")
        doc["goals"] = self._goals(self.workbook.sheet(s.SHEET_GOALS))
        profile_id = doc.get("profile") or DEFAULT_PROFILE_ID
        try:
            profile = load_profile(str(profile_id))
        except UnknownProfileError as exc:
            self.log.error(self.places.get("profile", s.SHEET_META), f"未知的指标体系“{profile_id}”")
            raise XlsxImportError(self.log.errors) from exc
        doc["indicators"], edited = self._indicators(self.workbook.sheet(s.SHEET_INDICATORS), profile, len(doc["goals"]))
        return self.finish(doc, edited, fingerprint)

    def finish(self, doc: dict[str, Any], edited: list[int], fingerprint: str) -> XlsxReadResult:
        """Validate the assembled exchange document with the JSON reader."""
        self.log.raise_if_errors()
        try:
            result = declaration_from_dict(doc)
        except ExchangeError as exc:
            raise XlsxImportError([Problem(self._place(exc.path), exc.message)]) from exc
        warnings = self.log.warning_texts() + [self._placed_warning(w) for w in result.warnings]
        return XlsxReadResult(result.declaration, warnings, edited, fingerprint)

    # -- places ---------------------------------------------------------------------------
    def _place(self, path: str) -> str:
        best = ""
        for key in self.places:
            if (path == key or path.startswith((key + ".", key + "["))) and len(key) > len(best):
                best = key
        return self.places.get(best, "")

    def _placed_warning(self, text: str) -> str:
        path, sep, message = text.partition("：")
        place = self._place(path) if sep else ""
        return f"{place}：{message}" if place else text

    # -- sheets ---------------------------------------------------------------------------
    def _meta(self, sheet: SheetRows) -> tuple[dict[str, Any], str]:
        cells = _Cells(sheet, self.log)
        values: dict[str, tuple[CellValue, str]] = {}
        for row in range(1, len(sheet.rows) + 1):
            key = cell_text(sheet.value(row, 0)).strip()
            if key:
                values[key] = (cells.get(row, 1), cell_ref(sheet.name, row, 1))
                self.places[key] = cell_ref(sheet.name, row, 1)
        for key in _META_REQUIRED:
            if key not in values:
                self.log.error(s.SHEET_META, f"缺少“{key}”一行")
        doc: dict[str, Any] = {}
        for key in ("format", "form", "profile", "unit_name", "supervisor"):
            if key in values:
                doc[key] = cell_text(values[key][0])
        for key in ("version", "year"):
            if key in values:
                doc[key] = self._int(*values[key])
        doc["footer"] = {attr: cell_text(values[key][0]) for key, attr in s.META_FOOTER_KEYS if key in values}
        for key, attr in s.META_FOOTER_KEYS:
            if key in values:
                self.places[f"footer.{attr}"] = values[key][1]
        if "budget_control_total" in values and not is_blank(values["budget_control_total"][0]):
            doc["budget_control_total"] = self._amount(*values["budget_control_total"])
        for key, kind in (("totals", dict), ("accepted_findings", list)):
            if key in values and not is_blank(values[key][0]):
                doc[key] = self._json(values[key][0], values[key][1], kind)
        fingerprint = cell_text(values["source_fingerprint"][0]).strip() if "source_fingerprint" in values else ""
        self.meta_values = values
        return doc, fingerprint

    def int_value(self, value: CellValue, where: str) -> int | None:
        return self._int(value, where)

    def amount(self, value: CellValue, where: str) -> str | None:
        return self._amount(value, where)

    def json_value(self, value: CellValue, where: str, kind: type) -> Any:
        return self._json(value, where, kind)

    def header(self, sheet: SheetRows, synonyms: dict[str, tuple[str, ...]], required: tuple[str, ...]) -> HeaderMap | None:
        return self._header(sheet, synonyms, required)

    def _int(self, value: CellValue, where: str) -> int | None:
        try:
            return cell_int(value)
        except CellError as exc:
            self.log.error(where, str(exc))
            return None

    def _amount(self, value: CellValue, where: str) -> str | None:
        try:
            return canonical_amount(cell_amount(value))
        except CellError as exc:
            self.log.error(where, str(exc))
            return None

    def _json(self, value: CellValue, where: str, kind: type) -> Any:
        try:
            data = json.loads(cell_text(value))
        except ValueError:
            data = None
        if not isinstance(data, kind):
            self.log.error(where, "内容不是有效的 JSON 文本")
            return None
        return data

    def _header(self, sheet: SheetRows, synonyms: dict[str, tuple[str, ...]], required: tuple[str, ...]) -> HeaderMap | None:
        header = map_header(sheet, 1, synonyms)
        absent = [f for f in required if not header.has(f)]
        if absent:
            self.log.error(sheet.name, "第 1 行缺少列" + "、".join(f"“{f}”" for f in absent))
            return None
        return header

    def _tasks(self, sheet: SheetRows) -> list[dict[str, Any]]:
        header = self._header(sheet, _TASK_SYNONYMS, (s.COL_TASK_NAME, s.COL_TASK_CONTENT, s.COL_TASK_FISCAL, s.COL_TASK_OTHER))
        if header is None:
            return []
        cells = _Cells(sheet, self.log)
        col = header.columns
        tasks: list[dict[str, Any]] = []
        for row in range(2, len(sheet.rows) + 1):
            values = {name: cells.get(row, index) for name, index in col.items()}
            if all(is_blank(v) for v in values.values()):
                continue
            path = f"tasks[{len(tasks)}]"
            self.places[path] = cell_ref(sheet.name, row, 0)
            task: dict[str, Any] = {
                "name": cell_text(values.get(s.COL_TASK_NAME)),
                "content": cell_text(values.get(s.COL_TASK_CONTENT)),
            }
            for key, column in (("fiscal", s.COL_TASK_FISCAL), ("other", s.COL_TASK_OTHER),
                                ("total", s.COL_TASK_DECLARED)):
                if column not in col:
                    continue
                where = cell_ref(sheet.name, row, col[column])
                self.places[f"{path}.{key}"] = where
                if key == "total" and is_blank(values[column]):
                    continue
                task[key] = self._amount(values[column], where)
            self._check_total(values, col, sheet.name, row, task)
            tasks.append(task)
        return tasks

    def _check_total(self, values: dict[str, CellValue], col: dict[str, int], sheet: str, row: int, task: dict[str, Any]) -> None:
        """总额 is derived: an edited one is reported and the sum is used."""
        shown = values.get(s.COL_TASK_TOTAL)
        if is_blank(shown) or task.get("fiscal") is None or task.get("other") is None:
            return
        where = cell_ref(sheet, row, col[s.COL_TASK_TOTAL])
        try:
            total = cell_amount(shown)
        except CellError as exc:
            self.log.error(where, str(exc))
            return
        computed = Decimal(task["fiscal"]) + Decimal(task["other"])
        if total != computed:
            # the row was edited: a total declared by an earlier source no longer applies
            dropped = "，原申报的总额已删除" if task.pop("total", None) is not None else ""
            self.amounts_edited = True
            self.log.warn(where, f"总额 {cell_text(shown)} 与财政拨款+其他资金 {format_amount(computed)} 不一致，已按计算值导入{dropped}")

    def _goals(self, sheet: SheetRows, path: str = "goals") -> list[str]:
        header = self._header(sheet, _GOAL_SYNONYMS, (s.COL_GOAL_TEXT,))
        if header is None:
            return []
        cells = _Cells(sheet, self.log)
        text_col = header.columns[s.COL_GOAL_TEXT]
        number_col = header.columns.get(s.COL_GOAL_NUMBER)
        goals: list[str] = []
        for row in range(2, len(sheet.rows) + 1):
            number = cells.get(row, number_col) if number_col is not None else None
            text = cells.get(row, text_col)
            if is_blank(number) and is_blank(text):
                continue
            self.places[f"{path}[{len(goals)}]"] = cell_ref(sheet.name, row, text_col)
            goals.append(cell_text(text))
            if number_col is not None and not is_blank(number):
                try:
                    stated = cell_int(number)
                except CellError:
                    stated = None
                if stated != len(goals):
                    self.log.warn(cell_ref(sheet.name, row, number_col),
                                  f"目标序号“{cell_text(number)}”与其位置（目标{len(goals)}）不一致，已按位置编号")
        return goals

    def _indicators(
        self, sheet: SheetRows, profile: Any, goal_count: int, where: str = "indicators"
    ) -> tuple[list[dict[str, Any]], list[int]]:
        header = self._header(sheet, INDICATOR_SYNONYMS, (s.COL_LEVEL1, s.COL_LEVEL2, s.COL_NAME, s.COL_VALUE))
        if header is None:
            return [], []
        items: list[dict[str, Any]] = []
        edited: list[int] = []
        for item in read_indicator_rows(sheet, header, profile, self.log, goal_count):
            path = f"{where}[{len(items)}]"
            self.places[path] = cell_ref(sheet.name, item.row, 0)
            for key, column in (("level1", s.COL_LEVEL1), ("level2", s.COL_LEVEL2), ("name", s.COL_NAME),
                                ("value", s.COL_VALUE), ("goals", s.COL_GOALS)):
                if column in header.columns:
                    self.places[f"{path}.{key}"] = cell_ref(sheet.name, item.row, header.columns[column])
            if item.indicator is None:
                items.append({"level1": item.level1, "level2": item.level2, "not_applicable": True})
                continue
            indicator = item.indicator
            items.append({
                "level1": item.level1, "level2": item.level2, "name": indicator.name,
                "value": indicator.value, "unit": indicator.unit,
                "explanation": indicator.explanation, "goals": indicator.goals,
            })
            if item.edited:
                edited.append(item.row)
        return items, edited


def read_xlsx(path: str | Path) -> XlsxReadResult:
    """Read and validate a workbook PerfDecl exported; raises :class:`XlsxImportError`.

    The whole file is checked before anything is returned; an error anywhere refuses it all.
    """
    with open_workbook(path) as workbook:
        return _OwnReader(workbook).read()
