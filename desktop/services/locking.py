"""One writer per declaration: who holds a declaration, and the errors of refused writes.

A window that edits a declaration holds its lock (stored in the database, so every program on
the file sees it, on Windows as on Linux). The holder records user, host, process id and process
start time; a lock whose process has died is stale and is cleared by the next program that looks
(docs/safety.md). ``token`` tells two windows of one process apart.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.processes import host_name, own_start_time, process_alive, user_name
from desktop.services.store import StoreError


@dataclass(frozen=True)
class LockHolder:
    token: str
    owner: str
    host: str
    pid: int
    started: float  # process start, seconds since the epoch
    acquired: datetime

    def is_alive(self) -> bool:
        """False only when the holder's process is known to be gone (same host, checked)."""
        if self.host != host_name():
            return True  # a process on another computer cannot be checked: assume it runs
        return process_alive(self.pid, self.started)

    def describe(self) -> str:
        """Chinese description naming the holder, for messages."""
        started = datetime.fromtimestamp(self.started).strftime("%Y-%m-%d %H:%M")
        return (
            f"用户 {self.owner} 在计算机 {self.host} 上的 PerfDecl"
            f"（进程 {self.pid}，启动于 {started}）"
        )


def new_holder() -> LockHolder:
    """A holder identity for one window (or one command) of this process."""
    return LockHolder(
        token=uuid.uuid4().hex,
        owner=user_name(),
        host=host_name(),
        pid=os.getpid(),
        started=own_start_time(),
        acquired=datetime.now(UTC),
    )


class LockedError(StoreError):
    """The declaration is being edited elsewhere; ``holder`` says by whom."""

    def __init__(self, declaration_id: int, holder: LockHolder) -> None:
        super().__init__(f"申报表 {declaration_id} 正在由{holder.describe()}编辑，请先关闭该窗口")
        self.declaration_id = declaration_id
        self.holder = holder


class ConflictError(StoreError):
    """The stored working copy changed since this writer read it; nothing was written."""
