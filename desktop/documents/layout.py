"""The printed form as a renderer-independent grid: blocks of rows over the six columns A–F.

Every renderer (PDF now, xlsx later) draws the same :class:`FormLayout`, so the merges of
docs/form-layout.md are defined once, in :mod:`desktop.documents.form_layout`. A spanning cell lives
in the first row it covers; the rows below it have no cell in the covered columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from desktop.documents.options import Orientation

COLUMN_COUNT = 6


class Role(StrEnum):
    LABEL = "label"  # fixed wording inside the grid: 部门（单位）名称, 主管部门, 金额合计：
    HEADER = "header"  # column headers: 任务名称, 一级指标, 总额 ...
    VERTICAL_LABEL = "vertical_label"  # 年度主要任务 / 年度总体目标, printed two characters a line
    GROUP_LABEL = "group_label"  # 一级指标 / 二级指标 names merged down their rows
    VALUE = "value"  # short user text: unit name, task name, 三级指标, 指标值, 度量单位
    TEXT = "text"  # long user text: 主要内容, goals, 指标解释 (may shrink to the minimum size)
    AMOUNT = "amount"


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class VAlign(StrEnum):
    TOP = "top"
    MIDDLE = "middle"


class RowKind(StrEnum):
    UNIT_HEADER = "unit_header"
    TASK_HEADER = "task_header"
    TASK = "task"
    TOTAL = "total"
    GOAL = "goal"
    INDICATOR_HEADER = "indicator_header"
    INDICATOR = "indicator"
    NOT_APPLICABLE = "not_applicable"
    EMPTY_CATEGORY = "empty_category"


class BlockKind(StrEnum):
    HEADER = "header"
    TASKS = "tasks"
    GOALS = "goals"
    INDICATORS = "indicators"


@dataclass(frozen=True)
class Cell:
    """One (possibly merged) cell; ``col`` is 0-based (A = 0), ``field`` names its source."""

    text: str
    col: int
    colspan: int = 1
    rowspan: int = 1
    role: Role = Role.VALUE
    align: Align = Align.LEFT
    valign: VAlign = VAlign.MIDDLE
    bold: bool = False
    amount: Decimal | None = None
    field: str = ""
    #: Set in the minimum size: a renderer marks every cell of a row too tall at the body size.
    small: bool = False
    #: Left indent in characters (其他资金 under 其中：财政拨款 of a project's funds).
    indent: int = 0

    def display_lines(self) -> list[str]:
        """Explicit lines: vertical labels two characters a line, other text by its breaks."""
        if self.role is Role.VERTICAL_LABEL:
            return [self.text[i : i + 2] for i in range(0, len(self.text), 2)]
        return self.text.split("\n")


@dataclass(frozen=True)
class Row:
    """One grid row; ``title`` identifies it in a ``（续）`` mark when it must be split."""

    kind: RowKind
    cells: tuple[Cell, ...]
    title: str = ""

    def cell_at(self, col: int) -> Cell | None:
        for cell in self.cells:
            if cell.col == col:
                return cell
        return None


@dataclass(frozen=True)
class Block:
    """A block of consecutive rows; its first ``header_rows`` rows are its column header."""

    kind: BlockKind
    rows: tuple[Row, ...]
    header_rows: int = 0


@dataclass(frozen=True)
class SignatureItem:
    label: str
    value: str
    field: str = ""


@dataclass(frozen=True)
class PageSpec:
    """Paper size, margins (top, right, bottom, left) and the widths of columns A–F, in mm."""

    orientation: Orientation
    width_mm: float
    height_mm: float
    margins_mm: tuple[float, float, float, float]
    columns_mm: tuple[float, ...]


@dataclass(frozen=True)
class Typography:
    """Font sizes in points, from the profile's ``print`` section."""

    title_pt: float
    subtitle_pt: float
    body_pt: float
    min_pt: float


@dataclass(frozen=True)
class FormLayout:
    title: str
    subtitle: str
    blocks: tuple[Block, ...]
    page: PageSpec
    typography: Typography
    amount_decimals: int
    signature: tuple[SignatureItem, ...] = field(default_factory=tuple)
    #: A line left-aligned between the title and the table (a project's 填报单位（盖章）：).
    above_table: str = ""

    def rows(self) -> Iterator[tuple[Block, Row]]:
        for block in self.blocks:
            for row in block.rows:
                yield block, row

    def texts(self) -> Iterator[tuple[str, str]]:
        """(field, text) of everything printed: title lines, every cell, the signature block."""
        yield "表格标题", self.title
        yield "表格标题", self.subtitle
        yield "表格标题", self.above_table
        for _block, row in self.rows():
            for cell in row.cells:
                yield cell.field or "表格文字", cell.text
        for item in self.signature:
            yield "签字栏", item.label
            yield item.field or "签字栏", item.value
