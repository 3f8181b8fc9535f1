"""Severity icons drawn with QPainter: red error, amber warning, blue info, grey when accepted.

Drawn rather than shipped as files so they stay sharp at any scaling; cached per severity and
size. Other views (indicator tree, budget table, goals list) use :func:`severity_icon` too, so a
row's mark looks the same as the panel's.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

SEVERITY_COLORS = {"error": "#d32f2f", "warning": "#e0a100", "info": "#1f6fb2"}
ACCEPTED_COLOR = "#9e9e9e"
_SIZES = (16, 24, 32, 48)
_cache: dict[tuple[str, bool], QIcon] = {}


def severity_icon(severity: str, accepted: bool = False) -> QIcon:
    """The icon of a severity (``error``/``warning``/``info``); grey variant for accepted ones."""
    key = (severity, accepted)
    icon = _cache.get(key)
    if icon is None:
        icon = QIcon()
        for size in _SIZES:
            icon.addPixmap(_draw(severity, accepted, size))
        _cache[key] = icon
    return icon


def severity_color(severity: str, accepted: bool = False) -> QColor:
    return QColor(ACCEPTED_COLOR if accepted else SEVERITY_COLORS.get(severity, ACCEPTED_COLOR))


def _draw(severity: str, accepted: bool, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = severity_color(severity, accepted)
    margin = size * 0.08
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    if severity == "warning":
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(box.center().x(), box.top()),
                    QPointF(box.right(), box.bottom()),
                    QPointF(box.left(), box.bottom()),
                ]
            )
        )
    else:
        painter.drawEllipse(box)
    pen = QPen(QColor("white"), max(1.5, size * 0.12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    cx, cy, s = box.center().x(), box.center().y(), box.width()
    if severity == "error":
        d = s * 0.2
        painter.drawLine(QPointF(cx - d, cy - d), QPointF(cx + d, cy + d))
        painter.drawLine(QPointF(cx - d, cy + d), QPointF(cx + d, cy - d))
    elif severity == "warning":
        # An exclamation mark, placed low because the triangle's mass is at its base.
        painter.drawLine(QPointF(cx, box.top() + s * 0.38), QPointF(cx, box.top() + s * 0.68))
        painter.drawPoint(QPointF(cx, box.top() + s * 0.84))
    else:
        painter.drawPoint(QPointF(cx, cy - s * 0.22))
        path = QPainterPath(QPointF(cx, cy - s * 0.02))
        path.lineTo(QPointF(cx, cy + s * 0.26))
        painter.drawPath(path)
    painter.end()
    return pixmap
