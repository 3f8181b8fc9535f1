"""What the indicator tree's undo commands share: which horizon's tree a command edits.

One model shows either tree of a project (年度 or 中期, docs/project-form.md §6). A command
remembers the horizon shown when it was made; before changing the tree it has the model show that
tree again, so an undo or redo of an edit in the hidden horizon switches the view to it and the
user sees what changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.indicators.model import IndicatorTreeModel


class OnTree:
    """Mixed into the tree's ``QUndoCommand`` classes (``class X(OnTree, QUndoCommand)``): the
    horizon whose tree the command edits, and the model showing that tree."""

    _model: IndicatorTreeModel
    horizon: str

    def bind_tree(self, model: IndicatorTreeModel, horizon: str | None = None) -> None:
        """Edit ``horizon``'s tree (the one ``model`` shows now when not given)."""
        self._model = model
        self.horizon = model.horizon if horizon is None else horizon

    @property
    def model(self) -> IndicatorTreeModel:
        """The model, showing this command's tree (switching to it if it was hidden)."""
        self._model.show_horizon(self.horizon)
        return self._model
