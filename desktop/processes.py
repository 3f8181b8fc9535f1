"""Is a process still running? Used to tell a live declaration lock from a stale one.

A process id alone is not enough: after a crash and a reboot the id may belong to an unrelated
program. A lock therefore records the process start time as well, and a lock is live only when a
process with that id exists *and* started at that time (within a small tolerance). Linux reads
``/proc``; Windows asks ``GetProcessTimes`` (``os.kill`` there would terminate the process!);
elsewhere only the existence of the id is checked.
"""

from __future__ import annotations

import os
import socket
import sys
from functools import cache

#: Seconds by which two readings of one process's start time may differ (clock-tick rounding).
START_TOLERANCE = 2.0


def host_name() -> str:
    return socket.gethostname() or "unknown"


def user_name() -> str:
    for variable in ("USERNAME", "USER", "LOGNAME"):
        value = os.environ.get(variable)
        if value:
            return value
    try:
        import getpass

        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "unknown"


@cache
def own_start_time() -> float:
    """This process's start time (seconds since the epoch), read the way others will read it."""
    started = process_start_time(os.getpid())
    if started is None:
        import time

        return time.time()
    return started


def process_start_time(pid: int) -> float | None:
    """When process ``pid`` started (epoch seconds), or None when unknown or not running."""
    if pid <= 0:
        return None
    if sys.platform.startswith("linux"):
        return _linux_start_time(pid)
    if sys.platform == "win32":
        return _windows_start_time(pid)
    return None


def process_alive(pid: int, started: float) -> bool:
    """True when the process ``pid`` that started at ``started`` is still running (this host)."""
    actual = process_start_time(pid)
    if actual is not None:
        return abs(actual - started) <= START_TOLERANCE
    return _pid_exists(pid)


def _linux_start_time(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read().decode("ascii", "replace")
        with open("/proc/stat", "rb") as handle:
            boot = next(
                float(line.split()[1])
                for line in handle.read().decode("ascii", "replace").splitlines()
                if line.startswith("btime ")
            )
    except (OSError, StopIteration, ValueError, IndexError):
        return None
    # The command name (field 2) may contain spaces and parentheses: count from its end.
    fields = stat[stat.rfind(")") + 2 :].split()
    try:
        ticks = int(fields[19])  # field 22 of proc(5), "starttime", in clock ticks after boot
    except (IndexError, ValueError):
        return None
    return boot + ticks / os.sysconf("SC_CLK_TCK")


#: Windows error when a process exists but belongs to someone we may not inspect.
_ERROR_ACCESS_DENIED = 5
_STILL_ACTIVE = 259


def _windows_start_time(pid: int) -> float | None:  # pragma: no cover - Windows only
    """Start time of a running process; None when it is not running (or not inspectable)."""
    started = _windows_query(pid)
    return started if isinstance(started, float) else None


def _windows_query(pid: int) -> float | str | None:  # pragma: no cover - Windows only
    """The start time, "denied" when the process exists but may not be inspected, else None."""
    import ctypes
    from ctypes import wintypes

    # WinDLL and get_last_error exist on Windows only; mypy checks this file on Linux too.
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
    filetime_p = ctypes.POINTER(wintypes.FILETIME)
    kernel32.GetProcessTimes.argtypes = [wintypes.HANDLE, *([filetime_p] * 4)]
    kernel32.GetProcessTimes.restype = wintypes.BOOL
    kernel32.GetExitCodeProcess.argtypes = [wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD)]
    kernel32.GetExitCodeProcess.restype = wintypes.BOOL
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    process_query_limited_information = 0x1000
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        denied = ctypes.get_last_error() == _ERROR_ACCESS_DENIED  # type: ignore[attr-defined]
        return "denied" if denied else None
    try:
        exit_code = wintypes.DWORD()
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(exit_code)) and (
            exit_code.value != _STILL_ACTIVE
        ):
            return None
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return "denied"
        created = times[0]
        ticks = (created.dwHighDateTime << 32) | created.dwLowDateTime  # 100 ns since 1601
        return float(ticks / 10_000_000 - 11_644_473_600)
    finally:
        kernel32.CloseHandle(handle)


def _pid_exists(pid: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_query(pid) == "denied"  # running, but its start time is hidden
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    return True
