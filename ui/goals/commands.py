"""Undo commands of the goals editor; goal moves and removals carry the indicator links along."""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain.goals import RemovedGoal, goal_label
from ui.document import GOALS, LINKS

if TYPE_CHECKING:  # the model pushes these commands: a runtime import would be a circle
    from ui.goals.model import GoalsModel


def _notify(model: GoalsModel, links: bool) -> None:
    model.document.notify(GOALS)
    if links:
        model.document.notify(LINKS)


class SetGoalTextCommand(QUndoCommand):
    def __init__(self, model: GoalsModel, row: int, text: str) -> None:
        super().__init__(f"修改{goal_label(row)}")
        self._model, self._row, self._text, self._old = model, row, text, text

    @override
    def redo(self) -> None:
        self._old = self._model.apply_text(self._row, self._text)
        _notify(self._model, links=False)

    @override
    def undo(self) -> None:
        self._model.apply_text(self._row, self._old)
        _notify(self._model, links=False)


class InsertGoalsCommand(QUndoCommand):
    """Add, duplicate or paste goals: ``texts`` go in at ``row``."""

    def __init__(self, model: GoalsModel, row: int, texts: list[str], label: str) -> None:
        super().__init__(label)
        self._model, self._row, self._texts = model, row, list(texts)

    @override
    def redo(self) -> None:
        self._model.insert_goals(self._row, self._texts)
        _notify(self._model, links=True)

    @override
    def undo(self) -> None:
        for _ in self._texts:
            self._model.remove_goal(self._row)
        _notify(self._model, links=True)


class InsertGoalCommand(InsertGoalsCommand):
    def __init__(
        self, model: GoalsModel, row: int, text: str = "", label: str = "添加目标"
    ) -> None:
        super().__init__(model, row, [text], label)


class RemoveGoalsCommand(QUndoCommand):
    """Delete goals; links to them are dropped and come back on undo."""

    def __init__(self, model: GoalsModel, rows: list[int]) -> None:
        super().__init__(f"删除 {len(rows)} 个目标")
        self._model, self._rows = model, sorted(set(rows))
        self._removed: list[tuple[int, RemovedGoal]] = []

    @override
    def redo(self) -> None:
        self._removed = [(row, self._model.remove_goal(row)) for row in reversed(self._rows)]
        _notify(self._model, links=True)

    @override
    def undo(self) -> None:
        for row, removed in reversed(self._removed):
            self._model.restore_goal(row, removed)
        _notify(self._model, links=True)


class MoveGoalsCommand(QUndoCommand):
    """Single moves in order (see ``budget.block_moves``); links follow; undo runs them back."""

    def __init__(self, model: GoalsModel, moves: list[tuple[int, int]], label: str) -> None:
        super().__init__(label)
        self._model, self._moves = model, list(moves)

    @override
    def redo(self) -> None:
        for source, destination in self._moves:
            self._model.move_goal(source, destination)
        _notify(self._model, links=True)

    @override
    def undo(self) -> None:
        for source, destination in reversed(self._moves):
            self._model.move_goal(destination, source)
        _notify(self._model, links=True)


class MoveGoalCommand(MoveGoalsCommand):
    def __init__(self, model: GoalsModel, source: int, destination: int) -> None:
        super().__init__(model, [(source, destination)], f"移动{goal_label(source)}")
