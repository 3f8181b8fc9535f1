"""Where the labels of a form are: every cell's normalised text, looked up in the label data.

The reader asks "which cells say 主管部门", "which row is the indicator column header"; this
module answers from one pass over the grid, so a block is found wherever it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.documents.formread.grid import Grid
from desktop.documents.formread.labels import FormLabels, normalise_label
from desktop.documents.xlsx.cells import cell_text

Cell = tuple[int, int]


@dataclass(frozen=True)
class Header:
    """A column-header row: field → column, and the cells that hold the titles."""

    row: int
    columns: dict[str, int]
    cells: tuple[Cell, ...]
    #: Header cells whose title is known but not used (序号, 权重 ...).
    ignored: tuple[Cell, ...] = ()
    #: Header cells with a title nobody recognised.
    unknown: tuple[Cell, ...] = ()


class LabelIndex:
    def __init__(self, grid: Grid, labels: FormLabels) -> None:
        self.grid = grid
        self.labels = labels
        self.norm: dict[Cell, str] = {}
        self.raw_text: dict[Cell, str] = {}
        for row, col in grid.origins():
            text = cell_text(grid.raw(row, col))
            if text.strip():
                self.raw_text[(row, col)] = text
                self.norm[(row, col)] = normalise_label(text)

    def cells_in_row(self, row: int) -> list[Cell]:
        return [(row, col) for col in range(self.grid.width(row)) if (row, col) in self.norm]

    def find(self, variants: Iterable[str], *, start: int = 0, stop: int | None = None) -> list[Cell]:
        """Cells whose whole text is one of ``variants``, in reading order."""
        wanted = frozenset(variants)
        stop = self.grid.height if stop is None else stop
        return sorted(cell for cell, text in self.norm.items() if start <= cell[0] < stop and text in wanted)

    def find_prefixed(self, variants: Iterable[str], *, start: int = 0, stop: int | None = None) -> list[tuple[Cell, str]]:
        """Cells that start with one of ``variants`` followed by a value: (cell, value text)."""
        wanted = sorted(frozenset(variants), key=len, reverse=True)
        stop = self.grid.height if stop is None else stop
        found: list[tuple[Cell, str]] = []
        for cell, text in sorted(self.norm.items()):
            if not start <= cell[0] < stop:
                continue
            for variant in wanted:
                if variant and text.startswith(variant):
                    value = split_after_label(self.raw_text[cell], variant)
                    if value is not None:
                        found.append((cell, value))
                    break
        return found

    def header(self, row: int, table: Mapping[str, frozenset[str]], ignored: frozenset[str]) -> Header:
        columns: dict[str, int] = {}
        cells: list[Cell] = []
        skipped: list[Cell] = []
        unknown: list[Cell] = []
        for cell in self.cells_in_row(row):
            text = self.norm[cell]
            field = next((key for key, variants in table.items() if text in variants), None)
            if field is None:
                (skipped if text in ignored else unknown).append(cell)
            elif field in columns:
                skipped.append(cell)
            else:
                columns[field] = cell[1]
                cells.append(cell)
        return Header(row, columns, tuple(cells), tuple(skipped), tuple(unknown))


def split_after_label(text: str, label: str) -> str | None:
    """The value after ``label`` (normalised) at the start of ``text``: ``填报人：张三`` → ``张三``.

    None when the text does not start with the label followed by a colon, a blank or its end;
    an empty string when nothing follows it.
    """
    for end in range(1, len(text) + 1):
        head = normalise_label(text[:end])
        if head == label:
            rest = text[end:]
            if rest and normalise_label(rest[0]) != "":
                return None  # 电话回访满意度 is no 电话 label: a label ends in a colon or a blank
            while rest and normalise_label(rest[0]) == "":
                rest = rest[1:]
            return rest.strip()
        if not label.startswith(head):
            return None
    return None
