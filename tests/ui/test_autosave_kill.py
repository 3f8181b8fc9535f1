"""An edit reaches the database within a second, even if the process is then killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from desktop.services.store import DeclarationStore

_CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from desktop.app import make_main_window
    from ui.indicators.model import Column

    app = QApplication([])
    window = make_main_window(sys.argv[1], int(sys.argv[2]))
    window.show()
    panel = window.editor.page("indicatorPanel")  # built on first use
    model = panel.model
    model.setData(model.indicator_index(0, 0, Column.NAME), "断电前的修改")
    QTimer.singleShot(1500, lambda: os.kill(os.getpid(), signal.SIGKILL))
    app.exec()
    """
)


def test_edit_is_in_the_database_after_sigkill(
    db_path: Path, store: DeclarationStore, seed_id: int
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db_path), str(seed_id)],
        cwd=repo,
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr.decode(errors="replace")
    assert store.load(seed_id).categories[0].indicators[0].name == "断电前的修改"
