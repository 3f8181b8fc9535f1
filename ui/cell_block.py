"""The selected cells of a table as the block a spreadsheet copies (Ctrl+C)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView

from desktop.domain.tsv import format_tsv


def selected_cells(view: QAbstractItemView) -> list[QModelIndex]:
    """The selected cells, or the current cell when nothing is selected."""
    model = view.selectionModel()
    cells = list(model.selectedIndexes()) if model is not None else []
    if not cells and view.currentIndex().isValid():
        cells = [view.currentIndex()]
    return cells


def block_tsv(cells: Iterable[QModelIndex], text: Callable[[QModelIndex], str]) -> str:
    """The rectangle spanning ``cells`` as TSV; cells inside it but not selected are empty."""
    chosen = {(c.row(), c.column()): c for c in cells}
    if not chosen:
        return ""
    rows = range(min(r for r, _ in chosen), max(r for r, _ in chosen) + 1)
    columns = range(min(c for _, c in chosen), max(c for _, c in chosen) + 1)
    return format_tsv(
        [text(chosen[(r, c)]) if (r, c) in chosen else "" for c in columns] for r in rows
    )
