"""Banner above the table: declared totals of an imported document that differ from computed.

Also above a project's 项目资金 table, for a declared 总额 of either horizon (rule P05).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.domain.budget import DeclaredDifference, declared_differences
from desktop.domain.model import Declaration
from desktop.domain.money import WAN_YUAN, format_amount, in_unit


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
        self.show_differences(declared_differences(declaration), decimals)

    def show_differences(
        self, differences: list[DeclaredDifference], decimals: int, unit: str = WAN_YUAN
    ) -> None:
        """Show ``differences`` (amounts in 万元, shown in ``unit``); hidden when there are none."""
        self.setVisible(bool(differences))
        if not differences:
            return

        def shown(value: Decimal) -> str:
            return format_amount(in_unit(value, unit), decimals, thousands=True)

        lines = [
            f"{d.label}：文件中为 {shown(d.declared)}，计算值为 {shown(d.computed)}"
            for d in differences
        ]
        self.label.setText(f"导入文件中的合计与计算值不一致（{unit}）：\n" + "\n".join(lines))
