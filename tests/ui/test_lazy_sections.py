"""Sections are built when first shown or asked for; what the user sees does not change."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication, QListWidget

from ui.indicators.panel import IndicatorPanel
from ui.main_window import MainWindow
from ui.sections import SECTIONS


def test_opening_builds_only_the_section_shown(
    seed_window: Callable[[int, int], MainWindow],
) -> None:
    window = seed_window(1280, 800)
    editor = window.editor
    assert editor is not None and editor.currentIndex() == 0
    assert editor.built_page("basicInfoPanel") is not None
    for name in ("budgetPanel", "goalsEditor", "indicatorPanel", "previewSection"):
        assert editor.built_page(name) is None, name
    assert [editor.tabText(i) for i in range(editor.count())] == [s.title for s in SECTIONS]


def test_each_section_is_built_on_first_show_with_the_focus_in_it(
    qtbot: QtBot, seed_window: Callable[[int, int], MainWindow]
) -> None:
    window = seed_window(1280, 800)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    editor = window.editor
    assert editor is not None
    for index, section in enumerate(SECTIONS):
        window.show_section(index, focus=True)
        page = editor.built_page(section.object_name)
        assert page is not None and page.objectName() == section.object_name
        assert page.isVisible() and editor.current_page() is page
        focus = QApplication.focusWidget()
        # 预览's pane (its focus proxy) shows only once the event loop runs: the focus stays
        # on the section's tab until then, never on the section left behind.
        holder = editor.currentWidget() if section.title == "预览" else page
        assert focus is not None and (focus is holder or holder.isAncestorOf(focus)), section.title
        assert editor.page(section.object_name) is page  # built once


def test_indicator_menu_is_filled_when_it_opens(
    seed_window: Callable[[int, int], MainWindow],
) -> None:
    window = seed_window(1280, 800)
    menu = window.window_actions.indicator_menu
    assert menu is not None and window.editor is not None
    menu.aboutToShow.emit()  # as when the user opens 编辑 ▸ 绩效指标
    panel = window.editor.built_page("indicatorPanel")
    assert isinstance(panel, IndicatorPanel)
    assert menu.actions() == list(panel.actions_by_name.values())
    assert "添加指标" in [a.text() for a in menu.actions()]


def test_jump_to_a_finding_builds_its_section(
    qtbot: QtBot, seed_window: Callable[[int, int], MainWindow]
) -> None:
    window = seed_window(1280, 800)
    assert window.editor is not None
    window.checks.jump_to("indicators[0].explanation")
    panel = window.editor.built_page("indicatorPanel")
    assert isinstance(panel, IndicatorPanel)
    assert window.editor.currentWidget().isAncestorOf(panel)
    assert panel.view.currentIndex().isValid()


def test_reopening_at_a_section_builds_that_section_only(
    seed_window: Callable[[int, int], MainWindow],
) -> None:
    window = seed_window(1280, 800)
    assert window.document is not None and window.document.declaration_id is not None
    window.open_declaration(window.document.declaration_id, section=3)
    editor = window.editor
    assert editor is not None and editor.currentIndex() == 3
    sections = window.navigator.findChild(QListWidget, "sectionList")
    assert sections is not None and sections.currentRow() == 3
    assert editor.built_page("indicatorPanel") is not None
    assert editor.built_page("basicInfoPanel") is None
    menu = window.window_actions.indicator_menu
    assert menu is not None and len(menu.actions()) > 0  # filled when the panel was built
