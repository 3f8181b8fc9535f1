"""Rows of tasks pasted from Excel/WPS (tab-separated, see :mod:`desktop.domain.tsv`).

Columns are 任务名称, 主要内容, 财政拨款, 其他资金 (the panel's order without the derived
总额); a block copied with 总额 (5 columns) is accepted and 总额 ignored. A block can also be
pasted over existing cells (:func:`cell_edits`), where it keeps the panel's five columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from desktop.domain.budget import TaskField
from desktop.domain.model import Task
from desktop.domain.money import AmountError, parse_user_amount
from desktop.domain.paste_columns import ColumnError, header_columns
from desktop.domain.tsv import parse_tsv

#: Titles a header row may give each column (our 年度主要任务 sheet, the printed form, others).
TASK_TITLES: dict[str, tuple[str, ...]] = {
    "序号": ("编号",),
    "任务名称": ("项目名称",),
    "主要内容": ("任务内容",),
    "总额": ("合计",),
    "财政拨款": (),
    "其他资金": (),
    "总额（来源）": (),
}
_FIELDS = ("任务名称", "主要内容", "财政拨款", "其他资金")


class PasteError(ValueError):
    """Pasted text that cannot become task rows; ``str()`` is a Chinese message."""


def _by_header(rows: list[list[str]]) -> list[list[str]] | None:
    """The rows below a header row as (名称, 内容, 财政拨款, 其他资金); None without a header."""
    try:
        columns = header_columns(rows[0], TASK_TITLES)
    except ColumnError as exc:
        raise PasteError(str(exc)) from exc
    if columns is None:
        return None
    if "任务名称" not in columns:
        raise PasteError("粘贴内容的标题行中没有“任务名称”列")
    return [
        [cells[columns[f]] if f in columns and columns[f] < len(cells) else "" for f in _FIELDS]
        for cells in rows[1:]
    ]


def tasks_from_clipboard(text: str) -> list[Task]:
    """Parse pasted rows into tasks; raises :class:`PasteError` naming the row and column.

    A header row maps the columns by their titles (``TASK_TITLES``); without one the columns
    are taken in the panel's order.
    """
    rows = parse_tsv(text)
    mapped = _by_header(rows) if rows else None
    if mapped is not None:
        rows = mapped
    if not rows:
        raise PasteError("剪贴板中没有可粘贴的任务行")
    tasks: list[Task] = []
    for line, cells in enumerate(rows, start=2 if mapped is not None else 1):
        if len(cells) == 5:
            cells = cells[:2] + cells[3:]
        if len(cells) > 5:
            raise PasteError(
                f"第 {line} 行有 {len(cells)} 列：应为 任务名称、主要内容、财政拨款、其他资金 4 列，"
                "或连同标题行一起复制"
            )
        cells = cells + [""] * (4 - len(cells))
        amounts = []
        for column, label in ((2, "财政拨款"), (3, "其他资金")):
            try:
                amounts.append(parse_user_amount(cells[column]))
            except AmountError as exc:
                raise PasteError(f"第 {line} 行“{label}”：{exc.reason}") from exc
        tasks.append(
            Task(
                name=cells[0].strip(), content=cells[1].strip(), fiscal=amounts[0], other=amounts[1]
            )
        )
    return tasks


#: The panel's columns; ``None`` is the derived 总额, which a pasted block skips.
PANEL_FIELDS: tuple[TaskField | None, ...] = ("name", "content", None, "fiscal", "other")
_LABELS: dict[TaskField, str] = {
    "name": "任务名称",
    "content": "主要内容",
    "fiscal": "财政拨款",
    "other": "其他资金",
}


@dataclass(frozen=True)
class CellEdit:
    """One pasted cell: the task row, its field and the parsed value."""

    row: int
    field: TaskField
    value: str | Decimal


def cell_edits(text: str, task_count: int, row: int, column: int) -> list[CellEdit]:
    """Cells pasted with their top-left at (``row``, ``column``) of the panel, all or nothing.

    A block with a header row fills the columns its titles name, from ``row`` down, whatever
    the current column. Raises :class:`PasteError` (naming the row and column) when a value is
    not valid or the block reaches past the last task or the last column; nothing is then
    changed.
    """
    rows = parse_tsv(text)
    if not rows:
        raise PasteError("剪贴板为空，没有可粘贴的内容")
    try:
        titled = header_columns(rows[0], TASK_TITLES)
    except ColumnError as exc:
        raise PasteError(str(exc)) from exc
    if titled is not None:
        rows = rows[1:]
    if row + len(rows) > task_count:
        raise PasteError(
            f"粘贴的 {len(rows)} 行超出了最后一个任务：要添加新行，请用 Ctrl+Shift+V 粘贴行"
        )
    edits: list[CellEdit] = []
    for offset, cells in enumerate(rows):
        placed: list[tuple[TaskField | None, str]]
        if titled is not None:
            placed = [
                (field, cells[titled[label]])
                for field, label in _LABELS.items()
                if label in titled and titled[label] < len(cells)
            ]
        else:
            if column + len(cells) > len(PANEL_FIELDS):
                raise PasteError(f"粘贴的内容有 {len(cells)} 列，超出了表格的最后一列")
            placed = [(PANEL_FIELDS[column + step], cell) for step, cell in enumerate(cells)]
        for field, cell in placed:
            if field is None:
                continue  # 总额 is computed; a copied value there is ignored
            value: str | Decimal = cell.strip()
            if field in ("fiscal", "other"):
                try:
                    value = parse_user_amount(cell)
                except AmountError as exc:
                    raise PasteError(
                        f"第 {row + offset + 1} 行“{_LABELS[field]}”：{exc.reason}"
                    ) from exc
            edits.append(CellEdit(row + offset, field, value))
    return edits
