"""The review rules in the window: counts, row icons, jumping to the cell, F5, live updates."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.domain.changes import Part
from desktop.domain.model import Totals
from desktop.exchange.reader import read_json_file
from desktop.rules.engine import check_declaration
from desktop.services.store import DeclarationStore
from ui.indicators.panel import IndicatorPanel
from ui.main_window import MainWindow
from ui.sections import section_index


@pytest.fixture
def window(qtbot: QtBot, seed_window: Callable[[int, int], MainWindow]) -> MainWindow:
    made = seed_window(1366, 768)
    # The first check runs a moment after the declaration is shown.
    qtbot.waitUntil(lambda: bool(made.checks.checker.findings), timeout=5000)
    return made


def _expected_counts(seed_path: Path) -> str:
    findings = check_declaration(read_json_file(seed_path).declaration)
    count = {
        s: sum(1 for f in findings if f.severity == s and not f.accepted)
        for s in ("error", "warning", "info")
    }
    return f"错误 {count['error']} · 警告 {count['warning']} · 提示 {count['info']}"


def _indicator_panel(window: MainWindow) -> IndicatorPanel:
    assert window.editor is not None
    panel = window.editor.page("indicatorPanel")
    assert isinstance(panel, IndicatorPanel)
    return panel


def test_counts_in_status_bar_match_the_engine(window: MainWindow, seed_path: Path) -> None:
    assert window.checks.counts.text() == _expected_counts(seed_path)
    assert window.checks.counts.text().startswith("错误 0 · 警告 ")
    assert window.checks.dock.isVisible()


def test_rows_with_findings_carry_an_icon_and_the_message(window: MainWindow) -> None:
    model = _indicator_panel(window).model
    quality = [c.level2 for c in model.categories].index("质量指标")
    names = [i.name for i in model.categories[quality].indicators]
    row = names.index("在建旧住宅区改造项目开展巡查覆盖率")
    index = model.indicator_index(quality, row, 0)
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert "I13" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    subjects = {f.subject for f in window.checks.checker.findings}
    unflagged = [
        (c, r)
        for c, category in enumerate(model.categories)
        for r, indicator in enumerate(category.indicators)
        if indicator.name not in subjects
    ]
    assert unflagged
    clean = model.indicator_index(*unflagged[0], 0)
    assert model.data(clean, Qt.ItemDataRole.DecorationRole) is None


def test_double_click_target_jumps_to_the_cell(window: MainWindow) -> None:
    finding = next(f for f in window.checks.checker.findings if f.rule == "I13")
    window.checks.jump_to(finding.where)
    assert window.editor is not None
    assert window.editor.currentIndex() == section_index("绩效指标")
    current = _indicator_panel(window).view.currentIndex()
    row_name = current.siblingAtColumn(0).data()
    assert row_name == "在建旧住宅区改造项目开展巡查覆盖率"
    goal = next(f for f in window.checks.checker.findings if f.rule == "G02")
    window.checks.jump_to(goal.where)
    assert window.editor.currentIndex() == section_index("总体目标")


def test_an_edit_updates_the_findings_after_a_pause(window: MainWindow, qtbot: QtBot) -> None:
    assert window.document is not None
    window.document.declaration.unit_name = ""
    window.document.notify(Part.HEADER)
    qtbot.waitUntil(lambda: window.checks.counts.text().startswith("错误 1"), timeout=3000)


def test_f5_checks_at_once(window: MainWindow) -> None:
    assert window.document is not None
    window.document.declaration.unit_name = ""
    window.document.notify(Part.HEADER)
    window.window_actions["checkAction"].trigger()
    assert window.checks.counts.text().startswith("错误 1")


def test_reopening_announces_the_counts_again(window: MainWindow, qtbot: QtBot) -> None:
    assert window.document is not None and window.document.declaration_id is not None
    shown = window.checks.counts.text()
    window.open_declaration(window.document.declaration_id)
    assert window.checks.counts.text() == "正在自检…"
    qtbot.waitUntil(lambda: window.checks.counts.text() == shown, timeout=5000)


def test_t04_follows_the_print_font_chosen_in_the_settings(
    window: MainWindow, tiny_font: Path
) -> None:
    window.settings.set("print.font_path", str(tiny_font))
    window.window_actions["checkAction"].trigger()
    t04 = [f for f in window.checks.checker.findings if f.rule == "T04"]
    assert t04 and all(f.severity == "error" for f in t04)
    assert window.checks.counts.text().startswith("错误 ")
    window.settings.set("print.font_path", "")
    window.window_actions["checkAction"].trigger()
    assert not [f for f in window.checks.checker.findings if f.rule == "T04"]


def test_an_empty_unmarked_category_marks_its_level2_row(window: MainWindow) -> None:
    panel = _indicator_panel(window)
    model = panel.model
    assert window.document is not None
    economy = [c.level2 for c in model.categories].index("经济效益指标")
    index = model.category_index(economy)
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is None
    window.document.declaration.categories[economy].not_applicable = False  # now empty: S07
    window.window_actions["checkAction"].trigger()
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert "S07" in model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_a_declared_total_that_differs_jumps_to_采用计算值(window: MainWindow) -> None:
    assert window.document is not None and window.editor is not None
    computed = window.document.declaration.computed_totals()
    assert computed.fiscal is not None
    window.document.declaration.declared_totals = Totals(
        computed.total, computed.fiscal + 1, computed.other
    )
    window.document.notify(Part.TASKS)
    window.checks.run_now()
    finding = next(f for f in window.checks.checker.findings if f.rule == "A02")
    assert finding.where == "totals.fiscal"
    window.activateWindow()
    window.checks.jump_to(finding.where)
    assert window.editor.currentIndex() == section_index("主要任务与预算")
    focus = QApplication.focusWidget()
    assert isinstance(focus, QPushButton) and focus.text() == "采用计算值"


def test_last_years_stored_form_feeds_c01(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path
) -> None:
    import copy

    from desktop.app import make_main_window
    from desktop.services.revisions import import_new

    this_year = read_json_file(seed_path).declaration
    last_year = copy.deepcopy(this_year)
    last_year.year = 2025
    import_new(store, last_year)
    declaration_id = import_new(store, this_year)
    made = make_main_window(db_path, declaration_id)
    assert isinstance(made, MainWindow)
    qtbot.addWidget(made)
    qtbot.waitUntil(lambda: bool(made.checks.checker.findings), timeout=5000)
    assert any(f.rule == "C01" for f in made.checks.checker.findings)
