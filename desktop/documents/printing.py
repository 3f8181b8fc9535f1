"""The print path shared by command line and GUI: settings → options, draft mark, font check.

The command line and the GUI print with the same settings (desktop.settings) and the same
review rules, so the paper is the same whichever prints it.
"""

from __future__ import annotations

import os
from datetime import datetime

from desktop.documents.fonts import FontError, MissingGlyphError
from desktop.documents.options import Orientation, PrintOptions
from desktop.documents.paginate import Step
from desktop.documents.pdf import check_printable, render_pdf, render_pdf_bytes
from desktop.domain.model import Declaration
from desktop.domain.profile import load_profile
from desktop.settings import Settings

__all__ = [
    "MissingGlyphError",
    "FontError",
    "print_options",
    "check_printable_with_settings",
    "export_pdf_with_settings",
    "has_blocking_findings",
]


def has_blocking_findings(declaration: Declaration) -> bool:
    """True while error-level findings that were not accepted remain (the 草稿 condition)."""
    from desktop.rules.engine import check_declaration

    return any(f.severity == "error" and not f.accepted for f in check_declaration(declaration))


def print_options(declaration: Declaration, settings: Settings | None = None) -> PrintOptions:
    """The print options of the user's settings, with ``draft`` decided by the rules."""
    settings = settings or Settings()
    draft = bool(settings.get("print.draft_watermark")) and has_blocking_findings(declaration)
    return PrintOptions(
        orientation=Orientation(settings.get("print.orientation")),
        signature_block=bool(settings.get("print.signature_block")),
        repeat_labels=bool(settings.get("print.repeat_labels")),
        font_path=str(settings.get("print.font_path")),
        font_index=int(settings.get("print.font_index")),
        draft=draft,
    )


def check_printable_with_settings(
    declaration: Declaration, settings: Settings | None = None
) -> None:
    """Raise :class:`MissingGlyphError` when the print font lacks a character of the form."""
    settings = settings or Settings()
    options = PrintOptions(
        font_path=str(settings.get("print.font_path")),
        font_index=int(settings.get("print.font_index")),
    )
    missing = check_printable(declaration, load_profile(declaration.profile_id), options)
    if missing:
        raise MissingGlyphError(missing)


def export_pdf_with_settings(
    declaration: Declaration,
    path: str | os.PathLike[str],
    *,
    revision: int | None,
    fingerprint: str,
    settings: Settings | None = None,
) -> int:
    """Write the PDF of ``declaration`` with the user's print settings; returns the page count."""
    return render_pdf(
        declaration,
        load_profile(declaration.profile_id),
        path,
        options=print_options(declaration, settings),
        revision=revision,
        fingerprint=fingerprint,
    )


def pdf_bytes_with_settings(
    declaration: Declaration,
    *,
    revision: int | str | None,
    fingerprint: str,
    settings: Settings | None = None,
    created: datetime | None = None,
    step: Step | None = None,
) -> bytes:
    """The same PDF as bytes (preview and printing in the GUI); ``step`` as in render_pdf_bytes."""
    return render_pdf_bytes(
        declaration,
        load_profile(declaration.profile_id),
        options=print_options(declaration, settings),
        revision=revision,
        fingerprint=fingerprint,
        created=created,
        step=step,
    )
