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

from desktop.domain.changes import Part
from desktop.domain.horizon_indicators import (
    HORIZON_TITLES,
    CopyResult,
    create_mid_term,
    remove_mid_term,
)
from desktop.domain.model import Category
from desktop.domain.project import MID
from ui.indicators.tree_command import TreeCommand

if TYPE_CHECKING:
    from ui.indicators.model import IndicatorTreeModel


class CreateMidTermCommand(TreeCommand):
    """Create a project's empty 中期 horizon before its first 中期 edit (same undo step)."""

    def __init__(self, model: IndicatorTreeModel) -> None:
        super().__init__(model, "创建中期绩效目标", MID)

    @override
    def redo(self) -> None:
        # An empty tree on the skeleton the model already shows: no row comes or goes.
        create_mid_term(self.model.document.declaration)

    @override
    def undo(self) -> None:
        remove_mid_term(self.model.document.declaration)


class CopyIndicatorsCommand(TreeCommand):
    """Rows and 不适用 marks copied into the other horizon's tree, as one undo step.

    ``result`` is :func:`desktop.domain.horizon_indicators.copied_tree` of the shown tree into
    the other one; redo shows the target tree with the new content, undo restores it exactly.
    """

    def __init__(self, model: IndicatorTreeModel, result: CopyResult, target: str) -> None:
        title = HORIZON_TITLES[target]
        super().__init__(model, f"复制 {len(result.positions)} 项到{title}", target)
        self.new = result.categories
        self.old: list[Category] = []

    @override
    def redo(self) -> None:
        model = self.model
        self.old = model.set_tree(self.new)
        model.document.notify(Part.INDICATORS)

    @override
    def undo(self) -> None:
        model = self.model
        model.set_tree(self.old)
        model.document.notify(Part.INDICATORS)
