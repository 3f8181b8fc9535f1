"""The "nothing cut off" check itself, on pages built to fail it, and the department sections."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from tests.ui.cut_off import cut_off_widgets
from ui.main_window import MainWindow


def test_clipped_text_and_widgets_outside_the_page_are_found(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(300, 200)
    wrapped = QLabel("很长的说明文字" * 10, page)
    wrapped.setObjectName("wrapped")
    wrapped.setWordWrap(True)
    wrapped.setGeometry(0, 0, 300, 20)
    button = QPushButton("一个文字很长的按钮标题", page)
    button.setObjectName("narrow")
    button.setGeometry(0, 40, 40, 30)
    outside = QLabel("外", page)
    outside.setObjectName("outside")
    outside.setGeometry(280, 190, 40, 30)
    page.show()
    found = " ".join(cut_off_widgets(page))
    assert "wrapped" in found and "narrow" in found and "outside" in found


def test_a_widget_inside_a_scroll_area_may_lie_below_the_page(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(300, 200)
    area = QScrollArea(page)
    inner = QWidget()
    column = QVBoxLayout(inner)
    for n in range(30):
        column.addWidget(QLabel(f"第{n}行"))
    area.setWidget(inner)
    QVBoxLayout(page).addWidget(area)
    page.show()
    assert cut_off_widgets(page) == []


def test_department_sections_at_1280_by_800(seed_window: Callable[[int, int], MainWindow]) -> None:
    window = seed_window(1280, 800)
    assert window.editor is not None
    for index in range(window.editor.count()):
        window.show_section(index)
        page = window.editor.current_page()
        assert page is not None
        assert cut_off_widgets(page) == [], window.editor.tabText(index)
