"""Chinese reasons for file-system errors: the operating system's own texts may be English."""

from __future__ import annotations

import errno

_REASONS = {
    errno.EPERM: "操作不被允许（没有权限）",
    errno.EROFS: "该位置是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已满",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.EIO: "磁盘读写错误",
    errno.EEXIST: "文件已存在",
    errno.EBUSY: "文件正被其他程序使用",
    errno.EINVAL: "文件名无效",
    errno.ELOOP: "路径中的符号链接太多（可能循环链接）",
    errno.EMLINK: "链接太多",
    errno.EXDEV: "不能跨磁盘移动文件",
    errno.ETXTBSY: "文件正被其他程序使用",
    errno.EFBIG: "文件太大",
}


def describe_os_failure(exc: OSError) -> str:
    """A whole Chinese message for an OS error of unknown direction, naming the file."""
    reason = describe_os_error(exc, writing=None)
    name = exc.filename if exc.filename is not None else ""
    if isinstance(name, bytes):
        name = name.decode("utf-8", "replace")
    name = str(name)
    if len(name) > 120:  # a name too long for the file system is too long for a message too
        name = f"{name[:60]}…{name[-40:]}（共 {len(name)} 个字符）"
    return f"{name}：无法访问（{reason}）" if name else f"无法访问文件（{reason}）"
_WINDOWS_SHARING_VIOLATION = 32


def describe_os_error(exc: OSError, *, writing: bool | None = True) -> str:
    """A Chinese reason for a failed write (or read; None: either), for a message naming the file."""
    if exc.errno == errno.EACCES or (exc.errno is None and isinstance(exc, PermissionError)):
        what = {True: "写入", False: "读取", None: "访问"}[writing]
        return f"没有{what}权限，或文件正被其他程序（如 Excel、WPS、PDF 阅读器）打开"
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    if getattr(exc, "winerror", None) == _WINDOWS_SHARING_VIOLATION:
        return "文件正被其他程序打开"
    return f"系统错误（代码 {exc.errno}）" if exc.errno is not None else "系统错误"
