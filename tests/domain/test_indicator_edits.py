"""The indicator and header edits refuse what would break the declaration, changing nothing."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

from desktop.domain import header, indicators
from desktop.domain.errors import EditError
from desktop.domain.model import Declaration, Indicator
from desktop.domain.profile import load_profile
from desktop.exchange.reader import read_json_file
from tests.conftest import SEED_PATH

# The seed's frame: 0-3 产出指标, 4-7 效益指标 (4 经济效益 不适用), 8-9 满意度指标 (9 不适用).


@pytest.fixture
def seed() -> Declaration:
    return read_json_file(SEED_PATH).declaration


REFUSED: dict[str, tuple[Callable[[Declaration], object], str]] = {
    "row into another level-1 (S08)": (
        lambda d: indicators.move_indicator(d.categories, (0, 0), (5, 0)),
        "S08",
    ),
    "row into a 不适用 category (S10)": (
        lambda d: indicators.move_indicator(d.categories, (5, 0), (4, 0)),
        "S10",
    ),
    "insert into a 不适用 category (S10)": (
        lambda d: indicators.insert_indicators(d.categories, 9, 0, [Indicator(name="x")]),
        "S10",
    ),
    "不适用 on a category with rows (S10)": (
        lambda d: indicators.set_not_applicable(d.categories, 0, True),
        "S10",
    ),
    "a row that is not there": (
        lambda d: indicators.set_indicator_field(d.categories, (3, 5), "name", "x"),
        "没有第 6 条指标",
    ),
    "a field that is not a column": (
        lambda d: indicators.set_indicator_field(d.categories, (0, 0), "goals", "x"),  # type: ignore[arg-type]  # a wrong field on purpose
        "没有“goals”这一列",
    ),
    "a goal number below 1": (
        lambda d: indicators.set_links(d.categories, (0, 0), [0]),
        "不是目标编号",
    ),
    "a table of another profile": (
        lambda d: indicators.replace_table(d, d.categories[:-1]),
        "指标体系不一致",
    ),
    "a year of 5 digits": (lambda d: header.set_year(d, 20260), "4 位数字"),
    "a date that does not exist": (
        lambda d: header.set_footer_field(d, "date", "2025-02-30"),
        "2 月没有 30 日",
    ),
    "a date in another format": (  # the editor normalises typed short forms first
        lambda d: header.set_footer_field(d, "date", "2025/11/20"),
        "应写成 2025-11-20",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_edit_names_the_reason_and_changes_nothing(seed: Declaration, case: str) -> None:
    edit, message = REFUSED[case]
    before = copy.deepcopy(seed)
    with pytest.raises(EditError, match=message):
        edit(seed)
    assert seed == before


def test_links_to_goals_that_do_not_exist_are_refused() -> None:
    assert indicators.check_links([3, 1, 3], goal_count=3) == [1, 3]
    with pytest.raises(EditError, match="对应目标 4 不存在（共 3 个目标）"):
        indicators.check_links([1, 4], goal_count=3)


def test_rows_move_between_level2_categories_of_one_level1(seed: Declaration) -> None:
    moved = seed.categories[0].indicators[0]
    indicators.move_indicator(seed.categories, (0, 0), (3, 1))
    assert seed.categories[3].indicators[1] is moved


def test_step_stops_at_the_edge_of_the_level1(seed: Declaration) -> None:
    last = len(seed.categories[3].indicators) - 1
    assert indicators.step_target(seed.categories, (3, last), 1) is None  # 效益指标 is next
    assert indicators.step_target(seed.categories, (5, 0), -1) is None  # only 不适用 above
    assert indicators.step_target(seed.categories, (1, 0), -1) == (0, 9)


def test_dropped_rows_land_in_order_before_the_target(seed: Declaration) -> None:
    names = [i.name for i in seed.categories[0].indicators]
    moves = indicators.drop_moves(seed.categories, [(0, 4), (0, 1)], 0, 0)
    for source, destination in moves:
        indicators.move_indicator(seed.categories, source, destination)
    shown = [i.name for i in seed.categories[0].indicators]
    assert shown[:2] == [names[1], names[4]]
    assert sorted(shown) == sorted(names)


def test_value_and_unit_get_the_t01_normalisation() -> None:
    assert indicators.field_text("value", " ＞＝95％ ") == indicators.field_text("value", "≥95%")
    assert indicators.field_text("name", " 名称 ") == " 名称 "


def test_a_typed_grade_word_also_defines_the_grades_in_an_empty_explanation(
    seed: Declaration,
) -> None:
    profile = load_profile(seed.profile_id)
    scale = profile.scale_for("显著")
    assert scale is not None
    seed.categories[5].indicators[0].explanation = ""
    cells = indicators.typed_cells(seed.categories, (5, 0), "value", " 显著 ", profile)
    assert [(c.field, c.value) for c in cells] == [
        ("value", "显著"),
        ("explanation", scale.explanation()),
    ]
    seed.categories[5].indicators[0].explanation = "已有的解释"
    assert len(indicators.typed_cells(seed.categories, (5, 0), "value", "显著", profile)) == 1
    current = seed.categories[5].indicators[0].value
    assert indicators.typed_cells(seed.categories, (5, 0), "value", current, profile) == []


def test_a_list_of_moves_is_checked_move_by_move_without_changing_anything(
    seed: Declaration,
) -> None:
    before = copy.deepcopy(seed)
    indicators.check_moves(seed.categories, [((0, 0), (1, 0)), ((1, 0), (0, 0))])
    with pytest.raises(EditError, match="S08"):
        indicators.check_moves(seed.categories, [((0, 0), (1, 0)), ((1, 0), (5, 0))])
    assert seed == before


def test_typing_not_applicable_in_both_columns_beside_real_rows_is_refused(
    seed: Declaration,
) -> None:
    """S10 (issue 10): such a row would be read back as a 不适用 category."""
    profile = load_profile(seed.profile_id)
    assert len(seed.categories[0].indicators) >= 2
    cells = indicators.typed_cells(seed.categories, (0, 1), "name", "不适用", profile)
    indicators.set_indicator_field(seed.categories, (0, 1), "name", cells[0].value)
    before = copy.deepcopy(seed)
    with pytest.raises(EditError, match="S10"):
        indicators.typed_cells(seed.categories, (0, 1), "value", " 不适用 ", profile)
    assert seed == before
    with pytest.raises(EditError, match="S10"):
        indicators.check_new_rows(seed.categories, 0, [Indicator("不适用", "不适用")])
