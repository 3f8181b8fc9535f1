"""Horizontal bars beside the table: each task's share of 总额, and the 财政拨款/其他资金 split."""

from __future__ import annotations

from decimal import Decimal

from typing_extensions import override

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.domain.budget import task_shares
from desktop.domain.model import Declaration
from desktop.domain.money import ZERO, round_half_up

_BAR = QColor("#4a7bb7")
_OTHER = QColor("#e0a040")
_TRACK = QColor("#e8ecf1")
_ROW = 34
_PAD = 8


def _percent(share: Decimal) -> str:
    return f"{round_half_up(share * 100, 1)}%"


class BudgetBars(QWidget):
    """Paints the shares from the domain; call :meth:`refresh` after a change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("budgetBars")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._names: list[str] = []
        self._shares: list[Decimal] = []
        self._fiscal_share = ZERO
        self._has_total = False

    def refresh(self, declaration: Declaration) -> None:
        self._names = [t.name or f"第 {i + 1} 行" for i, t in enumerate(declaration.tasks)]
        self._shares = task_shares(declaration)
        totals = declaration.computed_totals()
        assert totals.total is not None and totals.fiscal is not None
        self._has_total = totals.total > 0
        self._fiscal_share = totals.fiscal / totals.total if self._has_total else ZERO
        self.updateGeometry()
        self.update()

    def shares(self) -> list[tuple[str, Decimal]]:
        return list(zip(self._names, self._shares, strict=True))

    @override
    def sizeHint(self) -> QSize:
        return QSize(240, _PAD + 24 + _ROW * (len(self._names) + 3))

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width() - 2 * _PAD
        y = _PAD
        y = self._title(painter, y, "各任务占总额")
        if not self._has_total:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                QRect(_PAD, y, width, _ROW), Qt.AlignmentFlag.AlignLeft, "金额合计为 0，暂无占比"
            )
            return
        for name, share in zip(self._names, self._shares, strict=True):
            self._bar(painter, y, width, name, [(share, _BAR)], _percent(share))
            y += _ROW
        y = self._title(painter, y + 6, "资金来源")
        other = 1 - self._fiscal_share
        label = f"财政拨款 {_percent(self._fiscal_share)} · 其他资金 {_percent(other)}"
        self._bar(painter, y, width, label, [(self._fiscal_share, _BAR), (other, _OTHER)], "")

    def _title(self, painter: QPainter, y: int, text: str) -> int:
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(
            QRect(_PAD, y, self.width() - 2 * _PAD, 20), Qt.AlignmentFlag.AlignLeft, text
        )
        font.setBold(False)
        painter.setFont(font)
        return y + 22

    def _bar(
        self,
        painter: QPainter,
        y: int,
        width: int,
        label: str,
        parts: list[tuple[Decimal, QColor]],
        value: str,
    ) -> None:
        metrics = painter.fontMetrics()
        painter.setPen(self.palette().windowText().color())
        text_width = width - metrics.horizontalAdvance(value) - 6
        painter.drawText(
            _PAD,
            y + metrics.ascent(),
            metrics.elidedText(label, Qt.TextElideMode.ElideRight, text_width),
        )
        painter.drawText(
            QRect(_PAD, y, width, metrics.height()), Qt.AlignmentFlag.AlignRight, value
        )
        track = QRect(_PAD, y + metrics.height() + 2, width, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_TRACK)
        painter.drawRect(track)
        x = track.left()
        for share, color in parts:
            # Pixels only: the share itself is an exact Decimal from the domain.
            span = int(round_half_up(share * width, 0))
            painter.setBrush(color)
            painter.drawRect(QRect(x, track.top(), span, track.height()))
            x += span
