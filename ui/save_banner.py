"""The persistent bar above the editor that says the working copy is not safe in the database.

Four situations, each with its own actions: a save failed (retry, keep as a JSON file), the
content was refused by the gate (correct it, or keep it as a JSON file; retrying cannot help), the
stored copy was changed elsewhere (keep this window's state as a new declaration or a JSON
file), and the declaration is edited in another window (read-only viewing, try again). The bar
stays until the situation is over; a status-bar message would vanish after a few seconds.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

FAILED = "failed"
REFUSED = "refused"
CONFLICT = "conflict"
READ_ONLY = "read_only"

_STYLES = {
    FAILED: "QFrame#saveBanner { background: #fdecea; border: 1px solid #d93025; }",
    REFUSED: "QFrame#saveBanner { background: #fdecea; border: 1px solid #d93025; }",
    CONFLICT: "QFrame#saveBanner { background: #fdecea; border: 1px solid #d93025; }",
    READ_ONLY: "QFrame#saveBanner { background: #fff8e1; border: 1px solid #f9a825; }",
}


class SaveBanner(QFrame):
    """Hidden until :meth:`show_state`; ``state`` is FAILED, REFUSED, CONFLICT, READ_ONLY or ""."""

    retry_requested = Signal()
    save_json_requested = Signal()
    save_as_new_requested = Signal()
    edit_requested = Signal()
    take_over_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveBanner")
        self.state = ""
        self.label = QLabel(self)
        self.label.setObjectName("saveBannerText")
        self.label.setWordWrap(True)
        self.retry_button = self._button("saveBannerRetry", "立即重试", self.retry_requested)
        self.new_button = self._button("saveBannerNew", "另存为新申报表", self.save_as_new_requested)
        self.json_button = self._button("saveBannerJson", "另存为 JSON 文件…", self.save_json_requested)
        self.edit_button = self._button("saveBannerEdit", "重新尝试编辑", self.edit_requested)
        self.take_over_button = self._button(
            "saveBannerTakeOver", "强制解除锁定…", self.take_over_requested
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        for button in (
            self.retry_button,
            self.new_button,
            self.json_button,
            self.edit_button,
            self.take_over_button,
        ):
            layout.addWidget(button)
        self.hide()

    def _button(self, name: str, text: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False: signal.emit())
        return button

    def show_state(self, state: str, message: str, can_take_over: bool = False) -> None:
        self.state = state
        self.setStyleSheet(_STYLES[state])
        self.label.setText(message)
        self.retry_button.setVisible(state == FAILED)
        self.new_button.setVisible(state == CONFLICT)
        self.json_button.setVisible(state in (FAILED, REFUSED, CONFLICT))
        self.edit_button.setVisible(state == READ_ONLY)
        self.take_over_button.setVisible(state == READ_ONLY and can_take_over)
        self.show()

    def clear_state(self, state: str | None = None) -> None:
        """Hide the bar (only when it shows ``state``, if given)."""
        if state is None or self.state == state:
            self.state = ""
            self.hide()
