"""Every undo command of the editor, pushed on a document's stack: undo and redo give back equal
declarations, and each step is announced once.

The command classes are enumerated from their modules, so a command added later without a case
here fails :func:`test_every_command_class_has_a_case`.
"""

from __future__ import annotations

import copy
import inspect
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtGui import QUndoCommand

from desktop.domain.changes import Part
from desktop.domain.errors import EditError
from desktop.domain.horizon_goals import GoalCopy
from desktop.domain.indicators import IndicatorCell
from desktop.domain.model import AcceptedFinding, Category, Declaration, Indicator, Task
from desktop.domain.task_paste import CellEdit
from desktop.rules.findings import Finding
from ui import form_paste, header_commands
from ui.budget import commands as budget_commands
from ui.budget.model import BudgetTableModel
from ui.document import DeclarationDocument
from ui.findings import commands as finding_commands
from ui.goals import commands as goal_commands
from ui.goals.model import GoalsModel
from ui.indicators import commands as indicator_commands
from ui.indicators import import_command
from ui.indicators.model import IndicatorTreeModel

MODULES: tuple[ModuleType, ...] = (
    budget_commands,
    goal_commands,
    indicator_commands,
    import_command,
    header_commands,
    finding_commands,
    form_paste,
)
WARNING = Finding("G03", "warning", "目标", "goals[1]", "目标2", "……")


class Models:
    def __init__(self, document: DeclarationDocument) -> None:
        self.document = document
        self.tasks = BudgetTableModel(document)
        self.goals = GoalsModel(document)
        self.indicators = IndicatorTreeModel(document)


def _table(m: Models) -> list[Category]:
    table = copy.deepcopy(m.document.declaration.categories)
    table[0].indicators = [Indicator(name="导入的指标")]
    return table


CASES: dict[str, Callable[[Models], QUndoCommand]] = {
    "SetTaskCellsCommand": lambda m: budget_commands.SetTaskCellsCommand(
        m.tasks, [CellEdit(0, "name", "新名称"), CellEdit(1, "other", Decimal("3.5"))]
    ),
    "InsertTasksCommand": lambda m: budget_commands.InsertTasksCommand(
        m.tasks, 1, [Task(name="新任务")], "添加任务"
    ),
    "RemoveTasksCommand": lambda m: budget_commands.RemoveTasksCommand(m.tasks, [0, 2]),
    "MoveTasksCommand": lambda m: budget_commands.MoveTasksCommand(m.tasks, [(0, 2), (2, 1)]),
    "AcceptComputedTotalsCommand": lambda m: budget_commands.AcceptComputedTotalsCommand(
        m.document
    ),
    "SetControlTotalCommand": lambda m: budget_commands.SetControlTotalCommand(
        m.document, Decimal("1000")
    ),
    "SetGoalTextsCommand": lambda m: goal_commands.SetGoalTextsCommand(
        m.goals, [(0, ""), (2, "新目标")]
    ),
    "InsertGoalsCommand": lambda m: goal_commands.InsertGoalsCommand(
        m.goals, 0, ["甲", "乙"], "粘贴目标"
    ),
    "CopyGoalsCommand": lambda m: goal_commands.CopyGoalsCommand(
        m.goals, GoalCopy(("从中期复制的目标",), duplicates=1, blanks=0)
    ),
    "RemoveGoalsCommand": lambda m: goal_commands.RemoveGoalsCommand(m.goals, [0, 2]),
    "MoveGoalsCommand": lambda m: goal_commands.MoveGoalsCommand(m.goals, [(0, 2)], "移动目标"),
    "SetIndicatorCellsCommand": lambda m: indicator_commands.SetIndicatorCellsCommand(
        m.indicators,
        [IndicatorCell((0, 0), "name", ""), IndicatorCell((5, 1), "value", "≥95%")],
    ),
    "SetLinksCommand": lambda m: indicator_commands.SetLinksCommand(m.indicators, (0, 1), [1, 3]),
    "InsertIndicatorsCommand": lambda m: indicator_commands.InsertIndicatorsCommand(
        m.indicators, 2, 0, [Indicator(name="甲", goals=[2])]
    ),
    "RemoveIndicatorsCommand": lambda m: indicator_commands.RemoveIndicatorsCommand(
        m.indicators, [(0, 0), (5, 2), (0, 3)]
    ),
    "MoveIndicatorsCommand": lambda m: indicator_commands.MoveIndicatorsCommand(
        m.indicators, [((0, 0), (3, 1)), ((1, 0), (1, 4))]
    ),
    "SetNotApplicableCommand": lambda m: indicator_commands.SetNotApplicableCommand(
        m.indicators, 4, False
    ),
    "ReplaceIndicatorTableCommand": lambda m: import_command.ReplaceIndicatorTableCommand(
        m.document, _table(m), "导入指标"
    ),
    "SetYearCommand": lambda m: header_commands.SetYearCommand(m.document, 2027),
    "SetHeaderFieldCommand": lambda m: header_commands.SetHeaderFieldCommand(
        m.document, "supervisor", "深圳市财政局"
    ),
    "AcceptFindingCommand": lambda m: finding_commands.AcceptFindingCommand(
        m.document, WARNING, "按上级文件表述"
    ),
    "WithdrawAcceptanceCommand": lambda m: finding_commands.WithdrawAcceptanceCommand(
        m.document, WARNING
    ),
    "SetFooterFieldCommand": lambda m: header_commands.SetFooterFieldCommand(
        m.document, "preparer", "张三"
    ),
    "PasteWholeFormCommand": lambda m: form_paste.PasteWholeFormCommand(m.document, _pasted(m)),
}


def _pasted(m: Models) -> Declaration:
    pasted = copy.deepcopy(m.document.declaration)
    pasted.unit_name, pasted.goals = "粘贴的单位", ["粘贴的目标"]
    pasted.categories[0].indicators = [Indicator(name="粘贴的指标")]
    return pasted


def test_every_module_defining_a_command_is_listed() -> None:
    """A command module added later (e.g. for another section) is enumerated here too."""
    ui = Path(__file__).resolve().parents[2] / "ui"
    defining = {
        ".".join(path.relative_to(ui.parent).with_suffix("").parts)
        for path in ui.rglob("*.py")
        if re.search(r"^class \w+\(QUndoCommand\)", path.read_text(encoding="utf-8"), re.MULTILINE)
    }
    assert defining == {module.__name__ for module in MODULES}


def test_every_command_class_has_a_case() -> None:
    found = {
        name
        for module in MODULES
        for name, value in vars(module).items()
        if inspect.isclass(value)
        and issubclass(value, QUndoCommand)
        and value.__module__ == module.__name__
    }
    assert found == set(CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_command_undoes_and_redoes_to_an_equal_declaration(
    qtbot: QtBot, seed_document: DeclarationDocument, name: str
) -> None:
    models = Models(seed_document)
    declaration = seed_document.declaration
    declaration.categories[0].indicators[0].goals = [2]
    declaration.accepted_findings = [AcceptedFinding("G03", "目标2", "已有的理由")]
    before = copy.deepcopy(declaration)
    announced: list[Part] = []
    seed_document.changed.connect(announced.append)
    seed_document.undo_stack.push(CASES[name](models))
    after = copy.deepcopy(seed_document.declaration)
    assert after != before
    assert len(announced) == 1, "one notification per step"
    seed_document.undo_stack.undo()
    assert seed_document.declaration == before
    seed_document.undo_stack.redo()
    assert seed_document.declaration == after
    assert len(announced) == 3
    # The views' models still agree with the declaration after the round trip.
    assert models.tasks.rowCount() == len(seed_document.declaration.tasks) + 1
    assert models.goals.rowCount() == len(seed_document.declaration.goals)
    for cat_index, category in enumerate(seed_document.declaration.categories):
        parent = models.indicators.category_index(cat_index)
        rows = 1 if category.not_applicable else len(category.indicators)
        assert models.indicators.rowCount(parent) == rows


def test_a_refused_edit_is_never_pushed(qtbot: QtBot, seed_document: DeclarationDocument) -> None:
    models = Models(seed_document)
    before = copy.deepcopy(seed_document.declaration)
    with pytest.raises(EditError, match="S08"):
        indicator_commands.MoveIndicatorsCommand(models.indicators, [((0, 0), (5, 0))])
    with pytest.raises(EditError, match="S10"):
        indicator_commands.InsertIndicatorsCommand(models.indicators, 4, 0, [Indicator()])
    with pytest.raises(EditError, match="填报日期"):
        header_commands.SetFooterFieldCommand(seed_document, "date", "2025-13-01")
    with pytest.raises(EditError, match="共 3 个"):
        budget_commands.MoveTasksCommand(models.tasks, [(0, 3)])
    assert seed_document.undo_stack.count() == 0
    assert seed_document.declaration == before
