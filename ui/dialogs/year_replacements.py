"""从上年申报表新建: show each replacement of the old year and let the user pick which to apply."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.next_year import YearReplacement as Replacement


class YearReplacementsDialog(QDialog):
    """A checklist of proposed replacements, each shown with its text before and after."""

    def __init__(
        self, replacements: list[Replacement], old: int, new: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("yearReplacementsDialog")
        self.setWindowTitle("替换年度")
        self.replacements = replacements
        intro = QLabel(
            f"新申报表已复制上年的全部内容，年度改为 {new}。\n"
            f"以下目标和指标中提到了 {old} 年，勾选的将改为 {new} 年（可在新表中撤销）：",
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("replacementList")
        self.list.setWordWrap(True)
        for index, item in enumerate(replacements):
            entry = QListWidgetItem(f"{item.label}\n原：{item.before}\n新：{item.after}", self.list)
            entry.setData(Qt.ItemDataRole.UserRole, index)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
        none_button = QPushButton("全部不替换", self)
        none_button.clicked.connect(lambda: self._check_all(False))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("替换所选")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("都不替换")
        buttons.addButton(none_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)

    def chosen(self) -> list[Replacement]:
        return [
            self.replacements[int(self.list.item(r).data(Qt.ItemDataRole.UserRole))]
            for r in range(self.list.count())
            if self.list.item(r).checkState() == Qt.CheckState.Checked
        ]


def choose_replacements(
    parent: QWidget, replacements: list[Replacement], old: int, new: int
) -> list[Replacement]:
    """The replacements the user accepted (none when there is nothing to replace or cancelled)."""
    if not replacements:
        return []
    dialog = YearReplacementsDialog(replacements, old, new, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    return dialog.chosen()
