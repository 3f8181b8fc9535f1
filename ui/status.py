"""The status line: 已自动保存 HH:MM · 第 N 版 · 指纹 xxxxxxxxxxxx."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget


def status_text(
    saved_at: datetime | None,
    revision: int,
    fingerprint: str,
    read_only: bool = False,
    changed_since: bool = False,
) -> str:
    """``changed_since``: the working copy's fingerprint is not that of revision ``revision``."""
    if read_only:  # another window edits it (ui/read_only.py): nothing is saved from here
        parts = ["只读查看"]
    else:
        parts = [f"已自动保存 {saved_at:%H:%M}" if saved_at else "已打开"]
    if revision and changed_since:
        parts.append(f"第 {revision} 版后已修改（未存档）")
    else:
        parts.append(f"第 {revision} 版" if revision else "尚未保存版本")
    if fingerprint:
        parts.append(f"指纹 {fingerprint}")
    return " · ".join(parts)


class SaveStatus(QLabel):
    """Shows the autosave time, the latest revision and the working copy's fingerprint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveStatus")
        self.saved_at: datetime | None = None
        self.revision = 0
        self.fingerprint = ""
        self.read_only = False
        self.changed_since = False

    def update_status(
        self,
        saved_at: datetime | None = None,
        revision: int | None = None,
        fingerprint: str | None = None,
        changed_since: bool | None = None,
    ) -> None:
        if saved_at is not None:
            self.saved_at = saved_at
        if revision is not None:
            self.revision = revision
        if fingerprint is not None:
            self.fingerprint = fingerprint
        if changed_since is not None:
            self.changed_since = changed_since
        self.setText(
            status_text(
                self.saved_at, self.revision, self.fingerprint, self.read_only, self.changed_since
            )
        )

    def clear_status(self) -> None:
        self.saved_at, self.revision, self.fingerprint = None, 0, ""
        self.read_only = False
        self.changed_since = False
        self.setText("未打开申报表")
