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


@pytest.mark.parametrize(
    ("target", "section"),
    [("project-futian-2026-zdpq.json", "项目资金"), ("project-annual-example.json", "绩效指标")],
)
def test_screenshot_of_a_project_section(tmp_path: Path, target: str, section: str) -> None:
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / target
    out = tmp_path / "项目.png"
    done = _shot(["--screenshot", str(out), "--section", section, str(fixture)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert (QImage(str(out)).width(), QImage(str(out)).height()) == (1280, 800)


def test_project_section_names_select_the_same_place_on_a_department_form(
    seed_path: Path, tmp_path: Path
) -> None:
    """``--section 项目资金`` on a department declaration selects 主要任务与预算."""
    from ui.sections import known_section_titles, section_index

    assert section_index("项目资金") == section_index("主要任务与预算") == 1
    assert "项目资金" in known_section_titles()
    out = tmp_path / "dept.png"
    done = _shot(["--screenshot", str(out), "--section", "项目资金", str(seed_path)], tmp_path)
    assert done.returncode == 0, done.stderr
