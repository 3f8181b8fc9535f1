"""ask_choice: one button per answer, the first the default, 取消 and Esc give None."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from tests.qtkeys import key_click
from ui.choice_box import Role, ask_choice


def _answer(action: str) -> None:
    def act() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        if action == "Esc":
            key_click(box, Qt.Key.Key_Escape)
        elif action == "Enter":
            key_click(box, Qt.Key.Key_Return)
        else:
            button = next(b for b in box.findChildren(QPushButton) if b.text() == action)
            button.click()

    QTimer.singleShot(0, act)


@pytest.mark.parametrize(
    ("action", "expected"), [("追加", False), ("替换", True), ("Enter", False), ("取消", None), ("Esc", None)]
)
def test_the_clicked_answer_is_returned(
    qtbot: QtBot, action: str, expected: bool | None
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer(action)
    chosen = ask_choice(
        parent, "导入指标清单", "把 x.xlsx 中的指标导入当前申报表：",
        [(False, "追加", Role.AcceptRole), (True, "替换", Role.DestructiveRole)],
    )  # fmt: skip
    assert chosen is expected
