"""Atomic file writes: write a temporary file beside the target, fsync, rename into place.

Every file the application writes goes through here, so a crash or a full disk never leaves a
half-written PDF, xlsx or json where the user expects a good one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success rename it over ``target``.

    On an exception the temporary file is removed and ``target`` is left untouched.
    """
    target_path = Path(target)
    folder = target_path.parent if str(target_path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{target_path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    temp_path = Path(temp_name)
    # mkstemp makes the file private (0600); give it the permissions a normal file would get.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp_path, 0o666 & ~umask)
    try:
        yield temp_path
        with open(temp_path, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp_path, target_path)
        _sync_folder(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            temp_path.unlink()
        raise


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder and needs none."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the data itself is already synced
    finally:
        os.close(fd)


_OS_ERRORS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "操作不被允许（没有权限）",
    errno.EROFS: "磁盘是只读的",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EIO: "磁盘读写错误",
    errno.EEXIST: "文件已存在",
    errno.EBUSY: "文件正被其他程序使用",
    errno.EINVAL: "文件名无效",
}


def describe_os_error(exc: OSError) -> str:
    """A Chinese description of a file-system error (the OS's own text may be English)."""
    if exc.errno in _OS_ERRORS:
        return _OS_ERRORS[exc.errno]
    if getattr(exc, "winerror", None) == 32:  # ERROR_SHARING_VIOLATION: open in Excel/WPS
        return "文件正被其他程序打开"
    return f"系统错误 {exc.errno}" if exc.errno is not None else "系统错误"


def atomic_write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    with atomic_path(target) as temp:
        temp.write_bytes(data)


def atomic_write_text(target: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(target, text.encode("utf-8"))


def atomic_write_with(target: str | os.PathLike[str], writer: Callable[[Path], None]) -> None:
    """Let ``writer`` produce the file at a temporary path, then rename it into place."""
    with atomic_path(target) as temp:
        writer(temp)
