"""Cold start to a usable window: ``perfdecl gui ID`` exactly, ending when its event loop first
becomes idle with the window shown (instead of waiting for the user).

Run as a whole process by ``python -m bench``: ``python bench/probe_start.py DB ID``. Modules are
imported in the order ``perfdecl`` imports them (the command line, the database layer, then Qt):
PySide6 makes every module imported after it slower to import, so the order matters.
"""

from __future__ import annotations

import sys


def main() -> int:
    import importlib

    cli = importlib.import_module("desktop.cli")
    importlib.import_module("db.deferred")  # as desktop.cli does before Qt
    app = importlib.import_module("desktop.app")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    original = app._application

    def quit_when_idle() -> None:
        app._wait_until_idle()
        assert any(w.isVisible() for w in QApplication.topLevelWidgets()), "no window shown"
        QApplication.quit()

    def application(argv: list[str]) -> object:
        made = original(argv)
        QTimer.singleShot(0, quit_when_idle)  # fires once exec() runs with the window shown
        return made

    setattr(app, "_application", application)  # noqa: B010 - the probe's one hook
    return int(cli.main(["--db", sys.argv[1], "gui", sys.argv[2]]))


if __name__ == "__main__":
    sys.exit(main())
