"""The 预算控制数 field and its difference to 金额合计."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.domain.budget import control_gap
from desktop.domain.model import Declaration
from desktop.domain.money import AmountError, format_amount, parse_user_amount


class ControlTotalField(QWidget):
    """Edits Declaration.budget_control_total (empty text clears it).

    Signals:
        value_committed(object): a new valid value (``Decimal`` or ``None``) was entered.
    """

    value_committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("budgetControlTotal")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setPlaceholderText("未填写")
        self.edit.setMaximumWidth(140)
        self.gap = QLabel(self)
        self.gap.setObjectName("budgetControlGap")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("预算控制数（万元）", self))
        layout.addWidget(self.edit)
        layout.addWidget(self.gap)
        self._value: Decimal | None = None
        self.edit.editingFinished.connect(self._commit)

    def _commit(self) -> None:
        try:
            value = parse_user_amount(self.edit.text()) if self.edit.text().strip() else None
        except AmountError as exc:
            self.gap.setText(f"未保存：{exc.reason}")
            self.gap.setStyleSheet("color: #b00020;")
            return
        if value != self._value:
            self.value_committed.emit(value)

    def refresh(self, declaration: Declaration, decimals: int) -> None:
        self._value = declaration.budget_control_total
        if not self.edit.hasFocus():
            # Exact digits: a rounded text would change the value on the next commit.
            self.edit.setText("" if self._value is None else f"{self._value:,f}")
        gap = control_gap(declaration)
        if gap is None:
            text, color = "填写后将与金额合计比较", "#666666"
        elif gap == 0:
            text, color = "金额合计与预算控制数一致", "#2e7d32"
        elif gap > 0:
            text, color = (
                f"金额合计超出预算控制数 {format_amount(gap, decimals, thousands=True)} 万元",
                "#b00020",
            )
        else:
            text, color = (
                f"金额合计低于预算控制数 {format_amount(-gap, decimals, thousands=True)} 万元",
                "#8a5a00",
            )
        self.gap.setText(text)
        self.gap.setStyleSheet(f"color: {color};")
