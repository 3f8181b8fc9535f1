"""Setters of a project's identification, each returning the old value.

See docs/project-form.md §1 and “The project 基本信息 section”.

Qt-free like :mod:`desktop.domain.header`: the project 基本信息 section's undo commands call
these. A value the exchange reader would refuse (a 项目期 year that is neither empty nor 4
digits, a text block the profile does not define) is refused here too, with a Chinese
:class:`~desktop.domain.errors.EditError`, before anything changes. What the reader accepts but
the rules report (an empty 项目名称, start after end, an attribute outside the profile's list) is
stored: the findings say what to fix.
"""

from __future__ import annotations

from typing import Literal

from desktop.domain.errors import EditError
from desktop.domain.project import ProjectDeclaration
from desktop.domain.project_profile import ProjectProfile
from desktop.domain.validate import year_problem

ProjectField = Literal["name", "code", "supervisor_code", "attribute", "category"]
PROJECT_FIELD_TITLES: dict[ProjectField, str] = {
    "name": "项目名称",
    "code": "项目编码",
    "supervisor_code": "主管部门代码",
    "attribute": "项目属性",
    "category": "项目类别",
}
PROJECT_HEAD_TITLE = "项目负责人"
TASK_LINK_TITLE = "所属部门整体支出任务"
Period = tuple[int | None, int | None]


def set_project_field(project: ProjectDeclaration, field: ProjectField, value: str) -> str:
    """Set 项目名称, 项目编码, 主管部门代码, 项目属性 or 项目类别; return the previous text."""
    if field not in PROJECT_FIELD_TITLES:
        raise EditError(f"项目基本信息没有“{field}”这一项")
    old: str = getattr(project.project, field)
    setattr(project.project, field, value)
    return old


def check_period_year(year: int | None, title: str) -> None:
    """A 项目期 year is empty (None) or 4 digits, as the reader requires (desktop/domain/validate.py)."""
    if year is None:
        return
    if isinstance(year, bool) or not isinstance(year, int):
        raise EditError(f"{title}应为 4 位数字，实际是 {year}")
    if (problem := year_problem(year)) is not None:
        raise EditError(f"{title}：{problem}")


def check_period(start: int | None, end: int | None) -> None:
    check_period_year(start, "项目期起始年度")
    check_period_year(end, "项目期终止年度")


def set_period(project: ProjectDeclaration, start: int | None, end: int | None) -> Period:
    """Set 项目期 (起始年度, 终止年度; None = not filled in) and return the previous pair.

    A start after the end is stored: rule P01 reports it, and refusing it would make a period
    impossible to move by editing one year after the other.
    """
    check_period(start, end)
    info = project.project
    old = (info.period_start, info.period_end)
    info.period_start, info.period_end = start, end
    return old


def check_text_block(profile: ProjectProfile, block_id: str) -> None:
    if profile.text_block(block_id) is None:
        known = "、".join(b.label for b in profile.text_blocks) or "无"
        raise EditError(f"版式“{profile.title}”没有文字段落“{block_id}”（可填写：{known}）")


def set_text_block(
    project: ProjectDeclaration, profile: ProjectProfile, block_id: str, text: str | None
) -> str | None:
    """Set the text block ``block_id`` (主要内容, 项目概况 …); empty or None removes it.

    Returns the previous text, None when the block was absent, so undo restores it exactly.
    """
    check_text_block(profile, block_id)
    texts = project.project.texts
    old = texts.get(block_id)
    if text:
        texts[block_id] = text
    else:
        texts.pop(block_id, None)
    return old


def set_task_link(project: ProjectDeclaration, task_name: str) -> str:
    """Set the explicit link to a department task's 任务名称 (empty: match by project name)."""
    old = project.project.task
    project.project.task = task_name
    return old


def set_project_head(project: ProjectDeclaration, name: str) -> str:
    """Set 项目负责人 of the signature block and return the previous text."""
    old = project.project_head
    project.project_head = name
    return old
