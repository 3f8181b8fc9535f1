"""Undo commands of the goals editor; goal moves and removals carry the indicator links along."""

from __future__ import annotations

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain.goals import RemovedGoal, goal_label
from ui.document import GOALS, LINKS
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


class InsertGoalCommand(QUndoCommand):
    def __init__(
        self, model: GoalsModel, row: int, text: str = "", label: str = "添加目标"
    ) -> None:
        super().__init__(label)
        self._model, self._row, self._text = model, row, text

    @override
    def redo(self) -> None:
        self._model.insert_goal(self._row, self._text)
        _notify(self._model, links=True)

    @override
    def undo(self) -> None:
        self._model.remove_goal(self._row)
        _notify(self._model, links=True)


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


class MoveGoalCommand(QUndoCommand):
    def __init__(self, model: GoalsModel, source: int, destination: int) -> None:
        super().__init__(f"移动{goal_label(source)}")
        self._model, self._source, self._destination = model, source, destination

    @override
    def redo(self) -> None:
        self._model.move_goal(self._source, self._destination)
        _notify(self._model, links=True)

    @override
    def undo(self) -> None:
        self._model.move_goal(self._destination, self._source)
        _notify(self._model, links=True)
