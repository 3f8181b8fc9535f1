"""A user-chosen TrueType collection (like Windows simsun.ttc): the chosen face is embedded."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.documents.fonts import MissingGlyphError
from desktop.documents.form_layout import build_form_layout
from desktop.documents.options import PrintOptions
from desktop.documents.pdf import render_pdf
from desktop.documents.pdf_pages import FOOTER_WORDS
from desktop.resources import font_path
from tests.documents.helpers import SEED_FINGERPRINT, pdffonts, pdftotext, seed, squeeze


def _collection(path: Path, faces: list[str]) -> None:
    """A .ttc whose faces are subsets of the bundled font covering ``faces[i]``."""
    from fontTools.subset import Options, Subsetter
    from fontTools.ttLib import TTCollection, TTFont

    fonts = []
    for text in faces:
        font = TTFont(str(font_path()))
        options = Options()
        options.name_IDs = ["*"]
        subsetter = Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        fonts.append(font)
    collection = TTCollection()
    collection.fonts = fonts
    collection.save(str(path))


def test_face_of_a_collection_is_used_and_embedded(tmp_path: Path, seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    printed = "".join(text for _, text in build_form_layout(decl, profile).texts())
    ttc = tmp_path / "song.ttc"
    _collection(ttc, ["0123456789 abc", printed + FOOTER_WORDS + " "])
    out = tmp_path / "ttc.pdf"
    options = PrintOptions(font_path=str(ttc), font_index=1)
    render_pdf(decl, profile, out, options=options, revision=2, fingerprint=SEED_FINGERPRINT)
    fonts = pdffonts(out)
    assert fonts and all(row[-5:-3] == ["yes", "yes"] for row in fonts)
    assert squeeze(decl.goals[0]) in squeeze(pdftotext(out))
    with pytest.raises(MissingGlyphError, match=r"表格标题中的字符“部”（U\+90E8）"):
        render_pdf(
            decl,
            profile,
            tmp_path / "face0.pdf",
            options=PrintOptions(font_path=str(ttc), font_index=0),
            revision=2,
            fingerprint=SEED_FINGERPRINT,
        )


def test_a_face_named_like_the_bundled_font_does_not_replace_it(
    tmp_path: Path, seed_path: Path
) -> None:
    decl, profile = seed(seed_path)
    ttc = tmp_path / "narrow.ttc"  # its faces carry the bundled font's PostScript name
    _collection(
        ttc, ["0", "".join(t for _, t in build_form_layout(decl, profile).texts()) + FOOTER_WORDS]
    )
    narrow = PrintOptions(font_path=str(ttc), font_index=1)
    render_pdf(decl, profile, tmp_path / "a.pdf", options=narrow, revision=1, fingerprint="x")
    decl.goals[0] = "鑫淼犇骉"  # characters the collection's face lacks, the bundled font has
    render_pdf(
        decl, profile, tmp_path / "b.pdf", options=PrintOptions(), revision=1, fingerprint="x"
    )
    assert "目标1：鑫淼犇骉" in squeeze(pdftotext(tmp_path / "b.pdf"))
    with pytest.raises(MissingGlyphError, match="目标1中的字符“鑫”"):
        render_pdf(decl, profile, tmp_path / "c.pdf", options=narrow, revision=1, fingerprint="x")
