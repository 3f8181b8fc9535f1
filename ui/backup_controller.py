"""文件 → 备份… / 从备份恢复…: the whole database to a file and back (docs/safety.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.services.locking import LockedError
from desktop.services.store import NotFoundError, StoreError

if TYPE_CHECKING:
    from ui.main_window import MainWindow

BACKUP_FILTER = "数据库备份 (*.sqlite3 *.db);;所有文件 (*)"


def choose_backup_target(window: MainWindow, suggested: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(window, "备份数据库", str(suggested), BACKUP_FILTER)
    return Path(path) if path else None


def choose_backup_source(window: MainWindow, folder: Path) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(window, "从备份恢复", str(folder), BACKUP_FILTER)
    return Path(path) if path else None


def confirm_restore(window: MainWindow, source: Path) -> bool:
    answer = QMessageBox.question(
        window,
        "从备份恢复",
        f"用备份文件\n{source}\n替换整个数据库（全部申报表和历史版本）吗？\n\n"
        "恢复前会自动备份当前的数据库，需要时可以再恢复回来。",
    )
    return answer == QMessageBox.StandardButton.Yes


class BackupController:
    """Slots of the two backup actions of one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def connect_actions(self) -> None:
        self.window.window_actions["backupAction"].triggered.connect(self.backup)
        self.window.window_actions["restoreAction"].triggered.connect(self.restore)

    def backup(self) -> Path | None:
        window = self.window
        suggested = Path.home() / f"绩效目标申报助手-备份-{date.today():%Y%m%d}.sqlite3"
        target = choose_backup_target(window, suggested)
        if target is None:
            return None
        window.flush()  # the backup holds what was typed a moment ago
        try:
            window.store.backup_to(target)
        except StoreError as exc:
            QMessageBox.warning(window, "备份数据库", f"备份失败：{exc}")
            return None
        window.statusBar().showMessage(f"已将数据库备份到 {target}", 10_000)
        return target

    def restore(self) -> bool:
        window = self.window
        source = choose_backup_source(window, window.store.backup_folder())
        if source is None or not confirm_restore(window, source):
            return False
        document = window.document
        reopen = document.declaration_id if document is not None else None
        if not window.close_declaration(show_start=True):
            return False
        try:
            before = window.store.restore_from(source, window.edit_lock.token)
        except LockedError as exc:
            self._reopen(reopen)
            QMessageBox.warning(window, "从备份恢复", f"{exc}。\n恢复会覆盖正在编辑的内容，已取消。")
            return False
        except StoreError as exc:
            self._reopen(reopen)
            QMessageBox.warning(window, "从备份恢复", f"没有恢复，数据库保持原样：\n{exc}")
            return False
        self._reopen(reopen)
        note = f"\n恢复前的数据库已备份到：\n{before}" if before is not None else ""
        QMessageBox.information(window, "从备份恢复", f"已从 {source.name} 恢复数据库。{note}")
        return True

    def _reopen(self, declaration_id: int | None) -> None:
        """Open the declaration shown before, if the (restored) database still has it."""
        self.window.refresh_list()
        if declaration_id is None:
            return
        try:
            self.window.store.summary(declaration_id)
        except NotFoundError:
            return
        self.window.open_declaration(declaration_id)
