"""The bundled print font: TrueType, embeddable, covering GB2312, GBK and the value symbols."""

from __future__ import annotations

from functools import cache
from pathlib import Path

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


def test_code_point_file_matches_the_font() -> None:
    # T04 reads this file instead of the font at start-up; rebuild it with
    # `python packaging/fonts/build_song_font.py --code-points-only` after changing the font.
    from desktop.resources import resource_path
    from desktop.rules.fontcover import CODE_POINTS_FILE, parse_code_points

    text = resource_path(CODE_POINTS_FILE).read_text(encoding="ascii")
    assert parse_code_points(text) == _cmap()


def test_build_script_writes_the_shipped_code_point_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util
    import shutil
    import sys

    from desktop.resources import resource_path
    from desktop.rules.fontcover import CODE_POINTS_FILE

    script = Path(__file__).resolve().parent.parent / "packaging" / "fonts" / "build_song_font.py"
    spec = importlib.util.spec_from_file_location("build_song_font", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # its dataclasses look themselves up
    spec.loader.exec_module(module)
    font = tmp_path / "PerfDeclSong-Regular.ttf"
    shutil.copyfile(font_path(), font)
    written = module.write_code_points(font)
    assert written.read_bytes() == resource_path(CODE_POINTS_FILE).read_bytes()


def test_print_font_is_not_parsed_for_the_review_check() -> None:
    import subprocess
    import sys

    probe = (
        "import sys; from desktop.rules.fontcover import default_font_covers; "
        "covers = default_font_covers(); print(covers('中'), covers('\\U0001F600'), "
        "sorted(m for m in sys.modules if m.startswith('fontTools')))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert shown.split() == ["True", "False", "[]"]
