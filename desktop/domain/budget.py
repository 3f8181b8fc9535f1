"""Edits of the 主要任务与预算 table that undo needs to reverse, and derived budget figures.

Qt-free: the budget panel's undo commands call these and keep what they return. Amounts are
``Decimal``; shares for the bars are exact ratios too (the view turns them into pixels).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from desktop.domain.errors import EditError
from desktop.domain.model import Declaration, Task, Totals
from desktop.domain.money import ZERO

TaskField = Literal["name", "content", "fiscal", "other"]
AMOUNT_FIELDS: tuple[TaskField, ...] = ("fiscal", "other")


def insert_tasks(declaration: Declaration, row: int, tasks: list[Task]) -> None:
    """Insert ``tasks`` so that the first one lands at ``row``."""
    declaration.tasks[row:row] = tasks


def remove_tasks(declaration: Declaration, row: int, count: int = 1) -> list[Task]:
    """Remove ``count`` tasks from ``row`` and return them (what undo re-inserts)."""
    removed = declaration.tasks[row : row + count]
    del declaration.tasks[row : row + count]
    return removed


def check_moves(moves: list[tuple[int, int]], count: int, what: str = "任务") -> None:
    """Single moves ``(source, destination)`` stay within a list of ``count`` rows.

    Each move is checked as it will be applied, after the ones before it (the length does not
    change). Also used for goals.
    """
    for source, destination in moves:
        if not (0 <= source < count and 0 <= destination < count):
            raise EditError(
                f"不能把第 {source + 1} 个{what}移到第 {destination + 1} 位（共 {count} 个）"
            )


def move_task(declaration: Declaration, source: int, destination: int) -> None:
    """Move the task at ``source`` so that it ends up at index ``destination``."""
    check_moves([(source, destination)], len(declaration.tasks))
    task = declaration.tasks.pop(source)
    declaration.tasks.insert(destination, task)


def block_moves(rows: list[int], step: int, count: int) -> list[tuple[int, int]] | None:
    """Single moves ``(source, destination)`` that shift the selected ``rows`` by ``step`` (±1).

    Each run of adjacent rows moves as a block: the row next to it jumps to its other side, so
    the selection keeps its shape. ``None`` when a selected row is already at the edge (nothing
    moves, as in a spreadsheet). Undo applies the moves reversed, back to front. Used for goals
    too.
    """
    selected = sorted(set(rows))
    if not selected or step not in (-1, 1):
        return None
    if (step < 0 and selected[0] == 0) or (step > 0 and selected[-1] >= count - 1):
        return None
    runs: list[tuple[int, int]] = []
    for row in selected:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    if step < 0:
        return [(first - 1, last) for first, last in runs]
    return [(last + 1, first) for first, last in reversed(runs)]


def drop_moves(rows: list[int], before: int, count: int) -> list[tuple[int, int]] | None:
    """Single moves that put the selected ``rows`` (in their order) before row ``before``.

    ``before`` is a position in the list as it was (``count`` = at the end). ``None`` when the
    order would not change. Like :func:`block_moves`, undo applies the moves reversed.
    """
    chosen = sorted({r for r in rows if 0 <= r < count})
    if not chosen:
        return None
    taken = set(chosen)
    others = [i for i in range(count) if i not in taken]
    at = sum(1 for i in others if i < before)
    order = others[:at] + chosen + others[at:]
    current = list(range(count))
    moves: list[tuple[int, int]] = []
    for target, item in enumerate(order):
        source = current.index(item)
        if source != target:
            current.insert(target, current.pop(source))
            moves.append((source, target))
    return moves or None


def duplicate_task(task: Task) -> Task:
    """A copy for Ctrl+D: same texts and amounts, no declared total (nothing printed it)."""
    return replace(task, declared_total=None)


def set_task_field(
    declaration: Declaration, row: int, field: TaskField, value: str | Decimal
) -> str | Decimal:
    """Set one field of a task and return the previous value."""
    task = declaration.tasks[row]
    old: str | Decimal = getattr(task, field)
    if field in AMOUNT_FIELDS:
        if not isinstance(value, Decimal):
            raise TypeError(f"{field} needs a Decimal")
    elif not isinstance(value, str):
        raise TypeError(f"{field} needs a str")
    setattr(task, field, value)
    return old


def totals_with(
    declaration: Declaration, row: int, field: TaskField, value: Decimal
) -> tuple[Decimal, Totals]:
    """Row 总额 and 金额合计 as they would be with ``field`` of ``row`` set to ``value``.

    Used for the live preview while an amount is typed; the declaration is not changed.
    """
    task = declaration.tasks[row]
    fiscal = value if field == "fiscal" else task.fiscal
    other = value if field == "other" else task.other
    totals = declaration.computed_totals()
    assert totals.fiscal is not None and totals.other is not None
    new_fiscal = totals.fiscal - task.fiscal + fiscal
    new_other = totals.other - task.other + other
    return fiscal + other, Totals(total=new_fiscal + new_other, fiscal=new_fiscal, other=new_other)


@dataclass(frozen=True)
class DeclaredDifference:
    """A declared (printed) total that differs from the computed one."""

    label: str
    declared: Decimal
    computed: Decimal


def declared_differences(declaration: Declaration) -> list[DeclaredDifference]:
    """Every declared 总额 / 金额合计 that is not equal to the computed value (rules A01/A02)."""
    found: list[DeclaredDifference] = []
    for index, task in enumerate(declaration.tasks):
        if task.declared_total is not None and task.declared_total != task.total:
            name = task.name or f"第 {index + 1} 行"
            found.append(DeclaredDifference(f"{name} 的总额", task.declared_total, task.total))
    declared = declaration.declared_totals
    if declared is not None:
        computed = declaration.computed_totals()
        for label, mine, theirs in (
            ("金额合计 · 总额", declared.total, computed.total),
            ("金额合计 · 财政拨款", declared.fiscal, computed.fiscal),
            ("金额合计 · 其他资金", declared.other, computed.other),
        ):
            if mine is not None and theirs is not None and mine != theirs:
                found.append(DeclaredDifference(label, mine, theirs))
    return found


@dataclass(frozen=True)
class DeclaredValues:
    """Every declared value of a declaration, as taken away by 采用计算值."""

    task_totals: tuple[Decimal | None, ...]
    totals: Totals | None


def take_declared(declaration: Declaration) -> DeclaredValues:
    """Discard all declared totals (the user accepts the computed ones); return them for undo."""
    taken = DeclaredValues(
        tuple(t.declared_total for t in declaration.tasks), declaration.declared_totals
    )
    for task in declaration.tasks:
        task.declared_total = None
    declaration.declared_totals = None
    return taken


def put_declared(declaration: Declaration, values: DeclaredValues) -> None:
    """Undo :func:`take_declared`."""
    for task, total in zip(declaration.tasks, values.task_totals, strict=True):
        task.declared_total = total
    declaration.declared_totals = values.totals


def check_control_total(value: Decimal | None) -> None:
    """预算控制数 is an amount in 万元 (not negative) or absent."""
    if value is not None and (not isinstance(value, Decimal) or not value.is_finite() or value < 0):
        raise EditError(f"预算控制数应为不小于 0 的金额，实际是 {value}")


def set_control_total(declaration: Declaration, value: Decimal | None) -> Decimal | None:
    """Set or clear 预算控制数 and return the previous value."""
    check_control_total(value)
    old = declaration.budget_control_total
    declaration.budget_control_total = value
    return old


def control_gap(declaration: Declaration) -> Decimal | None:
    """金额合计 minus 预算控制数 (positive: over the approved budget); None without a control."""
    if declaration.budget_control_total is None:
        return None
    total = declaration.computed_totals().total
    assert total is not None
    return total - declaration.budget_control_total


def task_shares(declaration: Declaration) -> list[Decimal]:
    """Each task's share of 金额合计 · 总额 (0..1); all zero when the total is zero."""
    total = declaration.computed_totals().total or ZERO
    if total == ZERO:
        return [ZERO for _ in declaration.tasks]
    return [task.total / total for task in declaration.tasks]
