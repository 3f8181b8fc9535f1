"""The department form in the window shows C02/C03 against the unit's stored project forms."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.app import make_main_window
from desktop.exchange.reader import read_json_file
from desktop.services.revisions import import_new
from desktop.services.store import DeclarationStore
from ui.main_window import MainWindow

ZDPQ = Path(__file__).resolve().parent.parent / "fixtures" / "project-futian-2026-zdpq.json"


def test_department_window_shows_cross_checks_and_f5_sees_a_changed_project(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path
) -> None:
    seed_id = import_new(store, read_json_file(seed_path).declaration)
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    window = make_main_window(db_path, seed_id)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    checker = window.checks.checker
    qtbot.waitUntil(lambda: bool(checker.findings), timeout=5000)
    cross = [(f.rule, f.where) for f in checker.findings if f.rule in ("C02", "C03")]
    assert cross == [("C03", "tasks[2]")]
    project = store.load(project_id)
    project.funds.fiscal = Decimal("1000.00")  # type: ignore[attr-defined]
    store.save(project_id, project)
    window.checks.run_now()
    qtbot.waitUntil(lambda: any(f.rule == "C02" for f in checker.findings), timeout=5000)
    c02 = [f for f in checker.findings if f.rule == "C02"]
    assert [(f.severity, f.where) for f in c02] == [("warning", "tasks[2]")]
    assert "1000.00" in c02[0].message
    window.close_declaration()
