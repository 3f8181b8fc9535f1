"""The indicator tree's undo commands on a project's 中期 tree: the first 中期 edit creates the
horizon in the same step, undo leaves the declaration equal to before, each step is announced
once, and the commands of ui/indicators/horizon_commands.py each have a case."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtGui import QUndoCommand

from desktop.domain.changes import Part
from desktop.domain.horizon_indicators import all_picks, copied_tree, skeleton
from desktop.domain.indicators import IndicatorCell
from desktop.domain.model import Indicator
from desktop.domain.profile import load_profile
from desktop.domain.project import ANNUAL, MID, ProjectDeclaration
from desktop.exchange.reader import read_json_file
from ui.document import DeclarationDocument
from ui.indicators import commands, horizon_commands
from ui.indicators.model import IndicatorTreeModel

ZDPQ = Path(__file__).resolve().parent.parent / "fixtures" / "project-futian-2026-zdpq.json"


def _document(with_mid_term: bool) -> DeclarationDocument:
    declaration = read_json_file(ZDPQ).declaration
    assert isinstance(declaration, ProjectDeclaration)
    if not with_mid_term:
        declaration.mid_term = None
    return DeclarationDocument(declaration, load_profile(declaration.profile_id))


def _copy_whole_tree(model: IndicatorTreeModel) -> QUndoCommand:
    decl = model.document.declaration
    target = model.other_categories() or skeleton(decl)
    result = copied_tree(model.categories, target, all_picks(model.categories))
    return horizon_commands.CopyIndicatorsCommand(model, result, model.other_horizon())


def test_creating_the_mid_term_is_undone_exactly(qtbot: QtBot) -> None:
    document = _document(with_mid_term=False)
    model = IndicatorTreeModel(document, MID, other_column=True)
    before = copy.deepcopy(document.declaration)
    document.undo_stack.push(horizon_commands.CreateMidTermCommand(model))
    assert isinstance(document.declaration, ProjectDeclaration)
    assert document.declaration.mid_term is not None
    document.undo_stack.undo()
    assert document.declaration == before


@pytest.mark.parametrize("with_mid_term", [False, True])
def test_copying_the_whole_tree_is_one_announced_step_undone_exactly(
    qtbot: QtBot, with_mid_term: bool
) -> None:
    document = _document(with_mid_term)
    model = IndicatorTreeModel(document, ANNUAL, other_column=True)
    before = copy.deepcopy(document.declaration)
    announced: list[Part] = []
    document.changed.connect(announced.append)
    model.push(_copy_whole_tree(model))
    after = copy.deepcopy(document.declaration)
    assert after != before and announced == [Part.INDICATORS]
    assert document.undo_stack.count() == 1 and model.horizon == MID
    model.show_horizon(ANNUAL)
    document.undo_stack.undo()
    assert document.declaration == before and model.horizon == MID
    document.undo_stack.redo()
    assert document.declaration == after


MID_EDITS: dict[str, Callable[[IndicatorTreeModel], None]] = {
    "insert": lambda m: commands.push_insert(m, 3, 0, [Indicator("新指标", "≥1项")]),
    "insert into 不适用": lambda m: commands.push_insert(m, 1, 0, [Indicator("新指标")]),
    "mark 不适用": lambda m: commands.push_not_applicable(m, 3, True),
    "unmark 不适用": lambda m: commands.push_not_applicable(m, 1, False),
}


@pytest.mark.parametrize("name", list(MID_EDITS))
@pytest.mark.parametrize("with_mid_term", [False, True])
def test_an_edit_of_the_mid_term_tree_is_one_step_and_undone_exactly(
    qtbot: QtBot, name: str, with_mid_term: bool
) -> None:
    document = _document(with_mid_term)
    model = IndicatorTreeModel(document, MID, other_column=True)
    if not with_mid_term and name == "unmark 不适用":
        model.push(commands.SetNotApplicableCommand(model, 1, True))  # something to unmark
        document.undo_stack.clear()
    before = copy.deepcopy(document.declaration)
    MID_EDITS[name](model)
    assert document.undo_stack.count() == 1
    after = copy.deepcopy(document.declaration)
    assert after != before
    assert isinstance(after, ProjectDeclaration) and after.mid_term is not None
    assert after.categories == before.categories  # the 年度 tree is untouched
    document.undo_stack.undo()
    assert document.declaration == before
    document.undo_stack.redo()
    assert document.declaration == after
    for cat_index, category in enumerate(after.mid_term.categories):
        rows = 1 if category.not_applicable else len(category.indicators)
        assert model.rowCount(model.category_index(cat_index)) == rows


def test_typed_cells_in_the_mid_term_tree_change_only_it(qtbot: QtBot) -> None:
    document = _document(with_mid_term=True)
    model = IndicatorTreeModel(document, MID, other_column=True)
    declaration = document.declaration
    assert isinstance(declaration, ProjectDeclaration) and declaration.mid_term is not None
    annual = copy.deepcopy(declaration.categories)
    model.push(
        commands.SetIndicatorCellsCommand(model, [IndicatorCell((3, 0), "value", "≥4项")])
    )
    assert declaration.mid_term.categories[3].indicators[0].value == "≥4项"
    assert declaration.categories == annual


def test_mid_term_goal_and_indicator_edits_share_one_horizon_through_undo_and_redo(
    qtbot: QtBot,
) -> None:
    from ui.goals.commands import InsertGoalsCommand
    from ui.goals.model import GoalsModel

    document = _document(with_mid_term=False)
    goals = GoalsModel(document, horizon=MID)
    tree = IndicatorTreeModel(document, MID, other_column=True)
    before = copy.deepcopy(document.declaration)
    document.undo_stack.push(InsertGoalsCommand(goals, 0, ["三年内完成片区规划"], "添加目标"))
    commands.push_insert(tree, 3, 0, [Indicator("规划成果数量", "≥3份")])
    tree.push(commands.SetLinksCommand(tree, (3, 0), [1]))
    after = copy.deepcopy(document.declaration)
    assert isinstance(after, ProjectDeclaration) and after.mid_term is not None
    assert after.mid_term.goals == ["三年内完成片区规划"]
    assert after.mid_term.categories[3].indicators[0].goals == [1]
    for _ in range(3):
        document.undo_stack.undo()
    assert document.declaration == before
    for _ in range(3):
        document.undo_stack.redo()
    assert document.declaration == after
