"""Noticing that a related stored form changed, so C02/C03 follow edits made elsewhere.

A project is cross-checked with its unit's department form of the year and the unit's other
projects (docs/project-form.md §6). They may be edited in another window or program at the same
time; each such edit reaches the store through that window's autosave. The watch polls the
store's list of declarations (a single small query) and says when the neighbours of the open
declaration were added, removed or saved since the last look.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.domain.project import name_key
from desktop.services.store import DeclarationStore, StoreError
from ui.document import DeclarationDocument

#: How often the store is looked at while a declaration is open.
POLL_MS = 1500

_Key = tuple[tuple[int, str], ...]


class RelatedFormsWatch(QObject):
    """Polls the store while a document is open.

    Signals:
        changed(): a neighbour of the open declaration (same year and unit) was stored, changed
            or deleted, or the declaration's own year or unit changed its neighbours.
    """

    changed = Signal()

    def __init__(
        self, store: DeclarationStore, interval_ms: int = POLL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._document: DeclarationDocument | None = None
        self._last: _Key = ()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def follow(self, document: DeclarationDocument | None) -> None:
        """Watch the neighbours of ``document`` (None: stop)."""
        self._document = document
        if document is None:
            self._timer.stop()
            self._last = ()
            return
        self._last = self._key()
        self._timer.start()

    @Slot()
    def poll(self) -> None:
        """Look at the store now; emits ``changed`` when the neighbours differ."""
        if self._document is None:
            return
        key = self._key()
        if key != self._last:
            self._last = key
            self.changed.emit()

    def _key(self) -> _Key:
        document = self._document
        if document is None:
            return ()
        declaration = document.declaration
        unit = name_key(declaration.unit_name)
        try:
            summaries = self._store.list()
        except StoreError:
            return self._last  # an unreadable store is reported by the autosave, not here
        return tuple(
            sorted(
                (s.id, s.modified.isoformat())
                for s in summaries
                if s.id != document.declaration_id
                and s.year == declaration.year
                and name_key(s.unit_name) == unit
            )
        )
