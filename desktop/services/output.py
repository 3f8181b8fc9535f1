"""Writing a declaration to .json, .pdf or .xlsx, for the command line and the GUI alike.

:func:`export_stored` writes the file of a stored declaration *before* it freezes the working
copy as a new revision, so an output that cannot be written (a full disk, a folder without write
permission, a font error) leaves the database exactly as it was (docs/cli.md, exit status 2).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from desktop import __version__
from desktop.domain.model import Declaration
from desktop.domain.normalise import normalised
from desktop.domain.profile import load_profile
from desktop.domain.validate import problems
from desktop.exchange.canonical import equal_in_content, fingerprint
from desktop.exchange.reader import declaration_from_dict
from desktop.exchange.writer import declaration_to_dict, write_json_file
from desktop.services.revisions import latest_revision, output_source, readable_revision
from desktop.services.store import DeclarationStore, RefusedContentError, RevisionInfo

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


@contextlib.contextmanager
def _staged(out: Path) -> Iterator[Path]:
    """A temporary file beside ``out`` with its suffix; renamed onto ``out`` on success."""
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        os.replace(temp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _as_frozen(declaration: Declaration) -> Declaration:
    """The declaration exactly as a revision made from it will read back."""
    text = json.dumps(declaration_to_dict(declaration), ensure_ascii=False, sort_keys=True)
    return declaration_from_dict(json.loads(text)).declaration


def export_stored(
    store: DeclarationStore, declaration_id: int, out: Path, revision: int | None = None
) -> RevisionInfo:
    """Write stored declaration ``declaration_id`` to ``out``; returns the revision it names.

    With ``revision`` that revision is written exactly. Otherwise the working copy is written,
    and frozen as the next revision only after its file is complete (docs/cli.md "Revisions"); if
    another program saved in between, the file is rewritten from the revision actually made.
    Raises ``NotFoundError``, ``OSError`` and the errors of :func:`write_output`.
    """
    latest = latest_revision(store, declaration_id)
    if revision is not None:
        source = output_source(store, declaration_id, revision)
        write_output(source.declaration, out, source.revision.number)
        return source.revision
    working = normalised(store.load(declaration_id))
    found = problems(working)  # a working copy stored by an older program may fail the gate
    if found:
        raise RefusedContentError(f"无法导出：{found[0]}", found)
    if latest is not None:
        frozen = readable_revision(store, declaration_id, latest.number)
        if frozen is not None and equal_in_content(working, frozen):
            write_output(frozen, out, latest.number)
            return latest
    staged = _as_frozen(working)
    expected = (latest.number if latest is not None else 0) + 1
    with _staged(out) as temp:
        write_output(staged, temp, expected)
        info = store.make_revision(declaration_id)
        made = store.load_revision(declaration_id, info.number)
        if info.number != expected or not equal_in_content(made, staged):
            write_output(made, temp, info.number)
    return info
