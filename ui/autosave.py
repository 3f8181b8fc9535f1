"""Debounced autosave: the working copy reaches the store shortly after each committed edit."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.services.store import DeclarationStore, StoreError
from ui.document import DeclarationDocument

DEFAULT_DELAY_MS = 300
_log = logging.getLogger(__name__)


class Autosaver(QObject):
    """Saves ``document`` to ``store`` ``delay_ms`` after the last change, and on :meth:`flush`.

    Signals:
        saved(datetime): the working copy was written.
        failed(str): writing failed (Chinese message); the next change retries.
    """

    saved = Signal(datetime)
    failed = Signal(str)

    def __init__(
        self,
        document: DeclarationDocument,
        store: DeclarationStore,
        delay_ms: int = DEFAULT_DELAY_MS,
    ) -> None:
        super().__init__(document)
        self.document = document
        self.store = store
        self.dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Capped so that an edit always reaches the database within one second.
        self._timer.setInterval(max(0, min(delay_ms, 800)))
        self._timer.timeout.connect(self.flush)
        document.changed.connect(self._on_changed)

    def _on_changed(self, _parts: object) -> None:
        self.dirty = True
        self._timer.start()

    def flush(self) -> bool:
        """Write now if anything is unsaved; returns False when writing failed."""
        self._timer.stop()
        if not self.dirty or self.document.declaration_id is None:
            return True
        try:
            self.store.save(self.document.declaration_id, self.document.declaration)
        except StoreError as error:
            _log.exception("autosave failed")
            self.failed.emit(f"自动保存失败：{error}")
            return False
        self.dirty = False
        self.saved.emit(datetime.now())
        return True
