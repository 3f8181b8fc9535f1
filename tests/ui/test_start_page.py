"""The start page, shown while no declaration is open: nothing of its text is cut off."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication, QLabel

from ui.main_window import MainWindow


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)])
def test_the_hint_shows_all_its_lines(
    qtbot: QtBot, empty_window: MainWindow, size: tuple[int, int]
) -> None:
    empty_window.resize(*size)
    empty_window.show()
    QApplication.processEvents()
    hint = empty_window.start_page.findChild(QLabel, "startHint")
    assert hint is not None and hint.isVisible()
    assert "项目支出" in hint.text()
    assert hint.height() >= hint.heightForWidth(hint.width())
    assert hint.width() >= hint.fontMetrics().horizontalAdvance("新建部门（单位）整体支出")
