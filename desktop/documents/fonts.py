"""The print font: loading a TrueType face for reportlab and checking text against its cmap.

reportlab silently drops characters its font lacks, so everything printed is checked first and
a :class:`MissingGlyphError` names the field and the character instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from desktop.resources import font_path as bundled_font_path

#: Characters never drawn as glyphs (line breaks and tabs are layout, not text).
_LAYOUT_CHARACTERS = frozenset("\n\r\t")


class FontError(RuntimeError):
    """The chosen print font cannot be used (missing file, not TrueType, bad collection index)."""


@dataclass(frozen=True)
class MissingGlyph:
    field: str
    char: str

    def describe(self) -> str:
        return f"{self.field}中的字符“{self.char}”（U+{ord(self.char):04X}）"


class MissingGlyphError(ValueError):
    """Text the print font cannot show; ``missing`` lists (field, character) pairs."""

    def __init__(self, missing: list[MissingGlyph], font_name: str = "") -> None:
        self.missing = missing
        font = f"“{font_name}”" if font_name else ""
        super().__init__(
            f"打印字体{font}缺少以下字符，无法打印：{_summary(missing)}。请修改文字或更换打印字体。"
        )


def _summary(missing: list[MissingGlyph], fields: int = 5, chars: int = 5) -> str:
    """``目标3中的字符“X”（U+XXXX）、…；…`` grouped by field, shortened for a message box."""
    by_field: dict[str, list[str]] = {}
    for item in missing:
        by_field.setdefault(item.field, []).append(item.char)
    parts = []
    for field, found in list(by_field.items())[:fields]:
        shown = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in found[:chars])
        more = f"等 {len(found)} 个" if len(found) > chars else ""
        parts.append(f"{field}中的字符{shown}{more}")
    rest = f"；另有 {len(by_field) - fields} 处文字" if len(by_field) > fields else ""
    return "；".join(parts) + rest


@dataclass(frozen=True)
class PrintFont:
    """A registered reportlab font: ``name`` for drawing, ``cmap`` for checking."""

    name: str
    path: Path
    index: int
    display_name: str
    cmap: frozenset[int]

    def has(self, char: str) -> bool:
        return ord(char) in self.cmap


def resolve_font_path(font_path: str) -> Path:
    return Path(font_path) if font_path else bundled_font_path()


_face_names: set[bytes] = set()


@cache
def _load(path: Path, index: int) -> PrintFont:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    if not path.is_file():
        raise FontError(f"找不到打印字体文件：{path}")
    digest = hashlib.sha1(f"{path}|{index}".encode()).hexdigest()[:10]
    name = f"PerfDeclPrint-{digest}"
    try:
        font: Any = TTFont(name, str(path), subfontIndex=index)
    except (TTFError, OSError, IndexError) as exc:
        raise FontError(
            f"无法使用打印字体 {path.name}：{exc}（只支持 TrueType 字体 .ttf/.ttc）"
        ) from exc
    # reportlab shares one face between fonts whose PostScript names match (a second file or
    # .ttc face named like the first would draw with the first one's glyphs): keep names unique.
    if font.face.name in _face_names:
        font.face.name = font.face.name + b"-" + digest[:6].encode()
    _face_names.add(font.face.name)
    pdfmetrics.registerFont(font)
    drawn: Any = pdfmetrics.getFont(name)  # the object reportlab will really draw with
    face = drawn.face
    display = face.name.decode("latin-1") if isinstance(face.name, bytes) else str(face.name)
    return PrintFont(name, path, index, display, frozenset(face.charToGlyph))


def load_print_font(font_path: str = "", index: int = 0) -> PrintFont:
    """Register (once per process) and return the font at ``font_path`` ('' = bundled)."""
    return _load(resolve_font_path(font_path).resolve(), index)


def missing_glyphs(texts: Iterable[tuple[str, str]], font: PrintFont) -> list[MissingGlyph]:
    """Each (field, character) the font lacks, once per field, in order of appearance."""
    found: list[MissingGlyph] = []
    seen: set[tuple[str, str]] = set()
    for field, text in texts:
        for char in text:
            if char in _LAYOUT_CHARACTERS or font.has(char) or (field, char) in seen:
                continue
            seen.add((field, char))
            found.append(MissingGlyph(field, char))
    return found
