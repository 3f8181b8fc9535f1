"""Banner above the table: declared totals of an imported document that differ from computed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.domain.budget import declared_differences
from desktop.domain.model import Declaration
from desktop.domain.money import format_amount


class DeclaredTotalsBanner(QFrame):
    """Hidden unless a declared 总额/金额合计 differs from the computed one.

    Signals:
        accept_requested(): the user chose 采用计算值.
    """

    accept_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("declaredTotalsBanner")
        self.setStyleSheet(
            "#declaredTotalsBanner { background: #fff4e5; border: 1px solid #e0a060; }"
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton("采用计算值", self)
        self.button.setToolTip(
            "丢弃导入文件中打印的合计，改用按财政拨款与其他资金计算的值（可撤销）"
        )
        self.button.clicked.connect(self.accept_requested)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def refresh(self, declaration: Declaration, decimals: int) -> None:
        differences = declared_differences(declaration)
        self.setVisible(bool(differences))
        if not differences:
            return
        lines = [
            f"{d.label}：文件中为 {format_amount(d.declared, decimals, thousands=True)}，"
            f"计算值为 {format_amount(d.computed, decimals, thousands=True)}"
            for d in differences
        ]
        self.label.setText("导入文件中的合计与计算值不一致（万元）：\n" + "\n".join(lines))
