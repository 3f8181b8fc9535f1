"""Draw the application icon once; the PNG and ICO it writes are committed.

The icon is a form sheet with a red seal-like badge carrying 绩 in the bundled Song font, so it
needs no drawing program to rebuild: ``python packaging/icons/make_icon.py`` (Qt offscreen, then
Pillow for the multi-size Windows ``.ico``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPen  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
PNG = REPO / "resources" / "icons" / "perfdecl.png"
ICO = REPO / "packaging" / "windows" / "perfdecl.ico"
SIZE = 256


def draw(size: int = SIZE) -> QImage:
    family_id = QFontDatabase.addApplicationFont(
        str(REPO / "resources/fonts/PerfDeclSong-Regular.ttf")
    )
    family = QFontDatabase.applicationFontFamilies(family_id)[0]
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    s = size / 256
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    # The sheet.
    p.setPen(QPen(QColor("#2f4f6f"), 6 * s))
    p.setBrush(QColor("#fdfdf8"))
    p.drawRoundedRect(QRectF(40 * s, 16 * s, 160 * s, 216 * s), 14 * s, 14 * s)
    # Table rules of the form.
    p.setPen(QPen(QColor("#7f9bb5"), 6 * s))
    for y in (62, 94, 126, 158):
        p.drawLine(int(64 * s), int(y * s), int(176 * s), int(y * s))
    # The badge.
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#c0392b"))
    p.drawRoundedRect(QRectF(116 * s, 132 * s, 124 * s, 108 * s), 18 * s, 18 * s)
    font = QFont(family)
    font.setPixelSize(int(92 * s))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRectF(116 * s, 132 * s, 124 * s, 108 * s), Qt.AlignmentFlag.AlignCenter, "绩")
    p.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    PNG.parent.mkdir(parents=True, exist_ok=True)
    ICO.parent.mkdir(parents=True, exist_ok=True)
    if not draw().save(str(PNG)):
        return 1
    from PIL import Image

    Image.open(PNG).save(
        ICO, sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
