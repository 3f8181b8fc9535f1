"""The 预算控制数 field and its difference to 金额合计 (a project: to 年度资金总额).

Shared by the department budget panel and a project's 项目资金 panel, which names its own
``subject`` and shows amounts in its profile's unit (stored in 万元 either way).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.domain.budget import control_gap
from desktop.domain.model import Declaration
from desktop.domain.money import (
    WAN_YUAN,
    AmountError,
    format_amount,
    has_hidden_precision,
    in_unit,
    parse_user_amount,
)


def _amount(value: Decimal, decimals: int, unit: str = WAN_YUAN) -> str:
    """Rounded half up; the exact value too when rounding hides digits (0.004 is not 0.00)."""
    value = in_unit(value, unit)
    shown = f"{format_amount(value, decimals, thousands=True)} {unit}"
    if has_hidden_precision(value, decimals):
        return f"{shown}（精确值 {format(value.normalize(), 'f')}）"
    return shown


class ControlTotalField(QWidget):
    """Edits Declaration.budget_control_total (empty text clears it).

    Signals:
        value_committed(object): a new valid value (``Decimal`` or ``None``) was entered.
    """

    value_committed = Signal(object)

    def __init__(
        self, parent: QWidget | None = None, *, unit: str = WAN_YUAN, subject: str = "金额合计"
    ) -> None:
        super().__init__(parent)
        self._unit, self._subject = unit, subject
        self.edit = QLineEdit(self)
        self.edit.setObjectName("budgetControlTotal")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setPlaceholderText("未填写")
        self.edit.setMaximumWidth(140)
        self.gap = QLabel(self)
        self.gap.setObjectName("budgetControlGap")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"预算控制数（{unit}）", self))
        layout.addWidget(self.edit)
        layout.addWidget(self.gap)
        self.setFocusProxy(self.edit)
        self._value: Decimal | None = None
        self.edit.editingFinished.connect(self._commit)

    def _commit(self) -> None:
        if not self.edit.isModified():
            return
        try:
            text = self.edit.text()
            value = parse_user_amount(text, self._unit) if text.strip() else None
        except AmountError as exc:
            # Refused: the stored value stays and is shown again, with the reason beside it.
            self._show_value()
            self.gap.setText(f"未保存：{exc.reason}，仍为原值")
            self.gap.setStyleSheet("color: #b00020;")
            return
        if value != self._value:
            self.edit.setModified(False)  # so the refresh after the commit shows the value
            self.value_committed.emit(value)
        else:
            self._show_value()  # same value, typed differently: show it the usual way

    def _show_value(self) -> None:
        # Exact digits: a rounded text would change the value on the next commit.
        value = self._value
        self.edit.setText("" if value is None else f"{in_unit(value, self._unit):,f}")
        self.edit.setModified(False)

    def refresh(self, declaration: Declaration, decimals: int) -> None:
        self.show_gap(declaration.budget_control_total, control_gap(declaration), decimals)

    def show_gap(self, value: Decimal | None, gap: Decimal | None, decimals: int) -> None:
        """Show ``value`` (unless being typed) and ``gap`` = the subject minus ``value``."""
        self._value = value
        if not self.edit.isModified():
            # Text being typed stays; otherwise show the value (also after undo/redo).
            self._show_value()
        subject, unit = self._subject, self._unit
        if gap is None:
            text, color = f"填写后将与{subject}比较", "#666666"
        elif gap == 0:
            text, color = f"{subject}与预算控制数一致", "#2e7d32"
        elif gap > 0:
            text, color = f"{subject}超出预算控制数 {_amount(gap, decimals, unit)}", "#b00020"
        else:
            text, color = f"{subject}低于预算控制数 {_amount(-gap, decimals, unit)}", "#8a5a00"
        self.gap.setText(text)
        self.gap.setStyleSheet(f"color: {color};")
