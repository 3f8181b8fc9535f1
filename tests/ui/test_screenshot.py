"""``perfdecl gui --screenshot``: the window rendered offscreen to a PNG of the asked size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtGui import QImage


def _shot(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "desktop", "gui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )


@pytest.mark.parametrize(
    ("size", "section"), [("1280x800", "绩效指标"), ("1366x768", "主要任务与预算")]
)
def test_screenshot_of_the_seed_has_the_asked_size(
    seed_path: Path, tmp_path: Path, size: str, section: str
) -> None:
    out = tmp_path / f"窗口-{section}.png"
    done = _shot(
        ["--screenshot", str(out), "--size", size, "--section", section, str(seed_path)], tmp_path
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    width, height = (int(n) for n in size.split("x"))
    assert (image.width(), image.height()) == (width, height)
    # a file target without --db uses a temporary database, never the user's
    assert not list(tmp_path.glob("*.sqlite3"))


def test_screenshot_at_150_percent(seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "scaled.png"
    done = _shot(
        ["--screenshot", str(out), "--size", "1920x1080", "--scale", "1.5", str(seed_path)],
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1920, 1080)


def test_unknown_section_is_a_usage_error(seed_path: Path, tmp_path: Path) -> None:
    done = _shot(
        ["--screenshot", str(tmp_path / "x.png"), "--section", "封面", str(seed_path)], tmp_path
    )
    assert done.returncode == 2
    assert "封面" in done.stderr
