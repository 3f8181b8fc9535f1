"""The two-button switch 年度 | 中期 above a project's indicator tree (docs/project-form.md §6).

It only changes which tree is shown, so read-only viewing leaves it enabled (``viewControl``,
ui/read_only.py).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from desktop.domain.horizon_goals import HORIZON_NAMES
from desktop.domain.project import ANNUAL, MID

#: ui/read_only.py's VIEW_CONTROL, spelled out: importing that module here would make an import
#: circle through the window's actions and the section registry.
VIEW_CONTROL = "viewControl"


class HorizonSwitch(QWidget):
    """Two exclusive buttons; ``chosen(horizon)`` when the user picks the other one.

    Signals:
        chosen(str): ANNUAL or MID.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("horizonSwitch")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for horizon in (ANNUAL, MID):
            button = QToolButton(self)
            button.setObjectName(f"horizon{horizon.capitalize()}Button")
            button.setText(HORIZON_NAMES[horizon])
            button.setCheckable(True)
            button.setProperty(VIEW_CONTROL, True)
            button.setToolTip(f"显示{HORIZON_NAMES[horizon]}绩效指标（F7 切换）")
            button.setMinimumWidth(64)
            button.clicked.connect(lambda _=False, h=horizon: self.chosen.emit(h))
            self.group.addButton(button)
            self.buttons[horizon] = button
            layout.addWidget(button)
        self.buttons[ANNUAL].setChecked(True)

    def show_horizon(self, horizon: str) -> None:
        """Reflect the horizon shown (without emitting ``chosen``)."""
        self.buttons[horizon].setChecked(True)

    def current(self) -> str:
        return MID if self.buttons[MID].isChecked() else ANNUAL
