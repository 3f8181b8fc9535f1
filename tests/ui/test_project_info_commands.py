"""Every undo command of the project's 基本信息: undo and redo give back equal declarations, each
step is announced once with its part, refused values are never pushed, typing merges."""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtGui import QUndoCommand

from desktop.domain.changes import Part
from desktop.domain.errors import EditError
from desktop.domain.profile import load_profile
from tests.project.helpers import ANNUAL, doc, read
from ui.document import DeclarationDocument
from ui.project import info_commands


def _document() -> DeclarationDocument:
    data = doc(ANNUAL)
    data["profile"] = "SZ-PROJECT-2026"
    data["project"]["texts"] = {"content": "日常绿化养护。"}
    project = read(data)
    return DeclarationDocument(project, load_profile(project.profile_id))


CASES: dict[str, tuple[Callable[[DeclarationDocument], QUndoCommand], Part]] = {
    "SetProjectFieldCommand": (
        lambda d: info_commands.SetProjectFieldCommand(d, "category", "其他运转类"), Part.PROJECT,
    ),
    "SetPeriodCommand": (lambda d: info_commands.SetPeriodCommand(d, 2026, 2028), Part.PROJECT),
    "SetTextBlockCommand": (
        lambda d: info_commands.SetTextBlockCommand(d, "content", ""), Part.PROJECT,
    ),
    "SetTaskLinkCommand": (lambda d: info_commands.SetTaskLinkCommand(d, "公园养护"), Part.PROJECT),
    "SetProjectHeadCommand": (lambda d: info_commands.SetProjectHeadCommand(d, "王五"), Part.HEADER),
}


def test_every_command_class_has_a_case() -> None:
    found = {
        name
        for name, value in vars(info_commands).items()
        if inspect.isclass(value)
        and issubclass(value, QUndoCommand)
        and value.__module__ == info_commands.__name__
        and not name.startswith("_")
    }
    assert found == set(CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_command_undoes_and_redoes_to_an_equal_declaration(qtbot: QtBot, name: str) -> None:
    document = _document()
    before = copy.deepcopy(document.declaration)
    announced: list[Part] = []
    document.changed.connect(announced.append)
    make, part = CASES[name]
    document.undo_stack.push(make(document))
    after = copy.deepcopy(document.declaration)
    assert after != before
    assert announced == [part]
    document.undo_stack.undo()
    assert document.declaration == before
    document.undo_stack.redo()
    assert document.declaration == after
    assert announced == [part] * 3


def test_a_refused_value_is_never_pushed(qtbot: QtBot) -> None:
    document = _document()
    before = copy.deepcopy(document.declaration)
    with pytest.raises(EditError, match="项目期终止年度"):
        info_commands.SetPeriodCommand(document, 2026, 202)
    with pytest.raises(EditError, match="没有文字段落"):
        info_commands.SetTextBlockCommand(document, "basis", "立项依据")
    assert document.undo_stack.count() == 0
    assert document.declaration == before


def test_typing_in_one_text_block_is_one_undo_step(qtbot: QtBot) -> None:
    document = _document()
    stack = document.undo_stack
    for text in ("日", "日常", "日常养护"):
        stack.push(info_commands.SetTextBlockCommand(document, "content", text))
    stack.push(info_commands.SetTaskLinkCommand(document, "养护"))
    stack.push(info_commands.SetTextBlockCommand(document, "content", "另起"))
    assert stack.count() == 3
    stack.undo()
    stack.undo()
    assert document.project is not None
    assert document.project.project.texts["content"] == "日常养护"
    stack.undo()
    assert document.project.project.texts["content"] == "日常绿化养护。"
