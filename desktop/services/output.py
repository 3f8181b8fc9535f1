"""Writing a declaration to .json, .pdf or .xlsx, for the command line and the GUI alike."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop import __version__
from desktop.domain.model import Declaration
from desktop.domain.profile import load_profile
from desktop.exchange.canonical import fingerprint
from desktop.exchange.writer import write_json_file

OUTPUT_SUFFIXES = (".pdf", ".xlsx", ".json")


class UnsupportedOutputError(ValueError):
    """The output file's suffix names no format we write."""


def json_meta(declaration: Declaration, revision: int | None) -> dict[str, object]:
    meta: dict[str, object] = {
        "app": f"perfdecl {__version__}",
        "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "fingerprint": fingerprint(declaration),
    }
    if revision is not None:
        meta["revision"] = revision
    return meta


def write_output(declaration: Declaration, out: Path, revision: int | None) -> None:
    """Write ``declaration`` to ``out`` (format by suffix), atomically.

    Raises :class:`UnsupportedOutputError`, ``MissingGlyphError`` (PDF) or ``OSError``.
    """
    suffix = out.suffix.lower()
    if suffix == ".json":
        write_json_file(declaration, out, json_meta(declaration, revision))
    elif suffix == ".pdf":
        from desktop.documents.printing import export_pdf_with_settings

        export_pdf_with_settings(
            declaration, out, revision=revision, fingerprint=fingerprint(declaration)
        )
    elif suffix == ".xlsx":
        from desktop.documents.xlsx import export_xlsx

        export_xlsx(
            declaration,
            load_profile(declaration.profile_id),
            out,
            revision=revision,
            fingerprint=fingerprint(declaration),
        )
    else:
        raise UnsupportedOutputError(
            f"{out}：不支持的导出格式“{out.suffix}”，请使用 .pdf、.xlsx 或 .json"
        )
