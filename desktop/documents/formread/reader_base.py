"""What every block reader of the form shares: the grid, the label index, the cells used so far,
the notes and unplaced cells, and small cell helpers. See docs/form-import.md."""

from __future__ import annotations

from desktop.documents.formread.grid import Grid
from desktop.documents.formread.labels import FormLabels
from desktop.documents.formread.levels import LevelResolver
from desktop.documents.formread.locate import Cell, LabelIndex
from desktop.documents.xlsx.problems import Problem
from desktop.domain.model import Totals
from desktop.domain.profile import Profile


class ReaderBase:
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

    def _text(self, row: int, col: int | None) -> str:
        if col is None:
            return ""
        cell = self.grid.origin(row, col)
        if cell[0] != row or cell not in self.index.norm:
            return ""
        self.used.add(cell)
        return self.index.raw_text[cell].strip()

    def _vertical_label(self, row: int, before_col: int, variants: frozenset[str]) -> None:
        for col in range(before_col):
            cell = self.grid.origin(row, col)
            if self.index.norm.get(cell) in variants:
                self.used.add(cell)

    def _cells_right_of(self, row: int, col: int) -> list[Cell]:
        found: list[Cell] = []
        for next_col in range(col + 1, self.grid.width(row)):
            cell = self.grid.origin(row, next_col)
            if cell[0] == row and cell[1] == next_col and cell in self.index.norm and cell not in self.used:
                found.append(cell)
        return found
