"""The bundled Song font: registered once at start-up, used for form content.

Chrome uses the system UI font, unless the system has no font for Simplified Chinese, in which
case the bundled font becomes the application font so that no text shows as boxes.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from desktop.resources import FONT_FAMILY, ResourceError, font_path

CONTENT_POINT_SIZE = 10.5
_log = logging.getLogger(__name__)
_registered: str | None = None


def register_bundled_font() -> str | None:
    """Register the bundled font with Qt (idempotent); returns its family, or None if absent."""
    global _registered
    if _registered is not None:
        return _registered
    try:
        path = font_path()
    except ResourceError:
        _log.warning("bundled font missing; using system fonts")
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        _log.warning("bundled font %s could not be loaded", path)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    _registered = FONT_FAMILY if FONT_FAMILY in families else (families[0] if families else None)
    return _registered


def system_has_cjk_font() -> bool:
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return any(family != _registered for family in families)


def apply_application_fonts(app: QGuiApplication) -> None:
    """Register the bundled font; make it the UI font where the system has no CJK font."""
    family = register_bundled_font()
    if family and not system_has_cjk_font():
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)


def content_font() -> QFont:
    """The font for form content (indicator texts, goals, tasks): bundled Song, ≥ 10.5 pt."""
    family = register_bundled_font()
    font = QFont(family) if family else QFont()
    if family:
        # Fall back per glyph to the UI font for anything the Song font lacks.
        font.setFamilies([family, QGuiApplication.font().family()])
    font.setPointSizeF(CONTENT_POINT_SIZE)
    return font
