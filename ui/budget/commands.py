"""Undo commands of the budget panel, one class per kind of change.

Each changes the declaration through one operation of :mod:`desktop.domain.budget` (row edits
through the table model's adapters, which add the model signals) and notifies the document once.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain import budget
from desktop.domain.changes import Part
from desktop.domain.errors import EditError
from desktop.domain.model import Task
from desktop.domain.task_paste import CellEdit
from ui.document import DeclarationDocument

if TYPE_CHECKING:
    from ui.budget.model import BudgetTableModel

_FIELD_LABELS = {
    "name": "任务名称",
    "content": "主要内容",
    "fiscal": "财政拨款",
    "other": "其他资金",
}


class SetTaskCellsCommand(QUndoCommand):
    """Cells of existing tasks: one typed cell, a pasted block (Ctrl+V) or cleared cells."""

    def __init__(
        self, model: BudgetTableModel, edits: list[CellEdit], text: str | None = None
    ) -> None:
        if text is None:
            text = (
                f"修改{_FIELD_LABELS[edits[0].field]}"
                if len(edits) == 1
                else f"粘贴 {len(edits)} 个单元格"
            )
        super().__init__(text)
        if any(not 0 <= e.row < len(model.tasks) for e in edits):
            raise EditError("单元格不在任务表中")
        self._model, self._edits = model, list(edits)
        self._old: list[str | Decimal] = []

    @override
    def redo(self) -> None:
        self._old = [self._model.apply_field(e.row, e.field, e.value) for e in self._edits]
        self._model.document.notify(Part.TASKS)

    @override
    def undo(self) -> None:
        for edit, old in reversed(list(zip(self._edits, self._old, strict=True))):
            self._model.apply_field(edit.row, edit.field, old)
        self._model.document.notify(Part.TASKS)


class InsertTasksCommand(QUndoCommand):
    """Add, duplicate or paste rows: ``tasks`` go in at ``row``."""

    def __init__(self, model: BudgetTableModel, row: int, tasks: list[Task], text: str) -> None:
        super().__init__(text)
        self._model, self._row, self._tasks = model, row, tasks

    @override
    def redo(self) -> None:
        self._model.insert_tasks(self._row, list(self._tasks))
        self._model.document.notify(Part.TASKS)

    @override
    def undo(self) -> None:
        self._model.remove_tasks(self._row, len(self._tasks))
        self._model.document.notify(Part.TASKS)


class RemoveTasksCommand(QUndoCommand):
    """Delete the given rows (any selection); undo puts each task back where it was."""

    def __init__(self, model: BudgetTableModel, rows: list[int]) -> None:
        super().__init__(f"删除 {len(rows)} 个任务")
        self._model, self._rows = model, sorted(set(rows))
        self._removed: list[tuple[int, Task]] = []

    @override
    def redo(self) -> None:
        self._removed = [(row, self._model.remove_tasks(row)[0]) for row in reversed(self._rows)]
        self._model.document.notify(Part.TASKS)

    @override
    def undo(self) -> None:
        for row, task in reversed(self._removed):
            self._model.insert_tasks(row, [task])
        self._model.document.notify(Part.TASKS)


class MoveTasksCommand(QUndoCommand):
    """Move rows by a list of single moves (see ``budget.block_moves``); undo runs them back."""

    def __init__(self, model: BudgetTableModel, moves: list[tuple[int, int]]) -> None:
        super().__init__("移动任务")
        budget.check_moves(moves, len(model.tasks))
        self._model, self._moves = model, list(moves)

    @override
    def redo(self) -> None:
        for source, destination in self._moves:
            self._model.move_task(source, destination)
        self._model.document.notify(Part.TASKS)

    @override
    def undo(self) -> None:
        for source, destination in reversed(self._moves):
            self._model.move_task(destination, source)
        self._model.document.notify(Part.TASKS)


class AcceptComputedTotalsCommand(QUndoCommand):
    """采用计算值: discard the declared totals of an imported document."""

    def __init__(self, document: DeclarationDocument) -> None:
        super().__init__("采用计算值")
        self._document = document
        self._taken: budget.DeclaredValues | None = None

    @override
    def redo(self) -> None:
        self._taken = budget.take_declared(self._document.declaration)
        self._document.notify(Part.TASKS)

    @override
    def undo(self) -> None:
        assert self._taken is not None
        budget.put_declared(self._document.declaration, self._taken)
        self._document.notify(Part.TASKS)


class SetControlTotalCommand(QUndoCommand):
    """Set or clear 预算控制数 (``part``: a project's is part of its 项目资金, ``Part.FUNDS``)."""

    def __init__(
        self, document: DeclarationDocument, value: Decimal | None, part: Part = Part.TASKS
    ) -> None:
        super().__init__("修改预算控制数")
        budget.check_control_total(value)
        self._document, self._value, self._part = document, value, part
        self._old = document.declaration.budget_control_total

    @override
    def redo(self) -> None:
        self._old = budget.set_control_total(self._document.declaration, self._value)
        self._document.notify(self._part)

    @override
    def undo(self) -> None:
        budget.set_control_total(self._document.declaration, self._old)
        self._document.notify(self._part)
