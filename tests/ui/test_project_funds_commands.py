"""Every undo command of the 项目资金 section: undo and redo give back equal declarations, each
step is announced once as ``Part.FUNDS``, and a refused edit is never pushed."""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtGui import QUndoCommand

from desktop.domain.changes import Part
from desktop.domain.errors import EditError
from desktop.domain.funds import FundsCell
from desktop.domain.profile import load_profile
from desktop.domain.project import ANNUAL, MID
from tests.project.helpers import doc, read
from ui.budget.commands import SetControlTotalCommand
from ui.document import DeclarationDocument
from ui.project import funds_commands

CASES: dict[str, Callable[[DeclarationDocument], QUndoCommand]] = {
    "SetFundsCommand": lambda d: funds_commands.SetFundsCommand(
        d, [FundsCell(ANNUAL, "fiscal", Decimal("1300")), FundsCell(MID, "other", Decimal("5"))]
    ),
    "AcceptComputedFundsCommand": lambda d: funds_commands.AcceptComputedFundsCommand(d),
    # The department form's command, announcing Part.FUNDS on a project.
    "SetControlTotalCommand": lambda d: SetControlTotalCommand(d, Decimal("1279.04"), Part.FUNDS),
}


def _document(without_mid: bool = False) -> DeclarationDocument:
    data = doc()
    data["funds"]["total"] = "1300.00"  # declared by a source file (P05), for 采用计算值
    if without_mid:
        del data["mid_term"]
    else:
        data["mid_term"]["funds"]["total"] = "3800.00"
    project = read(data)
    return DeclarationDocument(project, load_profile(project.profile_id))


def test_every_command_class_has_a_case() -> None:
    found = {
        name
        for name, value in vars(funds_commands).items()
        if inspect.isclass(value)
        and issubclass(value, QUndoCommand)
        and value.__module__ == funds_commands.__name__
    }
    assert found | {"SetControlTotalCommand"} == set(CASES)


@pytest.mark.parametrize("without_mid", [False, True])
@pytest.mark.parametrize("name", list(CASES))
def test_command_undoes_and_redoes_to_an_equal_declaration(
    qtbot: QtBot, name: str, without_mid: bool
) -> None:
    document = _document(without_mid)
    before = copy.deepcopy(document.declaration)
    announced: list[Part] = []
    document.changed.connect(announced.append)
    document.undo_stack.push(CASES[name](document))
    after = copy.deepcopy(document.declaration)
    assert after != before
    assert announced == [Part.FUNDS], "one notification per step"
    document.undo_stack.undo()
    assert document.declaration == before
    document.undo_stack.redo()
    assert document.declaration == after
    assert announced == [Part.FUNDS] * 3


def test_a_refused_edit_is_never_pushed(qtbot: QtBot) -> None:
    document = _document()
    before = copy.deepcopy(document.declaration)
    with pytest.raises(EditError, match="年度资金“财政拨款”：金额 -1 无效"):
        funds_commands.SetFundsCommand(document, [FundsCell(ANNUAL, "fiscal", Decimal(-1))])
    with pytest.raises(EditError, match="预算控制数应为不小于 0 的金额"):
        SetControlTotalCommand(document, Decimal(-5), Part.FUNDS)
    assert document.undo_stack.count() == 0
    assert document.declaration == before


def test_funds_commands_refuse_a_department_form(qtbot: QtBot, seed_document: DeclarationDocument) -> None:
    with pytest.raises(TypeError):
        funds_commands.SetFundsCommand(seed_document, [FundsCell(ANNUAL, "fiscal", Decimal(1))])
