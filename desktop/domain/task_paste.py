"""Rows of tasks pasted from Excel/WPS: tab-separated text with quoted multi-line cells.

Excel and WPS put a cell in double quotes when it holds a line break, a tab or a quote, and
double the quotes inside. Columns are 任务名称, 主要内容, 财政拨款, 其他资金 (the panel's order
without the derived 总额); a block copied with 总额 (5 columns) is accepted and 总额 ignored.
"""

from __future__ import annotations

from desktop.domain.model import Task
from desktop.domain.money import AmountError, parse_user_amount

HEADER_NAME = "任务名称"


class PasteError(ValueError):
    """Pasted text that cannot become task rows; ``str()`` is a Chinese message."""


def split_tabular(text: str) -> list[list[str]]:
    """Split clipboard text into rows of cells, honouring Excel's quoting."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i = 0
    at_cell_start = True
    while i < len(text):
        ch = text[i]
        if at_cell_start and ch == '"':
            # A quoted cell runs to the next lone quote; "" inside stands for one quote.
            i += 1
            while i < len(text):
                if text[i] == '"':
                    if i + 1 < len(text) and text[i + 1] == '"':
                        cell.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                cell.append(text[i])
                i += 1
            at_cell_start = False
            continue
        if ch == "\t":
            row.append("".join(cell))
            cell, at_cell_start = [], True
        elif ch == "\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_cell_start = [], [], True
        else:
            cell.append(ch)
            at_cell_start = False
        i += 1
    if cell or row or not at_cell_start:
        row.append("".join(cell))
        rows.append(row)
    # Excel ends a copied block with a line break; blank lines carry no task.
    return [r for r in rows if any(c.strip() for c in r)]


def tasks_from_clipboard(text: str) -> list[Task]:
    """Parse pasted rows into tasks; raises :class:`PasteError` naming the row and column."""
    rows = split_tabular(text)
    if rows and rows[0] and rows[0][0].strip() == HEADER_NAME:
        rows = rows[1:]
    if not rows:
        raise PasteError("剪贴板中没有可粘贴的任务行")
    tasks: list[Task] = []
    for line, cells in enumerate(rows, start=1):
        if len(cells) == 5:
            cells = cells[:2] + cells[3:]
        if len(cells) > 5:
            raise PasteError(
                f"第 {line} 行有 {len(cells)} 列：应为 任务名称、主要内容、财政拨款、其他资金 4 列"
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
