"""Every edit operation of the domain is undone by what it returns, back to an equal declaration.

The table below names each operation with its undo; a test checks that every public edit function
of the edit modules is in it, so an operation added later cannot go untested.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from types import ModuleType
from typing import Any

import pytest

from desktop.domain import (
    acceptances,
    budget,
    goals,
    header,
    horizon_goals,
    indicators,
    whole_form,
)
from desktop.domain.model import AcceptedFinding, Category, Declaration, Indicator, Task
from desktop.exchange.reader import read_json_file
from tests.conftest import SEED_PATH

EDIT_MODULES = (acceptances, budget, goals, header, horizon_goals, indicators, whole_form)
EDIT_PREFIXES = (
    "add_",
    "set_",
    "insert_",
    "remove_",
    "move_",
    "replace_",
    "restore_",
    "take_",
    "put_",
)
ACCEPTED = AcceptedFinding("G03", "目标2", "按上级文件表述")


@dataclass(frozen=True)
class Operation:
    """``do`` changes a declaration and returns what ``undo`` needs to reverse it."""

    names: tuple[str, ...]  # the domain functions it exercises
    do: Callable[[Declaration], Any]
    undo: Callable[[Declaration, Any], object]  # its own return value is not used


def _seed() -> Declaration:
    declaration = read_json_file(SEED_PATH).declaration
    declaration.accepted_findings = [AcceptedFinding("I08", "指标甲", "理由"), ACCEPTED]
    declaration.categories[0].indicators[0].goals = [1, 3]
    declaration.categories[5].indicators[1].goals = [2]
    return declaration


def _other_table(declaration: Declaration) -> list[Category]:
    table = copy.deepcopy(declaration.categories)
    table[0].indicators = [Indicator(name="导入的指标", value="≥1次")]
    table[4].not_applicable, table[4].indicators = False, [Indicator(name="新增经济效益")]
    return table


OPERATIONS: dict[str, Operation] = {
    "task field": Operation(
        ("set_task_field",),
        lambda d: budget.set_task_field(d, 1, "fiscal", Decimal("12.5")),
        lambda d, old: budget.set_task_field(d, 1, "fiscal", old),
    ),
    "insert tasks": Operation(
        ("insert_tasks",),
        lambda d: budget.insert_tasks(d, 1, [Task(name="新任务"), Task(name="又一个")]),
        lambda d, _: budget.remove_tasks(d, 1, 2) and None,
    ),
    "remove tasks": Operation(
        ("remove_tasks",),
        lambda d: budget.remove_tasks(d, 0, 2),
        lambda d, removed: budget.insert_tasks(d, 0, removed),
    ),
    "move task": Operation(
        ("move_task",),
        lambda d: budget.move_task(d, 0, 2),
        lambda d, _: budget.move_task(d, 2, 0),
    ),
    "take declared totals": Operation(
        ("take_declared", "put_declared"),
        budget.take_declared,
        budget.put_declared,
    ),
    "control total": Operation(
        ("set_control_total",),
        lambda d: budget.set_control_total(d, Decimal("900")),
        budget.set_control_total,
    ),
    "goal text": Operation(
        ("set_goal_text",),
        lambda d: goals.set_goal_text(d, 1, "新的目标"),
        lambda d, old: goals.set_goal_text(d, 1, old) and None,
    ),
    "insert goal": Operation(
        ("insert_goal",),
        lambda d: goals.insert_goal(d, 0, "插在最前"),
        lambda d, _: goals.remove_goal(d, 0) and None,
    ),
    "remove goal": Operation(
        ("remove_goal", "restore_goal"),
        lambda d: goals.remove_goal(d, 0),
        lambda d, removed: goals.restore_goal(d, 0, removed),
    ),
    "move goal": Operation(
        ("move_goal",),
        lambda d: goals.move_goal(d, 0, 2),
        lambda d, _: goals.move_goal(d, 2, 0),
    ),
    "append goals": Operation(
        ("add_goals", "remove_added_goals"),
        lambda d: horizon_goals.add_goals(d, "annual", ["复制来的目标", "又一个"]),
        horizon_goals.remove_added_goals,
    ),
    "year": Operation(
        ("set_year",),
        lambda d: header.set_year(d, 2027),
        header.set_year,
    ),
    "header field": Operation(
        ("set_header_field",),
        lambda d: header.set_header_field(d, "unit_name", "深圳市某局"),
        lambda d, old: header.set_header_field(d, "unit_name", old) and None,
    ),
    "footer field": Operation(
        ("set_footer_field",),
        lambda d: header.set_footer_field(d, "date", "2025-11-20"),
        lambda d, old: header.set_footer_field(d, "date", old) and None,
    ),
    "insert indicators": Operation(
        ("insert_indicators",),
        lambda d: indicators.insert_indicators(d.categories, 1, 2, [Indicator(name="甲")]),
        lambda d, _: indicators.remove_indicators(d.categories, 1, 2) and None,
    ),
    "remove indicators": Operation(
        ("remove_indicators",),
        lambda d: indicators.remove_indicators(d.categories, 0, 0, 2),
        lambda d, removed: indicators.insert_indicators(d.categories, 0, 0, removed),
    ),
    "move indicator": Operation(
        ("move_indicator",),
        lambda d: indicators.move_indicator(d.categories, (0, 0), (2, 1)),
        lambda d, _: indicators.move_indicator(d.categories, (2, 1), (0, 0)),
    ),
    "indicator field": Operation(
        ("set_indicator_field",),
        lambda d: indicators.set_indicator_field(d.categories, (5, 0), "explanation", "新解释"),
        lambda d, old: (
            indicators.set_indicator_field(d.categories, (5, 0), "explanation", old) and None
        ),
    ),
    "links": Operation(
        ("set_links",),
        lambda d: indicators.set_links(d.categories, (0, 0), [2]),
        lambda d, old: indicators.set_links(d.categories, (0, 0), old) and None,
    ),
    "not applicable": Operation(
        ("set_not_applicable",),
        lambda d: indicators.set_not_applicable(d.categories, 4, False),
        lambda d, old: indicators.set_not_applicable(d.categories, 4, old) and None,
    ),
    "accept a finding": Operation(
        ("add_acceptance", "remove_acceptance"),
        lambda d: acceptances.add_acceptance(d, AcceptedFinding("S01", "填报日期", "按通知")),
        lambda d, _: acceptances.remove_acceptance(d, d.accepted_findings[-1]),
    ),
    "withdraw acceptances": Operation(
        ("remove_acceptances", "restore_acceptances"),
        lambda d: acceptances.remove_acceptances(d, lambda item: item == ACCEPTED),
        acceptances.restore_acceptances,
    ),
    "replace content": Operation(
        ("replace_content",),
        lambda d: whole_form.replace_content(
            d, {"unit_name": "粘贴的单位", "goals": ["粘贴的目标"]}
        ),
        whole_form.replace_content,
    ),
    "replace table": Operation(
        ("replace_table",),
        lambda d: indicators.replace_table(d, _other_table(d)),
        lambda d, old: indicators.replace_table(d, old) and None,
    ),
}


def _edit_functions(module: ModuleType) -> set[str]:
    return {
        name
        for name, value in vars(module).items()
        if inspect.isfunction(value)
        and value.__module__ == module.__name__
        and name.startswith(EDIT_PREFIXES)
    }


def test_every_edit_operation_is_in_the_table() -> None:
    covered = {name for operation in OPERATIONS.values() for name in operation.names}
    found = set().union(*(_edit_functions(m) for m in EDIT_MODULES))
    assert found - covered == set(), "edit operations without an undo test"
    assert covered - found == set()


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_operation_undoes_and_redoes_to_an_equal_declaration(name: str) -> None:
    operation = OPERATIONS[name]
    declaration = _seed()
    before = copy.deepcopy(declaration)
    undo_data = operation.do(declaration)
    after = copy.deepcopy(declaration)
    assert after != before, "the operation changed nothing"
    operation.undo(declaration, undo_data)
    assert declaration == before
    operation.do(declaration)
    assert declaration == after
