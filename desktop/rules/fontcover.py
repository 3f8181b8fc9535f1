"""Which characters the bundled print font can show (T04).

The bundled font's code points ship as a small text file beside it
(``resources/fonts/PerfDeclSong-Regular.codepoints``, hex ranges written by
``packaging/fonts/build_song_font.py`` and checked against the font by
``tests/test_bundled_font.py``), so start-up never parses the 9 MB font. Without that file the
cmap is read from the font (fontTools when installed, else reportlab). Without the font either,
no character can be judged, so every character counts as covered (the print itself reports the
missing font).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from desktop.resources import FONT_FILE, ResourceError, font_path, resource_path

CODE_POINTS_FILE = FONT_FILE.removesuffix(".ttf") + ".codepoints"
_HEADER = "# Code points mapped by the bundled print font's cmap, as hex ranges (first-last)."


def format_code_points(points: Iterable[int]) -> str:
    """The text of a code point file: a comment line, then one ``first-last`` range a line."""
    ranges: list[list[int]] = []
    for point in sorted(set(points)):
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    lines = [f"{a:X}-{b:X}" if a != b else f"{a:X}" for a, b in ranges]
    return "\n".join([_HEADER, *lines]) + "\n"


def parse_code_points(text: str) -> frozenset[int]:
    """The code points of a file written by :func:`format_code_points`."""
    points: set[int] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        first, _, last = line.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(points)


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
        return parse_code_points(resource_path(CODE_POINTS_FILE).read_text(encoding="ascii"))
    except (ResourceError, OSError, ValueError):
        pass  # an incomplete installation: read the font itself
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
