"""Page breaks a reader can follow: whole rows, rebuilt merges, repeated header and labels."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from desktop.documents.layout import BlockKind, Role, RowKind
from desktop.documents.options import PrintOptions
from desktop.documents.paginate import CONTINUED, Page
from desktop.documents.pdf_pages import FormPages, paginate_form
from tests.documents.helpers import large_declaration, seed, squeeze

GIANT = 150


@pytest.fixture(scope="module")
def large_repeated() -> FormPages:
    decl, profile = large_declaration(300, giant_at=GIANT)
    return paginate_form(decl, profile, PrintOptions(repeat_labels=True))


@pytest.fixture(scope="module")
def large_once() -> FormPages:
    decl, profile = large_declaration(300, giant_at=GIANT)
    return paginate_form(decl, profile, PrintOptions(repeat_labels=False))


def _assert_grid_is_whole(page: Page) -> None:
    """Every grid position of the page is covered by exactly one cell; no merge leaves the page."""
    covered: Counter[tuple[int, int]] = Counter()
    for index, page_row in enumerate(page.rows):
        for cell in page_row.row.cells:
            assert index + cell.rowspan <= len(page.rows), (page.number, cell.text)
            for r in range(index, index + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    covered[(r, c)] += 1
    expected = {(r, c) for r in range(len(page.rows)) for c in range(6)}
    assert set(covered) == expected, page.number
    assert set(covered.values()) == {1}, page.number


def test_every_page_is_a_whole_grid_within_the_frame(large_repeated: FormPages) -> None:
    form = large_repeated
    assert len(form.pages) > 10
    for page in form.pages:
        _assert_grid_is_whole(page)
        capacity = form.frame.first if page.has_title else form.frame.other
        assert page.height <= capacity + 0.01, page.number


def test_no_row_is_split_except_the_one_taller_than_a_page(large_repeated: FormPages) -> None:
    parts: dict[int, list[int]] = {}
    for page in large_repeated.pages:
        for page_row in page.rows:
            if not page_row.repeated:
                parts.setdefault(page_row.source, []).append(page_row.part)
    split = {source: p for source, p in parts.items() if len(p) > 1}
    assert all(p == [0] for source, p in parts.items() if source not in split)
    assert len(split) == 1
    [(source, pieces)] = split.items()
    assert pieces == list(range(len(pieces))) and len(pieces) >= 2
    giant = [r.row for page in large_repeated.pages for r in page.rows if r.source == source]
    name = giant[0].cell_at(2)
    assert name is not None and name.text.startswith(f"测试指标{GIANT + 1}号")
    for tail in giant[1:]:
        marked = tail.cell_at(2)
        assert marked is not None and marked.text == f"{name.text}{CONTINUED}"
    # nothing of the long explanation is lost across the pieces
    explanation = "".join(cell.text for r in giant if (cell := r.cell_at(5)) is not None)
    decl, _ = large_declaration(300, giant_at=GIANT)
    original = [i for _, i in decl.iter_indicators()][GIANT].explanation
    assert squeeze(explanation) == squeeze(original)


def test_continuation_pages_repeat_header_and_group_labels(large_repeated: FormPages) -> None:
    indicator_pages = [
        p for p in large_repeated.pages if any(r.row.kind is RowKind.INDICATOR for r in p.rows)
    ]
    continued = [
        p
        for p in indicator_pages
        if p.rows[0].row.kind is not RowKind.INDICATOR_HEADER or p.rows[0].repeated
    ]
    assert len(continued) > 5
    for page in continued[1:]:
        first, body = page.rows[0], page.rows[1]
        assert first.repeated and first.row.kind is RowKind.INDICATOR_HEADER
        labels = [c for c in body.row.cells if c.role is Role.GROUP_LABEL]
        assert [c.col for c in labels] == [0, 1]
        assert all(c.text for c in labels), page.number


def test_labels_printed_once_without_repeat(large_once: FormPages) -> None:
    assert not any(r.repeated for page in large_once.pages for r in page.rows)
    shown = Counter(
        c.text
        for page in large_once.pages
        for r in page.rows
        for c in r.row.cells
        if c.role is Role.GROUP_LABEL and c.col == 1
    )
    decl, profile = large_declaration(300, giant_at=GIANT)
    assert set(shown) - {""} == {name for _, name in profile.level2_keys()}
    assert all(count == 1 for text, count in shown.items() if text)
    assert shown[""] > 0  # continuation fragments are merged but blank
    for page in large_once.pages:
        _assert_grid_is_whole(page)


def test_seed_keeps_headers_with_their_rows(seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    form = paginate_form(decl, profile)
    for page in form.pages:
        _assert_grid_is_whole(page)
        last = page.rows[-1].row.kind
        assert last not in (RowKind.TASK_HEADER, RowKind.INDICATOR_HEADER)
    # the 产出指标 group crosses a page and its label is shown on both pages
    pages_with_output = [
        page.number
        for page in form.pages
        for r in page.rows
        for c in r.row.cells
        if c.text == "产出指标"
    ]
    assert len(pages_with_output) >= 2
    headers = [
        r for page in form.pages for r in page.rows if r.row.kind is RowKind.INDICATOR_HEADER
    ]
    indicator_pages = [
        p for p in form.pages if any(r.row.kind is RowKind.INDICATOR for r in p.rows)
    ]
    assert len(headers) == len(indicator_pages) and sum(not r.repeated for r in headers) == 1


def test_goal_block_label_repeats_on_its_second_page(seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    form = paginate_form(decl, profile)
    goal_pages = [p for p in form.pages if any(r.row.kind is RowKind.GOAL for r in p.rows)]
    assert len(goal_pages) == 2  # the seed's ten goals cross the first page break
    for page in goal_pages:
        labels = [c for r in page.rows for c in r.row.cells if c.text == "年度总体目标"]
        assert len(labels) == 1
        goals_here = sum(1 for r in page.rows if r.row.kind is RowKind.GOAL)
        assert labels[0].rowspan == goals_here
    assert BlockKind.GOALS in {b.kind for b in form.layout.blocks}
