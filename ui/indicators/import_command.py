"""An indicator list imported from Excel/WPS into the open declaration, as one undo step."""

from __future__ import annotations

import copy

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain.changes import Part
from desktop.domain.indicators import check_table, replace_table
from desktop.domain.model import Category
from ui.document import DeclarationDocument


class ReplaceIndicatorTableCommand(QUndoCommand):
    """Swap the whole indicator table (all categories) for another; undo swaps it back."""

    def __init__(
        self, document: DeclarationDocument, categories: list[Category], text: str
    ) -> None:
        super().__init__(text)
        self.document = document
        check_table(document.declaration, categories)
        self.before = copy.deepcopy(document.declaration.categories)
        self.after = copy.deepcopy(categories)

    def _apply(self, categories: list[Category]) -> None:
        replace_table(self.document.declaration, copy.deepcopy(categories))
        self.document.notify(Part.ALL)

    @override
    def redo(self) -> None:
        self._apply(self.after)

    @override
    def undo(self) -> None:
        self._apply(self.before)
