"""The application shell: Qt's own dialogs speak Chinese."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path


def test_qt_standard_buttons_are_chinese() -> None:
    script = textwrap.dedent(
        """
        from desktop.app import _application
        from PySide6.QtWidgets import QDialogButtonBox
        app = _application(["perfdecl"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        print(",".join(sorted(b.text() for b in buttons.buttons())))
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ",".join(sorted(["确定", "取消"]))


def test_gui_without_a_display_says_so_in_chinese(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(tmp_path / "x.sqlite3")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 2
    assert "没有可用的图形界面显示" in done.stderr
