"""Window-wide keys of docs/ui.md: Ctrl+1…Ctrl+5 reach the sections, Ctrl+F the indicator filter."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget

from tests.qtkeys import key_click
from ui.indicators.panel import IndicatorPanel
from ui.main_window import MainWindow
from ui.sections import section_titles

_DIGITS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5)


def _active(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_ctrl_digits_show_each_section_in_turn(
    qtbot: QtBot, seed_window: Callable[[int, int], MainWindow]
) -> None:
    window = _active(qtbot, seed_window(1366, 768))
    assert window.editor is not None
    sections = window.findChild(QListWidget, "sectionList")
    assert sections is not None
    for number in (5, 1, 3, 2, 4):
        focused = QApplication.focusWidget() or window
        key_click(focused, _DIGITS[number - 1], Qt.KeyboardModifier.ControlModifier)
        assert window.editor.currentIndex() == number - 1
        assert window.editor.tabText(number - 1) == section_titles()[number - 1]
        assert sections.currentRow() == number - 1  # the navigator follows


def test_ctrl_f_in_the_indicator_section_focuses_the_filter(
    qtbot: QtBot, seed_window: Callable[[int, int], MainWindow]
) -> None:
    window = _active(qtbot, seed_window(1366, 768))
    assert window.editor is not None
    key_click(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    panel = window.editor.page("indicatorPanel")
    assert isinstance(panel, IndicatorPanel)
    panel.view.setFocus()
    key_click(panel.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is panel.filter
