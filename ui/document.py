"""The open declaration of one window: data, profile, undo stack and change notification.

Every edit is a ``QUndoCommand`` pushed on :attr:`DeclarationDocument.undo_stack`; a command
changes ``declaration`` through an item model (which emits the precise model signals) and then
calls :meth:`DeclarationDocument.notify` so that other views, the autosave and the review rules
follow. Nothing here touches the database: the window's autosave listens to ``changed``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.domain.model import Declaration
from desktop.domain.profile import Profile
from desktop.domain.textclean import NOTICE as INVISIBLE_NOTICE
from desktop.domain.textclean import clean_text

#: Parts of a declaration a change can touch; carried by ``DeclarationDocument.changed``.
HEADER = "header"
TASKS = "tasks"
GOALS = "goals"
INDICATORS = "indicators"
LINKS = "links"
ACCEPTED = "accepted"
ALL = "all"


class DeclarationDocument(QObject):
    """One declaration being edited.

    Signals:
        changed(str): a part of the declaration changed (one of the constants above).
        replaced(): ``declaration`` was replaced wholesale (restore of a revision, reload).
        notice(str): something the user should be told once (e.g. invisible characters removed).
    """

    changed = Signal(str)
    replaced = Signal()
    notice = Signal(str)

    def __init__(
        self,
        declaration: Declaration,
        profile: Profile,
        declaration_id: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.declaration = declaration
        self.profile = profile
        self.declaration_id = declaration_id
        self.undo_stack = QUndoStack(self)

    def clean(self, text: str) -> str:
        """``text`` as typed, without invisible characters (T01); says so when any were removed."""
        cleaned = clean_text(text)
        if cleaned != text:
            self.notice.emit(INVISIBLE_NOTICE)
        return cleaned

    def note_pasted(self, text: str) -> None:
        """Pasted text is cleaned while it is parsed (desktop/domain/tsv.py): say so once."""
        if clean_text(text) != text:
            self.notice.emit(INVISIBLE_NOTICE)

    def notify(self, part: str) -> None:
        """Tell listeners that ``part`` of the declaration changed."""
        self.changed.emit(part)

    def replace(self, declaration: Declaration, profile: Profile) -> None:
        """Swap in another declaration (e.g. a restored revision); clears the undo history."""
        self.declaration = declaration
        self.profile = profile
        self.undo_stack.clear()
        self.replaced.emit()
        self.changed.emit(ALL)
