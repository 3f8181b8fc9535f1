"""文件 → 备份… / 从备份恢复…: the whole database to a file and back (docs/safety.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.services.locking import LockedError
from desktop.services.store import NotFoundError, StoreError
from ui.app_context import AppContext
from ui.edit_lock import EditLock
from ui.window_actions import WindowActions
from ui.window_port import WindowPort

BACKUP_FILTER = "数据库备份 (*.sqlite3 *.db);;所有文件 (*)"


def choose_backup_target(window: QWidget, suggested: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(window, "备份数据库", str(suggested), BACKUP_FILTER)
    return Path(path) if path else None


def choose_backup_source(window: QWidget, folder: Path) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(window, "从备份恢复", str(folder), BACKUP_FILTER)
    return Path(path) if path else None


def confirm_restore(window: QWidget, source: Path) -> bool:
    answer = QMessageBox.question(
        window,
        "从备份恢复",
        f"用备份文件\n{source}\n替换整个数据库（全部申报表和历史版本）吗？\n\n"
        "恢复前会自动备份当前的数据库，需要时可以再恢复回来。",
    )
    return answer == QMessageBox.StandardButton.Yes


class BackupController:
    """Slots of the two backup actions of one main window."""

    def __init__(self, context: AppContext, window: WindowPort, edit_lock: EditLock) -> None:
        self.context = context
        self.window = window
        self.edit_lock = edit_lock

    def connect_actions(self, actions: WindowActions) -> None:
        actions["backupAction"].triggered.connect(self.backup)
        actions["restoreAction"].triggered.connect(self.restore)

    def backup(self) -> Path | None:
        parent = self.window.dialog_parent()
        suggested = Path.home() / f"绩效目标申报助手-备份-{date.today():%Y%m%d}.sqlite3"
        target = choose_backup_target(parent, suggested)
        if target is None:
            return None
        self.window.flush()  # the backup holds what was typed a moment ago
        try:
            self.context.store.backup_to(target)
        except StoreError as exc:
            QMessageBox.warning(parent, "备份数据库", f"备份失败：{exc}")
            return None
        self.context.tell(f"已将数据库备份到 {target}", 10_000)
        return target

    def restore(self) -> bool:
        parent = self.window.dialog_parent()
        store = self.context.store
        source = choose_backup_source(parent, store.backup_folder())
        if source is None or not confirm_restore(parent, source):
            return False
        reopen = self.context.declaration_id
        if not self.window.close_declaration(show_start=True):
            return False
        try:
            before = store.restore_from(source, self.edit_lock.token)
        except LockedError as exc:
            self._reopen(reopen)
            QMessageBox.warning(parent, "从备份恢复", f"{exc}。\n恢复会覆盖正在编辑的内容，已取消。")
            return False
        except StoreError as exc:
            self._reopen(reopen)
            QMessageBox.warning(parent, "从备份恢复", f"没有恢复，数据库保持原样：\n{exc}")
            return False
        self._reopen(reopen)
        note = f"\n恢复前的数据库已备份到：\n{before}" if before is not None else ""
        from desktop.services.restored import describe_needing_correction, needing_correction

        legacy = describe_needing_correction(needing_correction(store))
        note += f"\n\n{legacy}" if legacy else ""
        QMessageBox.information(parent, "从备份恢复", f"已从 {source.name} 恢复数据库。{note}")
        return True

    def _reopen(self, declaration_id: int | None) -> None:
        """Open the declaration shown before, if the (restored) database still has it."""
        self.context.declarations_changed.emit()
        if declaration_id is None:
            return
        try:
            self.context.store.summary(declaration_id)
        except NotFoundError:
            return
        self.window.open_declaration(declaration_id)
