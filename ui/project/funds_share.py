"""The bar ``年度资金占中期资金 33.2%`` beside the 项目资金 table (docs/project-form.md §13)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from desktop.domain.money import round_half_up

_STYLE = "QProgressBar::chunk {{ background: {color}; }}"
_SHARE = "#4a7bb7"
_OVER = "#b00020"  # 年度 above 中期: rule P02
_NONE = "#9e9e9e"
#: The bar counts tenths of a percent; it is full from 100 % on.
_FULL = 1000


class ShareBar(QWidget):
    """A label with the exact share and a bar; the share itself comes from the domain."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setObjectName("projectFundsShareText")
        sample = "年度资金占中期资金 100.0%"
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance(sample) + 8)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("projectFundsShare")
        self.bar.setRange(0, _FULL)
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(240, 12)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addStretch(1)

    def text(self) -> str:
        return self.label.text()

    def show_share(self, share: Decimal | None) -> None:
        """``share`` = 年度资金总额 / 中期资金总额 (None: no 中期 总额 to divide by)."""
        if share is None:
            self.bar.setValue(0)
            self.label.setText("年度资金占中期资金：中期资金总额未填写")
            color = _NONE
        else:
            percent = round_half_up(share * 100, 1)
            self.bar.setValue(min(_FULL, int(percent * 10)))
            self.label.setText(f"年度资金占中期资金 {percent}%")
            color = _OVER if percent > 100 else _SHARE
        style = _STYLE.format(color=color)
        if self.bar.styleSheet() != style:  # restyling on every keystroke would cost
            self.bar.setStyleSheet(style)
