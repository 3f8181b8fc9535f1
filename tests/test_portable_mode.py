"""Portable mode: a marker beside the packaged program keeps data, settings, logs beside it."""

from __future__ import annotations

import errno
import io
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from desktop import datadirs
from desktop.cli import main
from desktop.crashlog import write_crash_log
from desktop.settings import Settings


@pytest.fixture
def program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A packaged program's folder (``sys.frozen`` as PyInstaller sets it), without the marker."""
    folder = tmp_path / "U盘" / "绩效目标申报助手"
    folder.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "perfdecl"))
    monkeypatch.delenv("PERFDECL_CONFIG_DIR", raising=False)
    return folder


def _mark_portable(folder: Path) -> None:
    (folder / datadirs.PORTABLE_MARKER).write_text("便携模式", encoding="utf-8")


def test_without_marker_everything_stays_in_the_user_folders(program: Path) -> None:
    dirs = datadirs.resolve_data_dirs()
    assert not dirs.portable and dirs.notice is None
    assert not program.joinpath(datadirs.PORTABLE_DATA).exists()
    assert dirs.database.is_relative_to(Path(os.environ["XDG_DATA_HOME"]))


def test_imported_declaration_and_settings_land_beside_the_program(
    program: Path, seed_path: Path
) -> None:
    _mark_portable(program)
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(seed_path)], out=out, err=err) == 0, err.getvalue()
    database = program / "data" / "perfdecl.sqlite3"
    assert database.is_file()
    out = io.StringIO()
    assert main(["list", "--json"], out=out, err=io.StringIO()) == 0
    assert "福田" in out.getvalue()  # the same database is found again by the next start

    Settings().set("print.signature_block", True)
    assert (program / "data" / "settings.json").is_file()
    assert Settings().get("print.signature_block") is True


def test_portable_database_uses_the_rollback_journal_not_wal(
    program: Path, seed_path: Path
) -> None:
    # A USB stick pulled out with an open WAL file would lose the last edits.
    _mark_portable(program)
    assert main(["import", str(seed_path)], out=io.StringIO(), err=io.StringIO()) == 0
    database = program / "data" / "perfdecl.sqlite3"
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_user_folder_database_keeps_wal(program: Path, seed_path: Path) -> None:
    assert main(["import", str(seed_path)], out=io.StringIO(), err=io.StringIO()) == 0
    with sqlite3.connect(datadirs.resolve_data_dirs().database) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_network_share_paths_use_the_rollback_journal() -> None:
    assert datadirs.prefers_rollback_journal(Path("//server/财务/perfdecl.sqlite3"))
    assert not datadirs.prefers_rollback_journal(Path("/home/张三/perfdecl.sqlite3"))


def test_crash_logs_are_written_beside_the_data(program: Path) -> None:
    _mark_portable(program)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        log = write_crash_log(type(exc), exc, exc.__traceback__)
    assert log.parent == program / "data" / "logs"
    assert "ValueError: boom" in log.read_text(encoding="utf-8")


def test_unwritable_program_folder_falls_back_with_a_chinese_notice(
    program: Path, seed_path: Path
) -> None:
    _mark_portable(program)
    (program / "data").write_text("not a folder", encoding="utf-8")  # mkdir fails even as root
    dirs = datadirs.resolve_data_dirs()
    assert not dirs.portable
    assert dirs.notice is not None and "便携模式" in dirs.notice and str(dirs.data) in dirs.notice

    err = io.StringIO()
    assert main(["import", str(seed_path)], out=io.StringIO(), err=err) == 0
    assert "便携模式" in err.getvalue() and "无法写入" in err.getvalue()
    assert dirs.database.is_file()  # the work was saved, in the user's folder


def test_read_only_medium_is_named_in_the_notice(
    program: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root can write to a chmod 555 folder, so the read-only stick is simulated at the probe.
    _mark_portable(program)

    def read_only(folder: Path) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(folder))

    monkeypatch.setattr(datadirs, "_probe_writable", read_only)
    dirs = datadirs.resolve_data_dirs()
    assert not dirs.portable
    assert dirs.notice is not None and "该位置是只读的" in dirs.notice
    assert Settings().path.parent == dirs.config


def test_explicit_database_and_config_override_portable_mode(
    program: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_path: Path
) -> None:
    _mark_portable(program)
    chosen = tmp_path / "chosen.sqlite3"
    monkeypatch.setenv("PERFDECL_DB", str(chosen))
    assert main(["import", str(seed_path)], out=io.StringIO(), err=io.StringIO()) == 0
    assert chosen.is_file()
    assert not (program / "data" / "perfdecl.sqlite3").exists()


def test_source_checkout_ignores_a_marker_beside_the_interpreter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    _mark_portable(tmp_path)
    assert not datadirs.resolve_data_dirs().portable


@pytest.mark.parametrize(
    ("fs_type", "journal"),
    [("cifs", "delete"), ("vfat", "delete"), ("exfat", "delete"), ("ext4", "wal")],
)
def test_shares_and_sticks_get_the_rollback_journal(
    fs_type: str, journal: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_path: Path
) -> None:
    # The mount table says where the folder lives; a deeper mount wins over "/".
    monkeypatch.setattr(datadirs, "mount_table", lambda: [("/", "ext4"), (str(tmp_path), fs_type)])
    database = tmp_path / "财务 共享" / "perfdecl.sqlite3"
    assert (
        main(
            ["--db", str(database), "import", str(seed_path)], out=io.StringIO(), err=io.StringIO()
        )
        == 0
    )
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == journal


def test_mount_points_with_spaces_and_chinese_are_read(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n//srv/财务 /mnt/财务\\040共享 cifs rw 0 0\n", encoding="utf-8"
    )
    assert datadirs.mount_table(mounts) == [("/", "ext4"), ("/mnt/财务 共享", "cifs")]
