"""Rows of tasks pasted from Excel/WPS (tab-separated, see :mod:`desktop.domain.tsv`).

Columns are 任务名称, 主要内容, 财政拨款, 其他资金 (the panel's order without the derived
总额); a block copied with 总额 (5 columns) is accepted and 总额 ignored.
"""

from __future__ import annotations

from desktop.domain.model import Task
from desktop.domain.money import AmountError, parse_user_amount
from desktop.domain.tsv import parse_tsv

HEADER_NAME = "任务名称"


class PasteError(ValueError):
    """Pasted text that cannot become task rows; ``str()`` is a Chinese message."""


def tasks_from_clipboard(text: str) -> list[Task]:
    """Parse pasted rows into tasks; raises :class:`PasteError` naming the row and column."""
    rows = parse_tsv(text)
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
