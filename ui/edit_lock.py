"""One writer per declaration: this window's edit locks (desktop/services/locking.py).

The window takes the lock of the declaration it opens; when another live window or program
holds it, the declaration is shown read-only (ui/read_only.py) with a banner naming the holder.
The lock is released when the declaration is closed, and all of this window's locks when the
window goes away; a lock left by a crashed process is cleared by the next one that looks.
"""

from __future__ import annotations

import logging

from desktop.services.locking import LockHolder, new_holder
from desktop.services.store import DeclarationStore, StoreError

_log = logging.getLogger(__name__)


class EditLock:
    """The lock identity of one window (``token``) and the declaration it holds."""

    def __init__(self, store: DeclarationStore) -> None:
        self.store = store
        self.holder = new_holder()
        self.held: int | None = None

    @property
    def token(self) -> str:
        return self.holder.token

    def acquire(self, declaration_id: int) -> LockHolder | None:
        """Take the lock; the other live holder when refused (then: view read-only)."""
        try:
            other = self.store.acquire_lock(declaration_id, self.holder)
        except StoreError:
            # The database cannot be written: editing stays possible and the autosave banner
            # says loudly that nothing reaches the file (ui/save_guard.py).
            _log.exception("could not take the edit lock")
            return None
        if other is None:
            self.held = declaration_id
        return other

    def release(self) -> None:
        if self.held is None:
            return
        try:
            self.store.release_lock(self.held, self.token)
        except StoreError:
            _log.exception("could not release the edit lock")  # stale once we exit
        self.held = None

    def release_all(self) -> None:
        self.held = None
        try:
            self.store.release_lock(None, self.token)
        except StoreError:
            _log.exception("could not release the edit locks")
