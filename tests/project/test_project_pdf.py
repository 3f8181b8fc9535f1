"""The printed project form of each layout (docs/project-form.md §2): grid, pages, footer."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from desktop.documents.layout import FormLayout
from desktop.documents.options import Orientation, PrintOptions
from desktop.documents.pdf import render_pdf
from desktop.documents.project_layout import build_project_layout
from desktop.domain.model import Declaration
from desktop.domain.profile import load_profile
from desktop.domain.project import ProjectDeclaration
from desktop.exchange.canonical import fingerprint
from desktop.exchange.reader import read_json_file
from tests.documents.helpers import page_count, pdftotext, squeeze
from tests.project.helpers import ANNUAL, ZDPQ, doc, read


def _pdf(decl: Declaration, path: Path, options: PrintOptions | None = None) -> str:
    render_pdf(decl, load_profile(decl.profile_id), path, options=options or PrintOptions(), revision=2, fingerprint=fingerprint(decl))
    return squeeze(pdftotext(path))


def _cells(layout: FormLayout) -> dict[str, str]:
    return {cell.field: cell.text for _b, row in layout.rows() for cell in row.cells if cell.field}


@pytest.mark.parametrize("path", [ZDPQ, ANNUAL])
def test_every_text_and_the_fingerprint_are_printed(path: Path, tmp_path: Path) -> None:
    decl = read_json_file(path).declaration
    assert isinstance(decl, ProjectDeclaration)
    text = _pdf(decl, tmp_path / "p.pdf")
    assert f"第2版·指纹{fingerprint(decl)}" in text
    assert squeeze(decl.project.name) in text and squeeze(decl.unit_name) in text
    for number, goal in enumerate(decl.goals, start=1):
        assert squeeze(f"目标{number}：{goal}") in text
    layout = build_project_layout(decl)
    printed = [c.text for _b, row in layout.rows() for c in row.cells]
    for _category, indicator in decl.iter_indicators():
        assert indicator.name in printed
        if len(indicator.name) <= 8:
            assert indicator.name in text
    if decl.mid_term is not None:
        for number, goal in enumerate(decl.mid_term.goals, start=1):
            assert squeeze(f"目标{number}：{goal}") in text
        for category in decl.mid_term.categories:
            assert all(i.name in printed for i in category.indicators)


def test_mof_layout_is_landscape_with_paired_rows_and_continuation_pages(tmp_path: Path) -> None:
    decl = read(doc())
    out = tmp_path / "mof.pdf"
    _pdf(decl, out, PrintOptions(orientation=Orientation.PORTRAIT))  # the profile forces landscape
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.276" in info
    pages = page_count(out)
    assert pages >= 2
    for page in range(2, pages + 1):  # the indicator header repeats on continuation pages
        page_text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-raw", str(out), "-"],
            capture_output=True, text=True, check=True,
        ).stdout
        assert "一级指标" in page_text and f"第 {page} 页 共 {pages} 页" in page_text
    layout = build_project_layout(decl)
    cells = _cells(layout)
    assert cells["项目期"] == "3年"
    assert cells["中期资金 total"] == "3850.00" and cells["年度资金 total"] == "1279.04"
    row = next(
        r for _b, r in layout.rows() if any(c.text == "开展施工项目现场巡查次数" and c.col == 3 for c in r.cells)
    )
    by_col = {c.col: c.text for c in row.cells}
    assert (by_col[4], by_col[6], by_col[7]) == ("≥12次", "开展施工项目现场巡查次数", "≥4次")
    headings = [c.text for _b, r in layout.rows() for c in r.cells if c.text.startswith("中期目标")]
    assert headings == ["中期目标（2026年—2028年）"]


def test_mid_horizon_not_in_use_prints_empty_cells_not_zero() -> None:
    data = doc()
    data.pop("mid_term")
    data["project"]["supervisor_code"] = "301"
    cells = _cells(build_project_layout(read(data)))
    assert cells["中期资金 total"] == "" and cells["中期资金 fiscal"] == ""
    assert cells["年度资金 other"] == "0.00"
    assert cells["主管部门"] == "301-深圳市福田区重点片区建设发展中心（本级）"


def test_annual_layout_prints_the_range_period_and_units_beside_values() -> None:
    data = doc(ANNUAL)
    data["project"]["period_end"] = 2027
    data["indicators"][0]["value"], data["indicators"][0]["unit"] = "≥48", "万平方米"
    layout = build_project_layout(read(data))
    cells = _cells(layout)
    assert cells["项目期"] == "2026年—2027年"
    assert "≥48万平方米" in cells.values()
    assert layout.page.columns_mm == (16, 18, 27, 23, 23, 42, 26)


def test_signature_block_with_project_head_follows_the_profile(tmp_path: Path) -> None:
    data = doc()
    data["footer"] = {"project_head": "赵六", "preparer": "王五"}
    text = _pdf(read(data), tmp_path / "sig.pdf", PrintOptions(signature_block=True))
    assert "项目负责人：赵六" in text and "填报人：王五" in text
    assert text.index("填报单位（盖章）：") < text.index("项目名称")  # T3, above the table
    plain = _pdf(read(data), tmp_path / "plain.pdf")
    assert "项目负责人" not in plain and "填报单位（盖章）" not in plain
    data = doc(ANNUAL)
    data["profile"] = "SZ-PROJECT-2026"
    data["project"]["texts"] = {"content": "1.日常养护；\n2.补植苗木。"}
    text = _pdf(read(data), tmp_path / "sz.pdf", PrintOptions(signature_block=True))
    assert "项目负责人" not in text and "填报人：" in text
    assert "主要内容1.日常养护；2.补植苗木。" in text and "度量单位" in text and "指标解释" in text


@pytest.mark.parametrize("path", [ZDPQ, ANNUAL])
def test_pdftotext_shows_every_printed_line(path: Path, tmp_path: Path) -> None:
    """Every line of every cell, as the measurer wraps it, is in the PDF's text."""
    from desktop.documents.pdf_pages import paginate_form

    decl = read_json_file(path).declaration
    out = tmp_path / "p.pdf"
    text = _pdf(decl, out)
    form = paginate_form(decl, load_profile(decl.profile_id), PrintOptions())
    measurer = form.measurer
    checked = 0
    for page in form.pages:
        for page_row in page.rows:
            for cell in page_row.row.cells:
                size = measurer.small if cell.small else measurer.body
                for line in measurer.lines(cell, size):
                    if line.strip():
                        assert squeeze(line) in text, line
                        checked += 1
    assert checked > 60


@pytest.mark.parametrize("path", [ZDPQ, ANNUAL])
def test_other_funds_stand_indented_under_fiscal_funds(path: Path, tmp_path: Path) -> None:
    """其他资金 prints after the width of 其中：, under 财政拨款, as on the paper form."""
    decl = read_json_file(path).declaration
    out = tmp_path / "p.pdf"
    _pdf(decl, out)
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(out), "-"],
        capture_output=True, text=True, check=True,
    ).stdout
    def left_of(word: str) -> float:
        found = re.search(r'<word xMin="([\d.]+)"[^>]*>' + re.escape(word) + "</word>", html)
        assert found is not None, word
        return float(found.group(1))

    fiscal = left_of("其中：财政拨款")
    other = left_of("其他资金")
    assert fiscal + 20 < other < fiscal + 60  # three characters at the body size
