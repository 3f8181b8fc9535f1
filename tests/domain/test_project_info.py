"""The project identification setters (desktop/domain/project_info.py): undo restores an equal
declaration, and what the reader would refuse is refused with a Chinese message, nothing changed.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from desktop.domain import project_info
from desktop.domain.errors import EditError
from desktop.domain.project import ProjectDeclaration
from desktop.domain.project_profile import ProjectProfile, load_project_profile
from desktop.exchange.canonical import content_key
from desktop.exchange.writer import declaration_to_dict
from tests.project.helpers import ANNUAL, doc, read

SZ = "SZ-PROJECT-2026"


def _sz_project() -> ProjectDeclaration:
    data = doc(ANNUAL)
    data["profile"] = SZ
    data["project"]["texts"] = {"content": "日常绿化养护。"}
    return read(data)


def _profile() -> ProjectProfile:
    return load_project_profile(SZ)


@dataclass(frozen=True)
class Operation:
    names: tuple[str, ...]
    do: Callable[[ProjectDeclaration], Any]
    undo: Callable[[ProjectDeclaration, Any], object]


OPERATIONS: dict[str, Operation] = {
    "project field": Operation(
        ("set_project_field",),
        lambda p: project_info.set_project_field(p, "name", "公园养护（二期）"),
        lambda p, old: project_info.set_project_field(p, "name", old),
    ),
    "period": Operation(
        ("set_period",),
        lambda p: project_info.set_period(p, 2026, None),
        lambda p, old: project_info.set_period(p, *old),
    ),
    "text block": Operation(
        ("set_text_block",),
        lambda p: project_info.set_text_block(p, _profile(), "content", "改写的主要内容"),
        lambda p, old: project_info.set_text_block(p, _profile(), "content", old),
    ),
    "text block removed": Operation(
        ("set_text_block",),
        lambda p: project_info.set_text_block(p, _profile(), "content", ""),
        lambda p, old: project_info.set_text_block(p, _profile(), "content", old),
    ),
    "task link": Operation(
        ("set_task_link",),
        lambda p: project_info.set_task_link(p, "公园养护"),
        lambda p, old: project_info.set_task_link(p, old),
    ),
    "project head": Operation(
        ("set_project_head",),
        lambda p: project_info.set_project_head(p, "王五"),
        lambda p, old: project_info.set_project_head(p, old),
    ),
}


def test_every_setter_is_in_the_table() -> None:
    setters = {
        name
        for name, value in vars(project_info).items()
        if inspect.isfunction(value) and name.startswith("set_")
    }
    assert setters == {n for op in OPERATIONS.values() for n in op.names}


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_setter_is_undone_by_what_it_returns(name: str) -> None:
    project = _sz_project()
    before = copy.deepcopy(project)
    old = OPERATIONS[name].do(project)
    assert project != before
    OPERATIONS[name].undo(project, old)
    assert project == before
    assert content_key(project) == content_key(before)


def test_an_emptied_text_block_leaves_the_file() -> None:
    project = _sz_project()
    assert project_info.set_text_block(project, _profile(), "content", "") == "日常绿化养护。"
    assert "content" not in project.project.texts
    assert "texts" not in declaration_to_dict(project)["project"]


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [(12, 2027, "起始年度"), (2026, 20271, "终止年度"), (999, None, "1000 至 9999")],
)
def test_a_period_year_that_is_not_four_digits_is_refused(
    start: int | None, end: int | None, words: str
) -> None:
    project = _sz_project()
    before = copy.deepcopy(project)
    with pytest.raises(EditError, match=words):
        project_info.set_period(project, start, end)
    assert project == before


def test_empty_years_and_a_start_after_the_end_are_stored_for_the_rules_to_report() -> None:
    project = _sz_project()
    assert project_info.set_period(project, None, None) == (2026, 2026)
    assert project.project.period_years() is None
    project_info.set_period(project, 2028, 2026)  # P01 reports it; editing one year at a time
    assert (project.project.period_start, project.project.period_end) == (2028, 2026)


def test_a_text_block_the_profile_does_not_define_is_refused() -> None:
    project = _sz_project()
    with pytest.raises(EditError, match="没有文字段落“overview”.*主要内容"):
        project_info.set_text_block(project, _profile(), "overview", "项目概况")
    assert "overview" not in project.project.texts


def test_an_unknown_field_is_refused_in_chinese() -> None:
    project = _sz_project()
    with pytest.raises(EditError, match="没有“unit”"):
        project_info.set_project_field(project, "unit", "x")  # type: ignore[arg-type]
