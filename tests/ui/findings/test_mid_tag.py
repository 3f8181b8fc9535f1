"""Findings about a project's 中期 horizon carry a 中期 tag in the dock; a click jumps by the full path."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.app import make_main_window
from desktop.domain.project import ProjectDeclaration
from desktop.exchange.reader import read_json_file
from desktop.rules.findings import Finding
from desktop.services.revisions import import_new
from desktop.services.store import DeclarationStore
from tests.qtkeys import mouse_click, mouse_double_click
from ui.findings.model import FINDING_ROLE, Column, FindingsModel
from ui.findings.panel import FindingsPanel
from ui.item_tag import TAG_COLOURS, TAG_ROLE
from ui.main_window import MainWindow

ZDPQ = Path(__file__).resolve().parents[2] / "fixtures" / "project-futian-2026-zdpq.json"


def _finding(where: str, subject: str) -> Finding:
    return Finding("S09", "error", "完整性", where, subject, "指标值未填写")


def _index(model: FindingsModel, where: str, column: int = Column.MESSAGE) -> QModelIndex:
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, column, parent)
            if index.data(FINDING_ROLE).where == where:
                return index
    raise AssertionError(f"no finding at {where}")


def test_only_findings_about_the_mid_horizon_are_tagged(qtbot: QtBot) -> None:
    model = FindingsModel()
    mid = _finding("mid_term.indicators[3].value", "中期/数量指标/档案数字化卷数")
    mid_goal = Finding("S06", "error", "完整性", "mid_term.goals[0]", "中期/目标1", "目标未填写")
    annual = _finding("indicators[3].value", "数量指标/档案数字化卷数")
    model.set_findings([mid, mid_goal, annual])
    assert _index(model, mid.where).data(TAG_ROLE) == "中期"
    assert _index(model, mid_goal.where).data(TAG_ROLE) == "中期"
    assert _index(model, annual.where).data(TAG_ROLE) is None
    assert _index(model, mid.where, Column.SUBJECT).data(TAG_ROLE) is None  # one tag per row
    # The subject reads like a 年度 one; the tag says which horizon.
    assert _index(model, mid.where, Column.SUBJECT).data() == "数量指标/档案数字化卷数"
    assert _index(model, mid_goal.where, Column.SUBJECT).data() == "目标1"
    assert _index(model, mid.where).data(Qt.ItemDataRole.ToolTipRole) == "中期：指标值未填写"
    assert _index(model, mid.where).data() == "指标值未填写"
    # The rules' own 中期： lead-in is not said twice beside the tag.
    said = replace(mid, where="mid_term.indicators[4].value", message="中期：指标值为空")
    model.set_findings([said, annual])
    assert _index(model, said.where).data() == "指标值为空"
    assert _index(model, said.where).data(Qt.ItemDataRole.ToolTipRole) == "中期：指标值为空"
    assert _index(model, annual.where).data() == "指标值未填写"


def _project_window(qtbot: QtBot, store: DeclarationStore, db_path: Path) -> MainWindow:
    declaration = read_json_file(ZDPQ).declaration
    assert isinstance(declaration, ProjectDeclaration) and declaration.mid_term is not None
    declaration.mid_term.goals[0] = ""  # S06 on the 中期 goal list
    project_id = import_new(store, declaration)
    window = make_main_window(db_path, project_id)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.checks.run_now()
    return window


def test_the_dock_shows_the_tag_and_a_double_click_jumps_by_the_full_path(
    qtbot: QtBot, store: DeclarationStore, db_path: Path
) -> None:
    window = _project_window(qtbot, store, db_path)
    panel = window.checks.panel
    assert isinstance(panel, FindingsPanel)
    index = _index(panel.model, "mid_term.goals[0]")
    assert index.data(TAG_ROLE) == "中期"
    view = panel.view
    view.scrollTo(index)
    rect = view.visualRect(index)
    image = view.viewport().grab().toImage()
    wanted = QColor(TAG_COLOURS["中期"][1]).rgb()
    assert any(
        image.pixelColor(x, y).rgb() == wanted
        for y in range(rect.top(), rect.bottom())
        for x in range(rect.left(), rect.right())
    )
    view.setCurrentIndex(index)
    assert panel.detail.text().startswith("错误 S06 · 中期 · 目标1")
    jumps: list[str] = []
    window.checks.jump_requested.connect(jumps.append)
    # a real double-click: press/release, then the double-click event
    mouse_click(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    mouse_double_click(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert jumps == ["mid_term.goals[0]"]
    assert window.editor is not None
    assert window.editor.tabText(window.editor.currentIndex()) == "总体目标"
