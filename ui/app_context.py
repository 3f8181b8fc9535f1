"""The application context of one window: store, settings, the open document, the undo group.

Controllers receive this object instead of the window. They read the store and the settings
from it, find the open document here, and tell the window what happened through its signals
(a status message, a new revision, a changed list); what they must ask of the window itself is
the narrow :class:`ui.window_port.WindowPort`.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup

from desktop.domain.profile import load_profile
from desktop.services.store import DeclarationStore
from desktop.settings import Settings
from ui.autosave import Autosaver
from ui.document import DeclarationDocument


class AppContext(QObject):
    """Holds what the controllers of one window share.

    Signals:
        document_opened(object): a :class:`DeclarationDocument` is now open.
        document_closed(): the open document was closed.
        saved(datetime): the working copy reached the store.
        status_message(str, int): a line for the status bar, shown that many milliseconds.
        revision_changed(int): the latest revision of the open declaration is now this number.
        declarations_changed(): the stored declarations changed (a new one, a deletion, a save).
    """

    document_opened = Signal(object)
    document_closed = Signal()
    saved = Signal(datetime)
    status_message = Signal(str, int)
    revision_changed = Signal(int)
    declarations_changed = Signal()

    def __init__(
        self, store: DeclarationStore, settings: Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.undo_group = QUndoGroup(self)
        self.document: DeclarationDocument | None = None
        self.autosaver: Autosaver | None = None

    @property
    def declaration_id(self) -> int | None:
        """The stored id of the open declaration (None when none is open)."""
        return self.document.declaration_id if self.document is not None else None

    # -- the open document ----------------------------------------------------------------
    def open_document(self, declaration_id: int, editable: bool = True) -> DeclarationDocument:
        """Load ``declaration_id`` from the store as the open document, with its autosave.

        A document another window edits is opened without autosave (``editable`` False: it is
        only viewed, ui/read_only.py). The autosave names the row version it started from.
        """
        if self.document is not None:
            self.close_document()
        version = self.store.working_version(declaration_id)
        declaration = self.store.load(declaration_id)
        document = DeclarationDocument(
            declaration, load_profile(declaration.profile_id), declaration_id, self
        )
        self.document = document
        if editable:
            delay = int(self.settings.get("editor.autosave_delay_ms"))
            self.autosaver = Autosaver(document, self.store, delay, version)
            self.autosaver.saved.connect(self._on_saved)
            # The window's banner (ui/save_guard.py) shows failures until they are over.
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        self.document_opened.emit(document)
        return document

    def close_document(self) -> None:
        """Close the open document; what is unsaved must have been flushed before."""
        document = self.document
        if document is None:
            return
        self.undo_group.removeStack(document.undo_stack)
        self.document = self.autosaver = None
        self.document_closed.emit()
        document.deleteLater()

    def write_unsaved(self) -> bool:
        """Write the open document's unsaved edits now; False when writing failed."""
        return self.autosaver.flush() if self.autosaver is not None else True

    def discard_unsaved(self) -> None:
        """Forget unsaved edits (the declaration is about to be deleted)."""
        if self.autosaver is not None:
            self.autosaver.discard()

    # -- telling the window ---------------------------------------------------------------
    def tell(self, text: str, timeout_ms: int = 8000) -> None:
        self.status_message.emit(text, timeout_ms)

    def revision_made(self, number: int) -> None:
        """A revision now exists for the open declaration: status bar and list follow."""
        self.revision_changed.emit(number)
        self.declarations_changed.emit()

    def _on_saved(self, when: datetime) -> None:
        self.saved.emit(when)
        self.declarations_changed.emit()
