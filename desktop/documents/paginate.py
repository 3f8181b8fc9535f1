"""Cut the form's rows into pages and rebuild the merged cells on each page.

reportlab refuses a merged cell that crosses a page, and the official table needs more than one
page, so pages are cut here: rows are measured (by a renderer's :class:`Measurer`), never split
unless one is taller than a whole page (then it continues under a ``（续）`` mark), a block's
column header is kept with its first row and repeated on continuation pages, and every merged
label (年度主要任务, 年度总体目标, 一级指标, 二级指标) is clipped to each page it spans, with its
text repeated there (``repeat_labels``) or printed once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from desktop.documents.layout import Cell, FormLayout, Row

CONTINUED = "（续）"
#: Below this much room (pt) a row taller than a page starts on the next page instead.
MIN_SPLIT_ROOM = 60.0
#: Called as ``step(done, total)`` between units of work; may raise to stop (a cancelled preview).
Step = Callable[[int, int], None]


class Measurer(Protocol):
    def row_height(self, row: Row) -> float:
        """Height of ``row`` from its single-row cells (merged cells are measured apart)."""

    def cell_height(self, cell: Cell) -> float:
        """Height a merged cell needs for its text (0 for an empty one)."""

    def split_row(self, row: Row, height: float) -> tuple[Row, Row] | None:
        """Cut ``row`` so its first part fits ``height``; None when nothing fits."""


@dataclass(frozen=True)
class PageFrame:
    """Heights available for table rows: on the first page (below the title) and later pages."""

    first: float
    other: float
    signature: float = 0.0


@dataclass(frozen=True)
class PageRow:
    """A row as printed on one page: ``source`` is its index in the layout's row order, ``part``
    0 for a whole row (or the first part of a split one), ``repeated`` for a repeated header."""

    row: Row
    height: float
    source: int
    part: int = 0
    repeated: bool = False


@dataclass(frozen=True)
class Page:
    number: int
    rows: tuple[PageRow, ...]
    has_title: bool
    has_signature: bool = False

    @property
    def height(self) -> float:
        return sum(r.height for r in self.rows)


@dataclass(frozen=True)
class _Span:
    cell: Cell
    start: int
    end: int  # exclusive, in source indices


@dataclass
class _Entry:
    row: Row  # without merged cells: those are rebuilt per page from the spans
    height: float
    source: int
    part: int = 0
    repeated: bool = False


def _plain(row: Row) -> Row:
    return replace(row, cells=tuple(c for c in row.cells if c.rowspan == 1))


class Paginator:
    def __init__(
        self,
        layout: FormLayout,
        measurer: Measurer,
        frame: PageFrame,
        repeat_labels: bool,
        step: Step | None = None,
    ) -> None:
        self.step = step
        self.measurer = measurer
        self.frame = frame
        self.repeat = repeat_labels
        self.rows: list[Row] = []
        self.block_of: list[int] = []
        self.header_sources: list[list[int]] = []  # per block: its header row sources
        for block_index, block in enumerate(layout.blocks):
            first = len(self.rows)
            self.header_sources.append(list(range(first, first + block.header_rows)))
            self.rows.extend(block.rows)
            self.block_of.extend([block_index] * len(block.rows))
        self.spans_at: list[list[_Span]] = [[] for _ in self.rows]
        for index, row in enumerate(self.rows):
            for cell in row.cells:
                if cell.rowspan > 1:
                    span = _Span(cell, index, index + cell.rowspan)
                    for covered in range(span.start, min(span.end, len(self.rows))):
                        self.spans_at[covered].append(span)
        self.signature = frame.signature > 0

    # -- page assembly ----------------------------------------------------------------------
    def _assemble(self, entries: Sequence[_Entry]) -> list[PageRow]:
        """Rebuild the merged cells of one page and grow rows that a merged label needs."""
        cells: list[list[Cell]] = [list(e.row.cells) for e in entries]
        heights = [e.height for e in entries]
        placed: list[tuple[int, int, Cell]] = []  # (first entry, count, cell)
        done: set[int] = set()
        for position, entry in enumerate(entries):
            for span in self.spans_at[entry.source]:
                if id(span) in done:
                    continue
                done.add(id(span))
                count = 1
                while (
                    position + count < len(entries)
                    and span.start <= entries[position + count].source < span.end
                ):
                    count += 1
                original = entry.source == span.start and entry.part == 0
                text = span.cell.text if original or self.repeat else ""
                placed.append((position, count, replace(span.cell, text=text, rowspan=count)))
        # inner (shorter) spans first, so an outer label sees the rows the inner one grew
        for position, count, cell in sorted(placed, key=lambda p: p[1]):
            cells[position].append(cell)
            need = self.measurer.cell_height(cell) if cell.text else 0.0
            have = sum(heights[position : position + count])
            if need > have:
                heights[position + count - 1] += need - have
        return [
            PageRow(
                replace(e.row, cells=tuple(sorted(c, key=lambda x: x.col))),
                h,
                e.source,
                e.part,
                e.repeated,
            )
            for e, c, h in zip(entries, cells, heights)
        ]

    def _height(self, entries: Sequence[_Entry]) -> float:
        return sum(r.height for r in self._assemble(entries))

    def _entry(self, source: int) -> _Entry:
        row = _plain(self.rows[source])
        return _Entry(row, self.measurer.row_height(row), source)

    def _header_entries(self, source: int) -> list[_Entry]:
        """Repeated column header for a page that starts inside a block's body."""
        headers = self.header_sources[self.block_of[source]]
        if not self.repeat or not headers or source in headers:
            return []
        return [replace(self._entry(h), repeated=True) for h in headers]

    # -- the cut ----------------------------------------------------------------------------
    def paginate(self) -> list[Page]:
        pages: list[list[_Entry]] = [[]]
        capacity = self.frame.first
        queue: list[_Entry] = [self._entry(i) for i in range(len(self.rows))]
        index = 0
        while index < len(queue):
            if self.step is not None:
                self.step(0, 0)  # no page count yet: a chance to stop
            entry = queue[index]
            current = pages[-1]
            if self._height([*current, entry]) <= capacity:
                current.append(entry)
                index += 1
                continue
            # Does the row fit on a fresh page (behind a repeated header)?
            fresh = [*self._header_entries(entry.source), entry]
            if self._height(fresh) <= self.frame.other:
                moved = self._orphaned_headers(current, entry)
                del current[len(current) - len(moved) :]
                pages.append([*(self._header_entries(entry.source) if not moved else []), *moved])
                capacity = self.frame.other
                continue
            # Taller than a page: split it where it stands, or on a fresh page if little is left.
            fresh_page = all(e.repeated for e in current)
            room = capacity - self._height(current)
            split = self.measurer.split_row(entry.row, room) if room >= MIN_SPLIT_ROOM else None
            if split is None:
                if not fresh_page:
                    pages.append(self._header_entries(entry.source))
                    capacity = self.frame.other
                else:  # not even one line fits on an empty page: print it whole
                    current.append(entry)
                    index += 1
                continue
            head, tail = split
            current.append(_Entry(head, self.measurer.row_height(head), entry.source, entry.part))
            queue[index] = _Entry(
                tail, self.measurer.row_height(tail), entry.source, entry.part + 1
            )
            pages.append(self._header_entries(entry.source))
            capacity = self.frame.other
        return self._finish(pages)

    def _orphaned_headers(self, current: list[_Entry], entry: _Entry) -> list[_Entry]:
        """Header rows of ``entry``'s block left at the bottom of a page: they move along."""
        headers = self.header_sources[self.block_of[entry.source]]
        trailing = [e for e in current if e.source in headers and not e.repeated]
        if trailing and current[-len(trailing) :] == trailing and len(trailing) < len(current):
            return trailing
        return []

    def _finish(self, raw_pages: list[list[_Entry]]) -> list[Page]:
        pages = [entries for entries in raw_pages if entries] or [[]]
        result = [
            Page(n + 1, tuple(self._assemble(entries)), has_title=(n == 0))
            for n, entries in enumerate(pages)
        ]
        if self.signature:
            last = result[-1]
            room = (self.frame.first if last.has_title else self.frame.other) - last.height
            if room >= self.frame.signature:
                result[-1] = replace(last, has_signature=True)
            else:
                result.append(Page(len(result) + 1, (), has_title=False, has_signature=True))
        return result


def paginate(
    layout: FormLayout,
    measurer: Measurer,
    frame: PageFrame,
    *,
    repeat_labels: bool,
    step: Step | None = None,
) -> list[Page]:
    """The pages of ``layout``; see the module docstring for the rules."""
    return Paginator(layout, measurer, frame, repeat_labels, step).paginate()
