"""What a controller may ask of the window it serves; :class:`ui.main_window.MainWindow` is one.

Everything else a controller needs is in the :class:`ui.app_context.AppContext` (store, settings,
document, undo group) or is said through that context's signals.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget


class WindowPort(Protocol):
    def open_declaration(self, declaration_id: int, section: int | None = None) -> None:
        """Show ``declaration_id`` (saving the open one first), at ``section`` if given."""

    def close_declaration(self, show_start: bool = True) -> bool:
        """Save and close the open declaration; show the start page if asked.

        False when its edits could not be saved and the user chose to keep it open.
        """

    def flush(self) -> bool:
        """Commit what is being typed and write unsaved edits; False when writing failed."""

    def dialog_parent(self) -> QWidget:
        """The widget message boxes and dialogs belong to."""
