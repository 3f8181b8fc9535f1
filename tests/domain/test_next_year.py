"""New from last year's declaration: a full copy, and year replacements shown before applied."""

from __future__ import annotations

from pathlib import Path

from desktop.exchange.canonical import content_key
from desktop.exchange.reader import read_json_file
from desktop.services.next_year import apply_year_replacements, next_year_copy, year_replacements


def test_copy_moves_to_next_year_and_keeps_content(seed_path: Path) -> None:
    seed = read_json_file(seed_path).declaration
    draft = next_year_copy(seed)
    assert draft.year == 2027 and seed.year == 2026
    assert draft.goals == seed.goals and draft.tasks[0].fiscal == seed.tasks[0].fiscal
    assert draft.declared_totals is None and seed.declared_totals is not None
    assert draft.accepted_findings == seed.accepted_findings
    assert draft.indicator_count() == seed.indicator_count()


def test_replacements_are_proposed_then_applied_only_when_chosen(seed_path: Path) -> None:
    seed = read_json_file(seed_path).declaration
    before = content_key(seed)
    draft = next_year_copy(seed)
    proposals = year_replacements(draft, 2026, 2027)
    goal_two = [p for p in proposals if p.where == "goals[1]"]
    assert goal_two and "2027年辅助人员" in goal_two[0].after and "2026年" in goal_two[0].before
    assert all("2026年" not in p.after for p in proposals)
    chosen = [p for p in proposals if p.where != "goals[2]"]
    apply_year_replacements(draft, chosen)
    assert "2027年辅助人员" in draft.goals[1]
    assert "2026年度" in draft.goals[2]  # not chosen: kept
    assert content_key(seed) == before  # the old declaration is untouched


def test_numbers_that_are_not_years_are_left_alone(seed_path: Path) -> None:
    seed = read_json_file(seed_path).declaration
    seed.goals = ["完成20261份材料，2026年度完成", "2026 年内"]
    proposals = year_replacements(seed, 2026, 2027)
    goals = [p.after for p in proposals if p.where.startswith("goals")]
    assert goals == ["完成20261份材料，2027年度完成", "2027 年内"]


def test_deadline_values_and_dates_are_offered_too(seed_path: Path) -> None:
    seed = read_json_file(seed_path).declaration
    first = seed.categories[0].indicators[0]
    first.value = "2026年12月31日前"
    first.explanation = "以2026-12-31为截止日，金额2026.5万元不变"
    proposals = {p.where: p for p in year_replacements(seed, 2026, 2027)}
    assert proposals["indicators[0].value"].after == "2027年12月31日前"
    assert (
        proposals["indicators[0].explanation"].after == "以2027-12-31为截止日，金额2026.5万元不变"
    )
