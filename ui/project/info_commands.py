"""Undo commands of a project's 基本信息 section (docs/edit-path.md; docs/project-form.md,
“The project 基本信息 section”).

Each command checks its value with :mod:`desktop.domain.project_info` when it is made (a refused
value raises :class:`~desktop.domain.errors.EditError` before anything is pushed), changes the
declaration through one setter there and notifies the document once: ``Part.PROJECT`` for the
project's identification, ``Part.HEADER`` for 项目负责人 (the signature block is HEADER on both
form kinds). 年度, 主管部门, 实施单位 and the other signature fields use ui/header_commands.py.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain import project_info
from desktop.domain.changes import Part
from desktop.domain.project import ProjectDeclaration
from desktop.domain.project_info import PROJECT_FIELD_TITLES, Period, ProjectField
from ui.document import DeclarationDocument

T = TypeVar("T")
#: Id shared by the commands of one text block's typing, merged into one undo step.
_TEXT_BLOCK_ID = 0x5017


def _project(document: DeclarationDocument) -> ProjectDeclaration:
    project = document.project
    if project is None:
        raise TypeError("the open declaration is not a project form")
    return project


class _SetValueCommand(QUndoCommand, Generic[T]):
    """Sets one value through :meth:`apply`; undo applies the old one."""

    part = Part.PROJECT

    def __init__(self, document: DeclarationDocument, text: str, old: T, new: T) -> None:
        super().__init__(text)
        self.document, self.old, self.new = document, old, new
        self.project = _project(document)

    def apply(self, value: T) -> None:
        raise NotImplementedError

    @override
    def redo(self) -> None:
        self.apply(self.new)
        self.document.notify(self.part)

    @override
    def undo(self) -> None:
        self.apply(self.old)
        self.document.notify(self.part)


class SetProjectFieldCommand(_SetValueCommand[str]):
    """Change 项目名称, 项目编码, 主管部门代码, 项目属性 or 项目类别."""

    def __init__(self, document: DeclarationDocument, field: ProjectField, value: str) -> None:
        self.field = field
        old = getattr(_project(document).project, field)
        super().__init__(document, f"修改{PROJECT_FIELD_TITLES[field]}", old, value)

    @override
    def apply(self, value: str) -> None:
        project_info.set_project_field(self.project, self.field, value)


class SetPeriodCommand(_SetValueCommand[Period]):
    """Change 项目期 (either year or both; None = not filled in)."""

    def __init__(self, document: DeclarationDocument, start: int | None, end: int | None) -> None:
        project_info.check_period(start, end)
        info = _project(document).project
        super().__init__(document, "修改项目期", (info.period_start, info.period_end), (start, end))

    @override
    def apply(self, value: Period) -> None:
        project_info.set_period(self.project, *value)


class SetTextBlockCommand(_SetValueCommand[str | None]):
    """Change one text block (主要内容 …); further typing in the same block merges into it."""

    def __init__(self, document: DeclarationDocument, block_id: str, text: str) -> None:
        profile = document.project_profile()
        project_info.check_text_block(profile, block_id)
        self.profile, self.block_id = profile, block_id
        old = _project(document).project.texts.get(block_id)
        label = profile.text_block(block_id)
        super().__init__(document, f"修改{label.label if label else block_id}", old, text or None)

    @override
    def apply(self, value: str | None) -> None:
        project_info.set_text_block(self.project, self.profile, self.block_id, value)

    @override
    def id(self) -> int:
        return _TEXT_BLOCK_ID

    @override
    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetTextBlockCommand) or other.block_id != self.block_id:
            return False
        self.new = other.new
        return True


class SetTaskLinkCommand(_SetValueCommand[str]):
    """Change 所属部门整体支出任务 (empty: match the department task by project name)."""

    def __init__(self, document: DeclarationDocument, task_name: str) -> None:
        old = _project(document).project.task
        super().__init__(document, f"修改{project_info.TASK_LINK_TITLE}", old, task_name)

    @override
    def apply(self, value: str) -> None:
        project_info.set_task_link(self.project, value)


class SetProjectHeadCommand(_SetValueCommand[str]):
    """Change 项目负责人 of the signature block."""

    part = Part.HEADER

    def __init__(self, document: DeclarationDocument, name: str) -> None:
        old = _project(document).project_head
        super().__init__(document, f"修改{project_info.PROJECT_HEAD_TITLE}", old, name)

    @override
    def apply(self, value: str) -> None:
        project_info.set_project_head(self.project, value)
