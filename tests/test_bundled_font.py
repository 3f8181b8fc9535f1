"""The bundled print font: TrueType, embeddable, covering GB2312, GBK and the value symbols."""

from __future__ import annotations

from functools import cache

import pytest

from desktop.resources import font_path

SYMBOLS = "≥≤×÷℃‰№★√％（），。：；“”"


@cache
def _cmap() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    font = TTFont(str(font_path()), lazy=True)
    assert "glyf" in font, "reportlab embeds TrueType outlines only"
    return frozenset(font.getBestCmap())


def _decodable(encoding: str, leads: range, trails: range) -> list[str]:
    chars = []
    for lead in leads:
        for trail in trails:
            try:
                chars.append(bytes((lead, trail)).decode(encoding))
            except UnicodeDecodeError:
                continue
    return chars


def test_all_of_gb2312_is_covered() -> None:
    chars = _decodable("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    missing = [c for c in chars if ord(c) not in _cmap()]
    assert len(chars) > 7400
    assert missing == []


def test_at_least_999_per_mille_of_gbk_is_covered() -> None:
    chars = _decodable("gbk", range(0x81, 0xFF), range(0x40, 0xFF))
    covered = sum(1 for c in chars if ord(c) in _cmap())
    assert covered / len(chars) >= 0.999


@pytest.mark.parametrize("char", list(SYMBOLS))
def test_symbols_used_in_values(char: str) -> None:
    assert ord(char) in _cmap()


def test_licence_ships_beside_the_font() -> None:
    licence = font_path().parent / "OFL.txt"
    assert "SIL OPEN FONT LICENSE" in licence.read_text(encoding="utf-8").upper()
