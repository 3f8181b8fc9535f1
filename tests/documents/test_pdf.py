"""The PDF as a user gets it: every text present, fonts embedded, A4, reproducible, options."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.documents.fonts import FontError, MissingGlyphError
from desktop.documents.options import Orientation, PrintOptions
from desktop.documents.pdf import check_printable, render_pdf, render_pdf_bytes
from desktop.domain.model import Declaration, Footer
from desktop.domain.profile import Profile
from tests.documents.helpers import SEED_FINGERPRINT, page_count, pdffonts, pdftotext, seed, squeeze


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import SEED_PATH

    decl, profile = seed(SEED_PATH)
    path = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    pages = render_pdf(
        decl, profile, path, options=PrintOptions(), revision=3, fingerprint=SEED_FINGERPRINT
    )
    assert pages == page_count(path)
    return path


def _media_boxes(data: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    return [(float(w), float(h)) for w, h in boxes]


def test_seed_pdf_holds_every_text_of_the_form(seed_pdf: Path, seed_path: Path) -> None:
    decl, _ = seed(seed_path)
    text = squeeze(pdftotext(seed_pdf))
    expected = [
        "部门（单位）整体支出绩效目标申报表",
        "（2026年度）",
        decl.unit_name,
        "主管部门",
        "年度主要任务",
    ]
    expected += ["金额合计：", "3293.33", "1125.33", "888.96", "1279.04", "年度总体目标"]
    for task in decl.tasks:
        expected += [task.name, task.content]
    expected += [f"目标{n}：{goal}" for n, goal in enumerate(decl.goals, start=1)]
    for category, indicator in decl.iter_indicators():
        expected += [
            category.level1,
            category.level2,
            indicator.name,
            indicator.value,
            indicator.explanation,
        ]
    missing = [t for t in expected if squeeze(t) not in text]
    assert missing == []
    assert text.count("不适用") >= 3 * 4  # four not-applicable categories, three cells each
    assert f"指纹{SEED_FINGERPRINT}" in text and "第3版" in text
    assert "第1页共" in text


def test_seed_pdf_embeds_its_fonts_only(seed_pdf: Path) -> None:
    fonts = pdffonts(seed_pdf)
    assert fonts
    for row in fonts:
        name, emb, sub = row[0], row[-5], row[-4]
        assert (emb, sub) == ("yes", "yes"), row
        assert "Helvetica" not in name and "+PerfDeclSong-Regular" in name, row


def test_seed_pdf_is_a4_portrait_with_metadata(seed_pdf: Path) -> None:
    data = seed_pdf.read_bytes()
    boxes = _media_boxes(data)
    assert boxes and all(abs(w - 595.28) < 0.1 and abs(h - 841.89) < 0.1 for w, h in boxes)
    for key in (b"/Title", b"/Author", b"/Subject"):
        assert key in data
    assert b"anonymous" not in data and b"untitled" not in data


def _without_dates(data: bytes) -> bytes:
    return re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", b"/DATE", data)


def test_same_inputs_give_the_same_bytes_apart_from_the_date(seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    created = datetime(2026, 11, 27, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    first = render_pdf_bytes(
        decl, profile, revision=3, fingerprint=SEED_FINGERPRINT, created=created
    )
    second = render_pdf_bytes(
        decl,
        profile,
        revision=3,
        fingerprint=SEED_FINGERPRINT,
        created=created + timedelta(days=40),
    )
    assert b"/CreationDate (D:20261127100000+08'00')" in first
    assert first != second
    assert _without_dates(first) == _without_dates(second)
    other_revision = render_pdf_bytes(
        decl, profile, revision=4, fingerprint=SEED_FINGERPRINT, created=created
    )
    assert _without_dates(other_revision) != _without_dates(first)


def test_landscape_pages(tmp_path: Path, seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    path = tmp_path / "landscape.pdf"
    options = PrintOptions(orientation=Orientation.LANDSCAPE)
    pages = render_pdf(
        decl, profile, path, options=options, revision=None, fingerprint=SEED_FINGERPRINT
    )
    boxes = _media_boxes(path.read_bytes())
    assert len(boxes) == pages
    assert all(abs(w - 841.89) < 0.1 and abs(h - 595.28) < 0.1 for w, h in boxes)
    text = squeeze(pdftotext(path))
    assert "未存档" in text and squeeze(decl.goals[9]) in text


def test_signature_block_and_draft_marks(tmp_path: Path, seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    decl.footer = Footer(
        preparer="王小明", phone="0755-83000000", unit_head="赵大海", date="2026-01-15"
    )
    plain = squeeze(pdftotext(_render(tmp_path / "plain.pdf", decl, profile, PrintOptions())))
    assert "王小明" not in plain and "草稿" not in plain and "自检未通过" not in plain
    path = _render(
        tmp_path / "signed.pdf", decl, profile, PrintOptions(signature_block=True, draft=True)
    )
    text = squeeze(pdftotext(path))
    for part in (
        "填报人：王小明",
        "联系电话：0755-83000000",
        "单位负责人：赵大海",
        "填报日期：2026年1月15日",
        "单位（盖章）：",
    ):
        assert part in text
    assert text.count("草稿") == page_count(path)
    assert text.count("自检未通过") == page_count(path)


def _render(path: Path, decl: Declaration, profile: Profile, options: PrintOptions) -> Path:
    render_pdf(decl, profile, path, options=options, revision=1, fingerprint="abcdef012345")
    return path


def test_character_outside_the_font_is_reported_not_dropped(
    tmp_path: Path, seed_path: Path
) -> None:
    decl, profile = seed(seed_path)
    indicator = decl.categories[0].indicators[2]  # the third row of the indicator table
    indicator.explanation += "\U00020000"  # CJK Extension B, outside GBK and the bundled font
    decl.goals[2] += "\ue000"
    found = check_printable(decl, profile)
    assert [(m.field, m.char) for m in found] == [
        ("目标3", "\ue000"),
        ("指标解释（第3行）", "\U00020000"),
    ]
    target = tmp_path / "out.pdf"
    with pytest.raises(MissingGlyphError) as caught:
        render_pdf(decl, profile, target, options=PrintOptions(), revision=1, fingerprint="x")
    message = str(caught.value)
    assert "指标解释（第3行）" in message and "U+20000" in message and "目标3" in message
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_missing_font_file_is_a_clear_error(tmp_path: Path, seed_path: Path) -> None:
    decl, profile = seed(seed_path)
    options = PrintOptions(font_path=str(tmp_path / "simsun.ttc"))
    with pytest.raises(FontError, match="找不到打印字体文件"):
        render_pdf_bytes(decl, profile, options=options, revision=1, fingerprint="x")
