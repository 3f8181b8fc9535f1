"""The task table model obeys the Qt model contract before and after every kind of edit."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pytestqt.modeltest import ModelTester

from PySide6.QtGui import QUndoStack

from desktop.domain.model import Task
from desktop.domain.profile import load_profile
from desktop.exchange.reader import read_json_file
from tests.qtmodels import check_model
from ui.budget.commands import InsertTasksCommand, MoveTasksCommand, RemoveTasksCommand
from ui.budget.model import BudgetTableModel, Column
from ui.document import DeclarationDocument


def test_model_contract_through_edits(qtmodeltester: ModelTester, seed_path: Path) -> None:
    declaration = read_json_file(seed_path).declaration
    document = DeclarationDocument(declaration, load_profile(declaration.profile_id))
    model = BudgetTableModel(document)
    stack: QUndoStack = document.undo_stack
    check_model(qtmodeltester, model)

    assert model.setData(model.index(0, Column.OTHER), "1,000")
    stack.push(InsertTasksCommand(model, 1, [Task(name="新任务", fiscal=Decimal("5"))], "添加任务"))
    stack.push(MoveTasksCommand(model, [(0, 3)]))
    stack.push(RemoveTasksCommand(model, [0, 2]))
    check_model(qtmodeltester, model)
    assert [t.name for t in declaration.tasks] == ["一般管理事务", "基本支出"]
    assert model.index(model.rowCount() - 1, Column.TOTAL).data() == "3,014.29"

    while stack.canUndo():
        stack.undo()
    check_model(qtmodeltester, model)
    assert [t.name for t in declaration.tasks] == [
        "基本支出",
        "一般管理事务",
        "重点片区建设（其他项目）",
    ]
    assert model.index(3, Column.TOTAL).data() == "3,293.33"
