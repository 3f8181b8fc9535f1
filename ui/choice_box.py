"""A question with a few named answers and 取消, as a message box (modal, keyboard-friendly)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

T = TypeVar("T")

Role = QMessageBox.ButtonRole


def ask_choice(
    parent: QWidget,
    title: str,
    text: str,
    choices: Sequence[tuple[T, str, Role]],
    *,
    informative: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    object_name: str = "",
) -> T | None:
    """Ask ``text`` with one button per choice ``(value, label, role)``, the first the default,
    then 取消 (also Esc); the value of the button clicked, None for 取消 or a closed box."""
    box = QMessageBox(parent)
    if object_name:
        box.setObjectName(object_name)
    box.setWindowTitle(title)
    box.setIcon(icon)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    buttons = [(box.addButton(label, role), value) for value, label, role in choices]
    box.setEscapeButton(box.addButton("取消", Role.RejectRole))
    box.setDefaultButton(buttons[0][0])
    box.exec()
    clicked = box.clickedButton()
    return next((value for button, value in buttons if button is clicked), None)
