"""Failed saves are loud: the banner, the retries and the question before closing.

When the autosave cannot write (disk full, drive pulled, file replaced, read-only folder) every
edit stays in memory, the banner says so until a retry succeeds, and closing the declaration or
the window asks 重试 / 另存为 JSON 文件 / 放弃修改 (or 取消). When the stored copy was changed
elsewhere, autosave has stopped and the same places offer 另存为新申报表 instead of 重试.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.exchange.writer import write_json_file
from desktop.oserrors import describe_os_error
from desktop.services.store import StoreError
from ui.app_context import AppContext
from ui.autosave import Autosaver
from ui.choice_box import Role, ask_choice
from ui.save_banner import CONFLICT, FAILED, REFUSED, SaveBanner
from ui.window_port import WindowPort

RETRY, SAVE_NEW, SAVE_JSON, DISCARD, CANCEL = "retry", "new", "json", "discard", "cancel"


def ask_unsaved(parent: QWidget, message: str, conflict: bool) -> str:
    """Ask what to do with edits that could not be saved; one of the constants above."""
    chosen = ask_choice(
        parent,
        "修改尚未保存",
        message,
        [
            (SAVE_NEW if conflict else RETRY, "另存为新申报表" if conflict else "重试", Role.AcceptRole),
            (SAVE_JSON, "另存为 JSON 文件…", Role.ActionRole),
            (DISCARD, "放弃修改", Role.DestructiveRole),
        ],
        icon=QMessageBox.Icon.Warning,
    )
    return chosen or CANCEL


def choose_json_path(parent: QWidget, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, "另存为 JSON 文件", str(Path.home() / suggested), "JSON 交换文件 (*.json)"
    )
    if not path:
        return None
    file = Path(path)
    return file if file.suffix.lower() == ".json" else file.with_name(file.name + ".json")


class SaveGuard:
    """Keeps one window's unsaved edits safe; drives the window's :class:`SaveBanner`."""

    def __init__(self, context: AppContext, window: WindowPort, banner: SaveBanner) -> None:
        self.context = context
        self.window = window
        self.banner = banner
        banner.retry_requested.connect(self.retry)
        banner.save_json_requested.connect(self.save_json)
        banner.save_as_new_requested.connect(self.save_as_new)

    def attach(self, autosaver: Autosaver) -> None:
        autosaver.failed.connect(self._on_failed)
        autosaver.refused.connect(self._on_refused)
        autosaver.saved.connect(lambda _when: self._on_saved())
        autosaver.conflict.connect(self._on_conflict)

    def _on_failed(self, message: str) -> None:
        self.banner.show_state(
            FAILED,
            f"{message}\n所有修改都保留在本窗口中，程序会自动重试；"
            "也可以立即重试，或另存为 JSON 文件。",
        )

    def _on_refused(self, places: str) -> None:
        self.banner.show_state(
            REFUSED,
            "以下内容无法保存，改正后会自动保存（所有修改都保留在本窗口中）：\n" + places,
        )

    def _on_saved(self) -> None:
        self.banner.clear_state(FAILED)
        self.banner.clear_state(REFUSED)

    def _on_conflict(self, message: str) -> None:
        self.banner.show_state(
            CONFLICT,
            f"{message}。自动保存已停止。可将本窗口的内容另存为新申报表或 JSON 文件。",
        )

    # -- actions ------------------------------------------------------------------------
    def retry(self) -> bool:
        return self.window.flush()

    def _suggested_name(self) -> str:
        document = self.context.document
        assert document is not None
        d = document.declaration
        unit = "".join(c for c in d.unit_name if c not in '\\/:*?"<>|') or "申报表"
        return f"{d.year}-{unit}-未保存的修改.json"

    def save_json(self) -> bool:
        """Write this window's state to a JSON file the user chooses; True when written."""
        document = self.context.document
        if document is None:
            return False
        parent = self.window.dialog_parent()
        path = choose_json_path(parent, self._suggested_name())
        if path is None:
            return False
        try:
            write_json_file(document.declaration, path)
        except OSError as exc:
            QMessageBox.warning(
                parent, "另存为 JSON 文件", f"无法写入 {path}：{describe_os_error(exc)}"
            )
            return False
        self.context.tell(f"已将本窗口的内容保存到 {path}", 10_000)
        return True

    def save_as_new(self) -> int | None:
        """Store this window's state as a new declaration and open it; its id."""
        document = self.context.document
        if document is None:
            return None
        try:
            new_id = self.context.store.create(copy.deepcopy(document.declaration))
        except StoreError as exc:
            QMessageBox.warning(
                self.window.dialog_parent(), "另存为新申报表", f"{exc}\n请改为另存为 JSON 文件。"
            )
            return None
        self._forget_unsaved()
        self.window.open_declaration(new_id)
        self.context.tell(f"本窗口的内容已另存为新申报表（编号 {new_id}）", 10_000)
        return new_id

    def _forget_unsaved(self) -> None:
        self.context.discard_unsaved()

    # -- closing ------------------------------------------------------------------------
    def may_close(self) -> bool:
        """Save what is unsaved; when that fails ask the user. False: keep the window open."""
        while not self.window.flush():
            autosaver = self.context.autosaver
            conflict = autosaver is not None and autosaver.stopped
            message = (
                "本窗口的修改无法写入数据库：\n"
                f"{self.banner.label.text().splitlines()[0] if self.banner.state else ''}\n"
                "关闭前请选择如何处理这些修改。"
            )
            choice = ask_unsaved(self.window.dialog_parent(), message, conflict)
            if choice == CANCEL:
                return False
            if choice == DISCARD:
                self._forget_unsaved()
                return True
            if choice == SAVE_JSON and self.save_json():
                self._forget_unsaved()
                return True
            if choice == SAVE_NEW and self.save_as_new() is not None:
                return True
            # RETRY (or a save that did not happen): try writing again and ask again.
        self.banner.clear_state()
        return True
