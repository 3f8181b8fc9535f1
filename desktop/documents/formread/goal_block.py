"""The 年度总体目标 block: one goal per cell, ``目标N：`` items in one cell, or after the label."""

from __future__ import annotations

from desktop.documents.formread.locate import Cell
from desktop.documents.formread.reader_base import ReaderBase
from desktop.documents.formread.texts import split_goals


class GoalBlock(ReaderBase):
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


