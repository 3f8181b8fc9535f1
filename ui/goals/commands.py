"""Undo commands of the goals editor, one class per kind of change.

Each command changes the goals through the model's adapters (one operation of
:mod:`desktop.domain.goals` each, in the model signals) and notifies the document once. Goal moves
and removals carry the indicator links along, so those announce LINKS too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain.budget import check_moves
from desktop.domain.changes import Part
from desktop.domain.errors import EditError
from desktop.domain.goals import RemovedGoal, goal_label
from desktop.domain.horizon_goals import HORIZON_NAMES, AddedGoals, GoalCopy
from desktop.domain.project import Horizon

if TYPE_CHECKING:
    from ui.goals.model import GoalsModel


class SetGoalTextsCommand(QUndoCommand):
    """New texts for goals: one typed goal, a pasted cell or cleared goals (``(row, text)``)."""

    def __init__(self, model: GoalsModel, texts: list[tuple[int, str]]) -> None:
        rows = [row for row, _ in texts]
        label = f"修改{goal_label(rows[0])}" if len(rows) == 1 else f"修改 {len(rows)} 个目标"
        super().__init__(label)
        if any(not 0 <= row < model.rowCount() for row in rows):
            raise EditError("没有这个目标")
        self._model, self._texts = model, list(texts)
        self._old: list[str] = []

    @override
    def redo(self) -> None:
        self._old = [self._model.apply_text(row, text) for row, text in self._texts]
        self._model.document.notify(Part.GOALS)

    @override
    def undo(self) -> None:
        for (row, _text), old in reversed(list(zip(self._texts, self._old, strict=True))):
            self._model.apply_text(row, old)
        self._model.document.notify(Part.GOALS)


class InsertGoalsCommand(QUndoCommand):
    """Add, duplicate or paste goals: ``texts`` go in at ``row``.

    The first 中期 goal of a project creates its 中期 horizon; undo removes it again, and redo
    puts the same horizon back (desktop/domain/horizon_goals.py).
    """

    def __init__(self, model: GoalsModel, row: int, texts: list[str], label: str) -> None:
        super().__init__(label)
        if not 0 <= row <= model.rowCount():
            raise EditError(f"不能在第 {row + 1} 个目标处插入")
        self._model, self._row, self._texts = model, row, list(texts)
        self._created: Horizon | None = None

    @override
    def redo(self) -> None:
        self._created = self._model.open_horizon(self._created)
        self._model.insert_goals(self._row, self._texts)
        self._model.document.notify(Part.GOALS | Part.LINKS)

    @override
    def undo(self) -> None:
        for _ in self._texts:
            self._model.remove_goal(self._row)
        self._model.close_horizon(self._created)
        self._model.document.notify(Part.GOALS | Part.LINKS)


class RemoveGoalsCommand(QUndoCommand):
    """Delete goals; links to them are dropped and come back on undo."""

    def __init__(self, model: GoalsModel, rows: list[int]) -> None:
        super().__init__(f"删除 {len(rows)} 个目标")
        self._model, self._rows = model, sorted(set(rows))
        if any(not 0 <= row < model.rowCount() for row in self._rows):
            raise EditError("没有这个目标")
        self._removed: list[tuple[int, RemovedGoal]] = []

    @override
    def redo(self) -> None:
        self._removed = [(row, self._model.remove_goal(row)) for row in reversed(self._rows)]
        self._model.document.notify(Part.GOALS | Part.LINKS)

    @override
    def undo(self) -> None:
        for row, removed in reversed(self._removed):
            self._model.restore_goal(row, removed)
        self._model.document.notify(Part.GOALS | Part.LINKS)


class MoveGoalsCommand(QUndoCommand):
    """Single moves in order (see ``budget.block_moves``); links follow; undo runs them back."""

    def __init__(self, model: GoalsModel, moves: list[tuple[int, int]], label: str) -> None:
        super().__init__(label)
        check_moves(moves, model.rowCount(), "目标")
        self._model, self._moves = model, list(moves)

    @override
    def redo(self) -> None:
        for source, destination in self._moves:
            self._model.move_goal(source, destination)
        self._model.document.notify(Part.GOALS | Part.LINKS)

    @override
    def undo(self) -> None:
        for source, destination in reversed(self._moves):
            self._model.move_goal(destination, source)
        self._model.document.notify(Part.GOALS | Part.LINKS)


class CopyGoalsCommand(QUndoCommand):
    """Append goals copied from the other horizon to ``target``'s list (复制到年度/复制到中期).

    ``plan`` (``horizon_goals.plan_copy``) already left out duplicates; the whole copy is one
    step, and its undo also removes a 中期 horizon the copy created.
    """

    def __init__(self, target: GoalsModel, plan: GoalCopy) -> None:
        super().__init__(f"复制 {len(plan.texts)} 个目标到{HORIZON_NAMES[target.horizon]}目标")
        if not plan.texts:
            raise EditError("没有可复制的目标")
        self._model, self._texts = target, plan.texts
        self._added: AddedGoals | None = None

    @override
    def redo(self) -> None:
        keep = self._added.created if self._added is not None else None
        self._added = self._model.append_goals(self._texts, keep)
        self._model.document.notify(Part.GOALS)

    @override
    def undo(self) -> None:
        if self._added is not None:
            self._model.remove_appended(self._added)
        self._model.document.notify(Part.GOALS)
