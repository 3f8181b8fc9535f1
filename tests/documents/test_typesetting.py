"""How the printed cells read: Chinese line-breaking rules, labels split between words, one font
size per row. Checked on the lines reportlab really draws (the measured Paragraphs)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.documents.form_layout import build_form_layout
from desktop.documents.layout import Cell, Role
from desktop.documents.linebreak import label_lines, wrap_lines
from desktop.documents.options import PrintOptions
from desktop.documents.pdf_measure import SHRINK_ROW_FRACTION
from desktop.documents.pdf_pages import FormPages, paginate_form
from tests.documents.helpers import large_declaration, seed, squeeze

NEVER_START = "”’）》」』】，。、；：？！…"
NEVER_END = "“‘（《「『【"
_FIXED = {Role.LABEL, Role.HEADER, Role.GROUP_LABEL, Role.VERTICAL_LABEL}


def _ones(text: str) -> float:
    return float(len(text))


@pytest.fixture(scope="module")
def seed_form() -> FormPages:
    decl, profile = seed(Path(__file__).resolve().parents[1] / "fixtures" / "seed-futian-2026.json")
    return paginate_form(decl, profile)


def _cells(form: FormPages) -> Iterator[Cell]:
    for page in form.pages:
        for page_row in page.rows:
            yield from page_row.row.cells


def drawn_lines(form: FormPages, cell: Cell) -> list[str]:
    """The lines as reportlab lays them out (kind 0: (space, words); kind 1: CJK frag lines)."""
    para: Any = form.measurer.paragraph(cell)[0]
    if para.blPara.kind == 0:
        return [" ".join(words) for _space, words in para.blPara.lines]
    return ["".join(word.text for word in line.words) for line in para.blPara.lines]


def drawn_size(form: FormPages, cell: Cell) -> float:
    return float(form.measurer.paragraph(cell)[0].style.fontSize)


def test_no_printed_line_starts_with_closing_or_ends_with_opening_punctuation(
    seed_form: FormPages,
) -> None:
    checked = 0
    for cell in _cells(seed_form):
        if not cell.text:
            continue
        lines = drawn_lines(seed_form, cell)
        assert squeeze("".join(lines)) == squeeze(cell.text)  # nothing lost or doubled
        for line in lines:
            if line:
                assert line[0] not in NEVER_START, (cell.field, line)
                assert line[-1] not in NEVER_END, (cell.field, line)
        checked += len(lines)
    assert checked > 200


def test_wrap_keeps_punctuation_with_its_word_and_numbers_whole() -> None:
    # a plain greedy wrap at 4 would start a line with ” or ，and end one with “
    assert wrap_lines("一二三四”五", 4, _ones) == ["一二三", "四”五"]
    assert wrap_lines("一二三四，五", 4, _ones) == ["一二三", "四，五"]
    assert wrap_lines("一二三“四", 4, _ones) == ["一二三", "“四"]
    assert wrap_lines("一二“显著”，“明显”", 4, _ones) == ["一二“显", "著”，", "“明显”"]
    assert wrap_lines("完成率达到2026年", 6, _ones) == ["完成率达到", "2026年"]
    assert wrap_lines("甲（乙）", 3, _ones) == ["甲", "（乙）"]
    # a run wider than the line is still cut, nothing is dropped
    assert wrap_lines("ABCDEFGH", 3, _ones) == ["ABC", "DEF", "GH"]
    assert wrap_lines("第一行\n\n第三行", 10, _ones) == ["第一行", "", "第三行"]
    # no paragraph ends on a lone character: one more comes along
    assert wrap_lines("开展日常综合管理服务项数", 11, _ones) == ["开展日常综合管理服务", "项数"]
    assert wrap_lines("考察是否完成", 5, _ones) == ["考察是否", "完成"]
    assert wrap_lines("2026年", 5, _ones) == ["2026年"]


def test_labels_break_between_words_in_as_few_lines_as_fit() -> None:
    assert label_lines("满意度指标", 3, _ones) == ["满意度", "指标"]
    assert label_lines("社会效益指标", 5, _ones) == ["社会效益", "指标"]
    assert label_lines("可持续影响指标", 5, _ones) == ["可持续影响", "指标"]
    assert label_lines("服务对象满意度指标", 5, _ones) == ["服务对象", "满意度指标"]
    assert label_lines("其他满意度指标", 5, _ones) == ["其他满意度", "指标"]
    assert label_lines("一级指标", 3, _ones) == ["一级", "指标"]
    assert label_lines("数量指标", 5, _ones) == ["数量指标"]


def test_printed_group_labels_are_split_between_words(seed_form: FormPages) -> None:
    labels = {
        cell.text: drawn_lines(seed_form, cell)
        for cell in _cells(seed_form)
        if cell.role is Role.GROUP_LABEL and cell.text
    }
    assert labels["满意度指标"] == ["满意度", "指标"]
    assert labels["社会效益指标"] == ["社会效益", "指标"]
    assert labels["服务对象满意度指标"] == ["服务对象", "满意度指标"]
    assert labels["其他满意度指标"] == ["其他满意度", "指标"]


def test_the_seed_prints_in_one_body_size(seed_form: FormPages) -> None:
    body = seed_form.layout.typography.body_pt
    sizes = {drawn_size(seed_form, cell) for cell in _cells(seed_form) if cell.text}
    assert sizes == {body}


def test_only_rows_taller_than_a_third_of_a_page_shrink_and_then_as_a_whole() -> None:
    decl, profile = large_declaration(60, giant_at=30)
    form = paginate_form(decl, profile, PrintOptions())
    typo = form.layout.typography
    limit = form.frame.other * SHRINK_ROW_FRACTION
    original = build_form_layout(decl, profile)
    decided = form.measurer.shrink_tall_rows(original, form.frame.other)
    shrunk = []
    for (_block, before), (_same, after) in zip(original.rows(), decided.rows()):
        small = any(cell.small for cell in after.cells)
        assert small == (form.measurer.row_height(before) > limit), before.title
        if small:
            shrunk.append(before.title)
    assert len(shrunk) == 1  # the giant explanation only
    small_parts = 0
    for page in form.pages:
        for page_row in page.rows:
            own = [c for c in page_row.row.cells if c.role not in _FIXED and c.text]
            sizes = {drawn_size(form, c) for c in own}
            assert len(sizes) <= 1, page_row.row.title  # one size within a row
            small_parts += sizes == {typo.min_pt}
    assert small_parts >= 2  # the giant row continues over pages, small on each
    for cell in _cells(form):
        if cell.role in _FIXED and cell.text:
            assert drawn_size(form, cell) == typo.body_pt
