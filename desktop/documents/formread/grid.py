"""A grid of cells with merged ranges: what every source (sheet, Word table, web page) becomes.

Rows and columns are 0-based. A merged range keeps its value in its top-left cell (the
*origin*); :meth:`Grid.origin` maps a covered cell to it. Places for messages follow the source:
``Sheet1!C12`` for a spreadsheet, ``表格2 第3行第4列`` for a Word or web table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from desktop.documents.xlsx.cells import CellError, CellValue, cell_text
from desktop.documents.xlsx.problems import column_letter


@dataclass(frozen=True)
class Span:
    """A merged range, inclusive on both ends."""

    top: int
    left: int
    bottom: int
    right: int


@dataclass
class Grid:
    """One sheet, table sequence or page; ``row_places`` names rows of non-spreadsheet sources."""

    name: str
    rows: list[list[CellValue]]
    spans: list[Span] = field(default_factory=list)
    #: For Word/web sources: the place of each row (``表格2 第3行``); None for spreadsheets.
    row_places: list[str] | None = None
    _origins: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict, repr=False)
    _spans_at: dict[tuple[int, int], Span] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # a hostile file may merge A1:XFD1048576: spans are clipped to the cells that exist
        last_row = len(self.rows) - 1
        last_col = max((len(r) for r in self.rows), default=0) - 1
        self.spans = [
            Span(span.top, span.left, min(span.bottom, last_row), min(span.right, last_col))
            for span in self.spans
            if 0 <= span.top <= last_row and 0 <= span.left <= last_col
        ]
        for span in self.spans:
            self._spans_at[(span.top, span.left)] = span
            for row in range(span.top, span.bottom + 1):
                for col in range(span.left, span.right + 1):
                    if (row, col) != (span.top, span.left):
                        self._origins[(row, col)] = (span.top, span.left)

    @property
    def height(self) -> int:
        return len(self.rows)

    def width(self, row: int) -> int:
        return len(self.rows[row]) if 0 <= row < len(self.rows) else 0

    def raw(self, row: int, col: int) -> CellValue:
        """The value stored at exactly this cell (None for covered cells)."""
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return None

    def origin(self, row: int, col: int) -> tuple[int, int]:
        return self._origins.get((row, col), (row, col))

    def is_covered(self, row: int, col: int) -> bool:
        return (row, col) in self._origins

    def span_at(self, row: int, col: int) -> Span:
        """The merged range whose origin is (row, col), or the single cell."""
        return self._spans_at.get((row, col), Span(row, col, row, col))

    def value(self, row: int, col: int) -> CellValue:
        """The value shown at (row, col): a covered cell shows its origin's value."""
        return self.raw(*self.origin(row, col))

    def text(self, row: int, col: int) -> str:
        return shown_text(self.value(row, col)).strip()

    def origins(self) -> Iterator[tuple[int, int]]:
        """Every cell holding its own value, row by row."""
        for row, cells in enumerate(self.rows):
            for col in range(len(cells)):
                if (row, col) not in self._origins:
                    yield row, col

    def ref(self, row: int, col: int) -> str:
        """The place of a cell for messages."""
        if self.row_places is None:
            return f"{self.name}!{column_letter(col)}{row + 1}"
        place = self.row_places[row] if row < len(self.row_places) else f"第{row + 1}行"
        return f"{place}第{col + 1}列" if self.width(row) > 1 else place

    def row_ref(self, row: int) -> str:
        if self.row_places is None:
            return f"{self.name}!{row + 1}"
        return self.row_places[row] if row < len(self.row_places) else f"第{row + 1}行"


def shown_text(value: CellValue) -> str:
    """The cell as text; a number too precise for an amount (0.0078125, NaN) as it is written."""
    try:
        return cell_text(value)
    except CellError:
        return repr(value)


def grid_from_text_rows(name: str, rows: list[list[str]], places: list[str] | None = None) -> Grid:
    """A grid without merges (TSV paste, CSV): empty strings become empty cells."""
    values: list[list[CellValue]] = [[cell if cell.strip() else None for cell in row] for row in rows]
    return Grid(name, values, [], places)
