"""Shown when no declaration is open: what to do next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class StartPage(QWidget):
    """Buttons for the start: new, from the sample, open a file; or pick one on the left."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel("绩效目标申报助手", self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(
            "新建部门（单位）整体支出或项目支出绩效目标申报表，或在左侧列表中选择已有的申报表。",
            self,
        )
        hint.setObjectName("startHint")
        # Full width, centred text: a wrapped label placed with an alignment flag gets its
        # narrow size hint and loses the lines that do not fit.
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(hint)
        for action in actions:
            button = QPushButton(action.text().replace("…", "").replace("&", ""), self)
            button.setObjectName(f"start:{action.objectName()}")
            button.setMinimumWidth(240)
            button.clicked.connect(action.trigger)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
