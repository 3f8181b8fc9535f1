"""Page geometry of the PDF and the paginated form (layout + pages), shared by render and tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from desktop.documents.fonts import MissingGlyphError, PrintFont, load_print_font, missing_glyphs
from desktop.documents.layout import FormLayout
from desktop.documents.options import PrintOptions
from desktop.documents.paginate import Page, PageFrame, Step, paginate
from desktop.documents.pdf_measure import MM, PdfMeasurer
from desktop.documents.printed_form import build_layout
from desktop.domain.model import Declaration
from desktop.domain.profile import Profile

TITLE_GAP = 8.0
SIGNATURE_GAP = 14.0
SIGNATURE_LINE = 26.0
SIGNATURE_LINES = 3
#: Fixed words of the page footer and watermark, checked against the font like the form's text.
FOOTER_WORDS = "第 页 共 版 未存档 指纹 自检未通过 草稿 · 0123456789abcdef"


@dataclass(frozen=True)
class Geometry:
    """Page size and frame in points (PDF origin bottom-left)."""

    width: float
    height: float
    left: float
    top: float  # y of the top edge of the frame
    bottom: float  # y of the bottom edge of the frame
    table_width: float

    @classmethod
    def of(cls, layout: FormLayout) -> Geometry:
        page = layout.page
        top, _right, bottom, left = (m * MM for m in page.margins_mm)
        return cls(
            width=page.width_mm * MM,
            height=page.height_mm * MM,
            left=left,
            top=page.height_mm * MM - top,
            bottom=bottom,
            table_width=sum(page.columns_mm) * MM,
        )

    @property
    def frame_height(self) -> float:
        return self.top - self.bottom


def title_height(layout: FormLayout) -> float:
    height = layout.typography.title_pt * 1.6 + layout.typography.subtitle_pt * 1.5 + TITLE_GAP
    return height + (layout.typography.body_pt * 1.6 if layout.above_table else 0.0)


def signature_height(layout: FormLayout) -> float:
    return SIGNATURE_GAP + SIGNATURE_LINES * SIGNATURE_LINE if layout.signature else 0.0


@dataclass(frozen=True)
class FormPages:
    """The form cut into pages, with what drawing it needs."""

    layout: FormLayout
    pages: list[Page]
    measurer: PdfMeasurer
    font: PrintFont
    geometry: Geometry
    frame: PageFrame

    def texts(self) -> Iterator[str]:
        """Every cell text as printed, page by page (for tests and previews)."""
        for page in self.pages:
            for page_row in page.rows:
                for cell in page_row.row.cells:
                    yield cell.text


def paginate_form(
    decl: Declaration,
    profile: Profile,
    options: PrintOptions | None = None,
    step: Step | None = None,
) -> FormPages:
    """Lay out, check against the font and paginate; raises MissingGlyphError, FontError."""
    options = options or PrintOptions()
    font = load_print_font(options.font_path, options.font_index)
    layout = build_layout(decl, profile, options)
    missing = missing_glyphs([*layout.texts(), ("页脚", FOOTER_WORDS)], font)
    if missing:
        raise MissingGlyphError(missing, font.display_name)
    geometry = Geometry.of(layout)
    frame = PageFrame(
        first=geometry.frame_height - title_height(layout),
        other=geometry.frame_height,
        signature=signature_height(layout),
    )
    measurer = PdfMeasurer(layout, font)
    layout = measurer.shrink_tall_rows(layout, frame.other)
    pages = paginate(layout, measurer, frame, repeat_labels=options.repeat_labels, step=step)
    return FormPages(layout, pages, measurer, font, geometry, frame)
