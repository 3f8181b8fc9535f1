"""A very long text (a 100,000-character 指标解释) prints whole, wrapped once.

The speed itself is measured in bench/ (``python -m bench``); here the test pins down why it is
fast: the text is wrapped in time linear in its length (never re-wrapped for every page, which
took minutes), and the measured heights are the heights reportlab draws.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.documents import linebreak, pdf_measure
from desktop.documents.layout import Cell
from desktop.documents.paginate import CONTINUED
from desktop.documents.pdf import render_pdf_bytes
from desktop.documents.pdf_pages import FormPages, paginate_form
from desktop.domain.model import Declaration
from desktop.domain.profile import Profile
from tests.documents.helpers import large_declaration, seed

UNIT = "该指标主要考察重点片区建设项目的推进情况与成果质量，确保各项工作按计划完成。2026年 80%-100%。\n"
LENGTH = 100_000


def _long(seed_path: Path) -> tuple[Declaration, Profile, str]:
    decl, profile = seed(seed_path)
    _category, indicator = next(iter(decl.iter_indicators()))
    indicator.explanation = (UNIT * (LENGTH // len(UNIT) + 1))[:LENGTH]
    return decl, profile, indicator.explanation


def _printed(form: FormPages, field_text: str) -> str:
    """The pieces of the long text on every page, joined (continuation marks removed)."""
    head = field_text[:20]
    column = _column(form, head)
    pieces: list[str] = []
    for page in form.pages:
        for page_row in page.rows:
            for cell in page_row.row.cells:
                text = cell.text.removeprefix(CONTINUED)
                starts = text[:20] == head or (pieces and page_row.part > 0)
                if text and starts and cell.col == column:
                    pieces.append(text)
    return "".join(pieces)


def _column(form: FormPages, head: str) -> int:
    for page in form.pages:
        for page_row in page.rows:
            for cell in page_row.row.cells:
                if cell.text.startswith(head):
                    return cell.col
    raise AssertionError("the long text is not printed")


def test_long_explanation_is_wrapped_once_and_printed_whole(
    seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    decl, profile, text = _long(seed_path)
    wrapped = [0]
    real_wrap = linebreak.wrap_lines

    def counting_wrap(text: str, avail: float, width_of: Any) -> list[str]:
        wrapped[0] += len(text)
        return real_wrap(text, avail, width_of)

    monkeypatch.setattr(pdf_measure, "wrap_lines", counting_wrap)
    form = paginate_form(decl, profile)
    # Every page re-wrapping the rest would be ~pages/2 × the text (≈ 60 × here).
    assert wrapped[0] < 3 * LENGTH
    assert len(form.pages) > 60
    assert "".join(_printed(form, text).split()) == "".join(text.split())
    parts = [r for p in form.pages for r in p.rows if r.part > 0]
    assert len(parts) > 60
    # each continuation (one per following page) says （续）
    assert all(any(CONTINUED in c.text for c in r.row.cells) for r in parts)


def test_long_explanation_renders_to_a_pdf(seed_path: Path) -> None:
    decl, profile, _text = _long(seed_path)
    data = render_pdf_bytes(decl, profile, revision=1, fingerprint="0123456789ab")
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page\n") > 60


def _drawn_cells(form: FormPages) -> list[Cell]:
    return [c for p in form.pages for r in p.rows for c in r.row.cells if c.text]


@pytest.mark.parametrize("case", ["seed", "large"])
def test_measured_height_is_the_height_reportlab_draws(seed_path: Path, case: str) -> None:
    decl, profile = seed(seed_path) if case == "seed" else large_declaration(120, giant_at=60)
    form = paginate_form(decl, profile)
    for cell in _drawn_cells(form):
        para, height = form.measurer.paragraph(cell)
        assert para.height == pytest.approx(height), cell.text[:30]
