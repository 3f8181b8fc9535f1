"""A user's whole first declaration: new, fill every section, check, save, print, export, reopen."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.app import make_main_window
from desktop.exchange.canonical import fingerprint
from desktop.exchange.reader import read_json_file
from desktop.services.store import DeclarationStore
from tests.documents.helpers import pdftotext, squeeze
from tests.qtkeys import key_click
from tests.ui.test_editor_window import type_text
from ui.budget.model import Column as BudgetColumn
from ui.budget.panel import BudgetPanel
from ui.goals.editor import GoalsEditor
from ui.goals.model import GoalColumn
from ui.indicators.panel import IndicatorPanel
from ui.main_window import MainWindow
from ui.sections import section_index


def _page(window: MainWindow, name: str) -> object:
    assert window.editor is not None
    return window.editor.page(name)


def _fill_line(qtbot: QtBot, window: MainWindow, name: str, text: str) -> None:
    edit = window.findChild(QLineEdit, name)
    assert edit is not None
    edit.setFocus()
    edit.selectAll()
    type_text(qtbot, edit, text)
    edit.editingFinished.emit()


def test_first_declaration_from_empty_to_printed_and_reopened(
    accept_new_dialog: list[object],
    qtbot: QtBot, store: DeclarationStore, db_path: Path, tmp_path: Path
) -> None:
    window = make_main_window(db_path)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.window_actions["newAction"].trigger()
    assert window.document is not None and window.document.declaration_id is not None
    declaration_id = window.document.declaration_id

    # 基本信息
    _fill_line(qtbot, window, "unitNameEdit", "示例单位（本级）")
    _fill_line(qtbot, window, "supervisorEdit", "示例主管部门")

    # 主要任务与预算: the 基本支出 row is there; give it money and add a project task
    window.show_section(section_index("主要任务与预算"))
    budget = _page(window, "budgetPanel")
    assert isinstance(budget, BudgetPanel)
    model = budget.model
    assert model.index(0, BudgetColumn.NAME).data() == "基本支出"
    model.setData(model.index(0, BudgetColumn.FISCAL), "1,000.50")
    budget.view.setCurrentIndex(model.index(0, BudgetColumn.NAME))
    budget.add_row()
    model.setData(model.index(1, BudgetColumn.NAME), "信息化运维")
    model.setData(model.index(1, BudgetColumn.CONTENT), "1. 机房运维\n2. 软件维护")
    model.setData(model.index(1, BudgetColumn.FISCAL), "80")
    model.setData(model.index(1, BudgetColumn.OTHER), "19.5")
    assert model.index(model.total_row(), BudgetColumn.TOTAL).data() == "1,100.00"

    # 总体目标
    window.show_section(section_index("总体目标"))
    goals = _page(window, "goalsEditor")
    assert isinstance(goals, GoalsEditor)
    goals.add_goal()
    goals.model.setData(
        goals.model.index(0, GoalColumn.TEXT),
        "通过开展机房运维，完成运维服务不少于12次，保障系统全年稳定运行。",
    )

    # 绩效指标: one indicator typed through the tree
    window.show_section(section_index("绩效指标"))
    indicators = _page(window, "indicatorPanel")
    assert isinstance(indicators, IndicatorPanel)
    tree = indicators.model
    quantity = [c.level2 for c in tree.categories].index("数量指标")
    indicators.view.setCurrentIndex(tree.category_index(quantity))
    indicators.view.setFocus()
    key_click(indicators.view, Qt.Key.Key_Insert)
    name_editor = QApplication.focusWidget()
    assert name_editor is not None
    key_click(name_editor, Qt.Key.Key_Escape)  # leave the new name editor
    row = tree.indicator_index(quantity, 0, 0)
    tree.setData(row, "运维服务次数")
    tree.setData(row.siblingAtColumn(1), ">=12次")
    tree.setData(row.siblingAtColumn(3), "该指标主要考察全年运维服务次数。")

    # the checks see the new content; saving a version freezes it
    window.window_actions["checkAction"].trigger()
    assert any(f.rule == "S11" for f in window.checks.checker.findings)
    window.window_actions["saveVersionAction"].trigger()
    assert [r.number for r in store.revisions(declaration_id)] == [1]

    # print to a file and export the three formats from the frozen revision
    pdf, workbook, exchange = tmp_path / "out.pdf", tmp_path / "out.xlsx", tmp_path / "out.json"
    for path in (pdf, workbook, exchange):
        assert window.output.export_to(path)
    assert len(store.revisions(declaration_id)) == 1
    text = squeeze(pdftotext(pdf))
    assert "示例单位（本级）" in text and "运维服务次数" in text and "≥12次" in text
    assert "1100.00" in text and "第1版" in text and "自检未通过" in text  # errors remain: draft
    exported = json.loads(exchange.read_text(encoding="utf-8"))
    assert exported["meta"]["revision"] == 1
    assert workbook.stat().st_size > 0
    window.close()

    # reopen from the database: everything typed is there
    again = make_main_window(db_path, declaration_id)
    qtbot.addWidget(again)
    assert isinstance(again, MainWindow) and again.document is not None
    reopened = again.document.declaration
    assert reopened.unit_name == "示例单位（本级）"
    assert [t.fiscal for t in reopened.tasks] == [Decimal("1000.50"), Decimal("80")]
    assert reopened.tasks[1].other == Decimal("19.5")
    assert reopened.goals[0].startswith("通过开展机房运维")
    quantity_rows = reopened.categories[quantity].indicators
    assert [(i.name, i.value) for i in quantity_rows] == [("运维服务次数", "≥12次")]
    assert fingerprint(reopened) == exported["meta"]["fingerprint"]
    assert fingerprint(read_json_file(exchange).declaration) == exported["meta"]["fingerprint"]
