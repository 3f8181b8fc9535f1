"""The open declaration of one window: data, profile, undo stack and change notification.

Every edit is a ``QUndoCommand`` pushed on :attr:`DeclarationDocument.undo_stack`; a command
changes ``declaration`` through one domain operation (wrapped by an item model where a view must
see the precise rows change) and then calls :meth:`DeclarationDocument.notify` once with the
:class:`~desktop.domain.changes.Part` flags it touched, so that other views, the autosave and the
review rules follow (see docs/edit-path.md). Nothing here touches the database: the window's
autosave listens to ``changed``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.domain.changes import Part
from desktop.domain.model import Declaration
from desktop.domain.profile import Profile
from desktop.domain.project import ProjectDeclaration
from desktop.domain.textclean import NOTICE as INVISIBLE_NOTICE
from desktop.domain.textclean import clean_text

if TYPE_CHECKING:
    from desktop.domain.project_profile import ProjectProfile


class DeclarationDocument(QObject):
    """One declaration being edited.

    Signals:
        changed(Part): parts of the declaration changed (flags, possibly several at once).
        replaced(): ``declaration`` was replaced wholesale (restore of a revision, reload).
        notice(str): something the user should be told once (e.g. invisible characters removed).
    """

    changed = Signal(object)
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

    @property
    def project(self) -> ProjectDeclaration | None:
        """The declaration when it is a project form (docs/project-form.md §1), else None."""
        declaration = self.declaration
        return declaration if isinstance(declaration, ProjectDeclaration) else None

    def project_profile(self) -> ProjectProfile:
        """The project layout of a project declaration (cached by profile id)."""
        from desktop.domain.project_profile import load_project_profile

        return load_project_profile(self.declaration.profile_id)

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

    def notify(self, parts: Part) -> None:
        """Tell listeners that ``parts`` of the declaration changed (once per undo step)."""
        if not isinstance(parts, Part):  # a bare string would silently match no listener
            raise TypeError(f"notify needs Part flags, not {parts!r}")
        self.changed.emit(parts)

    def replace(self, declaration: Declaration, profile: Profile) -> None:
        """Swap in another declaration (e.g. a restored revision); clears the undo history."""
        self.declaration = declaration
        self.profile = profile
        self.undo_stack.clear()
        self.replaced.emit()
        self.changed.emit(Part.ALL)
