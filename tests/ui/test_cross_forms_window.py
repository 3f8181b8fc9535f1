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


def test_c02_follows_an_edit_in_the_other_window_both_ways(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path
) -> None:
    """The done-when line of issue 12: the seed and the project open side by side; changing the
    seed's task amount raises C02 on both, changing it back clears it on both."""
    from ui.budget.model import Column
    from ui.budget.panel import BudgetPanel

    seed_id = import_new(store, read_json_file(seed_path).declaration)
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    department = make_main_window(db_path, seed_id)
    project = make_main_window(db_path, project_id)
    assert isinstance(department, MainWindow) and isinstance(project, MainWindow)
    for window in (department, project):
        qtbot.addWidget(window)
        window.show()
        window.checks.run_now()

    def c02(window: MainWindow) -> list[tuple[str, str]]:
        return [(f.severity, f.where) for f in window.checks.checker.findings if f.rule == "C02"]

    assert c02(department) == [] and c02(project) == []
    department.show_section(1)
    budget = department.editor.page("budgetPanel") if department.editor else None
    assert isinstance(budget, BudgetPanel)
    cell = budget.model.index(2, Column.FISCAL)
    assert budget.model.amount(2, Column.FISCAL) == Decimal("1279.04")
    assert budget.model.setData(cell, "1300.00")
    qtbot.waitUntil(lambda: c02(department) == [("warning", "tasks[2]")], timeout=5000)
    assert department.flush()
    # The project window notices the department form's autosave by itself (no F5).
    qtbot.waitUntil(lambda: c02(project) == [("warning", "funds")], timeout=8000)
    budget.model.setData(cell, "1279.04")
    assert department.flush()
    qtbot.waitUntil(lambda: c02(department) == [] and c02(project) == [], timeout=8000)
    for window in (department, project):
        window.close_declaration()
