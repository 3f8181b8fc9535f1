"""The 总体目标 page of a project: 中期 | 年度 side by side from 1280 px of window width, two tabs
below; the switch follows the window and keeps what the user was doing."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from desktop.domain.changes import Part
from desktop.domain.profile import load_profile
from desktop.domain.project import ProjectDeclaration
from desktop.exchange.reader import read_json_file
from desktop.rules.findings import Finding
from tests.conftest import FIXTURES
from ui.document import DeclarationDocument
from ui.findings.row_marks import RowMarks
from ui.project.goals_panel import ProjectGoalsPage
from ui.project.side_by_side import WIDE_WINDOW

ZDPQ = FIXTURES / "project-futian-2026-zdpq.json"


@pytest.fixture
def page(qtbot: QtBot) -> ProjectGoalsPage:
    project = read_json_file(ZDPQ).declaration
    assert isinstance(project, ProjectDeclaration)
    widget = ProjectGoalsPage(DeclarationDocument(project, load_profile(project.profile_id)))
    qtbot.addWidget(widget)
    widget.resize(WIDE_WINDOW, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_side_by_side_from_1280_px_and_tabs_below(qtbot: QtBot, page: ProjectGoalsPage) -> None:
    switch, mid, annual = page.switch, page.panes["mid"], page.panes["annual"]
    assert switch is not None
    assert switch.side_by_side and mid.isVisible() and annual.isVisible()
    assert mid.heading.text() == "中期目标（2026年—2028年）" and annual.heading.text() == "年度目标"
    assert mid.x() < annual.x(), "中期 stands left of 年度, as printed"

    page.resize(WIDE_WINDOW - 1, 700)
    assert not switch.side_by_side
    assert [switch.tabs.tabText(i) for i in range(2)] == ["中期目标", "年度目标"]
    assert mid.isVisible() != annual.isVisible()

    # A jump to a 年度 goal shows its tab; a 中期 one the other.
    assert page.focus_where("goals[3]")
    assert switch.tabs.currentWidget() is annual and annual.isVisible()
    assert page.focus_where("mid_term.goals[1]")
    assert switch.tabs.currentWidget() is mid and mid.editor.view.currentIndex().row() == 1

    page.resize(WIDE_WINDOW, 700)
    assert switch.side_by_side and mid.isVisible() and annual.isVisible()
    assert mid.editor.view.currentIndex().row() == 1, "the selection survives the switch"


def test_the_list_being_worked_in_stays_in_front_when_tabbed(
    qtbot: QtBot, page: ProjectGoalsPage
) -> None:
    switch = page.switch
    assert switch is not None
    page.annual.view.setFocus()
    page.annual.view.setCurrentIndex(page.annual.model.index(2, 0))
    page.resize(1000, 700)
    assert switch.tabs.currentWidget() is page.panes["annual"]
    assert page.annual.view.currentIndex().row() == 2


def test_findings_about_a_whole_list_mark_its_heading(page: ProjectGoalsPage) -> None:
    project = page.document.project
    assert project is not None
    p04 = Finding("P04", "error", "完整性", "mid_term.goals", "中期目标", "中期目标为空：……")
    s05 = Finding("S05", "error", "完整性", "goals", "总体目标", "总体目标为空")
    row = Finding("G03", "warning", "目标", "mid_term.goals[1]", "中期/目标2", "缺少量化内容")
    page.set_marks(RowMarks([p04, row], project))
    mid, annual = page.panes["mid"], page.panes["annual"]
    assert mid.mark.isVisible() and "P04" in mid.mark.toolTip()
    assert not annual.mark.isVisible()
    decoration = Qt.ItemDataRole.DecorationRole
    assert mid.editor.model.index(1, 0).data(decoration) is not None
    assert annual.editor.model.index(1, 0).data(decoration) is None
    page.set_marks(RowMarks([s05], project))
    assert annual.mark.isVisible() and not mid.mark.isVisible()


def test_the_mid_heading_follows_the_period(page: ProjectGoalsPage) -> None:
    project = page.document.project
    assert project is not None
    project.project.period_end = 2029
    page.document.notify(Part.PROJECT)
    assert page.panes["mid"].heading.text() == "中期目标（2026年—2029年）"
    project.project.period_start = None
    page.document.notify(Part.PROJECT)
    assert page.panes["mid"].heading.text() == "中期目标"
