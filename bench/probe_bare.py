"""The floor of start-up: a bare PySide6 window with the bundled font registered, shown, and
(with an output path) grabbed to a PNG, in the same way as ``perfdecl gui --screenshot``.

Run as a whole process by ``python -m bench``: ``python bench/probe_bare.py [out.png]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

FONT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "PerfDeclSong-Regular.ttf"


def main() -> int:
    app = QApplication(sys.argv[:1])
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    window = QMainWindow()
    label = QLabel("绩效目标申报助手", window)
    label.setFont(QFont(family, 11))
    window.setCentralWidget(label)
    window.resize(1280, 800)
    window.show()
    for _ in range(3):  # until idle, as desktop.app does before a screenshot
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()
    if len(sys.argv) > 1:
        # The stubs want bytes for the format; PySide6 6.12 accepts only str at run time.
        window.grab().toImage().save(sys.argv[1], "PNG")  # type: ignore[call-overload]
    window.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
