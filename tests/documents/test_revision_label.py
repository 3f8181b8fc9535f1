"""The footer names the revision, 未存档 for a file, or the preview's own label."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.documents.pdf import render_pdf
from desktop.exchange.canonical import fingerprint
from tests.documents.helpers import pdftotext, seed, squeeze


@pytest.mark.parametrize(
    ("revision", "expected"), [(7, "第7版"), (None, "未存档"), ("预览（未存档）", "预览（未存档）")]
)
def test_footer_revision_label(
    seed_path: Path, tmp_path: Path, revision: int | str | None, expected: str
) -> None:
    declaration, profile = seed(seed_path)
    out = tmp_path / "label.pdf"
    render_pdf(declaration, profile, out, revision=revision, fingerprint=fingerprint(declaration))
    text = squeeze(pdftotext(out))
    assert expected in text
    assert fingerprint(declaration) in text
