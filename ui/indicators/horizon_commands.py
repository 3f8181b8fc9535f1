"""Undo commands that concern a project's two indicator trees (docs/project-form.md §6).

- :class:`CreateMidTermCommand`: the first 中期 edit creates the 中期 horizon, in the same undo
  step as that edit (:meth:`ui.indicators.model.IndicatorTreeModel.push`), so undoing the edit
  leaves the declaration exactly as it was;
- :class:`CopyIndicatorsCommand`: rows copied from one horizon's tree into the other's, one undo
  step, through :mod:`desktop.domain.horizon_indicators`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain.changes import Part
from desktop.domain.horizon_goals import HORIZON_NAMES, close_horizon, open_horizon
from desktop.domain.horizon_indicators import CopyResult
from desktop.domain.model import Category
from desktop.domain.project import MID, Horizon
from ui.indicators.tree_command import OnTree

if TYPE_CHECKING:
    from ui.indicators.model import IndicatorTreeModel


class CreateMidTermCommand(OnTree, QUndoCommand):
    """Create a project's empty 中期 horizon before its first 中期 edit (same undo step)."""

    def __init__(self, model: IndicatorTreeModel) -> None:
        super().__init__("创建中期绩效目标")
        self.bind_tree(model, MID)
        self.created: Horizon | None = None

    @override
    def redo(self) -> None:
        # An empty tree on the skeleton the model already shows: no row comes or goes. A redo
        # puts the same horizon back, as the goal commands expect.
        declaration = self.model.document.declaration
        self.created = open_horizon(declaration, MID, self.created) or self.created

    @override
    def undo(self) -> None:
        close_horizon(self.model.document.declaration, self.created)


class CopyIndicatorsCommand(OnTree, QUndoCommand):
    """Rows and 不适用 marks copied into the other horizon's tree, as one undo step.

    ``result`` is :func:`desktop.domain.horizon_indicators.copied_tree` of the shown tree into
    the other one; redo shows the target tree with the new content, undo restores it exactly.
    """

    def __init__(self, model: IndicatorTreeModel, result: CopyResult, target: str) -> None:
        title = HORIZON_NAMES[target]
        super().__init__(f"复制 {len(result.positions)} 项到{title}")
        self.bind_tree(model, target)
        self.new = result.categories
        self.old: list[Category] = []
        #: The 中期 horizon this copy created (pushed alone, without CreateMidTermCommand).
        self.created: Horizon | None = None

    @override
    def redo(self) -> None:
        model = self.model
        declaration = model.document.declaration
        self.created = open_horizon(declaration, self.horizon, self.created) or self.created
        self.old = model.set_tree(self.new)
        model.document.notify(Part.INDICATORS)

    @override
    def undo(self) -> None:
        model = self.model
        model.set_tree(self.old)
        close_horizon(model.document.declaration, self.created)
        model.document.notify(Part.INDICATORS)
