"""Atomic writes: all or nothing, with ordinary file permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop.atomic import atomic_path, atomic_write_bytes


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as temp:
        temp.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_written_file_has_umask_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    old = os.umask(0o022)
    try:
        atomic_write_bytes(target, b"%PDF-")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_bytes() == b"%PDF-"


@pytest.mark.skipif(os.name != "posix", reason="Windows cannot open a folder to sync it")
def test_the_rename_is_synced_to_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Without syncing the folder a power cut after the rename may bring back the old file.
    synced: list[str] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    atomic_write_bytes(tmp_path / "a.json", b"{}")
    assert synced == ["file", "folder"]
