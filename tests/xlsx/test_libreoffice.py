"""The exported workbook as LibreOffice prints it: the form's text on A4 pages.

Runs ``soffice --headless --convert-to pdf`` with its own profile and a fontconfig file that
adds the bundled font and maps 宋体 to it, so the result does not depend on the machine's fonts.
Needs LibreOffice Calc (Debian ``libreoffice-calc-nogui``) and ``pdftotext``/``pdfinfo``
(``poppler-utils``); skipped only when soffice is absent.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.domain.model import Declaration
from desktop.resources import font_path

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{font_dir}</dir>
  <cachedir>{cache_dir}</cachedir>
  <alias binding="same"><family>宋体</family><prefer><family>PerfDecl Song</family></prefer></alias>
  <alias binding="same"><family>SimSun</family><prefer><family>PerfDecl Song</family></prefer></alias>
</fontconfig>
"""


def convert_to_pdf(workbook: Path, folder: Path) -> Path:
    conf = folder / "fonts.conf"
    conf.write_text(FONTS_CONF.format(font_dir=font_path().parent, cache_dir=folder / "fc-cache"), encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), HOME=str(folder))
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/lo-profile",
         "--convert-to", "pdf", "--outdir", str(folder), str(workbook)],
        check=True, capture_output=True, timeout=180, env=env,
    )
    pdf = folder / (workbook.stem + ".pdf")
    assert pdf.is_file()
    return pdf


def pdf_pages(pdf: Path, mode: str) -> list[str]:
    """Page texts: ``-layout`` keeps rows on a line, ``-raw`` keeps each cell's lines together."""
    text = subprocess.run(["pdftotext", mode, str(pdf), "-"], check=True, capture_output=True,
                          timeout=60).stdout.decode("utf-8")
    return [page for page in text.split("\f") if "指纹 c493b6999ea4" in page]  # the form's footer


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_libreoffice_prints_the_form(seed: Declaration, seed_xlsx: Path, tmp_path: Path) -> None:
    pdf = convert_to_pdf(seed_xlsx, tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, timeout=60).stdout.decode()
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, timeout=60).stdout.decode()
    assert "PerfDeclSong" in fonts.replace(" ", "")

    form = pdf_pages(pdf, "-layout")
    assert len(form) >= 2
    first = form[0]
    assert "部门（单位）整体支出绩效目标申报表" in first and "（2026年度）" in first
    assert "深圳市福田区重点片区建设发展中心" in first
    assert "第 1 页 共" in first and "第 3 版" in first
    assert re.search(r"金额合计：\s+3293\.33\s+3293\.33\s+0\.00", first)
    assert re.search(r"基本支出.*1125\.33\s+1125\.33\s+0\.00", squeeze_lines(first))
    whole = squeeze("".join(pdf_pages(pdf, "-raw")))
    for goal in seed.goals:
        assert squeeze(goal) in whole
    for task in seed.tasks:
        assert squeeze(task.content) in whole
    for _category, indicator in seed.iter_indicators():
        for text in (indicator.name, indicator.value, indicator.explanation):
            assert squeeze(text) in whole
    # the indicator column header is repeated on the continuation pages
    assert all("二级指标" in page and "指标解释" in page for page in form[2:])


def squeeze_lines(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines())
