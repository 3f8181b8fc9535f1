"""The base of the indicator tree's undo commands: which horizon's tree a command edits.

One model shows either tree of a project (年度 or 中期, docs/project-form.md §6). A command
remembers the horizon shown when it was made; before changing the tree it has the model show that
tree again, so an undo or redo of an edit in the hidden horizon switches the view to it and the
user sees what changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from ui.indicators.model import IndicatorTreeModel


class TreeCommand(QUndoCommand):
    """An edit of the tree of the horizon the model shows when the command is made."""

    def __init__(self, model: IndicatorTreeModel, text: str, horizon: str | None = None) -> None:
        super().__init__(text)
        self._model = model
        self.horizon = model.horizon if horizon is None else horizon

    @property
    def model(self) -> IndicatorTreeModel:
        """The model, showing this command's tree (switching to it if it was hidden)."""
        self._model.show_horizon(self.horizon)
        return self._model
