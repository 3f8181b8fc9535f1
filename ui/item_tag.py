"""A small coloured tag drawn before an item's text: 项目 in the navigator, 中期 in the findings.

A model gives the tag's word in :data:`TAG_ROLE`; :class:`TagDelegate` paints it as a rounded
label between the item's icon and its text, and leaves items without a tag to the default
painting. The text keeps its own display role, so sorting, searching and tests read it plainly.
"""

from __future__ import annotations

from typing_extensions import override

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

#: The tag's word (str) of an item, or None.
TAG_ROLE = Qt.ItemDataRole.UserRole + 40

#: Text and background colour of each known tag; others get the first.
TAG_COLOURS = {
    "项目": ("#1f5f9e", "#e2eefa"),
    "中期": ("#6a3d9a", "#efe7f7"),
}
_PAD = 4
_GAP = 5


def _tag_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
    return small


class TagDelegate(QStyledItemDelegate):
    """Paints :data:`TAG_ROLE` as a tag before the text of the item."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def tag_width(self, option: QStyleOptionViewItem, tag: str) -> int:
        return QFontMetrics(_tag_font(option.font)).horizontalAdvance(tag) + 2 * _PAD + _GAP

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        tag = index.data(TAG_ROLE)
        if not tag:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        text = opt.text
        area: QRect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        area = QRect(area.left() + 2, opt.rect.top(), opt.rect.right() - area.left() - 3, opt.rect.height())
        # Background, selection, icon and focus as usual; the tag and the text by hand.
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        painter.save()
        font = _tag_font(opt.font)
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(tag) + 2 * _PAD
        height = min(metrics.height() + 2, area.height())
        box = QRect(area.left(), area.top() + (area.height() - height) // 2, width, height)
        foreground, background = TAG_COLOURS.get(tag, next(iter(TAG_COLOURS.values())))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(box, 3, 3)
        painter.setFont(font)
        painter.setPen(QColor(foreground))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, tag)
        rest = area.adjusted(width + _GAP, 0, 0, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        elided = opt.fontMetrics.elidedText(text, opt.textElideMode, rest.width())
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rest, align, elided)
        painter.restore()

    @override
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        tag = index.data(TAG_ROLE)
        if tag:
            size.setWidth(size.width() + self.tag_width(option, tag))
        return size
