"""A section still to come (or one that cannot be shown here): says so plainly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def placeholder(title: str, text: str) -> QWidget:
    """A section still to come: says so plainly."""
    widget = QWidget()
    label = QLabel(f"{title}\n\n{text}", widget)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: #666;")
    layout = QVBoxLayout(widget)
    layout.addWidget(label)
    return widget
