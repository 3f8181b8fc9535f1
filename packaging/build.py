"""Build the Linux bundle and pack it: ``python3 packaging/build.py`` (packaging/README.md).

Steps: find Python 3.11 (``$PERFDECL_BUILD_PYTHON`` chooses another), make a build environment
with the application's dependencies and PyInstaller, run the spec, check the bundle (every shared
library resolves, the resources are there), then write into ``packaging/dist/``:

* ``perfdecl-<version>-linux-x86_64.tar.xz`` — unpack anywhere and run ``perfdecl``;
* ``perfdecl_<version>_amd64.deb`` — installs under ``/opt/perfdecl`` with a menu entry.

``--smoke`` then runs the frozen ``--smoke-test`` offscreen with sockets forbidden
(``packaging/nonet.py``). ``--no-pack`` stops after the bundle. ``--compat`` builds with the
compatibility Qt (``packaging/compat/qt68.txt``) into ``packaging/dist/compat/``: run it on the
oldest target's userland (glibc 2.28) to get a bundle for UOS 20 / Kylin V10. Only the standard
library is used here, so any Python 3.11+ can run this script.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
BUILD = PACKAGING / "build"
DIST = PACKAGING / "dist"
PYINSTALLER = "pyinstaller==6.22.3"
ARCH_DEB = {"x86_64": "amd64", "aarch64": "arm64"}


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


def project() -> dict[str, object]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(data["project"])


#: The interpreter the bundle is built with: the one the source checkout runs on (Debian 12's
#: python3). Python 3.12 would make the PySide6 6.12.0 reference workaround idle (immortal None),
#: but its shared libpython runs our start-up with ~12 % more instructions (5 % of them
#: __tls_get_addr), which made the frozen start slower than the source one; 3.11 is faster
#: (packaging/README.md, "Start-up"). PERFDECL_BUILD_PYTHON chooses another interpreter.
PREFERRED_PYTHON = "3.11"


def find_python() -> tuple[str, str]:
    """``$PERFDECL_BUILD_PYTHON`` as given, else a Python 3.11, else this Python (said loudly)."""
    chosen = os.environ.get("PERFDECL_BUILD_PYTHON", "")
    if chosen:
        return chosen, _python_version(chosen)
    candidates = [sys.executable, shutil.which(f"python{PREFERRED_PYTHON}") or ""]
    candidates += sorted(
        glob.glob(os.path.expanduser(f"~/.pyenv/versions/{PREFERRED_PYTHON}.*/bin/python")),
        reverse=True,
    )
    candidates += [f"/usr/local/bin/python{PREFERRED_PYTHON}", f"/usr/bin/python{PREFERRED_PYTHON}"]
    for candidate in filter(None, candidates):
        if Path(candidate).is_file():
            version = _python_version(candidate)
            if version.startswith(PREFERRED_PYTHON + "."):
                return candidate, version
    version = _python_version(sys.executable)
    log(f"WARNING: no Python {PREFERRED_PYTHON} found; building with Python {version}")
    return sys.executable, version


def _python_version(python: str) -> str:
    result = subprocess.run(
        [python, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip()


def dependencies(compat: bool) -> list[str]:
    deps = [str(d) for d in project()["dependencies"]]  # type: ignore[attr-defined]
    if not compat:
        return deps
    pins = (PACKAGING / "compat" / "qt68.txt").read_text(encoding="utf-8").splitlines()
    qt = [line.strip() for line in pins if line.strip() and not line.startswith("#")]
    return [d for d in deps if not d.lower().startswith("pyside6")] + qt


def build_env(python: str, version: str, compat: bool) -> Path:
    """A venv with the dependencies (not the app: the spec reads it from the source tree)."""
    deps = dependencies(compat) + [PYINSTALLER]
    stamp = hashlib.sha256("\n".join(deps).encode()).hexdigest()[:12]
    venv = BUILD / f"venv-{version}{'-compat' if compat else ''}"
    marker = venv / f".deps-{stamp}"
    if not marker.exists():
        log(f"build environment {venv} (Python {version})")
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([python, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
        subprocess.run([*pip, *deps], check=True)
        marker.touch()
    return venv


def run_pyinstaller(venv: Path, compat: bool) -> Path:
    dist = BUILD / ("dist-compat" if compat else "dist")
    # One work folder per build environment: PyInstaller's cache does not notice another
    # interpreter and would reuse archives compiled for it ("Python magic pattern mismatch").
    work = BUILD / f"work-{venv.name.removeprefix('venv-')}"
    subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(PACKAGING / "pyinstaller" / "perfdecl.spec"),
        ],
        check=True,
        cwd=REPO,
    )
    return dist / "perfdecl"


GLIBC_SYMBOL = re.compile(rb"GLIBC_2\.(\d+)")


def needed_glibc(bundle: Path) -> str:
    """The newest glibc symbol version any bundled binary asks for: the oldest system it runs on."""
    newest = 17
    for path in bundle.rglob("*"):
        if (
            path.is_file()
            and not path.is_symlink()
            and (".so" in path.name or path.name == "perfdecl")
        ):
            for match in GLIBC_SYMBOL.finditer(path.read_bytes()):
                newest = max(newest, int(match.group(1)))
    return f"2.{newest}"


def system_packages(bundle: Path) -> list[str]:
    """The Debian packages of the system libraries the bundle links (ldd + dpkg -S).

    Computed on the build host, so a compatibility build on an older userland names that
    system's packages (libreadline7 instead of libreadline8, …). Empty where dpkg is missing.
    """
    outside: set[str] = set()
    for path in bundle.rglob("*"):
        if (
            path.is_file()
            and not path.is_symlink()
            and (".so" in path.name or path.name == "perfdecl")
        ):
            out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
            for line in out.splitlines():
                parts = line.split("=>")
                if len(parts) == 2 and parts[1].strip().startswith("/"):
                    target = parts[1].split("(")[0].strip()
                    if not Path(target).resolve().is_relative_to(bundle.resolve()):
                        outside.add(target)
    if not shutil.which("dpkg") or not outside:
        return []
    found = subprocess.run(["dpkg", "-S", *sorted(outside)], capture_output=True, text=True).stdout
    return sorted({line.split(":", 1)[0] for line in found.splitlines() if ":" in line})


def check_bundle(bundle: Path) -> None:
    """Every resource is there and every shared library resolves (ldd says 'not found' else)."""
    internal = bundle / "_internal"
    for relative in (
        "resources/profiles",
        "resources/fonts",
        "resources/icons/perfdecl.png",
        "db/migrations/env.py",
        "db/migrations/versions",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforminputcontexts",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    ):
        if not (internal / relative).exists():
            raise SystemExit(f"bundle lacks {relative}")
    # Qt 6.8 names it libqwayland-generic.so, 6.12 libqwayland.so.
    if not list((internal / "PySide6/Qt/plugins/platforms").glob("libqwayland*.so")):
        raise SystemExit("bundle lacks the Wayland platform plugin")
    missing: set[str] = set()
    for path in internal.rglob("*.so*"):
        if path.is_file() and not path.is_symlink():
            out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
            missing.update(
                f"{path.name}: {line.split()[0]}"
                for line in out.splitlines()
                if "not found" in line
            )
    if missing:
        raise SystemExit(
            "unresolved libraries (install them on the build host):\n" + "\n".join(sorted(missing))
        )


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def pack_tar(bundle: Path, version: str, arch: str, dist: Path) -> Path:
    out = dist / f"perfdecl-{version}-linux-{arch}.tar.xz"
    staging = BUILD / "tar" / f"perfdecl-{version}"
    shutil.rmtree(staging.parent, ignore_errors=True)
    shutil.copytree(bundle, staging, symlinks=True)
    shutil.copy2(PACKAGING / "linux" / "README-linux.txt", staging / "README.txt")
    shutil.copy2(PACKAGING / "linux" / "install-menu-entry.sh", staging / "install-menu-entry.sh")
    shutil.copy2(PACKAGING / "linux" / "perfdecl.desktop", staging / "perfdecl.desktop")
    out.unlink(missing_ok=True)
    # -8 with threads: two blocks of ~96 MiB compress in parallel, within 1 % of -9 single-threaded.
    env = dict(os.environ, XZ_OPT="-8 -T0")
    subprocess.run(
        [
            "tar",
            "--owner=0",
            "--group=0",
            "--sort=name",
            "-cJf",
            str(out),
            "-C",
            str(staging.parent),
            staging.name,
        ],
        check=True,
        env=env,
    )
    return out


def _depends(bundle: Path) -> str:
    others = [name for name in system_packages(bundle) if name != "libc6"]
    return ", ".join([f"libc6 (>= {needed_glibc(bundle)})", *others])


def pack_deb(bundle: Path, version: str, arch: str, meta: dict[str, object], dist: Path) -> Path:
    deb_arch = ARCH_DEB.get(arch, arch)
    root = BUILD / "deb"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / "opt" / "perfdecl", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "perfdecl").symlink_to("/opt/perfdecl/perfdecl")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy2(PACKAGING / "linux" / "perfdecl.desktop", apps / "perfdecl.desktop")
    mime = root / "usr" / "share" / "mime" / "packages"
    mime.mkdir(parents=True)
    shutil.copy2(PACKAGING / "linux" / "perfdecl-mime.xml", mime / "perfdecl.xml")
    icons = root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps"
    icons.mkdir(parents=True)
    shutil.copy2(REPO / "resources" / "icons" / "perfdecl.png", icons / "perfdecl.png")
    doc = root / "usr" / "share" / "doc" / "perfdecl"
    doc.mkdir(parents=True)
    shutil.copy2(REPO / "resources" / "fonts" / "OFL.txt", doc / "OFL-font.txt")
    control = root / "DEBIAN"
    control.mkdir()
    size_kib = folder_size(root) // 1024
    control_text = (PACKAGING / "linux" / "control.in").read_text(encoding="utf-8")
    (control / "control").write_text(
        control_text.format(
            version=version,
            arch=deb_arch,
            size=size_kib,
            description=meta["description"],
            depends=_depends(bundle),
        ),
        encoding="utf-8",
    )
    out = dist / f"perfdecl_{version}_{deb_arch}.deb"
    out.unlink(missing_ok=True)
    # xz, not zstd: the dpkg of UOS/Kylin and older Debian cannot read zstd members.
    subprocess.run(
        ["dpkg-deb", "-Zxz", "--root-owner-group", "--build", str(root), str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out


def smoke(bundle: Path) -> None:
    """The frozen self-test, offscreen, with every socket refused (packaging/nonet.py)."""
    subprocess.run(
        [sys.executable, str(PACKAGING / "nonet.py"), str(bundle / "perfdecl"), "--smoke-test"],
        check=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--smoke", action="store_true", help="run the frozen smoke test after building"
    )
    parser.add_argument("--no-pack", action="store_true", help="build the bundle only")
    parser.add_argument("--compat", action="store_true", help="use the compatibility Qt (qt68.txt)")
    args = parser.parse_args()
    meta = project()
    version = str(meta["version"])
    arch = os.uname().machine
    started = time.monotonic()
    python, py_version = find_python()
    venv = build_env(python, py_version, args.compat)
    log(f"PyInstaller with Python {py_version}{' and the compatibility Qt' if args.compat else ''}")
    bundle = run_pyinstaller(venv, args.compat)
    check_bundle(bundle)
    if shutil.which("desktop-file-validate"):  # the menu entry of the .deb and the tar.xz
        subprocess.run(
            ["desktop-file-validate", str(PACKAGING / "linux" / "perfdecl.desktop")], check=True
        )
    log(
        f"bundle: {folder_size(bundle) / 2**20:.1f} MiB unpacked, needs glibc >= "
        f"{needed_glibc(bundle)} ({time.monotonic() - started:.0f} s so far)"
    )
    if not args.no_pack:
        dist = DIST / "compat" if args.compat else DIST
        dist.mkdir(parents=True, exist_ok=True)
        for out in (
            pack_tar(bundle, version, arch, dist),
            pack_deb(bundle, version, arch, meta, dist),
        ):
            log(f"{out.relative_to(REPO)}: {out.stat().st_size / 2**20:.1f} MiB")
    if args.smoke:
        smoke(bundle)
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
