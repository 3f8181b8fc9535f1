"""Goal insert/remove/move keep the indicators' goal links on the same goal texts."""

from __future__ import annotations

from desktop.domain.goals import (
    goal_label,
    insert_goal,
    link_counts,
    move_goal,
    remove_goal,
    restore_goal,
)
from desktop.domain.model import Declaration, Indicator
from desktop.domain.profile import load_profile, new_declaration


def _declaration() -> Declaration:
    decl = new_declaration(load_profile("SZ-DEPT-2026"), 2026, with_basic_row=False)
    decl.goals = ["A", "B", "C", "D"]
    first, second = decl.categories[0], decl.categories[1]
    first.indicators = [Indicator(name="i1", goals=[1, 3]), Indicator(name="i2", goals=[4])]
    second.indicators = [Indicator(name="i3", goals=[2, 3, 4]), Indicator(name="i4")]
    return decl


def _linked_texts(decl: Declaration) -> dict[str, list[str]]:
    return {
        ind.name: sorted(decl.goals[n - 1] for n in ind.goals) for _, ind in decl.iter_indicators()
    }


def test_insert_shifts_links_after_the_new_goal() -> None:
    decl = _declaration()
    before = _linked_texts(decl)
    insert_goal(decl, 1, "new")
    assert decl.goals == ["A", "new", "B", "C", "D"]
    assert _linked_texts(decl) == before
    assert link_counts(decl) == [1, 0, 1, 2, 2]


def test_remove_drops_its_links_and_restore_brings_them_back() -> None:
    decl = _declaration()
    before = _linked_texts(decl)
    removed = remove_goal(decl, 2)  # "C", linked from i1 and i3
    assert decl.goals == ["A", "B", "D"]
    assert _linked_texts(decl) == {"i1": ["A"], "i2": ["D"], "i3": ["B", "D"], "i4": []}
    restore_goal(decl, 2, removed)
    assert decl.goals == ["A", "B", "C", "D"]
    assert _linked_texts(decl) == before


def test_move_down_and_back_keeps_links_on_their_texts() -> None:
    decl = _declaration()
    before = _linked_texts(decl)
    move_goal(decl, 0, 3)
    assert decl.goals == ["B", "C", "D", "A"]
    assert _linked_texts(decl) == before
    assert all(ind.goals == sorted(ind.goals) for _, ind in decl.iter_indicators())
    move_goal(decl, 3, 0)
    assert decl.goals == ["A", "B", "C", "D"]
    assert [ind.goals for _, ind in decl.iter_indicators()] == [[1, 3], [4], [2, 3, 4], []]


def test_labels_follow_position() -> None:
    assert [goal_label(i) for i in range(3)] == ["目标1", "目标2", "目标3"]


def test_goals_pasted_from_a_spreadsheet_one_per_cell() -> None:
    import pytest

    from desktop.domain.goals import GoalPasteError, goals_from_clipboard

    column = '总体目标\r\n"开展党建活动\r\n不少于4次"\r\n保障运转\r\n\r\n'
    assert goals_from_clipboard(column) == ["开展党建活动\n不少于4次", "保障运转"]
    # The form's two columns: the 目标N cells number the goals and are not goals themselves.
    form = "目标1\t开展培训\r\n目标２：\t编印教材\r\n3.\t\r\n"
    assert goals_from_clipboard(form) == ["开展培训", "编印教材"]
    # A row copied across several cells: one goal per cell, left to right.
    assert goals_from_clipboard("甲\t乙\t\t丙\n") == ["甲", "乙", "丙"]
    assert goals_from_clipboard("目标是提高效率\n") == ["目标是提高效率"]
    with pytest.raises(GoalPasteError, match="没有可粘贴的目标"):
        goals_from_clipboard("目标1\t\n\n")
