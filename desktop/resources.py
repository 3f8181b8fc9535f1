"""One locator for bundled resources (fonts, profiles, catalogue, sample).

Works in a source checkout or editable install (``<repo>/resources``), in a PyInstaller build
(``sys._MEIPASS/resources``), and wherever ``PERFDECL_RESOURCES`` points (packaging, tests).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

FONT_FILE = "fonts/PerfDeclSong-Regular.ttf"
FONT_FAMILY = "PerfDecl Song"
CATALOG_FILE = "catalog/indicators.json"
SAMPLE_FILE = "sample/seed-futian-2026.json"


class ResourceError(RuntimeError):
    """A bundled resource is missing: the installation is incomplete."""


def _candidates() -> list[Path]:
    found: list[Path] = []
    override = os.environ.get("PERFDECL_RESOURCES")
    if override:
        found.append(Path(override))
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / "resources")
    found.append(Path(__file__).resolve().parent.parent / "resources")
    found.append(Path(sys.prefix) / "share" / "perfdecl" / "resources")
    return found


@cache
def resource_root() -> Path:
    """The folder holding the bundled resources."""
    for candidate in _candidates():
        if (candidate / "profiles").is_dir():
            return candidate
    raise ResourceError("找不到程序资源文件夹 resources，安装不完整，请重新安装。")


def resource_path(relative: str) -> Path:
    """Absolute path of a bundled resource; raises :class:`ResourceError` when it is missing."""
    path = resource_root() / relative
    if not path.exists():
        raise ResourceError(f"缺少程序资源文件：{relative}，安装不完整，请重新安装。")
    return path


def font_path() -> Path:
    return resource_path(FONT_FILE)


def catalog_path() -> Path:
    return resource_path(CATALOG_FILE)


def sample_path() -> Path:
    return resource_path(SAMPLE_FILE)
