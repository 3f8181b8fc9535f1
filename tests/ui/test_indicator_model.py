"""The indicator tree model: structure, edits through undo commands, S08/S10 never violated."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QModelIndex, Qt

from desktop.domain.changes import Part
from desktop.domain.model import Indicator
from tests.qtmodels import check_model
from ui.document import DeclarationDocument
from ui.indicators import commands
from ui.indicators.model import Column, IndicatorTreeModel, Kind


def _names(doc: DeclarationDocument, cat: int) -> list[str]:
    return [i.name for i in doc.declaration.categories[cat].indicators]


def _cat(doc: DeclarationDocument, level2: str) -> int:
    return next(i for i, c in enumerate(doc.declaration.categories) if c.level2 == level2)


def test_frame_follows_profile_order_and_is_not_editable(
    seed_document: DeclarationDocument, qtmodeltester: ModelTester
) -> None:
    model = IndicatorTreeModel(seed_document)
    check_model(qtmodeltester, model)
    profile = seed_document.profile
    level1 = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert level1 == [l1.name for l1 in profile.framework]
    first = model.index(0, 0)
    assert [model.index(r, 0, first).data() for r in range(model.rowCount(first))] == [
        c.name for c in profile.framework[0].children
    ]
    assert not model.flags(first) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 0, first)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 0, first), "改名")


def test_not_applicable_category_shows_one_grey_row(seed_document: DeclarationDocument) -> None:
    model = IndicatorTreeModel(seed_document)
    cat = _cat(seed_document, "经济效益指标")
    assert seed_document.declaration.categories[cat].not_applicable
    parent = model.category_index(cat)
    assert model.rowCount(parent) == 1
    row = model.index(0, Column.VALUE, parent)
    assert row.data() == "不适用"
    assert model.kind(row) is Kind.NOT_APPLICABLE
    assert not model.flags(row) & Qt.ItemFlag.ItemIsEditable


def test_edit_value_normalises_and_undoes(
    seed_document: DeclarationDocument, qtmodeltester: ModelTester
) -> None:
    model = IndicatorTreeModel(seed_document)
    index = model.indicator_index(0, 0, Column.VALUE)
    assert model.setData(index, "＞＝９５％")
    assert index.data() == "≥95%"
    seed_document.undo_stack.undo()
    assert index.data() == "≥4次"
    seed_document.undo_stack.redo()
    assert seed_document.declaration.categories[0].indicators[0].value == "≥95%"
    check_model(qtmodeltester, model)


def test_choosing_a_grade_fills_an_empty_explanation_in_one_step(
    seed_document: DeclarationDocument,
) -> None:
    model = IndicatorTreeModel(seed_document)
    commands.push_insert(model, 0, 0, [Indicator(name="新指标")])
    model.setData(model.indicator_index(0, 0, Column.VALUE), "显著")
    indicator = seed_document.declaration.categories[0].indicators[0]
    scale = seed_document.profile.scale_for("显著")
    assert scale is not None and indicator.explanation == scale.explanation()
    assert "80%-100%" in indicator.explanation
    seed_document.undo_stack.undo()
    assert (indicator.value, indicator.explanation) == ("", "")
    # An explanation already written is never overwritten.
    model.setData(model.indicator_index(0, 1, Column.VALUE), "明显")
    assert (
        seed_document.declaration.categories[0].indicators[1].explanation == "考察党建活动开展次数"
    )


def test_insert_remove_move_undo_redo(
    seed_document: DeclarationDocument, qtmodeltester: ModelTester
) -> None:
    model = IndicatorTreeModel(seed_document)
    stack = seed_document.undo_stack
    before = _names(seed_document, 0)
    commands.push_insert(model, 0, 1, [Indicator(name="甲"), Indicator(name="乙")])
    assert _names(seed_document, 0)[:4] == [before[0], "甲", "乙", before[1]]
    stack.push(commands.RemoveIndicatorsCommand(model, [(0, 0), (0, 2)]))
    assert _names(seed_document, 0)[:2] == ["甲", before[1]]
    stack.push(commands.MoveIndicatorsCommand(model, [((0, 0), (1, 0))]))
    assert _names(seed_document, 1)[0] == "甲"
    check_model(qtmodeltester, model)
    for _ in range(3):
        stack.undo()
    assert _names(seed_document, 0) == before
    for _ in range(3):
        stack.redo()
    assert _names(seed_document, 1)[0] == "甲"
    check_model(qtmodeltester, model)


def test_not_applicable_with_rows_is_one_undoable_step(
    seed_document: DeclarationDocument, qtmodeltester: ModelTester
) -> None:
    model = IndicatorTreeModel(seed_document)
    cat = _cat(seed_document, "时效指标")
    rows = _names(seed_document, cat)
    commands.push_not_applicable(model, cat, True)
    category = seed_document.declaration.categories[cat]
    assert category.not_applicable and category.indicators == []  # S10 holds
    assert model.rowCount(model.category_index(cat)) == 1
    check_model(qtmodeltester, model)
    seed_document.undo_stack.undo()
    assert not category.not_applicable and _names(seed_document, cat) == rows
    check_model(qtmodeltester, model)


def test_adding_to_a_not_applicable_category_unmarks_it(seed_document: DeclarationDocument) -> None:
    model = IndicatorTreeModel(seed_document)
    cat = _cat(seed_document, "经济效益指标")
    commands.push_insert(model, cat, 0, [Indicator(name="带动投资额")])
    category = seed_document.declaration.categories[cat]
    assert not category.not_applicable and _names(seed_document, cat) == ["带动投资额"]
    seed_document.undo_stack.undo()
    assert category.not_applicable and category.indicators == []


def test_goals_column_shows_numbers_and_follows_renumbering(
    seed_document: DeclarationDocument, qtbot: QtBot
) -> None:
    model = IndicatorTreeModel(seed_document)
    index = model.indicator_index(0, 0, Column.GOALS)
    assert model.setData(index, [3, 1])
    assert index.data() == "1、3"
    assert seed_document.declaration.categories[0].indicators[0].goals == [1, 3]
    assert "目标1：" in index.data(Qt.ItemDataRole.ToolTipRole)
    # The goals editor remaps links in the domain, then notifies "links".
    seed_document.declaration.categories[0].indicators[0].goals = [2]
    with qtbot.waitSignal(model.dataChanged) as blocker:
        seed_document.notify(Part.LINKS)
    assert blocker.args[0].column() == Column.GOALS
    assert index.data() == "2"
    seed_document.undo_stack.undo()
    assert index.data() == ""


def _drop(
    model: IndicatorTreeModel, rows: list[tuple[int, int]], parent: QModelIndex, row: int
) -> bool:
    indexes = [model.indicator_index(c, r) for c, r in rows]
    mime = model.mimeData(indexes)
    if not model.canDropMimeData(mime, Qt.DropAction.MoveAction, row, 0, parent):
        return False
    model.dropMimeData(mime, Qt.DropAction.MoveAction, row, 0, parent)
    return True


def test_drag_and_drop_within_one_level1_only(
    seed_document: DeclarationDocument, qtmodeltester: ModelTester
) -> None:
    model = IndicatorTreeModel(seed_document)
    quality = _cat(seed_document, "质量指标")
    first, third = _names(seed_document, 0)[0], _names(seed_document, 0)[2]
    assert _drop(model, [(0, 0), (0, 2)], model.category_index(quality), 1)
    assert _names(seed_document, quality)[1:3] == [first, third]
    check_model(qtmodeltester, model)
    seed_document.undo_stack.undo()
    assert _names(seed_document, 0)[0] == first and _names(seed_document, 0)[2] == third
    # Within a category, dropping before a later row.
    assert _drop(model, [(0, 0)], model.category_index(0), 3)
    assert _names(seed_document, 0)[2] == first
    # S08: never into another level-1, never into a 不适用 category.
    satisfaction = _cat(seed_document, "服务对象满意度指标")
    economic = _cat(seed_document, "经济效益指标")
    assert not _drop(model, [(0, 0)], model.category_index(satisfaction), 0)
    assert not _drop(
        model, [(_cat(seed_document, "社会效益指标"), 0)], model.category_index(economic), 0
    )
    check_model(qtmodeltester, model)


def test_replacing_the_document_resets_the_model(
    seed_document: DeclarationDocument, qtmodeltester: ModelTester
) -> None:
    from desktop.domain.profile import load_profile, new_declaration

    model = IndicatorTreeModel(seed_document)
    profile = load_profile("MOF-2021")
    seed_document.replace(new_declaration(profile, 2027), profile)
    assert model.index(0, 0).data() == profile.framework[0].name
    assert model.rowCount(model.index(0, 0)) == len(profile.framework[0].children)
    check_model(qtmodeltester, model)
