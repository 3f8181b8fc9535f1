"""The 申报表 sheet breaks labels like the PDF and sizes rows to their text.

Row heights are checked against the bundled Song font (what LibreOffice prints the sheet with
when 宋体 maps to it, and what the PDF uses): its real advance widths wrap each cell, its line
pitch ((win ascent + descent) / em) gives the height a line needs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import openpyxl
from fontTools.ttLib import TTFont

from desktop.documents.form_layout import build_form_layout
from desktop.documents.layout import Role
from desktop.documents.linebreak import wrap_lines
from desktop.documents.xlsx.form_sheet import PT_MM
from desktop.domain.model import Declaration, Indicator
from desktop.domain.profile import Profile
from desktop.resources import font_path

FIRST_TABLE_ROW = 3
BODY_PT = 10.5
CELL_PAD_MM = 2.5  # Excel's column unit already holds 5 px of padding; 2.5 mm is generous


@cache
def _font() -> tuple[dict[str, float], float]:
    """Advance widths in ems by character, and the line pitch in ems."""
    font = TTFont(font_path())
    em = font["head"].unitsPerEm
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    widths = {chr(code): hmtx[glyph][0] / em for code, glyph in cmap.items()}
    os2 = font["OS/2"]
    return widths, (os2.usWinAscent + os2.usWinDescent) / em


def _width_mm(text: str) -> float:
    widths, _pitch = _font()
    return sum(widths.get(ch, 1.0) for ch in text) * BODY_PT * PT_MM


def _lines(text: str, width_mm: float) -> int:
    return len(wrap_lines(text, width_mm - CELL_PAD_MM, _width_mm))


def test_labels_are_split_like_the_pdf(seed_xlsx: Path) -> None:
    ws = openpyxl.load_workbook(seed_xlsx)["申报表"]
    values = {str(c.value).replace("\n", ""): c.value for row in ws.iter_rows() for c in row if c.value}
    assert values["满意度指标"] == "满意度\n指标"  # column A: not 满意度指 / 标
    assert values["社会效益指标"] == "社会效益\n指标"
    assert values["服务对象满意度指标"] == "服务对象\n满意度指标"
    assert values["一级指标"] == "一级\n指标"
    assert values["年度主要任务"] == "年度\n主要\n任务"
    assert values["数量指标"] == "数量指标"  # what fits stays on one line
    # running text is left to the spreadsheet's own wrapping (no breaks inserted)
    assert "\n" not in values["主要用于人员、公用及对个人和家庭补助支出等"]


def _check_heights(decl: Declaration, profile: Profile, export: Callable[..., Path]) -> int:
    ws = openpyxl.load_workbook(export(decl))["申报表"]
    layout = build_form_layout(decl, profile)
    columns = layout.page.columns_mm
    _widths, pitch = _font()
    line_pt = BODY_PT * pitch
    checked = 0
    for offset, (_block, row) in enumerate(layout.rows()):
        number = FIRST_TABLE_ROW + offset
        lines = 1
        for cell in row.cells:
            if cell.rowspan == 1 and cell.role is not Role.VERTICAL_LABEL:
                text = ws.cell(number, cell.col + 1).value
                width = sum(columns[cell.col : cell.col + cell.colspan])
                lines = max(lines, _lines(str(text or ""), width))
        need = lines * line_pt
        height = ws.row_dimensions[number].height
        assert need <= height <= 1.5 * need, (row.title or row.kind.value, lines, height)
        checked += 1
    return checked


def test_row_heights_fit_the_lines_of_their_tallest_cell(
    seed: Declaration, profile: Profile, export: Callable[..., Path]
) -> None:
    assert _check_heights(seed, profile, export) == 51  # 1 header, 6 task, 10 goal, 34 indicator rows


def test_row_heights_fit_long_and_mixed_texts(
    seed: Declaration, profile: Profile, export: Callable[..., Path]
) -> None:
    seed.tasks[1].content = "\n".join(
        f"{n}. 开展“显著”“明显”类评价，完成率≥95%，形成VI系统设计成果（第{n}期）。" for n in range(1, 9)
    )
    seed.goals[0] = "通过开展2026年度各类工作，" * 12
    seed.categories[0].indicators.append(
        Indicator("成本控制率（含2026年度追加预算）", "≥90%", "", "成本控制率=实际支出/预算总额*100%；" * 6)
    )
    assert _check_heights(seed, profile, export) == 52
