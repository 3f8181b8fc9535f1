"""Make a virtual environment on the compatibility Qt: ``python3 packaging/compat/make_venv.py DIR``.

The environment holds the application (editable), its test and dev tools and every dependency of
``pyproject.toml`` except the Qt wheels, which come from ``qt68.txt`` (PySide6 6.8 LTS, the oldest
Qt with wheels for glibc 2.28). CI runs the whole test suite in it (packaging/README.md), so the
application keeps working on the Qt that older domestic Linux systems can run. Standard library
only; ``--qt FILE`` picks another pin file, ``--arch aarch64`` the aarch64 pins.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def requirements(qt_file: Path) -> list[str]:
    meta = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(meta["dependencies"])
    for extra in ("test", "dev"):
        wanted += meta["optional-dependencies"][extra]
    wanted = [r for r in wanted if not r.lower().startswith("pyside6")]
    pins = [line.strip() for line in qt_file.read_text(encoding="utf-8").splitlines()]
    return wanted + [line for line in pins if line and not line.startswith("#")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("venv", type=Path)
    parser.add_argument("--qt", type=Path, default=HERE / "qt68.txt")
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    if not (args.venv / "bin" / "python").exists():
        subprocess.run([args.python, "-m", "venv", str(args.venv)], check=True)
    python = str(args.venv / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "-q", *requirements(args.qt)], check=True)
    # The application itself without its Qt pins (they name 6.12).
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "-e", str(REPO)], check=True)
    subprocess.run(
        [python, "-c", "import PySide6, PySide6.QtPdf; print('Qt', PySide6.__version__)"],
        check=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
