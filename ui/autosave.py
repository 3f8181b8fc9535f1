"""Debounced autosave: the working copy reaches the store shortly after each committed edit.

A failed write is never silent and never drops an edit: the document stays dirty in memory,
``failed`` tells the window (which shows a persistent banner, see ``ui/save_banner.py``) and the
write is retried on a timer until it succeeds. Every write names the row version it was based on;
when the stored copy was changed elsewhere (another program, an older PerfDecl without locks)
the store refuses, autosave stops for good and ``conflict`` lets the window offer to keep this
window's state as a new declaration (docs/safety.md).
"""

from __future__ import annotations

import logging
import time
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.services.locking import ConflictError
from desktop.services.store import (
    DeclarationStore,
    NotFoundError,
    RefusedContentError,
    StoreError,
)
from ui.document import DeclarationDocument

DEFAULT_DELAY_MS = 300
#: However fast edits follow each other, the first unsaved one is written within this time
#: (a debounce alone would never fire while edits keep coming: a paste storm, fast typing).
#: Below one second with room for a busy machine: at most the last second may be lost.
MAX_WAIT_MS = 600
#: First retry after a failed write; doubled after each further failure up to the maximum.
RETRY_MS = 3000
MAX_RETRY_MS = 30_000
_log = logging.getLogger(__name__)


class Autosaver(QObject):
    """Saves ``document`` to ``store`` ``delay_ms`` after the last change, and on :meth:`flush`.

    Signals:
        saved(datetime): the working copy was written.
        failed(str): writing failed (Chinese message); the edits stay in memory and a retry is
            scheduled.
        refused(str): the gate refused the content (the places to correct, one per line); no
            retry is scheduled, the next edit writes again.
        conflict(str): the stored copy was changed elsewhere; autosave has stopped.
    """

    saved = Signal(datetime)
    failed = Signal(str)
    refused = Signal(str)
    conflict = Signal(str)

    def __init__(
        self,
        document: DeclarationDocument,
        store: DeclarationStore,
        delay_ms: int = DEFAULT_DELAY_MS,
        version: int | None = None,
    ) -> None:
        super().__init__(document)
        self.document = document
        self.store = store
        #: Row version of the stored working copy this window's state is based on.
        self.version = version
        self.dirty = False
        self.failing = False
        #: Set after a conflict: nothing is written any more.
        self.stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Capped so that an edit always reaches the database within one second.
        self._delay_ms = max(0, min(delay_ms, 800))
        self._timer.setInterval(self._delay_ms)
        self._timer.timeout.connect(self.flush)
        #: When the oldest unsaved edit was made (monotonic ms), or None when all is saved.
        self._unsaved_since: float | None = None
        self.retry_ms = RETRY_MS
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.flush)
        document.changed.connect(self._on_changed)

    def _on_changed(self, _parts: object) -> None:
        self.dirty = True
        now = time.monotonic() * 1000
        if self._unsaved_since is None:
            self._unsaved_since = now
        if not self.stopped and not self._retry.isActive():
            remaining = self._unsaved_since + MAX_WAIT_MS - now
            self._timer.start(int(max(0, min(self._delay_ms, remaining))))

    def flush(self) -> bool:
        """Write now if anything is unsaved; returns False when writing failed."""
        self._timer.stop()
        self._retry.stop()
        if self.stopped:
            return not self.dirty
        if not self.dirty or self.document.declaration_id is None:
            return True
        try:
            self.version = self.store.save(
                self.document.declaration_id, self.document.declaration, self.version
            )
        except ConflictError as error:
            self.stopped = True
            self.conflict.emit(str(error))
            return False
        except NotFoundError:  # deleted by another window or program
            self.stopped = True
            self.conflict.emit(f"申报表 {self.document.declaration_id} 已在别处被删除")
            return False
        except RefusedContentError as error:
            # Retrying cannot help: the content must be corrected first. The next edit writes
            # again (the working copy stays dirty); a timer would only repeat the refusal.
            from desktop.services.refusal import describe_problems

            self.failing = True
            self.refused.emit(describe_problems(error.problems, self.document.declaration))
            return False
        except StoreError as error:
            _log.exception("autosave failed")
            delay = self.retry_ms if not self.failing else min(self._retry.interval() * 2, MAX_RETRY_MS)
            self.failing = True
            self._retry.start(max(delay, self.retry_ms))
            self.failed.emit(f"自动保存失败：{error}")
            return False
        self.dirty = False
        self.failing = False
        self._unsaved_since = None
        self.saved.emit(datetime.now())
        return True

    def discard(self) -> None:
        """Forget unsaved edits (the user chose 放弃修改, or the declaration is deleted)."""
        self._timer.stop()
        self._retry.stop()
        self.dirty = False
        self.failing = False
        self._unsaved_since = None
