"""Download every wheel PerfDecl needs into one folder, for sites that allow Python but no network.

``python3 packaging/wheelhouse/make_wheelhouse.py OUT [--targets linux-x86_64,win-amd64,...]``
(on a machine with access to the package index) writes::

    OUT/wheels/       perfdecl's own wheel and every dependency, for each target and Python
    OUT/resources/    fonts, indicator frameworks, catalogue, sample (not inside the wheel)
    OUT/compat-requirements.txt   what older Linux (glibc < 2.34) installs: Qt 6.8 LTS
                      (packaging/compat/qt68.txt) and the other dependencies
    OUT/install.sh, OUT/install.bat   create a virtual environment from OUT with no network

Targets: ``linux-x86_64`` (glibc >= 2.34), ``linux-aarch64`` (glibc >= 2.39 for Qt 6.12),
``win-amd64``, ``compat-x86_64`` (glibc 2.28: PySide6 6.8 LTS), for Python 3.11 and 3.12.
Copy OUT to the offline machine and run ``install.sh`` or ``install.bat`` there
(packaging/README.md).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PYTHONS = ("3.11", "3.12")


def manylinux(glibc_minor: int, arch: str) -> list[str]:
    """Every manylinux tag a system with glibc 2.<minor> accepts (older pips do not expand them)."""
    tags = [f"manylinux_2_{minor}_{arch}" for minor in range(glibc_minor, 16, -1)]
    return tags + [f"manylinux2014_{arch}"]


TARGETS = {
    "linux-x86_64": manylinux(34, "x86_64"),
    "linux-aarch64": manylinux(39, "aarch64"),
    "win-amd64": ["win_amd64"],
    "compat-x86_64": manylinux(28, "x86_64"),
}
DEFAULT_TARGETS = "linux-x86_64,win-amd64,compat-x86_64"


def dependencies() -> list[str]:
    meta = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(meta["dependencies"])


def compat_requirements() -> list[str]:
    pins = (REPO / "packaging" / "compat" / "qt68.txt").read_text(encoding="utf-8").splitlines()
    qt = [line.strip() for line in pins if line.strip() and not line.startswith("#")]
    return [d for d in dependencies() if not d.lower().startswith("pyside6")] + qt


def download(requirements: list[str], platforms: list[str], python: str, wheels: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "-q",
        "--only-binary=:all:",
        "--dest",
        str(wheels),
        "--python-version",
        python,
        "--implementation",
        "cp",
    ]
    for platform in platforms:
        command += ["--platform", platform]
    subprocess.run([*command, *requirements], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--targets", default=DEFAULT_TARGETS, help=f"comma-separated, of {', '.join(TARGETS)}"
    )
    parser.add_argument("--pythons", default=",".join(PYTHONS))
    args = parser.parse_args()
    wheels = args.out / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(REPO)],
        check=True,
    )
    for target in args.targets.split(","):
        for python in args.pythons.split(","):
            print(f"[wheelhouse] {target} / Python {python}", flush=True)
            wanted = compat_requirements() if target.startswith("compat") else dependencies()
            download(wanted, TARGETS[target], python, wheels)
    shutil.rmtree(args.out / "resources", ignore_errors=True)
    shutil.copytree(REPO / "resources", args.out / "resources")
    (args.out / "compat-requirements.txt").write_text(
        "\n".join(compat_requirements()) + "\n", encoding="utf-8"
    )
    for script in ("install.sh", "install.bat"):
        shutil.copy2(HERE / script, args.out / script)
    shutil.copy2(REPO / "packaging" / "windows" / "perfdecl.ico", args.out / "perfdecl.ico")
    (args.out / "install.sh").chmod(0o755)
    size = sum(p.stat().st_size for p in wheels.iterdir()) / 2**20
    print(f"[wheelhouse] {len(list(wheels.iterdir()))} wheels, {size:.0f} MiB in {wheels}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
