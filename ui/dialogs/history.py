"""历史版本: the revisions of one declaration; restore one as the working copy, mark 定稿.

A revision this program can no longer read (frozen by an older version) is listed as damaged:
it cannot be restored, but its stored text can be saved as a JSON file for support.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.atomic import atomic_write_bytes
from desktop.domain.model import Declaration
from desktop.oserrors import describe_os_error
from desktop.services.revisions import readable_revision
from desktop.services.store import DeclarationStore, RevisionInfo

DAMAGED = "已损坏（无法读取）"


class HistoryDialog(QDialog):
    """Lists revisions (版本, 时间, 指纹, 定稿); ``restored`` holds a chosen revision's content."""

    def __init__(
        self, store: DeclarationStore, declaration_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle("历史版本")
        self.store = store
        self.declaration_id = declaration_id
        self.restored: Declaration | None = None
        self.restored_number = 0
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("revisionTable")
        self.table.setHorizontalHeaderLabels(["版本", "保存时间", "指纹", "定稿"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.restore_button = QPushButton("恢复为工作副本", self)
        self.restore_button.setObjectName("restoreButton")
        self.final_button = QPushButton("标记定稿", self)
        self.final_button.setObjectName("finalButton")
        self.raw_button = QPushButton("导出原始数据…", self)
        self.raw_button.setObjectName("rawExportButton")
        self.raw_button.setToolTip("把该版本保存的原始 JSON 文本另存为文件，供技术支持分析")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.final_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.raw_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.final_button.clicked.connect(self.toggle_final)
        self.raw_button.clicked.connect(self.export_raw)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 360)
        self.revisions: list[RevisionInfo] = []
        self.damaged: set[int] = set()
        self.reload()

    def reload(self) -> None:
        self.revisions = list(reversed(self.store.revisions(self.declaration_id)))
        self.damaged = {
            info.number
            for info in self.revisions
            if readable_revision(self.store, self.declaration_id, info.number) is None
        }
        self.table.setRowCount(len(self.revisions))
        for row, info in enumerate(self.revisions):
            created = info.created.astimezone() if info.created.tzinfo else info.created
            damaged = info.number in self.damaged
            cells = (
                f"第 {info.number} 版" + (f"（{DAMAGED}）" if damaged else ""),
                created.strftime("%Y-%m-%d %H:%M"),
                info.fingerprint,
                "✔ 定稿" if info.is_final else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, info.number)
                if damaged:
                    item.setForeground(QBrush(QColor("#a0301c")))
                    item.setToolTip("该版本由旧版程序保存，本程序无法读取；可导出原始数据供技术支持分析")
                self.table.setItem(row, column, item)
        if self.revisions:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> RevisionInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.revisions[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.number not in self.damaged)
        readable = info is not None and info.number not in self.damaged
        # A damaged revision can be neither printed nor restored: marking it 定稿 would mislead.
        self.final_button.setEnabled(readable or (info is not None and info.is_final))
        self.raw_button.setEnabled(info is not None)
        self.final_button.setText("取消定稿" if info is not None and info.is_final else "标记定稿")

    def toggle_final(self) -> None:
        info = self.selected()
        if info is not None:
            self.store.set_final(self.declaration_id, info.number, not info.is_final)
            self.reload()

    def export_raw(self) -> Path | None:
        """Save the selected revision's stored text as it is (readable or not)."""
        info = self.selected()
        if info is None:
            return None
        suggested = f"申报表{self.declaration_id}-第{info.number}版-原始数据.json"
        name, _filter = QFileDialog.getSaveFileName(
            self, "导出原始数据", suggested, "JSON 文件 (*.json)"
        )
        if not name:
            return None
        return self.write_raw(info.number, Path(name))

    def write_raw(self, number: int, path: Path) -> Path | None:
        content = self.store.revision_content(self.declaration_id, number)
        try:
            atomic_write_bytes(path, content.encode("utf-8"))
        except OSError as exc:
            QMessageBox.warning(
                self, "导出失败", f"无法写入文件：\n{path}\n\n{describe_os_error(exc)}"
            )
            return None
        return path

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        answer = QMessageBox.question(
            self,
            "恢复版本",
            f"用第 {info.number} 版替换当前工作副本？\n当前内容未保存为版本的部分将被替换（可先“保存版本”）。",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restored = self.store.load_revision(self.declaration_id, info.number)
            self.restored_number = info.number
            self.accept()


def show_history(
    store: DeclarationStore, declaration_id: int, parent: QWidget
) -> tuple[Declaration, int] | None:
    """Run the dialog; the revision to restore (content, number), if the user chose one."""
    dialog = HistoryDialog(store, declaration_id, parent)
    dialog.exec()
    if dialog.restored is None:
        return None
    return dialog.restored, dialog.restored_number
