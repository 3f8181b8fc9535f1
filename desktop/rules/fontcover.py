"""Which characters the bundled print font can show (T04).

The default predicate reads the cmap of resources/fonts/PerfDeclSong-Regular.ttf once (fontTools
when installed, else reportlab) and caches the code points. Without the font file no character
can be judged, so every character counts as covered (the print itself reports the missing font).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from desktop.resources import ResourceError, font_path


def _fonttools_cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        cmap = font.getBestCmap() or {}
        return frozenset(cmap)


def _reportlab_cmap(path: Path) -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    mapping: dict[int, int] = TTFontFile(str(path)).charToGlyph
    return frozenset(code for code, glyph in mapping.items() if glyph)  # glyph 0 is .notdef


def load_code_points(path: Path) -> frozenset[int]:
    """The code points ``path``'s cmap maps to a glyph."""
    try:
        return _fonttools_cmap(path)
    except ImportError:
        return _reportlab_cmap(path)


@cache
def _bundled_code_points() -> frozenset[int] | None:
    try:
        path = font_path()
    except ResourceError:
        return None
    return load_code_points(path)


def default_font_covers() -> Callable[[str], bool]:
    """The predicate for the bundled font (loaded on first use, then cached)."""
    points = _bundled_code_points()
    if points is None:
        return lambda char: True
    return lambda char: ord(char) in points


def predicate_for(code_points: frozenset[int]) -> Callable[[str], bool]:
    return lambda char: ord(char) in code_points
