"""Qt widgets, item models, delegates, undo commands and dialogs."""

from desktop.none_guard import make_none_immortal

# Must run before any Qt call: PySide6 6.12.0 leaks references to None on Python 3.11.
make_none_immortal()
