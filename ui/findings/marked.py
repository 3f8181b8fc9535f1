"""Finding marks on the editors' rows: an icon and the messages as tooltip in the first column.

The indicator tree, the budget table and the goals list each keep the latest
:class:`RowMarks`; :func:`mark_data` answers the decoration/tooltip roles from a row's mark.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.rules.locate import RowMark
from ui.findings.icons import severity_icon

MARK_ROLES = (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole)


def mark_data(mark: RowMark | None, role: int, tooltip: Any = None) -> Any:
    """The decoration or tooltip for a marked cell (``tooltip``: the cell's own tooltip)."""
    if role == Qt.ItemDataRole.DecorationRole:
        return severity_icon(mark.severity) if mark is not None else None
    if role == Qt.ItemDataRole.ToolTipRole:
        if mark is None:
            return tooltip
        return f"{mark.tooltip}\n\n{tooltip}" if tooltip else mark.tooltip
    return None
