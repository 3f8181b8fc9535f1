"""``perfdecl`` ends its GUI process without the interpreter's teardown (desktop/app.py,
end_gui_process), and nothing typed, flushed or registered for exit is lost by that."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from desktop.services.store import DeclarationStore

# The application quits while the window is still open and an edit is still waiting for
# autosave (QApplication.exit, unlike quit, closes no window): the process must still write it,
# run the atexit handlers and flush its output.
_CHILD = textwrap.dedent(
    """
    import atexit, sys, threading, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from desktop import app, cli
    from ui.indicators.model import Column

    atexit.register(lambda: print("atexit handlers ran", flush=False))
    original = app._application

    def edit_and_quit():
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
        window.destroyed.connect(lambda: print("window deleted", flush=False))
        model = window.editor.page("indicatorPanel").model
        model.setData(model.indicator_index(0, 0, Column.NAME), "退出前的修改")
        print("edited", flush=False)
        threading.Thread(target=lambda: (time.sleep(0.3), print("thread done"))).start()
        QApplication.exit(0)  # ends the event loop without closing the windows (quit closes them)

    def application(argv):
        made = original(argv)
        QTimer.singleShot(0, edit_and_quit)
        return made

    app._application = application
    sys.argv[1:] = ["--db", sys.argv[1], "gui", sys.argv[2]]
    cli.console_main()
    print("not reached: end_gui_process ends the process")
    """
)


def test_gui_process_writes_the_edit_and_runs_exit_handlers_before_it_ends(
    db_path: Path, store: DeclarationStore, seed_id: int
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db_path), str(seed_id)],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        timeout=60,
    )
    output = result.stdout.decode(errors="replace")
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert output.splitlines() == [
        "edited",
        "thread done",
        "window deleted",
        "atexit handlers ran",
    ]
    assert store.load(seed_id).categories[0].indicators[0].name == "退出前的修改"


def test_commands_without_a_window_exit_normally(db_path: Path, seed_id: int) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db_path), "list"],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0 and "福田" in result.stdout.decode(errors="replace")
