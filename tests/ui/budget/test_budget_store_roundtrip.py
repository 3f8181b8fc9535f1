"""Edits made through the budget panel and the goals editor survive the SQLite store."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from db.repository import open_store
from desktop.domain.profile import load_profile
from desktop.exchange.canonical import equal_in_content
from desktop.exchange.reader import read_json_file
from ui.budget.model import Column
from ui.budget.panel import BudgetPanel
from ui.document import DeclarationDocument
from ui.goals.editor import GoalsEditor


def test_store_round_trip_after_widget_edits(qtbot: QtBot, seed_path: Path, tmp_path: Path) -> None:
    declaration = read_json_file(seed_path).declaration
    next(ind for _, ind in declaration.iter_indicators()).goals = [1]
    document = DeclarationDocument(declaration, load_profile(declaration.profile_id))
    panel, goals = BudgetPanel(document), GoalsEditor(document)
    qtbot.addWidget(panel)
    qtbot.addWidget(goals)

    panel.model.setData(panel.model.index(1, Column.OTHER), "12.345678")
    panel.paste_rows('新任务\t"第一行\n第二行"\t1,000\t0\n')
    panel.banner.accept_requested.emit()
    panel.control.value_committed.emit(Decimal("4500"))
    goals.view.setCurrentIndex(goals.model.index(0, 0))
    goals.move_goal(1)

    with open_store(tmp_path / "perfdecl.db") as store:
        declaration_id = store.create(document.declaration)
    with open_store(tmp_path / "perfdecl.db") as store:
        loaded = store.load(declaration_id)

    assert equal_in_content(loaded, document.declaration)
    assert loaded.tasks[1].other == Decimal("12.345678")
    assert loaded.tasks[-1].content == "第一行\n第二行"
    assert loaded.declared_totals is None and loaded.budget_control_total == Decimal("4500")
    assert next(ind for _, ind in loaded.iter_indicators()).goals == [2]
