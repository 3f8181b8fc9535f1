"""An indicator list imported from Excel/WPS into the open declaration, as one undo step.

A project's list may go into its 中期 tree (docs/project-form.md §9): the first one creates the
中期 horizon, and undo removes it again, so the declaration compares equal to before.
"""

from __future__ import annotations

import copy

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain.changes import Part
from desktop.domain.horizon_goals import close_horizon, open_horizon
from desktop.domain.horizon_indicators import set_tree, tree_categories
from desktop.domain.indicators import check_table, replace_table
from desktop.domain.model import Category
from desktop.domain.project import ANNUAL, Horizon
from ui.document import DeclarationDocument


class ReplaceIndicatorTableCommand(QUndoCommand):
    """Swap the whole indicator table (all categories) of one tree for another; undo swaps it
    back. ``horizon`` is ``ANNUAL`` (the department form's only tree) or a project's ``MID``."""

    def __init__(
        self,
        document: DeclarationDocument,
        categories: list[Category],
        text: str,
        horizon: str = ANNUAL,
    ) -> None:
        super().__init__(text)
        self.document, self.horizon = document, horizon
        check_table(document.declaration, categories)
        current = tree_categories(document.declaration, horizon)  # raises for a department MID
        self.before = copy.deepcopy(current) if current is not None else []
        self.after = copy.deepcopy(categories)
        #: The 中期 horizon this import created (removed again by undo).
        self.created: Horizon | None = None

    @override
    def redo(self) -> None:
        declaration = self.document.declaration
        if self.horizon == ANNUAL:
            replace_table(declaration, copy.deepcopy(self.after))
        else:
            self.created = open_horizon(declaration, self.horizon, self.created) or self.created
            tree = tree_categories(declaration, self.horizon)
            assert tree is not None  # just opened
            set_tree(tree, self.after)
        self.document.notify(Part.ALL)

    @override
    def undo(self) -> None:
        declaration = self.document.declaration
        if self.horizon == ANNUAL:
            replace_table(declaration, copy.deepcopy(self.before))
        else:
            tree = tree_categories(declaration, self.horizon)
            assert tree is not None
            # A tree this import created goes back to empty, and then away with its horizon.
            set_tree(tree, self.before or [Category(c.level1, c.level2) for c in tree])
            close_horizon(declaration, self.created)
        self.document.notify(Part.ALL)
