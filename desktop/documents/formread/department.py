"""The 部门（单位）整体支出绩效目标申报表 read from a grid, block by block, by its labels.

Blocks may be anywhere (a header at row 30, a blank row between tasks, the goals in one cell or
one per row); labels may be merged, repeated, split over lines or shortened. Every cell with
content that no block takes is reported by its place, so nothing is dropped silently.
See docs/form-import.md.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.documents.formread.grid import Grid
from desktop.documents.formread.labels import FormLabels, normalise_label
from desktop.documents.formread.levels import LevelError, LevelResolver
from desktop.documents.formread.locate import Cell, Header, LabelIndex, labelled_parts
from desktop.documents.formread.result import FormReadError, FormReadResult
from desktop.documents.formread.texts import find_year, form_amount, iso_date, split_goals
from desktop.documents.xlsx.cells import CellError
from desktop.documents.xlsx.problems import Problem
from desktop.domain.model import Declaration, Indicator, Task, Totals
from desktop.domain.profile import Profile, new_declaration
from desktop.domain.values import normalise_value_text

_INDICATOR_REQUIRED = ("name", "value")
_AMOUNT_KEYS = ("total", "fiscal", "other")


class DepartmentFormReader:
    def __init__(self, grid: Grid, profile: Profile, labels: FormLabels) -> None:
        self.grid = grid
        self.profile = profile
        self.labels = labels
        self.index = LabelIndex(grid, labels)
        self.used: set[Cell] = set()
        self.notes: list[Problem] = []
        self._unplaced: list[tuple[Cell, Problem]] = []
        self.levels = LevelResolver(profile, labels)
        #: Rows where a block starts; a block reads up to the next one.
        self.starts: set[int] = set()
        #: Field path (``tasks[0].fiscal``, ``goals[2]``, ``数量指标[1].value``) → cell place.
        self.places: dict[str, str] = {}
        self.printed_totals: Totals | None = None
        self._last_value_cell: Cell = (0, 0)
        #: Goals written in the label's own cell after a colon.
        self._inline_goals = ""

    # -- entry ----------------------------------------------------------------------------
    def read(self) -> FormReadResult:
        indicator_header = self._indicator_header()
        task_header = self._task_header_row()
        goal_label = self._goal_label()
        signature_row = self._signature_start(indicator_header)
        if indicator_header is None and task_header is None and goal_label is None:
            raise FormReadError(
                f"{self.grid.name}：没有找到申报表的“年度主要任务”“年度总体目标”或绩效指标表头"
                "（一级指标、二级指标、三级指标、指标值），无法按申报表导入；"
                "请确认它是部门（单位）整体支出绩效目标申报表，或用“--into 编号”把其中的指标导入已有的申报表"
            )
        for row in (task_header, goal_label[0] if goal_label else None,
                    indicator_header.row if indicator_header else None, signature_row):
            if row is not None:
                self.starts.add(row)
        decl = new_declaration(self.profile, self._year(), with_basic_row=False)
        self._header_fields(decl)
        if task_header is not None:
            self._tasks(decl, task_header)
        if goal_label is not None:
            decl.goals = self._goals(goal_label)
        if indicator_header is not None:
            self._indicators(decl, indicator_header, signature_row)
        if signature_row is not None:
            self._signature(decl, signature_row)
        self._block_labels()
        self._collect_unplaced()
        unplaced = [problem for _, problem in sorted(self._unplaced, key=lambda item: item[0])]
        return FormReadResult(decl, unplaced, self.notes, self.grid.name, self.places, self.printed_totals)

    def _next_start(self, row: int, stop: int | None = None) -> int:
        later = [r for r in self.starts if r > row]
        end = min(later) if later else self.grid.height
        return min(end, stop) if stop is not None else end

    def _note(self, cell: Cell, message: str) -> None:
        self.notes.append(Problem(self.grid.ref(*cell), message))

    def _unplace(self, cell: Cell, message: str) -> None:
        self.used.add(cell)
        self._unplaced.append((cell, Problem(self.grid.ref(*cell), message)))

    def _unplace_row(self, row: int, message: str) -> None:
        self._unplaced.append(((row, -1), Problem(self.grid.row_ref(row), message)))

    # -- title, year, unit ----------------------------------------------------------------
    def _first_block_row(self) -> int:
        return min(self.starts) if self.starts else self.grid.height

    def _year(self) -> int:
        limit = self._first_block_row()
        titles = frozenset().union(*self.labels.titles.values())
        for cell, text in sorted(self.index.norm.items()):
            if cell[0] >= limit:
                break
            year = find_year(self.index.raw_text[cell])
            is_title = any(t in text for t in titles)
            if year is not None and (is_title or text.startswith(("(", "（")) or "年度" in text):
                self.used.add(cell)
                return year
            if is_title:
                self.used.add(cell)
        for cell, value in self.index.find_prefixed(self.labels.fields["year"], stop=limit):
            if value[:4].isdigit():
                self.used.add(cell)
                return int(value[:4])
        fallback = date.today().year + 1
        self.notes.append(Problem(self.grid.name, f"没有找到年度（如“（{fallback}年度）”），已按 {fallback} 年度导入，请核对"))
        return fallback

    def _header_fields(self, decl: Declaration) -> None:
        limit = self._first_block_row()
        for key in ("unit_name", "supervisor"):
            value = self._labelled_value(self.labels.fields[key], 0, max(limit, 1) + 2)
            if value is not None:
                setattr(decl, key, value)
                self.places[key] = self.grid.ref(*self._last_value_cell)

    def _labelled_value(self, variants: frozenset[str], start: int, stop: int) -> str | None:
        """A label's value: after the label in its own cell, or in the next cell to the right."""
        for cell, inline in self.index.find_prefixed(variants, start=start, stop=stop):
            self.used.add(cell)
            self._last_value_cell = cell
            if inline:
                return inline
            return self._right_value(cell)
        return None

    def _right_value(self, cell: Cell) -> str:
        row, col = cell
        span = self.grid.span_at(row, col)
        for next_col in range(span.right + 1, self.grid.width(row)):
            target = self.grid.origin(row, next_col)
            if target in self.index.norm and target != cell:
                if self._is_any_label(target):
                    return ""
                self.used.add(target)
                self._last_value_cell = target
                return self.index.raw_text[target].strip()
        return ""

    def _is_any_label(self, cell: Cell) -> bool:
        text = self.index.norm.get(cell, "")
        tables = (self.labels.fields, self.labels.blocks, self.labels.signature)
        return any(text in variants for table in tables for variants in table.values())

    # -- tasks ----------------------------------------------------------------------------
    def _task_header_row(self) -> int | None:
        cols = self.labels.task_columns
        found = self.index.find(cols["name"] | cols["content"])
        rows = sorted({row for row, _ in found})
        for row in rows:
            header = self.index.header(row, cols, frozenset())
            if "name" in header.columns or "content" in header.columns:
                return row
        return None

    def _tasks(self, decl: Declaration, row: int) -> None:
        cols = self.labels.task_columns
        header = self.index.header(row, cols, frozenset())
        columns = dict(header.columns)
        self.used.update(header.cells)
        body = row + 1
        stop = self._next_start(row)
        # 预算金额 spans the amount headers in the row(s) below; amounts may sit in this row too
        for below in range(row + 1, min(row + 3, stop)):
            sub = self.index.header(below, cols, frozenset())
            amounts = {k: v for k, v in sub.columns.items() if k in _AMOUNT_KEYS}
            if not amounts:
                break
            columns.update(amounts)
            self.used.update(c for c in sub.cells if self.index.norm[c] in set().union(*(cols[k] for k in amounts)))
            body = below + 1
        scale = self._amount_scale(row, body)
        name_col = columns.get("name")
        content_col = columns.get("content")
        first_data_col = min(c for c in (name_col, content_col) if c is not None)
        self._vertical_label(row, first_data_col, self.labels.blocks["tasks"])
        for current in range(body, stop):
            total_cell = self._total_label(current, columns)
            if total_cell is not None:
                decl.declared_totals = self._total_row(decl, current, columns, scale)
                self.starts.add(current)
                break
            self._task_row(decl, current, columns, scale)

    def _amount_scale(self, first: int, body: int) -> Decimal:
        """万元 unless a header says 元 (预算金额（元）): then amounts are divided by 10,000."""
        for row in range(first, body):
            for cell in self.index.cells_in_row(row):
                text = self.index.norm[cell]
                if "(元)" in text or (text.endswith("元") and "万元" not in text):
                    self._note(cell, "金额单位为元，已换算为万元")
                    self.used.add(cell)
                    return Decimal("0.0001")
        return Decimal(1)

    def _vertical_label(self, row: int, before_col: int, variants: frozenset[str]) -> None:
        for col in range(before_col):
            cell = self.grid.origin(row, col)
            if self.index.norm.get(cell) in variants:
                self.used.add(cell)

    def _total_label(self, row: int, columns: dict[str, int]) -> Cell | None:
        limit = min(v for k, v in columns.items() if k in _AMOUNT_KEYS) if any(k in columns for k in _AMOUNT_KEYS) else 99
        for col in range(min(limit, self.grid.width(row))):
            cell = self.grid.origin(row, col)
            if cell[0] == row and self.index.norm.get(cell) in self.labels.total_row:
                self.used.add(cell)
                return cell
        return None

    def _amount(self, row: int, col: int | None, scale: Decimal) -> Decimal | None:
        if col is None:
            return None
        cell = self.grid.origin(row, col)
        if cell[0] != row:
            return None
        value = self.grid.raw(*cell)
        if cell in self.index.norm:
            self.used.add(cell)
        try:
            amount = form_amount(value) * scale
        except CellError as exc:
            self._unplace(cell, str(exc))
            return None
        return amount.normalize() if scale != 1 else amount

    def _task_row(self, decl: Declaration, row: int, columns: dict[str, int], scale: Decimal) -> None:
        name = self._text(row, columns.get("name"))
        content = self._text(row, columns.get("content"))
        amounts = {key: self._amount(row, columns.get(key), scale) for key in _AMOUNT_KEYS}
        if not name and not content:
            if any(amounts.values()):
                self._unplace_row(row, "这一行有金额但没有任务名称和主要内容")
            return
        total, fiscal, other = amounts["total"], amounts["fiscal"], amounts["other"]
        task = Task(name=name, content=content)
        where = (row, columns.get("name", columns.get("content", 0)))
        if fiscal is None and other is None:
            task.fiscal = total or Decimal(0)
            if total:
                self._note(where, "只有总额，已按财政拨款导入")
        else:
            task.fiscal = fiscal if fiscal is not None else max((total or Decimal(0)) - (other or Decimal(0)), Decimal(0))
            task.other = other if other is not None else max((total or Decimal(0)) - (fiscal or Decimal(0)), Decimal(0))
            if total is not None and total != task.total:
                task.declared_total = total
        path = f"tasks[{len(decl.tasks)}]"
        for key in ("name", "content", *_AMOUNT_KEYS):
            if columns.get(key) is not None:
                self.places[f"{path}.{key}"] = self.grid.ref(row, columns[key])
        decl.tasks.append(task)

    def _total_row(self, decl: Declaration, row: int, columns: dict[str, int], scale: Decimal) -> Totals | None:
        amounts = {key: self._amount(row, columns.get(key), scale) for key in _AMOUNT_KEYS}
        self.printed_totals = Totals(**amounts)
        computed = decl.computed_totals()
        declared = Totals(**{k: v for k, v in amounts.items() if v is not None and v != getattr(computed, k)})
        return None if declared.is_empty() else declared

    def _text(self, row: int, col: int | None) -> str:
        if col is None:
            return ""
        cell = self.grid.origin(row, col)
        if cell[0] != row or cell not in self.index.norm:
            return ""
        self.used.add(cell)
        return self.index.raw_text[cell].strip()

    # -- goals ----------------------------------------------------------------------------
    def _goal_label(self) -> Cell | None:
        found = self.index.find(self.labels.blocks["goals"])
        if found:
            return found[0]
        inline = self.index.find_prefixed(self.labels.blocks["goals"])  # 年度总体目标：目标1：…
        if inline:
            self._inline_goals = inline[0][1]
            return inline[0][0]
        return None

    def _goals(self, label: Cell) -> list[str]:
        self.used.add(label)
        goals: list[str] = []
        for _number, text in split_goals(self._inline_goals):
            if text:
                self.places[f"goals[{len(goals)}]"] = self.grid.ref(*label)
                goals.append(text)
        span = self.grid.span_at(*label)
        stop = self._next_start(label[0])
        rows = range(label[0], max(span.bottom + 1, label[0] + 1))
        cells = [c for r in rows for c in self._cells_right_of(r, span.right)]
        if not cells:  # a heading over the whole width: the goals are in the rows below it
            cells = [c for r in range(label[0] + 1, stop) for c in self._cells_right_of(r, -1)]
        else:  # more goal rows under a label that is not merged down
            for r in range(rows.stop, stop):
                below = self._cells_right_of(r, span.right)
                if not below or any(self.grid.origin(r, col) in self.index.norm for col in range(span.right + 1)):
                    break
                cells.extend(below)
        for cell in cells:
            self.used.add(cell)
            for number, text in split_goals(self.index.raw_text[cell]):
                if number is not None and number != len(goals) + 1:
                    self._note(cell, f"目标序号“目标{number}”与其位置（目标{len(goals) + 1}）不一致，已按位置编号")
                if text:
                    self.places[f"goals[{len(goals)}]"] = self.grid.ref(*cell)
                    goals.append(text)
        return goals

    def _cells_right_of(self, row: int, col: int) -> list[Cell]:
        found: list[Cell] = []
        for next_col in range(col + 1, self.grid.width(row)):
            cell = self.grid.origin(row, next_col)
            if cell[0] == row and cell[1] == next_col and cell in self.index.norm and cell not in self.used:
                found.append(cell)
        return found

    # -- indicators -----------------------------------------------------------------------
    def _indicator_header(self) -> Header | None:
        table = self.labels.indicator_columns
        rows = sorted({row for row, _ in self.index.find(table["name"] | table["value"])})
        for row in rows:
            header = self.index.header(row, table, self.labels.ignored_columns)
            if all(f in header.columns for f in _INDICATOR_REQUIRED) and len(header.columns) >= 3:
                return header
        return None

    def _indicators(self, decl: Declaration, header: Header, signature_row: int | None) -> None:
        self.used.update(header.cells)
        self.used.update(header.ignored)
        for cell in header.unknown:
            self._unplace(cell, f"表头“{self.index.raw_text[cell].strip()}”无法识别，该列没有导入")
        for cell in header.ignored:
            self._note(cell, f"“{self.index.raw_text[cell].strip()}”列不属于申报表，没有导入")
        columns = header.columns
        self._vertical_label(header.row, min(columns.values()), self.labels.blocks["indicators"])
        stop = signature_row if signature_row is not None and signature_row > header.row else self.grid.height
        previous = ("", "")
        for row in range(header.row + 1, stop):
            repeated = self.index.header(row, self.labels.indicator_columns, self.labels.ignored_columns)
            if all(f in repeated.columns for f in _INDICATOR_REQUIRED):
                self.used.update(repeated.cells)
                self.used.update(repeated.ignored)
                continue  # the header repeated on a new page
            previous = self._indicator_row(decl, row, columns, previous)

    def _level_text(self, row: int, col: int | None) -> tuple[str, Cell | None]:
        if col is None:
            return "", None
        cell = self.grid.origin(row, col)
        if cell not in self.index.norm:
            return "", None
        return self.index.raw_text[cell].strip(), cell

    def _indicator_row(self, decl: Declaration, row: int, columns: dict[str, int], previous: tuple[str, str]) -> tuple[str, str]:
        text1, cell1 = self._level_text(row, columns.get("level1"))
        text2, cell2 = self._level_text(row, columns.get("level2"))
        name = self._text(row, columns.get("name"))
        value = self._value(row, columns)
        unit = normalise_value_text(self._text(row, columns.get("unit")))
        explanation = self._text(row, columns.get("explanation"))
        if not (name or value or unit or explanation):
            # an empty category's row prints only its labels; anything else (a note under the
            # table) is left for the unplaced list
            known = [c for c, t in ((cell1, text1), (cell2, text2)) if c is not None and self._is_level_name(t)]
            if known and all(c[0] != row or c in known for c in (cell1, cell2) if c is not None):
                self.used.update(known)
                return (text1 or previous[0], text2 or previous[1])
            return previous
        if not name and not value:  # a stray note in the unit or explanation column
            for key in ("unit", "explanation"):
                if columns.get(key) is not None:
                    self.used.discard(self.grid.origin(row, columns[key]))
            return previous
        if not text1:
            text1 = previous[0]
        if not text2 and (text1 == previous[0] or not cell1 or cell1[0] != row):
            text2 = previous[1]
        where = (row, columns.get("name", 0))
        try:
            resolved = self.levels.resolve(text1, text2)
        except LevelError as exc:
            self._unplace_row(row, f"{exc}，“{name or value}”一行没有导入")
            self.used.update(c for c in (cell1, cell2) if c is not None)  # named in that line
            return (text1, text2)
        for cell in (cell1, cell2):
            if cell is not None:
                self.used.add(cell)
        if resolved.note:
            self._note(where, resolved.note)
        category = decl.category(resolved.level1, resolved.level2)
        assert category is not None  # resolved against the same profile
        na = self.labels.not_applicable
        if normalise_label(name) in na and normalise_label(value) in na | {""}:
            if not category.indicators:
                category.not_applicable = True
            if normalise_label(name) != "不适用":
                self._note(where, f"三级指标“{name}”表示不适用，已将“{resolved.level2}”标为不适用")
            return (text1, text2)
        if not name:
            self._note(where, f"这一行没有三级指标名称（指标值“{value}”）")
        category.not_applicable = False
        path = f"{category.level2}[{len(category.indicators)}]"
        for key in ("name", "value", "unit", "explanation"):
            if columns.get(key) is not None:
                self.places[f"{path}.{key}"] = self.grid.ref(row, columns[key])
        category.indicators.append(Indicator(name=name, value=value, unit=unit, explanation=explanation))
        return (text1, text2)

    def _is_level_name(self, text: str) -> bool:
        label = normalise_label(text)
        return label in self.labels.level1 or label in self.labels.level2

    def _value(self, row: int, columns: dict[str, int]) -> str:
        operator = self._text(row, columns.get("operator"))
        value = self._text(row, columns.get("value"))
        if operator in ("定性", "定量"):
            operator = ""
        return normalise_value_text(operator + value)

    # -- signature ------------------------------------------------------------------------
    def _signature_start(self, header: Header | None) -> int | None:
        """The first row below the table that starts with a signature label (填报人：…)."""
        start = header.row + 1 if header is not None else 0
        variants = frozenset().union(*self.labels.signature.values())
        for (row, col), _value in self.index.find_prefixed(variants, start=start):
            if not any(self.grid.text(row, left) for left in range(col)):
                return row  # a label inside the table (an explanation saying 负责人：) is not one
        return None

    def _signature(self, decl: Declaration, row: int) -> None:
        for cell, text in sorted(self.index.raw_text.items()):
            if cell[0] < row or cell in self.used:
                continue
            parts = labelled_parts(text.strip(), self.labels.signature)
            if parts is None:
                continue
            self.used.add(cell)
            for index, (key, value) in enumerate(parts):
                if not value and index == len(parts) - 1 and key != "seal":
                    value = self._right_value(cell)
                if key == "seal":
                    continue
                if key == "date":
                    value = iso_date(value) or ("" if not any(ch.isdigit() for ch in value) else value)
                setattr(decl.footer, key, value)

    # -- the rest -------------------------------------------------------------------------
    def _block_labels(self) -> None:
        """Block labels (年度主要任务, 绩效指标 ...) printed beside their blocks are no content."""
        variants = frozenset().union(*self.labels.blocks.values())
        for cell in self.index.find(variants):
            self.used.add(cell)

    def _collect_unplaced(self) -> None:
        for cell, text in self.index.raw_text.items():
            if cell not in self.used:
                shown = text.strip().replace("\n", " ")
                shown = shown if len(shown) <= 40 else shown[:40] + "…"
                self._unplace(cell, f"未能识别的内容“{shown}”")
