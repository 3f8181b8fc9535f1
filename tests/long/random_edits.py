"""Random edits through the real item models and undo commands, and the invariants they keep.

Used by the soak test (many edits in one process) and by the crash test's child process (edits
until it is killed). Every edit goes where the GUI sends it: ``setData`` of a model, or the undo
command a panel pushes; undo and redo go through the document's ``QUndoStack``.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.domain.errors import EditError
from desktop.domain.model import Indicator, Task
from desktop.exchange.canonical import content_key
from ui.budget.commands import InsertTasksCommand, MoveTasksCommand, RemoveTasksCommand
from ui.budget.model import BudgetTableModel
from ui.budget.model import Column as TaskColumn
from ui.document import DeclarationDocument
from ui.goals.commands import InsertGoalsCommand, MoveGoalsCommand, RemoveGoalsCommand
from ui.goals.model import GoalColumn, GoalsModel
from ui.indicators.commands import (
    InsertIndicatorsCommand,
    MoveIndicatorsCommand,
    RemoveIndicatorsCommand,
    SetNotApplicableCommand,
)
from ui.indicators.model import Column as IndicatorColumn
from ui.indicators.model import IndicatorTreeModel

WORDS = ("培训", "检查", "项目", "完成率", "满意度", "≥95%", "按时", "覆盖", "场", "万元", "次")


def state_hash(document: DeclarationDocument) -> str:
    return hashlib.sha256(content_key(document.declaration)).hexdigest()[:16]


class RandomEditor:
    """Applies one random edit, undo or redo per :meth:`step`."""

    def __init__(self, document: DeclarationDocument, rng: random.Random) -> None:
        self.document = document
        self.rng = rng
        self.budget = BudgetTableModel(document)
        self.goals = GoalsModel(document)
        self.indicators = IndicatorTreeModel(document)
        self.counts: dict[str, int] = {}
        self.category_keys = [c.key for c in document.declaration.categories]
        #: Invariants broken by an accepted edit (found at the edit, reported by the check).
        self.violations: list[str] = []

    @property
    def stack(self) -> QUndoStack:
        return self.document.undo_stack

    def _text(self) -> str:
        return "".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(1, 4)))

    def _amount(self) -> str:
        return str(Decimal(self.rng.randint(0, 999_999)) / 100)

    def step(self) -> str:
        """Do one random thing; returns its name."""
        operations = (
            (self.edit_task, 6), (self.insert_task, 2), (self.remove_task, 2), (self.move_task, 1),
            (self.edit_goal, 3), (self.insert_goal, 1), (self.remove_goal, 1), (self.move_goal, 1),
            (self.edit_indicator, 5), (self.link_indicator, 2), (self.insert_indicator, 2),
            (self.remove_indicator, 2), (self.move_indicator, 1), (self.toggle_not_applicable, 1),
            (self.undo, 5), (self.redo, 3),
        )  # fmt: skip
        chosen = self.rng.choices([op for op, _ in operations], [w for _, w in operations])[0]
        name = chosen.__name__
        try:
            chosen()
        except EditError:  # refused before anything changed, as the GUI would say
            name = "refused"
        self.counts[name] = self.counts.get(name, 0) + 1
        return name

    def _push(self, make: Callable[..., QUndoCommand], *args: object) -> None:
        """Build the command (its check may refuse with EditError), then push it."""
        self.stack.push(make(*args))

    # -- tasks --------------------------------------------------------------------------
    def _tasks(self) -> list[Task]:
        return self.document.declaration.tasks

    def edit_task(self) -> None:
        if not self._tasks():
            return self.insert_task()
        row = self.rng.randrange(len(self._tasks()))
        column = self.rng.choice(
            (TaskColumn.NAME, TaskColumn.CONTENT, TaskColumn.FISCAL, TaskColumn.OTHER)
        )
        amount = column in (TaskColumn.FISCAL, TaskColumn.OTHER)
        value = self._amount() if amount else self._text()
        self.budget.setData(self.budget.index(row, column), value)
        return None

    def insert_task(self) -> None:
        task = Task(self._text(), self._text(), Decimal(self._amount()), Decimal(self._amount()))
        row = self.rng.randint(0, len(self._tasks()))
        self.stack.push(InsertTasksCommand(self.budget, row, [task], "添加任务"))

    def remove_task(self) -> None:
        if len(self._tasks()) > 1:
            row = self.rng.randrange(len(self._tasks()))
            self.stack.push(RemoveTasksCommand(self.budget, [row]))

    def move_task(self) -> None:
        if len(self._tasks()) > 1:
            source, destination = self.rng.sample(range(len(self._tasks())), 2)
            self._push(MoveTasksCommand, self.budget, [(source, destination)])

    # -- goals --------------------------------------------------------------------------
    def _goal_count(self) -> int:
        return len(self.document.declaration.goals)

    def edit_goal(self) -> None:
        if not self._goal_count():
            return self.insert_goal()
        row = self.rng.randrange(self._goal_count())
        self.goals.setData(self.goals.index(row, GoalColumn.TEXT), self._text())
        return None

    def insert_goal(self) -> None:
        row = self.rng.randint(0, self._goal_count())
        self._push(InsertGoalsCommand, self.goals, row, [self._text()], "添加目标")

    def remove_goal(self) -> None:
        if self._goal_count() > 1:
            self.stack.push(RemoveGoalsCommand(self.goals, [self.rng.randrange(self._goal_count())]))

    def move_goal(self) -> None:
        if self._goal_count() > 1:
            source, destination = self.rng.sample(range(self._goal_count()), 2)
            self._push(MoveGoalsCommand, self.goals, [(source, destination)], "移动目标")

    # -- indicators ---------------------------------------------------------------------
    def _filled(self) -> list[tuple[int, int]]:
        return [
            (c, r)
            for c, category in enumerate(self.document.declaration.categories)
            if not category.not_applicable
            for r in range(len(category.indicators))
        ]

    def edit_indicator(self) -> None:
        filled = self._filled()
        if not filled:
            return self.insert_indicator()
        cat, row = self.rng.choice(filled)
        column = self.rng.choice(
            (IndicatorColumn.NAME, IndicatorColumn.VALUE, IndicatorColumn.UNIT,
             IndicatorColumn.EXPLANATION)
        )  # fmt: skip
        self.indicators.setData(self.indicators.indicator_index(cat, row, column), self._text())
        return None

    def link_indicator(self) -> None:
        filled = self._filled()
        if not filled or not self._goal_count():
            return None
        cat, row = self.rng.choice(filled)
        goals = self.rng.sample(
            range(1, self._goal_count() + 1), self.rng.randint(0, min(3, self._goal_count()))
        )
        index = self.indicators.indicator_index(cat, row, IndicatorColumn.GOALS)
        self.indicators.setData(index, goals)
        return None

    def insert_indicator(self) -> None:
        open_categories = [
            c for c, cat in enumerate(self.document.declaration.categories) if not cat.not_applicable
        ]
        if not open_categories:
            return
        cat = self.rng.choice(open_categories)
        row = self.rng.randint(0, len(self.document.declaration.categories[cat].indicators))
        indicator = Indicator(name=self._text(), value="≥1", unit="次")
        self.stack.push(InsertIndicatorsCommand(self.indicators, cat, row, [indicator]))

    def remove_indicator(self) -> None:
        filled = self._filled()
        if len(filled) > 1:
            self.stack.push(RemoveIndicatorsCommand(self.indicators, [self.rng.choice(filled)]))

    def move_indicator(self) -> None:
        """Ctrl+Up/Down or a drop: to any row of any category (S08 refusals are expected)."""
        filled = self._filled()
        if not filled:
            return
        source = self.rng.choice(filled)
        categories = self.document.declaration.categories
        cat = self.rng.randrange(len(categories))
        rows = len(categories[cat].indicators) + (0 if cat == source[0] else 1)
        destination = (cat, self.rng.randrange(max(rows, 1)))
        self._push(MoveIndicatorsCommand, self.indicators, [(source, destination)])
        if categories[source[0]].level1 != categories[cat].level1:  # accepted: S08 broken
            self.violations.append(f"indicator moved across level-1 categories {source}→{destination}")

    def toggle_not_applicable(self) -> None:
        """Mark an empty category 不适用 or unmark one (S10 refusals are expected)."""
        categories = self.document.declaration.categories
        cat = self.rng.randrange(len(categories))
        flag = not categories[cat].not_applicable
        self._push(SetNotApplicableCommand, self.indicators, cat, flag)

    # -- history ------------------------------------------------------------------------
    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()


def invariant_problems(editor: RandomEditor) -> list[str]:
    """Everything that must hold after any sequence of edits; empty when all is well."""
    problems: list[str] = []
    declaration = editor.document.declaration
    tasks = declaration.tasks
    totals = declaration.computed_totals()
    fiscal = sum((t.fiscal for t in tasks), Decimal(0))
    other = sum((t.other for t in tasks), Decimal(0))
    if (totals.fiscal, totals.other, totals.total) != (fiscal, other, fiscal + other):
        problems.append(f"totals {totals} are not the sums {fiscal} + {other}")
    shown = editor.budget.committed_totals()
    if shown != totals:
        problems.append(f"the 金额合计 row shows {shown}, the sums are {totals}")
    total_row = editor.budget.total_row()
    for column, expected in ((TaskColumn.FISCAL, fiscal), (TaskColumn.OTHER, other)):
        if editor.budget.amount(total_row, column) != expected:
            problems.append(f"total cell {column.name} differs from the sum {expected}")
    if editor.budget.rowCount() != len(tasks) + 1:
        problems.append("budget rows differ from tasks")
    if editor.goals.rowCount() != len(declaration.goals):
        problems.append("goal rows differ from goals")
    goal_count = len(declaration.goals)
    problems.extend(editor.violations)
    if [c.key for c in declaration.categories] != editor.category_keys:
        problems.append("the categories of the profile changed")
    for category in declaration.categories:
        if category.not_applicable and category.indicators:
            problems.append(f"{category.level2}: 不适用 with indicators")
        for indicator in category.indicators:
            if indicator.goals != sorted(set(indicator.goals)):
                problems.append(f"{indicator.name}: goals not sorted/unique {indicator.goals}")
            if any(not 1 <= g <= goal_count for g in indicator.goals):
                problems.append(f"{indicator.name}: links to a missing goal {indicator.goals}")
    for cat_index, category in enumerate(declaration.categories):
        shown_rows = editor.indicators.rowCount(editor.indicators.category_index(cat_index))
        expected_rows = max(len(category.indicators), 1) if not category.not_applicable else 1
        if shown_rows not in (len(category.indicators), expected_rows):
            problems.append(f"{category.level2}: {shown_rows} rows for {len(category.indicators)}")
    return problems
