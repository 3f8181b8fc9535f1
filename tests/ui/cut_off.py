"""What "nothing cut off" means for a page shown at a given window size (used by GUI tests).

A widget is cut off when its text needs more room than it got (a wrapped label shorter than its
lines, a button or unwrapped label narrower than its text) or when it lies partly outside the
page while no scroll area could bring it into view.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget


def _scrolled(widget: QWidget, page: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def cut_off_widgets(page: QWidget) -> list[str]:
    """Descriptions of the visible widgets of ``page`` that are cut off (empty: none)."""
    problems: list[str] = []
    bounds = QRect(QPoint(0, 0), page.size())
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page) or widget.width() <= 0:
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()):
                    problems.append(f"{name} “{widget.text()[:20]}” 行被截断")
            elif widget.width() < widget.minimumSizeHint().width():
                problems.append(f"{name} “{widget.text()[:20]}” 宽度不足")
        narrow = widget.width() < widget.minimumSizeHint().width()
        if isinstance(widget, QAbstractButton) and widget.text() and narrow:
            problems.append(f"{name} “{widget.text()}” 宽度不足")
        if not _scrolled(widget, page):
            top_left = widget.mapTo(page, QPoint(0, 0))
            if not bounds.contains(QRect(top_left, widget.size())):
                problems.append(f"{name} 超出页面 {QRect(top_left, widget.size())} ⊄ {bounds}")
    return problems
