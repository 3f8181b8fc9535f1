"""The 年度主要任务 block: header with 预算金额 columns in any order, task rows, 金额合计."""

from __future__ import annotations

from decimal import Decimal

from desktop.documents.formread.locate import Cell
from desktop.documents.formread.reader_base import ReaderBase
from desktop.documents.formread.texts import form_amount
from desktop.documents.xlsx.cells import CellError
from desktop.domain.model import Declaration, Task, Totals

_AMOUNT_KEYS = ("total", "fiscal", "other")


class TaskBlock(ReaderBase):
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
        header = self.index.header(row, cols, self.labels.ignored_columns)
        columns = dict(header.columns)
        self.used.update(header.cells)
        self.used.update(header.ignored)  # 序号: its numbers are not content
        skipped = [cell[1] for cell in header.ignored]
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
            for col in skipped:
                cell = self.grid.origin(current, col)
                if cell == (current, col):
                    self.used.add(cell)

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


