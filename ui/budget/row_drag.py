"""Dragging selected rows to another place in the same table (internal move, one undo step).

The model puts the dragged rows and a token of itself into the drag's data (:func:`rows_mime`);
:class:`RowDragView` accepts only its own model's rows and reports where they were dropped, and
the panel turns that into an undoable move. Nothing is removed by Qt's drag machinery.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

from typing_extensions import override

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

ROWS_MIME = "application/x-perfdecl-rows"


def _token(owner: object) -> str:
    # Process and object: a drag from another window or program is never taken for ours.
    return f"{os.getpid()}:{id(owner)}"


def rows_mime(owner: object, rows: Iterable[int]) -> QMimeData:
    """Drag data naming ``rows`` of ``owner`` (the model)."""
    data = QMimeData()
    payload = {"owner": _token(owner), "rows": sorted(set(rows))}
    data.setData(ROWS_MIME, json.dumps(payload).encode("ascii"))
    return data


def dropped_rows(owner: object, data: QMimeData) -> list[int] | None:
    """The rows carried by ``data`` when they come from ``owner``; otherwise ``None``."""
    if not data.hasFormat(ROWS_MIME):
        return None
    try:
        payload = json.loads(bytes(data.data(ROWS_MIME).data()).decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(payload, dict) or payload.get("owner") != _token(owner):
        return None
    rows = payload.get("rows")
    if not isinstance(rows, list) or not all(isinstance(r, int) for r in rows):
        return None
    return rows


class RowDragView(QTableView):
    """A table whose selected rows can be dragged elsewhere in it.

    Signals:
        rows_dropped(list, int): the dragged rows and the row they go before (row count: end).
    """

    rows_dropped = Signal(list, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def drop_row(self, pos: QPoint) -> int:
        """The row a drop at ``pos`` (viewport coordinates) goes before."""
        index = self.indexAt(pos)
        model = self.model()
        if not index.isValid():
            # Below the last row; hidden rows (the budget's 金额合计) are never a target.
            last = model.rowCount() - 1
            while last >= 0 and self.isRowHidden(last):
                last -= 1
            return last + 1
        rect = self.visualRect(index)
        return index.row() + (1 if pos.y() >= rect.center().y() else 0)

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        # What Qt's own dropEvent does on the way out: no more auto-scroll or drop indicator.
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        rows = dropped_rows(self.model(), event.mimeData())
        if rows is None:
            event.ignore()
            return
        # The move is an undo command of the panel; IgnoreAction keeps Qt from removing rows.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.rows_dropped.emit(rows, self.drop_row(event.position().toPoint()))
