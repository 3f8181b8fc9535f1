"""Qt widgets, item models, delegates, undo commands and dialogs."""
