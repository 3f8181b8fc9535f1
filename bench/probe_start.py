"""Cold start to a usable window: ``perfdecl gui ID`` exactly, ending when its event loop first
becomes idle with the window shown (instead of waiting for the user).

Run as a whole process by ``python -m bench``: ``python bench/probe_start.py DB ID``.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication


def _exec_until_idle(_app: object = None) -> int:
    for _ in range(3):
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert windows, "no window was shown"
    return 0


def main() -> int:
    QApplication.exec = _exec_until_idle  # type: ignore[method-assign,assignment]
    from desktop.cli import main as perfdecl

    return perfdecl(["--db", sys.argv[1], "gui", sys.argv[2]])


if __name__ == "__main__":
    sys.exit(main())
