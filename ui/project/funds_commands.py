"""Undo commands of the 项目资金 section, one class per kind of change (docs/edit-path.md).

Each checks its edit with the domain (``desktop/domain/funds.py``) before it is pushed, changes
the project through one domain operation and notifies ``Part.FUNDS`` once. The 项目资金 table
follows that notification itself (its rows never come or go). 预算控制数 uses the department
form's ``SetControlTotalCommand`` announcing ``Part.FUNDS``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain import funds
from desktop.domain.changes import Part
from desktop.domain.funds import FundsCell, FundsUndo
from desktop.domain.project import ProjectDeclaration
from ui.document import DeclarationDocument


def _project(document: DeclarationDocument) -> ProjectDeclaration:
    project = document.project
    if project is None:
        raise TypeError("项目资金 edits need a project declaration")
    return project


class SetFundsCommand(QUndoCommand):
    """Amounts of the 项目资金 table: one typed cell, a pasted block or cleared cells.

    A 中期 amount on a project without the 中期 horizon creates it; undo removes it again.
    """

    def __init__(
        self, document: DeclarationDocument, cells: Sequence[FundsCell], text: str | None = None
    ) -> None:
        project = _project(document)
        profile = document.project_profile()
        funds.check_cells(project, profile, cells)
        if text is None:
            cell = cells[0]
            text = (
                f"修改{funds.HORIZON_LABELS[cell.horizon]}“{funds.column_label(profile, cell.column)}”"
                if len(cells) == 1
                else f"粘贴 {len(cells)} 个金额"
            )
        super().__init__(text)
        self._document, self._cells = document, list(cells)
        self._undo: FundsUndo | None = None

    @override
    def redo(self) -> None:
        self._undo = funds.set_amounts(_project(self._document), self._cells)
        self._document.notify(Part.FUNDS)

    @override
    def undo(self) -> None:
        assert self._undo is not None
        funds.restore_amounts(_project(self._document), self._undo)
        self._document.notify(Part.FUNDS)


class AcceptComputedFundsCommand(QUndoCommand):
    """采用计算值: discard the declared 总额 of both horizons (rule P05)."""

    def __init__(self, document: DeclarationDocument) -> None:
        super().__init__("采用计算值")
        _project(document)
        self._document = document
        self._taken: tuple[Decimal | None, Decimal | None] = (None, None)

    @override
    def redo(self) -> None:
        self._taken = funds.take_declared(_project(self._document))
        self._document.notify(Part.FUNDS)

    @override
    def undo(self) -> None:
        funds.put_declared(_project(self._document), self._taken)
        self._document.notify(Part.FUNDS)
