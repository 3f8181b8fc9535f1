"""Optional QtPdf: older systems may lack the ``PySide6-Pdf`` wheel or its libraries."""

from __future__ import annotations

from types import ModuleType


def load_qtpdf() -> tuple[ModuleType, ModuleType] | None:
    """``(QtPdf, QtPdfWidgets)`` when they can be loaded, else None."""
    try:
        from PySide6 import QtPdf, QtPdfWidgets
    except ImportError:
        return None
    return QtPdf, QtPdfWidgets
