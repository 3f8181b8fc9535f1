"""A small popup composing a 指标值 from operator, number and unit (≥ 95 % → ≥95%)."""

from __future__ import annotations

from typing_extensions import override

from PySide6.QtCore import QPoint, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QFrame, QLineEdit, QWidget

from desktop.domain.values import OPERATORS, ValueKind, compose_value, parse_value

_NO_OPERATOR = "（无）"


class ValuePickerPopup(QFrame):
    """Operator / number / unit picker shown under the value editor.

    Signals:
        value_chosen(str): the composed 指标值 text.
    """

    value_chosen = Signal(str)

    def __init__(self, units: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("valuePicker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.operator = QComboBox(self)
        self.operator.setObjectName("pickerOperator")
        self.operator.addItems([*OPERATORS, _NO_OPERATOR])
        self.number = QLineEdit(self)
        self.number.setObjectName("pickerNumber")
        self.number.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,9}(\.\d{0,4})?"), self)
        )
        self.unit = QComboBox(self)
        self.unit.setObjectName("pickerUnit")
        self.unit.setEditable(True)
        self.unit.addItems(units)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.close)
        form = QFormLayout(self)
        form.addRow("计算符号", self.operator)
        form.addRow("数值", self.number)
        form.addRow("单位", self.unit)
        form.addRow(buttons)
        # A popup is no dialog: Enter in the fields must accept explicitly.
        self.number.returnPressed.connect(self.accept)
        self._anchor: QWidget | None = None

    def set_from_text(self, text: str) -> None:
        parsed = parse_value(text)
        if parsed.kind is ValueKind.QUANTITATIVE:
            self.operator.setCurrentText(parsed.operator or _NO_OPERATOR)
            self.number.setText(parsed.number_text())
            self.unit.setCurrentText(parsed.value_unit)
        else:
            self.unit.setCurrentText("%")

    def composed(self) -> str:
        operator = self.operator.currentText()
        return compose_value(
            None if operator == _NO_OPERATOR else operator,
            self.number.text(),
            self.unit.currentText(),
        )

    def accept(self) -> None:
        if self.number.text():
            self.value_chosen.emit(self.composed())
        self.close()
        if self._anchor is not None:
            self._anchor.setFocus()  # back to the cell editor: Enter then commits the cell

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)

    def show_below(self, anchor: QWidget) -> None:
        self._anchor = anchor
        self.adjustSize()
        self.move(anchor.mapToGlobal(QPoint(0, anchor.height())))
        self.show()
        self.number.setFocus()
