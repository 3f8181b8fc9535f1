"""Where the labels of a form are: every cell's normalised text, looked up in the label data.

The reader asks "which cells say 主管部门", "which row is the indicator column header"; this
module answers from one pass over the grid, so a block is found wherever it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.documents.formread.grid import Grid, shown_text
from desktop.documents.formread.labels import FormLabels, normalise_label

Cell = tuple[int, int]
#: A heading's ordinal: 二、 （三） 4. — 二、年度总体目标 is the goals label.
_ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])")


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
            text = shown_text(grid.raw(row, col))
            if text.strip():
                self.raw_text[(row, col)] = text
                self.norm[(row, col)] = normalise_label(text)

    def cells_in_row(self, row: int) -> list[Cell]:
        return [(row, col) for col in range(self.grid.width(row)) if (row, col) in self.norm]

    def find(self, variants: Iterable[str], *, start: int = 0, stop: int | None = None) -> list[Cell]:
        """Cells whose whole text is one of ``variants`` (after an ordinal such as ``二、``)."""
        wanted = frozenset(variants)
        stop = self.grid.height if stop is None else stop
        return sorted(
            cell for cell, text in self.norm.items()
            if start <= cell[0] < stop and (text in wanted or _ORDINAL.sub("", text) in wanted)
        )

    def find_prefixed(self, variants: Iterable[str], *, start: int = 0, stop: int | None = None) -> list[tuple[Cell, str]]:
        """Cells that start with one of ``variants`` followed by a value: (cell, value text)."""
        wanted = sorted(frozenset(variants), key=len, reverse=True)
        stop = self.grid.height if stop is None else stop
        found: list[tuple[Cell, str]] = []
        for cell, text in sorted(self.norm.items()):
            if not start <= cell[0] < stop:
                continue
            text = _ORDINAL.sub("", text)
            for variant in wanted:
                if variant and text.startswith(variant):
                    value = split_after_label(_ORDINAL.sub("", self.raw_text[cell]), variant)
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


def label_end(text: str, label: str) -> int | None:
    """Where ``label`` (normalised) ends at the start of ``text``, colon and blanks included.

    None when the text does not start with the label followed by a colon, a blank or its end
    (电话回访满意度 is no 电话 label).
    """
    for end in range(1, len(text) + 1):
        head = normalise_label(text[:end])
        if head == label:
            if end < len(text) and normalise_label(text[end]) != "":
                return None
            while end < len(text) and normalise_label(text[end]) == "":
                end += 1
            return end
        if not label.startswith(head):
            return None
    return None


def split_after_label(text: str, label: str) -> str | None:
    """The value after ``label`` at the start of ``text``: ``填报人：张三`` → ``张三``."""
    end = label_end(text, label)
    return None if end is None else text[end:].strip()


def labelled_parts(text: str, table: Mapping[str, frozenset[str]]) -> list[tuple[str, str]] | None:
    """A line of several labels and values (``填报人：张三    联系电话：…``) as (key, value) pairs.

    A label counts at the start of the text or after a blank. None when the text does not start
    with a label.
    """
    variants = sorted(((v, key) for key, vs in table.items() for v in vs if v), key=lambda p: -len(p[0]))
    found: list[tuple[int, int, str]] = []  # (label start, value start, key)
    position = 0
    while position < len(text):
        if position == 0 or text[position - 1].isspace():
            for variant, key in variants:
                end = label_end(text[position:], variant)
                if end is not None:
                    found.append((position, position + end, key))
                    position += end
                    break
            else:
                position += 1
            continue
        position += 1
    if not found or found[0][0] != len(text) - len(text.lstrip()):
        return None
    parts = []
    for index, (_start, value_start, key) in enumerate(found):
        stop = found[index + 1][0] if index + 1 < len(found) else len(text)
        parts.append((key, text[value_start:stop].strip()))
    return parts
