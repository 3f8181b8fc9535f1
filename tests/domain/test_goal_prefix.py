"""A goal typed or pasted with its own 目标N： keeps one number in print, whatever its position."""

from __future__ import annotations

from pathlib import Path

from desktop.documents.form_layout import build_form_layout
from desktop.documents.layout import BlockKind
from desktop.domain.goals import goals_from_clipboard, insert_goal, strip_goal_number
from tests.documents.helpers import seed


def test_prefixes_are_dropped_as_the_reader_drops_them() -> None:
    assert strip_goal_number("目标1：完成培训") == "完成培训"
    assert strip_goal_number(" 目标 12 : 完成培训") == "完成培训"
    assert strip_goal_number("完成目标1：培训") == "完成目标1：培训"  # only a leading number
    assert goals_from_clipboard("目标1：甲\r\n目标2:乙\r\n目标3\r\n") == ["甲", "乙"]


def test_a_pasted_goal_at_position_11_prints_as_goal_11_once(seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    [goal] = goals_from_clipboard("目标1：新增的目标\r\n")
    insert_goal(decl, len(decl.goals), goal)
    block = next(b for b in build_form_layout(decl, profile).blocks if b.kind is BlockKind.GOALS)
    texts = [cell.text for row in block.rows for cell in row.cells]
    assert f"目标{len(decl.goals)}：新增的目标" in texts
    assert not any("目标1：目标1" in t or "：目标1：" in t for t in texts)
