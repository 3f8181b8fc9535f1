"""The 部门（单位）整体支出绩效目标申报表 read from a grid, block by block, by its labels.

Blocks may be anywhere (a header at row 30, a blank row between tasks, the goals in one cell or
one per row); labels may be merged, repeated, split over lines or shortened. Every cell with
content that no block takes is reported by its place, so nothing is dropped silently.
See docs/form-import.md.
"""

from __future__ import annotations

from datetime import date

from desktop.documents.formread.goal_block import GoalBlock
from desktop.documents.formread.indicator_block import IndicatorBlock
from desktop.documents.formread.locate import Cell, Header, labelled_parts
from desktop.documents.formread.result import FormReadError, FormReadResult
from desktop.documents.formread.task_block import TaskBlock
from desktop.documents.formread.texts import find_year, iso_date
from desktop.documents.xlsx.problems import Problem
from desktop.domain.model import Declaration
from desktop.domain.profile import new_declaration


class DepartmentFormReader(TaskBlock, GoalBlock, IndicatorBlock):
    """Title, year and unit here; each block in its own module (task_block, goal_block,
    indicator_block), all sharing :class:`ReaderBase`."""

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
