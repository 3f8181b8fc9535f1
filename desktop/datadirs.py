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


def prefers_rollback_journal(database: Path) -> bool:
    """True for a database on removable or network storage, where WAL is unsafe.

    WAL needs shared memory beside the file: it fails on SMB shares (a Windows UNC path), and a
    USB stick pulled out with an open WAL loses the last edits. The portable folder is assumed to
    be on such a stick.
    """
    if str(database).startswith(("\\\\", "//")):
        return True
    app_dir = program_dir()
    if app_dir is None or not (app_dir / PORTABLE_MARKER).is_file():
        return False
    try:
        return database.resolve().is_relative_to((app_dir / PORTABLE_DATA).resolve())
    except OSError:
        return False
