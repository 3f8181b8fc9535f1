"""Where the user's data lives: the per-user folders, or a portable folder beside the program.

Normally the database (and the backups kept beside it), ``settings.json`` and the error logs live
in the user's folders (platformdirs: ``~/.local/share/perfdecl``, ``%LOCALAPPDATA%\\perfdecl`` …).
A packaged program with a marker file ``portable.txt`` beside its executable keeps all of them in
``data/`` beside the executable instead (USB sticks, locked-down profiles; see "Portable mode" in
packaging/README.md).
When that folder cannot be written (a read-only share, a write-protected stick) the user's folders
are used and :attr:`DataDirs.notice` says so in Chinese. ``PERFDECL_DB`` and
``PERFDECL_CONFIG_DIR`` still override the database file and the settings folder explicitly.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop.oserrors import describe_os_error

APP_NAME = "perfdecl"
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA = "data"
DB_FILE = "perfdecl.sqlite3"


@dataclass(frozen=True)
class DataDirs:
    #: The folder of the database file and its backups.
    data: Path
    #: The folder of ``settings.json``.
    config: Path
    #: The folder of error logs.
    logs: Path
    #: True when the data lives in the portable folder beside the program.
    portable: bool = False
    #: A Chinese notice for the user (portable mode requested but not possible), else None.
    notice: str | None = None

    @property
    def database(self) -> Path:
        return self.data / DB_FILE


def program_dir() -> Path | None:
    """The folder of a packaged (frozen) program's executable; None when run from source."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def user_dirs() -> DataDirs:
    """The per-user folders of this operating system."""
    from platformdirs import user_config_dir, user_data_dir, user_log_dir

    return DataDirs(
        data=Path(user_data_dir(APP_NAME, appauthor=False)),
        config=Path(user_config_dir(APP_NAME, appauthor=False)),
        logs=Path(user_log_dir(APP_NAME, appauthor=False)),
    )


def _probe_writable(folder: Path) -> None:
    """Create ``folder`` and a scratch file in it; raises OSError when that is not possible."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile(dir=folder, prefix=".perfdecl-probe-"):
        pass


def resolve_data_dirs(app_dir: Path | None = None) -> DataDirs:
    """The folders to use; ``app_dir`` defaults to :func:`program_dir`."""
    app_dir = app_dir if app_dir is not None else program_dir()
    if app_dir is None or not (app_dir / PORTABLE_MARKER).is_file():
        return user_dirs()
    portable_root = app_dir / PORTABLE_DATA
    try:
        _probe_writable(portable_root)
    except OSError as exc:
        fallback = user_dirs()
        notice = (
            f"便携模式：程序旁的数据文件夹 {portable_root} 无法写入（{describe_os_error(exc)}），"
            f"本次的数据、设置和备份改为保存在用户数据文件夹 {fallback.data}。"
        )
        return DataDirs(fallback.data, fallback.config, fallback.logs, notice=notice)
    return DataDirs(portable_root, portable_root, portable_root / "logs", portable=True)


def default_db_path() -> Path:
    """``PERFDECL_DB``, else ``perfdecl.sqlite3`` in the data folder."""
    env = os.environ.get("PERFDECL_DB")
    if env:
        return Path(env)
    return resolve_data_dirs().database


def default_config_dir() -> Path:
    """``PERFDECL_CONFIG_DIR``, else the settings folder (portable or per user)."""
    override = os.environ.get("PERFDECL_CONFIG_DIR")
    if override:
        return Path(override)
    return resolve_data_dirs().config


def startup_notice() -> str | None:
    """The portable-mode notice to show once at start-up, if any."""
    if os.environ.get("PERFDECL_DB") and os.environ.get("PERFDECL_CONFIG_DIR"):
        return None  # both chosen explicitly: the portable folder is not used at all
    return resolve_data_dirs().notice


#: File systems of network shares and USB sticks (Linux ``/proc/self/mounts`` names).
SHARED_OR_REMOVABLE_FS = frozenset(
    {"cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", "9p", "vfat", "msdos", "exfat"}
)
_DRIVE_REMOVABLE, _DRIVE_REMOTE = 2, 4


def prefers_rollback_journal(database: Path) -> bool:
    """True for a database on a USB stick or network share, where WAL is unsafe.

    WAL needs shared memory beside the file: it fails on SMB shares, and a USB stick pulled out
    with an open WAL loses the last edits. The portable folder is assumed to be on such a stick.
    """
    if str(database).startswith(("\\\\", "//")):
        return True
    app_dir = program_dir()
    if app_dir is not None and (app_dir / PORTABLE_MARKER).is_file():
        try:
            if database.resolve().is_relative_to((app_dir / PORTABLE_DATA).resolve()):
                return True
        except OSError:
            pass
    return file_system_kind(database) in ("shared", "removable")


def file_system_kind(path: Path) -> str:
    """The kind of file system holding ``path``: "shared", "removable" or "local" (best effort)."""
    try:
        folder = path.resolve().parent
    except OSError:
        return "local"
    if sys.platform == "win32":
        import ctypes

        drive_type = ctypes.windll.kernel32.GetDriveTypeW(folder.anchor)
        return {_DRIVE_REMOTE: "shared", _DRIVE_REMOVABLE: "removable"}.get(drive_type, "local")
    best, fs_type = "", ""
    for mount_point, kind in mount_table():
        inside = str(folder) == mount_point or str(folder).startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, fs_type = mount_point, kind
    if fs_type not in SHARED_OR_REMOVABLE_FS:
        return "local"
    return "removable" if fs_type in ("vfat", "msdos", "exfat") else "shared"


def mount_table(source: Path = Path("/proc/self/mounts")) -> list[tuple[str, str]]:
    """(mount point, file system type) pairs of this Linux system; empty elsewhere."""
    try:
        lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    table: list[tuple[str, str]] = []
    for line in lines:
        fields = line.split()
        if len(fields) >= 3:
            # Spaces and tabs in mount points are octal escapes (\040).
            point = (
                fields[1]
                .encode()
                .decode("unicode_escape")
                .encode("latin-1")
                .decode("utf-8", "replace")
            )
            table.append((point, fields[2]))
    return table
