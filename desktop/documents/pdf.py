"""The official form as PDF: one bordered table in the layout of docs/form-layout.md, drawn page by
page on a reportlab canvas from :func:`paginate_form`'s pages.

Reproducible bytes: the canvas runs in reportlab's invariant mode (fixed document /ID and a
fixed internal timestamp), and the one moving part, CreationDate/ModDate, is written by our own
date formatter from ``created`` (default: now). Same declaration, revision, fingerprint and
options → the same bytes apart from those two dates. Fonts are embedded as subsets; the canvas
starts in the print font so no unembedded Helvetica is ever referenced.
"""

from __future__ import annotations

import io
import os
from datetime import datetime
from typing import Any

from desktop.atomic import atomic_write_bytes
from desktop.documents.fonts import MissingGlyph, load_print_font, missing_glyphs
from desktop.documents.layout import Cell, Role, SignatureItem, VAlign
from desktop.documents.options import PrintOptions
from desktop.documents.paginate import Page, Step
from desktop.documents.pdf_measure import PAD_X, PAD_Y
from desktop.documents.pdf_pages import (
    SIGNATURE_GAP,
    SIGNATURE_LINE,
    FormPages,
    paginate_form,
)
from desktop.documents.printed_form import build_layout
from desktop.domain.model import Declaration
from desktop.domain.profile import Profile

__all__ = ["check_printable", "render_pdf", "render_pdf_bytes"]

GRID_LINE = 0.6
BOLD_STROKE = 0.28  # simulated bold: fill + a thin stroke of the outlines (one-weight font)


def check_printable(
    decl: Declaration, profile: Profile, options: PrintOptions | None = None
) -> list[MissingGlyph]:
    """Every (field, character) of the printed form that the print font cannot show."""
    options = options or PrintOptions()
    font = load_print_font(options.font_path, options.font_index)
    return missing_glyphs(build_layout(decl, profile, options).texts(), font)


def render_pdf_bytes(
    decl: Declaration,
    profile: Profile,
    *,
    options: PrintOptions | None = None,
    revision: int | str | None,
    fingerprint: str,
    created: datetime | None = None,
    step: Step | None = None,
) -> bytes:
    """The PDF as bytes; raises MissingGlyphError before drawing anything it would lose.

    ``step(done, total)`` is called between rows and after each drawn page (a preview shows
    progress and stops a render nobody wants by raising from it)."""
    form = paginate_form(decl, profile, options, step)
    return _draw(form, options or PrintOptions(), decl, revision, fingerprint, created, step)


def render_pdf(
    decl: Declaration,
    profile: Profile,
    path: str | os.PathLike[str],
    *,
    options: PrintOptions | None = None,
    revision: int | str | None,
    fingerprint: str,
    created: datetime | None = None,
) -> int:
    """Write the PDF atomically to ``path``; returns the number of pages."""
    form = paginate_form(decl, profile, options)
    data = _draw(form, options or PrintOptions(), decl, revision, fingerprint, created)
    atomic_write_bytes(path, data)
    return len(form.pages)


def _pdf_date(created: datetime | None) -> str:
    """PDF date text; an aware ``created`` keeps its zone, a naive one is local time."""
    moment = (
        created
        if created is not None and created.tzinfo
        else (created or datetime.now()).astimezone()
    )
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return moment.strftime("D:%Y%m%d%H%M%S") + f"{sign}{hours:02d}'{mins:02d}'"


def _draw(
    form: FormPages,
    options: PrintOptions,
    decl: Declaration,
    revision: int | str | None,
    fingerprint: str,
    created: datetime | None,
    step: Step | None = None,
) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    geo = form.geometry
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(geo.width, geo.height),
        invariant=1,
        pageCompression=1,
        initialFontName=form.font.name,
        initialFontSize=form.layout.typography.body_pt,
        lang="zh-CN",
    )
    stamp = _pdf_date(created)
    canvas.setDateFormatter(lambda *_parts: stamp)
    title = f"{form.layout.title}{form.layout.subtitle}"
    canvas.setTitle(f"{title} {decl.unit_name}".strip())
    canvas.setAuthor(decl.unit_name or "绩效目标申报助手")
    canvas.setSubject(f"{decl.year}年度{form.layout.title}，指纹 {fingerprint}")
    canvas.setKeywords(f"{profile_keywords(decl)} {fingerprint}")
    canvas.setCreator("PerfDecl 绩效目标申报助手")
    # An int is a saved revision; a str is printed as given (the preview's 预览（未存档）).
    if isinstance(revision, str):
        version = revision
    else:
        version = f"第 {revision} 版" if revision is not None else "未存档"
    for done, page in enumerate(form.pages, start=1):
        _PageDrawer(canvas, form, page).draw(options, version, fingerprint)
        canvas.showPage()
        if step is not None:
            step(done, len(form.pages))
    canvas.save()
    return buffer.getvalue()


def profile_keywords(decl: Declaration) -> str:
    return f"{decl.profile_id} {decl.year}"


class _PageDrawer:
    def __init__(self, canvas: Any, form: FormPages, page: Page) -> None:
        self.c = canvas
        self.form = form
        self.page = page
        self.geo = form.geometry
        self.font = form.font.name
        layout = form.layout
        self.col_x = [self.geo.left]
        for width in form.measurer.columns:
            self.col_x.append(self.col_x[-1] + width)
        self.typo = layout.typography

    def draw(self, options: PrintOptions, version: str, fingerprint: str) -> None:
        if options.draft:
            self._watermark()
        y = self.geo.top
        if self.page.has_title:
            y = self._title(y)
        y = self._table(y)
        if self.page.has_signature:
            self._signature(y, self.form.layout.signature)
        self._footer(options, version, fingerprint)

    def _text(
        self, x: float, y: float, text: str, size: float, *, bold: bool, centre: bool
    ) -> None:
        self.c.saveState()
        self.c.setFont(self.font, size)
        if bold:
            self.c.setLineWidth(BOLD_STROKE * size / 10.5)
        mode = 2 if bold else 0
        if centre:
            self.c.drawCentredString(x, y, text, mode=mode)
        else:
            self.c.drawString(x, y, text, mode=mode)
        self.c.restoreState()

    def _title(self, y: float) -> float:
        centre = self.geo.left + self.geo.table_width / 2
        title_pt, sub_pt = self.typo.title_pt, self.typo.subtitle_pt
        y -= title_pt * 1.1
        self._text(centre, y, self.form.layout.title, title_pt, bold=True, centre=True)
        y -= sub_pt * 1.5
        self._text(centre, y, self.form.layout.subtitle, sub_pt, bold=False, centre=True)
        top = self.geo.top - (title_pt * 1.6 + sub_pt * 1.5 + 8.0)
        above = self.form.layout.above_table
        if above:
            body = self.typo.body_pt
            self._text(self.geo.left, top - body * 1.2, above, body, bold=False, centre=False)
            top -= body * 1.6
        return top

    def _table(self, top: float) -> float:
        heights = [r.height for r in self.page.rows]
        self.c.setLineWidth(GRID_LINE)
        y = top
        for index, page_row in enumerate(self.page.rows):
            for cell in page_row.row.cells:
                height = sum(heights[index : index + cell.rowspan])
                self._cell(cell, y, height)
            y -= heights[index]
        return y

    def _cell(self, cell: Cell, top: float, height: float) -> None:
        x = self.col_x[cell.col]
        width = self.col_x[cell.col + cell.colspan] - x
        self.c.rect(x, top - height, width, height, stroke=1, fill=0)
        if not cell.text:
            return
        para, text_height = self.form.measurer.paragraph(cell)
        if cell.valign is VAlign.TOP and cell.role is not Role.AMOUNT:
            y = top - PAD_Y - text_height
        else:
            y = top - height + (height - text_height) / 2
        if cell.bold:
            self.c.saveState()
            self.c.addLiteral("2 Tr")
            self.c.setLineWidth(BOLD_STROKE)
            para.drawOn(self.c, x + PAD_X, y)
            self.c.restoreState()
        else:
            para.drawOn(self.c, x + PAD_X, y)

    def _signature(self, y: float, items: tuple[SignatureItem, ...]) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        size = self.typo.body_pt
        half = self.geo.table_width / 2
        y -= SIGNATURE_GAP
        for index, item in enumerate(items):
            line, column = divmod(index, 2)
            x = self.geo.left + column * half
            baseline = y - line * SIGNATURE_LINE - size
            self._text(x, baseline, f"{item.label}{item.value}", size, bold=False, centre=False)
            if not item.value and item.field:  # a blank to fill in by hand (not the seal area)
                start = x + stringWidth(item.label, self.font, size) + 2
                self.c.setLineWidth(0.5)
                self.c.line(start, baseline - 2, x + half - 24, baseline - 2)

    def _footer(self, options: PrintOptions, version: str, fingerprint: str) -> None:
        centre = self.geo.left + self.geo.table_width / 2
        bottom = self.geo.bottom
        total = len(self.form.pages)
        number = f"第 {self.page.number} 页 共 {total} 页"
        self._text(centre, bottom * 0.55, number, 10.5, bold=False, centre=True)
        parts = [version, f"指纹 {fingerprint}"] + (["自检未通过"] if options.draft else [])
        self._text(centre, bottom * 0.55 - 12, " · ".join(parts), 7.5, bold=False, centre=True)

    def _watermark(self) -> None:
        self.c.saveState()
        self.c.setFillGray(0.88)
        self.c.setFont(self.font, 150)
        self.c.translate(self.geo.width / 2, self.geo.height / 2)
        self.c.rotate(40)
        self.c.drawCentredString(0, -50, "草稿")
        self.c.restoreState()
