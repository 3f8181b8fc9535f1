"""Print options of the official form (the settings registry maps ``print.*`` onto these)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Orientation(StrEnum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


@dataclass(frozen=True)
class PrintOptions:
    """How the form is printed; the defaults give the official Shenzhen print plus page aids.

    ``repeat_labels`` repeats the column header and the level-1/level-2 labels on continuation
    pages (the official print repeats nothing). ``font_path`` empty means the bundled font;
    ``font_index`` picks the face inside a ``.ttc`` collection. ``draft`` marks a declaration
    whose self-check failed: a light 草稿 watermark and 自检未通过 in the footer.
    """

    orientation: Orientation = Orientation.PORTRAIT
    signature_block: bool = False
    repeat_labels: bool = True
    font_path: str = ""
    font_index: int = 0
    draft: bool = False
