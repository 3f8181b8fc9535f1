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
        shown = "；".join(m.describe() for m in missing[:10])
        more = f"等共 {len(missing)} 处" if len(missing) > 10 else ""
        font = f"“{font_name}”" if font_name else ""
        super().__init__(
            f"打印字体{font}缺少以下字符，无法打印：{shown}{more}。请修改文字或更换打印字体。"
        )


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
    pdfmetrics.registerFont(font)
    face = font.face
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
